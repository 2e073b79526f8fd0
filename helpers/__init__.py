"""Shared helpers for the course "Recurrent Neural Networks in TensorFlow 2".

Import it first in a notebook's setup cell: importing it imports TensorFlow with its
native start-up notices captured (they would otherwise land in the notebook's outputs).

- :mod:`helpers.startup`: :func:`start_notebook`, TensorFlow housekeeping;
- :mod:`helpers.modes`: ``FAST`` (from ``RNN_COURSE_FAST``) and :func:`by_mode`;
- :mod:`helpers.parameters`: :func:`check_parameters` and the rules for the knobs;
- :mod:`helpers.seeding`: :func:`seed_everything`;
- :mod:`helpers.data`: one checked loader per dataset in ``data/``;
- :mod:`helpers.results`: :func:`save_results`, the headline numbers and their claims;
- :mod:`helpers.plotting`: the course figure style and diagram primitives;
- :mod:`helpers.training`: Keras callbacks (:class:`EpochLog`, :class:`StopWhenSolved`)
  and :class:`ReusedModels`, one traced model shared by trainings from several seeds;
- :mod:`helpers.initializers`: :func:`lstm_forget_bias`;
- :mod:`helpers.distribute`: ``STRATEGY`` (from ``RNN_COURSE_STRATEGY``) and a
  ``tf.distribute`` strategy chosen by name;
- :mod:`helpers.reference`: :func:`simple_rnn_numpy`, the RNN equation in NumPy;
- :mod:`helpers.tasks`: :func:`memory_task`, a synthetic long-memory task.
"""

from helpers.startup import import_tensorflow_quietly

import_tensorflow_quietly()

from helpers.data import (  # noqa: E402
    DataFileError,
    load_bible_pairs,
    load_mnist,
    load_movie_reviews,
    load_seattle_temps,
    load_sotu_text,
    load_translation_pairs,
)
from helpers.distribute import (  # noqa: E402
    STRATEGIES,
    make_strategy,
    steps_per_call,
    strategy_from_env,
)
from helpers.initializers import lstm_forget_bias  # noqa: E402
from helpers.modes import by_mode, fast_from_env  # noqa: E402
from helpers.parameters import (  # noqa: E402
    COUNT,
    FRACTION,
    POSITIVE,
    Rule,
    at_least,
    check_parameters,
    counts,
    number_in,
    one_of,
)
from helpers.plotting import arrow, box, draw_unrolled_rnn, use_course_style  # noqa: E402
from helpers.reference import simple_rnn_numpy  # noqa: E402
from helpers.results import Timer, save_results  # noqa: E402
from helpers.seeding import seed_everything  # noqa: E402
from helpers.startup import quiet_native_stderr, start_notebook  # noqa: E402
from helpers.tasks import memory_task  # noqa: E402
from helpers.training import EpochLog, ReusedModels, StopWhenSolved  # noqa: E402

#: Fast mode as the environment asks for it; a notebook's parameters cell starts from it.
FAST = fast_from_env()
#: The distribution strategy the environment asks for ("default" unless it says otherwise).
STRATEGY = strategy_from_env()

__all__ = [
    "COUNT",
    "FAST",
    "FRACTION",
    "POSITIVE",
    "STRATEGIES",
    "STRATEGY",
    "DataFileError",
    "EpochLog",
    "ReusedModels",
    "Rule",
    "StopWhenSolved",
    "Timer",
    "arrow",
    "at_least",
    "box",
    "by_mode",
    "check_parameters",
    "counts",
    "draw_unrolled_rnn",
    "fast_from_env",
    "load_bible_pairs",
    "load_mnist",
    "load_movie_reviews",
    "load_seattle_temps",
    "load_sotu_text",
    "load_translation_pairs",
    "lstm_forget_bias",
    "make_strategy",
    "memory_task",
    "number_in",
    "one_of",
    "quiet_native_stderr",
    "save_results",
    "seed_everything",
    "simple_rnn_numpy",
    "start_notebook",
    "steps_per_call",
    "strategy_from_env",
    "use_course_style",
]
