"""Shared helpers for the course "Recurrent Neural Networks in TensorFlow 2".

Import it first in a notebook's setup cell: it silences TensorFlow's C++ start-up banner,
which is written to stderr no matter what ``TF_CPP_MIN_LOG_LEVEL`` says, and would
otherwise end up in every notebook's committed outputs.

- :mod:`helpers.mode`: ``FAST`` (from ``RNN_COURSE_FAST``), parameter checks and rules;
- :mod:`helpers.seeding`: :func:`seed_everything`;
- :mod:`helpers.data`: one checked loader per dataset in ``data/``;
- :mod:`helpers.results`: :func:`save_results` into ``results/<notebook>.json``;
- :mod:`helpers.plotting`: the course figure style and unrolled-RNN diagrams;
- :mod:`helpers.distribute`: a ``tf.distribute`` strategy chosen by name;
- :mod:`helpers.reference`: :func:`simple_rnn_numpy`, the RNN equation in NumPy;
- :mod:`helpers.quiet`: :func:`quiet_native_stderr`, for TensorFlow's C++ notices.
"""

import os
import sys

from helpers.quiet import quiet_native_stderr


def _import_tensorflow_quietly():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if "tensorflow" in sys.modules:
        return
    with quiet_native_stderr():
        import keras  # noqa: F401
        import tensorflow  # noqa: F401


_import_tensorflow_quietly()

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
    split_cpu,
    strategy_from_parameters,
)
from helpers.mode import (  # noqa: E402
    COUNT,
    FAST_ENV_VAR,
    POSITIVE_NUMBER,
    check_parameters,
    fast_from_env,
    int_at_least,
    is_count,
    is_positive_number,
    pick,
)
from helpers.plotting import draw_unrolled_rnn, use_course_style  # noqa: E402
from helpers.reference import simple_rnn_numpy  # noqa: E402
from helpers.results import Timer, save_results  # noqa: E402
from helpers.seeding import seed_everything  # noqa: E402

#: Fast mode as the environment asks for it; a notebook's parameters cell starts from it.
FAST = fast_from_env()

__all__ = [
    "COUNT",
    "FAST",
    "FAST_ENV_VAR",
    "POSITIVE_NUMBER",
    "STRATEGIES",
    "DataFileError",
    "Timer",
    "check_parameters",
    "draw_unrolled_rnn",
    "fast_from_env",
    "int_at_least",
    "is_count",
    "is_positive_number",
    "load_bible_pairs",
    "load_mnist",
    "load_movie_reviews",
    "load_seattle_temps",
    "load_sotu_text",
    "load_translation_pairs",
    "make_strategy",
    "pick",
    "quiet_native_stderr",
    "save_results",
    "seed_everything",
    "simple_rnn_numpy",
    "split_cpu",
    "strategy_from_parameters",
    "use_course_style",
]
