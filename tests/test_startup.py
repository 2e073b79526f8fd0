"""helpers.startup: TensorFlow imported quietly, its notices shown when the import fails."""

import subprocess
import sys
import textwrap

import pytest

from helpers import startup


def _python(code, **env):
    # A child process: the import happens once per process, and fd 2 is the child's own.
    import os

    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )


def test_a_failing_import_shows_what_tensorflow_wrote_to_stderr(tmp_path):
    # A stand-in keras that writes a native notice to fd 2, then fails, as a bad wheel would.
    (tmp_path / "keras").mkdir()
    (tmp_path / "keras" / "__init__.py").write_text(
        "import os\nos.write(2, b'native: CPU lacks AVX2\\n')\nraise RuntimeError('wheel broken')\n"
    )
    result = _python(
        """
        try:
            import helpers
        except ImportError as error:
            print(error)
        """,
        PYTHONPATH=str(tmp_path),
        TMPDIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "TensorFlow could not be imported (wheel broken)" in result.stdout
    assert "native: CPU lacks AVX2" in result.stdout
    assert "make install" in result.stdout
    assert "native: CPU lacks AVX2" not in result.stderr
    assert not list(tmp_path.glob("rnn-course-tensorflow-import-*.log"))


def test_a_kernel_that_died_while_importing_is_reported_at_the_next_start(tmp_path, capsys):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    log = tmp_path / f"rnn-course-tensorflow-import-{int(dead.stdout)}.log"
    log.write_text("Illegal instruction (core dumped)\n")
    startup._report_crashed_imports(tmp_path)
    err = capsys.readouterr().err
    assert "an earlier kernel died while importing TensorFlow" in err
    assert "Illegal instruction" in err
    assert not log.exists()


CODE = """
import os, helpers
os.write(2, b"before\\n")
with helpers.quiet_native_stderr():
    os.write(2, b"hidden\\n")
os.write(2, b"after\\n")
try:
    with helpers.quiet_native_stderr():
        raise KeyError("still raised")
except KeyError:
    os.write(2, b"restored after an exception\\n")
"""


def test_import_is_quiet_and_native_writes_are_muted_inside_the_block_only():
    result = _python(CODE)
    assert result.returncode == 0, result.stderr
    # Nothing from TensorFlow's import: only what the code wrote outside the blocks.
    assert result.stderr.splitlines() == ["before", "after", "restored after an exception"]


def test_exceptions_pass_through():
    with pytest.raises(ValueError, match="kept"), startup.quiet_native_stderr():
        raise ValueError("kept")


def test_start_notebook_prints_the_versions_and_starts_the_clock(capsys):
    startup.start_notebook()
    assert capsys.readouterr().out.startswith("TensorFlow 2.")
    assert 0 <= startup.seconds_since_start() < 60
