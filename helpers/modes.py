"""Fast or full mode: which one this run is in, and values that depend on it.

*Full* mode is what a learner runs; *fast* mode shrinks data and epochs so that every
notebook executes in well under a minute. The mode comes from the environment variable
``RNN_COURSE_FAST``, because nbval cannot inject parameters; papermill can, and a
``FAST`` it injects wins over the default read here.
"""

import os

FAST_ENV_VAR = "RNN_COURSE_FAST"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


def fast_from_env(environ=None):
    """Return True when ``RNN_COURSE_FAST`` asks for fast mode (default: full mode)."""
    environ = os.environ if environ is None else environ
    raw = environ.get(FAST_ENV_VAR, "")
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(
        f"{FAST_ENV_VAR}={raw!r} is not understood: use 1 for fast mode or 0 for full mode "
        f"(also accepted: {sorted(_TRUE)} and {sorted(_FALSE - {''})})."
    )


class ByMode:
    """A parameter's two defaults, one per mode; :func:`helpers.check_parameters` picks one.

    Written in a parameters cell as ``EPOCHS = helpers.by_mode(fast=2, full=20)``, so each
    default is written once and papermill can still override ``FAST`` alone (the choice
    is made after papermill's injected cell) or the parameter itself (``-p EPOCHS 5``).
    """

    __slots__ = ("fast", "full")

    def __init__(self, *, fast, full):
        self.fast, self.full = fast, full

    def resolve(self, is_fast):
        return self.fast if is_fast else self.full

    def __repr__(self):
        return f"by_mode(fast={self.fast!r}, full={self.full!r})"


def by_mode(*, fast, full):
    """A default for each mode: ``fast`` in fast mode, ``full`` otherwise."""
    return ByMode(fast=fast, full=full)
