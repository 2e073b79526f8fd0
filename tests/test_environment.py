"""requirements.txt is the one source of pins; environment.yml and the venv must agree."""

import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent


def _requirements():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]


def _requirements_for_this_platform():
    return [r for r in _requirements() if r.marker is None or Marker(str(r.marker)).evaluate()]


def test_every_requirement_is_pinned_exactly():
    for req in _requirements():
        specs = list(req.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", f"{req} is not pinned with =="


def test_environment_yml_points_at_the_same_requirements():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda_deps = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    # Conda installs only Python and pip; every other pin comes from requirements.txt.
    assert {re.split(r"[=<>]", d)[0] for d in conda_deps} == {"python", "pip"}
    assert pip_sections == [["-r requirements.txt", "-e ."]]


def test_environment_python_satisfies_the_package():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python"))
    version = python.split("=", 1)[1]
    pyproject = (ROOT / "pyproject.toml").read_text()
    requires = re.search(r'requires-python = "([^"]+)"', pyproject).group(1)
    assert version in SpecifierSet(requires)


@pytest.mark.parametrize("req", _requirements_for_this_platform(), ids=lambda r: r.name)
def test_installed_versions_match_the_pins(req):
    installed = metadata.version(req.name)
    assert installed in req.specifier, (
        f"{req.name} {installed} is installed but requirements.txt pins {req.specifier}; "
        f"run `make clean && make test` to rebuild .venv"
    )


def test_the_python_floor_is_the_same_everywhere():
    # The pins have wheels for 3.11 to 3.13 only; every place that names the floor agrees.
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.11"' in pyproject
    assert 'target-version = "py311"' in pyproject
    assert "MIN_PYTHON := 3.11" in (ROOT / "Makefile").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "Python 3.11 to 3.13" in readme
    assert not re.search(r"3\.10 or newer", readme)


def test_the_makefile_checks_python_before_creating_the_environment():
    recipe = (ROOT / "Makefile").read_text().split("$(STAMP): requirements.txt pyproject.toml")[1]
    assert recipe.index("sys.version_info <") < recipe.index("-m venv")


@pytest.mark.parametrize(
    "python, says",
    [
        (
            "#!/bin/sh\n[ \"$1\" = -V ] && echo 'Python 3.10.13' && exit 0\nexit 1\n",
            "Python 3.10.13",
        ),
        ("#!/bin/sh\necho 'pyenv: python3.10: command not found' >&2\nexit 127\n", "not a working"),
    ],
    ids=["python 3.10", "a broken command"],
)
def test_make_stops_on_an_old_python_with_a_message_and_creates_nothing(tmp_path, python, says):
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    fake = tmp_path / "python3.10"
    fake.write_text(python)
    fake.chmod(0o755)
    run = subprocess.run(
        ["make", "-C", str(tmp_path), f"PYTHON={fake}", "install"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0
    assert "the course needs Python 3.11 or newer" in run.stderr
    assert says in run.stderr and "make PYTHON=python3.11 install" in run.stderr
    assert "command not found" not in run.stderr  # the broken command's own noise is not shown
    assert not (tmp_path / ".venv").exists()
