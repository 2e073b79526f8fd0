"""Loaders for the datasets in ``data/``, each checked against its SHA-256 first.

Nothing is downloaded: the files are committed with the course (sources and licenses in
``data/README.md``). A missing, truncated or altered file is refused with an error that
names it and says how to restore it; no loader uses pickle.

Run ``python -m helpers.data`` to verify every file at once.
"""

import csv
import gzip
import hashlib
import io
import os
import sys
from pathlib import Path

import numpy as np

DATA_DIR_ENV_VAR = "RNN_COURSE_DATA_DIR"
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# The checksums recorded when the files were copied in (data/README.md shows them too).
SHA256 = {
    "mnist.npz": "06af5dfe73b70e3bc1c36439982b18a8d76803db9b544f6fdf838a37fbb01b64",
    "movie_review_snippets.tsv": "1f445408f0ece8973e6142dcc8bd08eea2faaf149b907de11bddda64fd62f5b0",
    "seattle-temps.csv": "c220666521ff4bec4ffb6f0d9acfdc5c1056564b1aad6f78d3b06aa0a0c8b085",
    "sotu_1790_2021.txt.gz": "67457e4db187a7a9db796498f3288fd3ad079872ba391f91a63c5e911a34f4cb",
    "bible_bbe_lsg1910_eng_fra.tsv.gz": (
        "6803875e0f23b4ff4e54b622ed2f0d56102dde06bea87f9e40b1cdc71f054d74"
    ),
    "eng_fra_grammar_pairs.tsv": (
        "ac0c1d3e947d70bda1877f9ec4cd8cf084672f13c4a5aa296ae6640bda4cbf83"
    ),
    "electricity_demand_england_wales_2000.csv": (
        "60b073656088a4e8482277752ca3200c69fedd28af59224f0e463b1fe9a261e4"
    ),
    "seattle-weather.csv": "62f0609f787158128aa2bd102967173a4953122dd4f872bf1d502cae1037df0b",
}


class DataFileError(Exception):
    """A course data file is missing, truncated or altered."""


def data_dir():
    """The folder holding the data files (``RNN_COURSE_DATA_DIR`` overrides the default)."""
    return Path(os.environ.get(DATA_DIR_ENV_VAR, DEFAULT_DATA_DIR))


def _restore_hint(name):
    return (
        f"Restore it from the course repository with `git checkout -- data/{name}` "
        f"(its source and license are listed in data/README.md)."
    )


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified_path(name, directory=None):
    """Path of data file ``name`` after checking that it exists and matches its SHA-256."""
    if name not in SHA256:
        raise KeyError(f"{name!r} is not a course data file; known files: {sorted(SHA256)}")
    path = Path(directory) if directory is not None else data_dir()
    path = path / name
    if not path.is_file():
        raise DataFileError(
            f"data file {name} is missing (looked for {path}). {_restore_hint(name)}"
        )
    actual = sha256_of(path)
    if actual != SHA256[name]:
        raise DataFileError(
            f"data file {name} is altered or truncated: its SHA-256 is {actual}, "
            f"expected {SHA256[name]}. {_restore_hint(name)}"
        )
    return path


def verify_all(directory=None):
    """Check every course data file; return the names checked."""
    for name in SHA256:
        verified_path(name, directory)
    return sorted(SHA256)


def load_mnist(directory=None):
    """MNIST as ``(x_train, y_train), (x_test, y_test)``: 28x28 ``uint8`` images, labels 0-9."""
    path = verified_path("mnist.npz", directory)
    with np.load(path, allow_pickle=False) as archive:
        x_train, y_train = archive["x_train"], archive["y_train"]
        x_test, y_test = archive["x_test"], archive["y_test"]
    return (x_train, y_train), (x_test, y_test)


def load_movie_reviews(directory=None):
    """Movie-review snippets as ``(scores, texts)``.

    ``scores`` is a float32 array of mean human ratings in [-3.9, 3.9] (negative means a
    negative review); ``texts`` is a list of the snippets, in file order.
    """
    path = verified_path("movie_review_snippets.tsv", directory)
    scores, texts = [], []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            _, score, text = row
            scores.append(float(score))
            texts.append(text)
    return np.array(scores, dtype=np.float32), texts


