"""Fast or full mode, and checks for the knobs in a notebook's ``parameters`` cell.

Every notebook runs in one of two modes. *Full* mode is what a learner runs and what the
committed outputs show; *fast* mode shrinks data and epochs so that the test suite can
execute every notebook in well under a minute each.

The mode comes from one environment variable, ``RNN_COURSE_FAST``, because nbval (the
regression run) cannot inject parameters; papermill can, and a ``FAST`` it injects wins
over the default read here.
"""

import math
import os

from helpers.distribute import STRATEGIES

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


def mode_name(fast):
    """'fast' or 'full', the name recorded in results files."""
    return "fast" if fast else "full"


def pick(value, *, fast, full, is_fast):
    """``value`` when a notebook's parameter is set, else the default for the mode.

    A parameter left as ``None`` in the parameters cell means "the mode's default", so
    that papermill can override ``FAST`` alone and every size follows it.
    """
    if value is not None:
        return value
    return fast if is_fast else full


# Tests for knob values, shared by the notebooks' own rules.
def is_int(value):
    """An ``int`` (``True`` and ``False`` are not counted as integers)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_count(value):
    """An integer >= 1: a size, a number of epochs, steps or units."""
    return is_int(value) and value >= 1


def is_number(value):
    """A finite ``int`` or ``float`` (not a bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def is_positive_number(value):
    """A finite number > 0: a learning rate, a clipping norm."""
    return is_number(value) and value > 0


def int_at_least(low):
    """The rule ``(description, test)`` for an integer >= ``low``."""
    return (f"an integer >= {low}", lambda v: is_int(v) and v >= low)


#: The rule for a count, and for a positive number.
COUNT = ("an integer >= 1", is_count)
POSITIVE_NUMBER = ("a number > 0", is_positive_number)

# Rules for the knobs that recur across notebooks: (description, test).
RULES = {
    "FAST": ("True or False", lambda v: isinstance(v, bool)),
    "SEED": ("an integer from 0 to 2**32 - 1", lambda v: is_int(v) and 0 <= v < 2**32),
    "EPOCHS": ("an integer >= 1 (or None for the mode's default)", is_count),
    "BATCH_SIZE": ("an integer >= 1 (or None for the mode's default)", is_count),
    "DATA_FRACTION": (
        "a number in (0, 1] (or None for the mode's default)",
        lambda v: is_number(v) and 0 < v <= 1,
    ),
    "STRATEGY": (f"one of {', '.join(STRATEGIES)}", lambda v: v in STRATEGIES),
    "LOGICAL_CPUS": ("an integer >= 1 (or None to leave the CPU whole)", is_count),
}


def check_parameters(rules=None, **params):
    """Validate parameters by name and raise one clear error for the first bad one.

    ``check_parameters(FAST=FAST, SEED=SEED, EPOCHS=EPOCHS)`` uses :data:`RULES`;
    notebook-specific knobs pass their own ``rules={"N_STEPS": (text, test)}``.
    ``None`` is accepted for every knob except ``FAST`` and ``SEED``: it means the
    mode's default (see :func:`pick`).
    """
    all_rules = {**RULES, **(rules or {})}
    for name, value in params.items():
        if name not in all_rules:
            raise KeyError(
                f"no rule to check parameter {name}; pass one as rules={{{name!r}: (text, test)}}"
            )
        text, test = all_rules[name]
        if value is None and name not in ("FAST", "SEED"):
            continue
        if not test(value):
            raise ValueError(
                f"parameter {name} must be {text}, got {value!r}. "
                f"Fix it in the parameters cell or in papermill's -p {name} ... option."
            )
    return params
