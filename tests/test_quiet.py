"""helpers.quiet_native_stderr: what native code writes to fd 2 inside the block disappears."""

import subprocess
import sys

import pytest

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


def test_native_writes_are_muted_inside_the_block_only():
    # A child process, so that the test does not depend on how pytest captures fd 2.
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-3:] == ["before", "after", "restored after an exception"]


def test_exceptions_pass_through():
    import helpers

    with pytest.raises(ValueError, match="kept"), helpers.quiet_native_stderr():
        raise ValueError("kept")