def load_seattle_temps(directory=None):
    """NOAA's hourly temperature *normals* for Seattle, labelled 2010, as ``(times, temps)``.

    A smooth climatological curve (the same hour changes by about 0.16 F from one day to
    the next), not observed weather: it shows a seasonal shape, it is no forecasting
    task. Observed daily weather is :func:`load_seattle_weather`. ``times`` is a
    ``datetime64[m]`` array and ``temps`` a float32 array in degrees Fahrenheit, in time
    order.
    """
    path = verified_path("seattle-temps.csv", directory)
    times, temps = [], []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != ["date", "temp"]:
            raise DataFileError(f"seattle-temps.csv has header {header}, expected ['date', 'temp']")
        for date, temp in reader:
            times.append(date.replace("/", "-").replace(" ", "T"))
            temps.append(float(temp))
    return np.array(times, dtype="datetime64[m]"), np.array(temps, dtype=np.float32)


def load_electricity_demand(directory=None):
    """Observed half-hourly electricity demand of England and Wales, summer 2000.

    Returns ``(times, demand)``: ``times`` a ``datetime64[m]`` array from Monday
    2000-06-05 00:00 to Sunday 2000-08-27 23:30 in steps of 30 minutes (84 days, 4,032
    values), ``demand`` a float32 array in megawatts. Used in notebook 06.
    """
    name = "electricity_demand_england_wales_2000.csv"
    path = verified_path(name, directory)
    times, demand = [], []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != ["time", "demand_mw"]:
            raise DataFileError(f"{name} has header {header}, expected ['time', 'demand_mw']")
        for stamp, megawatts in reader:
            times.append(stamp.replace(" ", "T"))
            demand.append(float(megawatts))
    times = np.array(times, dtype="datetime64[m]")
    if np.any(np.diff(times) != np.timedelta64(30, "m")):
        raise DataFileError(f"{name} is not one value every 30 minutes")
    return times, np.array(demand, dtype=np.float32)


def load_seattle_weather(directory=None):
    """Observed daily weather in Seattle, 2012-01-01 to 2015-12-31 (1,461 days).

    Returns a dict of arrays in date order: ``date`` (``datetime64[D]``), ``precipitation``
    (mm), ``temp_max`` and ``temp_min`` (degrees Celsius), ``wind`` (m/s), all float32,
    and ``weather``, a string label such as ``"rain"`` or ``"sun"``.
    """
    name = "seattle-weather.csv"
    path = verified_path(name, directory)
    columns = ["date", "precipitation", "temp_max", "temp_min", "wind", "weather"]
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != columns:
            raise DataFileError(f"{name} has header {header}, expected {columns}")
        rows = list(reader)
    table = {"date": np.array([r[0].replace("/", "-") for r in rows], dtype="datetime64[D]")}
    for i, column in enumerate(columns[1:5], start=1):
        table[column] = np.array([float(r[i]) for r in rows], dtype=np.float32)
    table["weather"] = np.array([r[5] for r in rows])
    if np.any(np.diff(table["date"]) != np.timedelta64(1, "D")):
        raise DataFileError(f"{name} is not one row per day")
    return table


def load_sotu_text(directory=None):
    """All US State of the Union addresses, 1790-2021, as one string."""
    path = verified_path("sotu_1790_2021.txt.gz", directory)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read()


def load_bible_pairs(directory=None):
    """Bible verse pairs as two lists, ``(english, french)``, in canonical order.

    English is the Bible in Basic English (1949), French the Louis Segond (1910).
    """
    path = verified_path("bible_bbe_lsg1910_eng_fra.tsv.gz", directory)
    with gzip.open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        reader = csv.reader(text, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != ["book", "chapter", "verse", "eng", "fra"]:
            raise DataFileError(f"unexpected header in the Bible pairs: {header}")
        english, french = [], []
        for row in reader:
            english.append(row[3])
            french.append(row[4])
    return english, french


def load_translation_pairs(directory=None):
    """English-French sentence pairs made by a grammar, as two lists, ``(english, french)``.

    25,000 short sentence pairs written by ``data/make_translation_pairs.py`` (seed 42),
    sorted by the English sentence; every English sentence is distinct and has exactly one
    French translation. Used in notebook 10.
    """
    path = verified_path("eng_fra_grammar_pairs.tsv", directory)
    english, french = [], []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != ["english", "french"]:
            raise DataFileError(f"unexpected header in the translation pairs: {header}")
        for row in reader:
            english.append(row[0])
            french.append(row[1])
    return english, french


if __name__ == "__main__":
    try:
        for checked in verify_all():
            print(f"ok  {checked}")
    except DataFileError as error:
        sys.exit(f"error: {error}")
