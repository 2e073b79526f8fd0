""".ci/run: when Chromium cannot be installed, apt's own errors are shown and CI stops."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _fake_bin(folder, apt_get):
    folder.mkdir()
    (folder / "apt-get").write_text(f"#!/bin/sh\n{apt_get}\n")
    (folder / "id").write_text("#!/bin/sh\necho 0\n")  # as root, where CI installs
    (folder / "make").write_text("#!/bin/sh\necho make reached\n")
    for tool in folder.iterdir():
        tool.chmod(0o755)
    # Only the basic tools besides the fakes: no chromium on this PATH.
    for tool in ("bash", "sh", "mktemp", "cat", "rm", "dirname"):
        os.symlink(shutil.which(tool), folder / tool)
    return folder


@pytest.mark.parametrize(
    "apt_get, step",
    [
        ('[ "$1" = update ] && { echo "E: Could not resolve deb.debian.org"; exit 100; }; exit 0',
         "apt-get update failed"),
        ('[ "$1" = install ] && { echo "E: Unable to locate package chromium"; exit 100; }; exit 0',
         "apt-get install chromium poppler-utils failed"),
    ],
    ids=["update", "install"],
)  # fmt: skip
def test_apt_errors_are_shown(tmp_path, apt_get, step):
    bin_dir = _fake_bin(tmp_path / "bin", apt_get)
    result = subprocess.run(
        [str(bin_dir / "bash"), str(ROOT / ".ci" / "run")],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert f"error: {step}" in result.stderr
    assert "E: " in result.stderr  # apt's own words
    assert "make reached" not in result.stdout
