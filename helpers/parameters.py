"""Checking the knobs of a notebook's ``parameters`` cell in one call.

A notebook's check cell reads ``params = helpers.check_parameters(globals())``. Every
upper-case name the notebook has defined by then is a parameter; each is checked against
the rule for its name (declared once, here) or a rule the notebook passes for a knob of
its own. A value written as ``helpers.by_mode(fast=..., full=...)`` becomes the value for
the run's mode. The first bad value stops the notebook with a message that names the
parameter, the value and what is allowed.
"""

import math
import re

from helpers.modes import ByMode

_PARAMETER_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
# Where a namespace keeps the parameter names of its first check: when a learner runs every
# cell a second time, the upper-case names set later in the notebook are not parameters.
_NAMES_KEY = "_parameter_names"


class Rule:
    """What a parameter must be: ``text`` for the error message, ``test`` a predicate."""

    __slots__ = ("text", "test")

    def __init__(self, text, test):
        self.text, self.test = text, test

    def __repr__(self):
        return f"Rule({self.text!r})"


def is_int(value):
    """An ``int`` (``True`` and ``False`` are not counted as integers)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    """A finite ``int`` or ``float`` (not a bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def at_least(low):
    """An integer >= ``low``."""
    return Rule(f"an integer >= {low}", lambda v: is_int(v) and v >= low)


def number_in(low, high):
    """A number in the half-open interval (``low``, ``high``]."""
    return Rule(f"a number in ({low}, {high}]", lambda v: is_number(v) and low < v <= high)


def one_of(*choices):
    """One of the given values."""
    return Rule("one of " + ", ".join(map(repr, choices)), lambda v: v in choices)


def counts(*, containing=None):
    """A non-empty tuple or list of integers >= 1 (that contains ``containing``, if given)."""
    text = "a non-empty tuple of integers >= 1"
    if containing is not None:
        text += f" that contains {containing}"
    return Rule(
        text,
        lambda v: (
            isinstance(v, tuple | list)
            and len(v) > 0
            and all(is_int(x) and x >= 1 for x in v)
            and (containing is None or containing in v)
        ),
    )


COUNT = at_least(1)
POSITIVE = Rule("a number > 0", lambda v: is_number(v) and v > 0)
FRACTION = number_in(0, 1)

#: Rules for the knobs that recur across notebooks, by exact name.
RULES = {
    "FAST": Rule("True or False", lambda v: isinstance(v, bool)),
    "SEED": Rule("an integer from 0 to 2**32 - 1", lambda v: is_int(v) and 0 <= v < 2**32),
    "STRATEGY": one_of("default", "mirrored", "multi_worker"),
}

#: Rules by the shape of a name, tried in order: counts, rates, fractions.
NAME_RULES = [
    (re.compile(r"(^N_|(^|_)(EPOCHS|SIZE|STEPS|UNITS|NEURONS|LAYERS|SEEDS|PATIENCE|DIM|"
                r"WIDTH|LEN|LENGTH|INPUTS|PAIRS|BATCH)$)"), COUNT),
    (re.compile(r"(^|_)(LEARNING_RATE|RATE|CLIP_NORM|CLIPNORM)$"), POSITIVE),
    (re.compile(r"(^|_)FRACTION$"), FRACTION),
]  # fmt: skip


def rule_for(name, extra=None):
    """The rule that applies to parameter ``name`` (``extra`` first, then the course's)."""
    if extra and name in extra:
        return extra[name]
    if name in RULES:
        return RULES[name]
    for pattern, rule in NAME_RULES:
        if pattern.search(name):
            return rule
    raise KeyError(
        f"there is no rule for parameter {name}: name it like the course's other knobs "
        f"(N_..., ..._EPOCHS, ..._SIZE, ..._RATE, ...) or pass one, for example "
        f"helpers.check_parameters(globals(), {name}=helpers.COUNT)"
    )


def _is_parameter(name, value):
    return bool(_PARAMETER_NAME.match(name)) and not callable(value) and not _is_module(value)


def _is_module(value):
    return type(value).__name__ == "module"


def check_parameters(namespace, **rules):
    """Check every parameter in ``namespace``, resolve ``by_mode`` values, return them all.

    ``namespace`` is the notebook's ``globals()``; resolved values are written back into
    it, so that ``EPOCHS`` is a plain number afterwards. ``rules`` give rules for knobs the
    course has no rule for (``SEQ_LEN=helpers.at_least(4)``). Raises ``ValueError`` naming
    the first bad parameter; also records the mode and values for :func:`save_results`.
    """
    from helpers import results

    names = namespace.get(_NAMES_KEY)
    if names is None:
        names = [name for name, value in namespace.items() if _is_parameter(name, value)]
    params = {name: namespace[name] for name in names if name in namespace}
    if "FAST" not in params:
        raise KeyError("the parameters cell must set FAST (FAST = helpers.FAST)")
    unknown = set(rules) - set(params)
    if unknown:
        raise KeyError(f"rules given for parameters that are not set: {sorted(unknown)}")
    fast = params["FAST"]
    _check("FAST", fast, RULES["FAST"])
    for name, value in params.items():
        if isinstance(value, ByMode):
            value = value.resolve(fast)
        _check(name, value, rule_for(name, rules))
        params[name] = value
    namespace.update(params)
    namespace.setdefault(_NAMES_KEY, tuple(params))
    results.remember_run(fast=fast, parameters=params)
    return params


def _check(name, value, rule):
    if not rule.test(value):
        raise ValueError(
            f"parameter {name} must be {rule.text}, got {value!r}. "
            f"Fix it in the parameters cell or in papermill's -p {name} ... option."
        )
