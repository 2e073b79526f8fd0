"""Shared helpers for the course "Recurrent Neural Networks in TensorFlow 2".

Import it first in a notebook's setup cell: it silences TensorFlow's C++ start-up banner,
which is written to stderr no matter what ``TF_CPP_MIN_LOG_LEVEL`` says, and would
otherwise end up in every notebook's committed outputs.

- :mod:`helpers.mode`: ``FAST`` (from ``RNN_COURSE_FAST``) and parameter checks;
- :mod:`helpers.seeding`: :func:`seed_everything`;
- :mod:`helpers.data`: one checked loader per dataset in ``data/``;
- :mod:`helpers.results`: :func:`save_results` into ``results/<notebook>.json``;
- :mod:`helpers.plotting`: the course figure style and unrolled-RNN diagrams;
- :mod:`helpers.distribute`: a ``tf.distribute`` strategy chosen by name;
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
from helpers.distribute import STRATEGIES, make_strategy, split_cpu  # noqa: E402
from helpers.mode import FAST_ENV_VAR, check_parameters, fast_from_env, pick  # noqa: E402
from helpers.plotting import draw_unrolled_rnn, use_course_style  # noqa: E402
from helpers.results import Timer, save_results  # noqa: E402
from helpers.seeding import seed_everything  # noqa: E402

#: Fast mode as the environment asks for it; a notebook's parameters cell starts from it.
FAST = fast_from_env()

__all__ = [
    "FAST",
    "FAST_ENV_VAR",
    "STRATEGIES",
    "DataFileError",
    "Timer",
    "check_parameters",
    "draw_unrolled_rnn",
    "fast_from_env",
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
    "split_cpu",
    "use_course_style",
]
