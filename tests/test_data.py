import re
import shutil
from pathlib import Path

import numpy as np
import pytest

import helpers
from helpers import data

ROOT = Path(__file__).resolve().parent.parent


def test_every_committed_data_file_matches_its_checksum():
    # This is the test that fails when a file in data/ is altered.
    assert data.verify_all() == sorted(data.SHA256)


def test_data_readme_lists_every_file_with_its_checksum():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for name, digest in data.SHA256.items():
        assert f"`{name}`" in readme, f"data/README.md does not describe {name}"
        assert digest in readme, f"data/README.md shows another SHA-256 for {name}"


def test_every_data_file_has_a_checksum():
    # README.md and the corpus generator (code, tested on its own) are not data.
    files = {
        p.name
        for p in (ROOT / "data").iterdir()
        if p.is_file() and p.name != "README.md" and p.suffix != ".py"
    }
    assert files == set(data.SHA256)


def test_load_mnist():
    (x_train, y_train), (x_test, y_test) = helpers.load_mnist()
    assert x_train.shape == (60000, 28, 28) and x_train.dtype == np.uint8
    assert x_test.shape == (10000, 28, 28) and y_test.shape == (10000,)
    assert y_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert set(np.unique(y_train)) == set(range(10))


def test_load_movie_reviews():
    scores, texts = helpers.load_movie_reviews()
    assert len(texts) == len(scores) == 10605
    assert scores.dtype == np.float32
    assert -4 < scores.min() < 0 < scores.max() < 4
    assert texts[2] == "Effective but too tepid biopic"


def test_load_seattle_temps():
    times, temps = helpers.load_seattle_temps()
    assert len(times) == len(temps) == 8759
    assert str(times[0]) == "2010-01-01T00:00" and str(times[-1]) == "2010-12-31T23:00"
    assert np.all(np.diff(times) > np.timedelta64(0, "m"))
    assert 10 < temps.min() < temps.max() < 100  # degrees Fahrenheit


def test_load_electricity_demand():
    times, demand = data.load_electricity_demand()
    assert len(times) == len(demand) == 84 * 48
    assert str(times[0]) == "2000-06-05T00:00" and str(times[-1]) == "2000-08-27T23:30"
    assert np.all(np.diff(times) == np.timedelta64(30, "m"))
    assert demand.dtype == np.float32
    assert demand[:2].tolist() == [22262.0, 21756.0]
    assert 15_000 < demand.min() < demand.max() < 45_000  # megawatts
    # "Same half-hour one week earlier" is off by 1.9% on average (data/README.md).
    last_week_mape = np.mean(np.abs(demand[336:] - demand[:-336]) / demand[336:])
    assert round(100 * float(last_week_mape), 1) == 1.9


def test_load_seattle_weather():
    weather = data.load_seattle_weather()
    assert set(weather) == {"date", "precipitation", "temp_max", "temp_min", "wind", "weather"}
    assert len(weather["date"]) == 1461
    assert str(weather["date"][0]) == "2012-01-01" and str(weather["date"][-1]) == "2015-12-31"
    assert weather["temp_max"].dtype == np.float32
    assert np.all(weather["temp_min"] <= weather["temp_max"])
    assert -10 < weather["temp_max"].min() < weather["temp_max"].max() < 40  # degrees Celsius
    assert weather["weather"][:2].tolist() == ["drizzle", "rain"]
    # Observed weather, not normals: the maximum moves by about 2.2 C from day to day.
    assert 1.5 < np.abs(np.diff(weather["temp_max"])).mean() < 3.0


def test_altered_electricity_demand_is_refused(data_copy):
    path = data_copy / "electricity_demand_england_wales_2000.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("22262", "22263", 1))
    with pytest.raises(data.DataFileError, match="electricity_demand_england_wales_2000.csv is al"):
        data.load_electricity_demand(data_copy)


def test_load_sotu_text():
    text = helpers.load_sotu_text()
    assert text.startswith("Fellow-Citizens of the Senate")
    assert 1_700_000 < len(text.split()) < 1_900_000


def test_load_bible_pairs():
    english, french = helpers.load_bible_pairs()
    assert len(english) == len(french) == 31102
    assert english[0].startswith("At the first God made")
    assert french[0].startswith("Au commencement")


def test_load_translation_pairs():
    english, french = helpers.load_translation_pairs()
    assert len(english) == len(french) >= 20_000
    assert len(set(english)) == len(english)
    assert french[english.index("I drink milk")] == "je bois du lait"


@pytest.fixture
def data_copy(tmp_path):
    for name in data.SHA256:
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    return tmp_path


def test_missing_file_is_named_with_how_to_restore_it(data_copy):
    (data_copy / "mnist.npz").unlink()
    with pytest.raises(data.DataFileError) as error:
        helpers.load_mnist(data_copy)
    message = str(error.value)
    assert "mnist.npz is missing" in message
    assert "git checkout -- data/mnist.npz" in message


def test_altered_byte_is_refused(data_copy):
    path = data_copy / "mnist.npz"
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(data.DataFileError, match=r"mnist.npz is altered or truncated"):
        helpers.load_mnist(data_copy)
    # Nothing is lost: the loader never rewrites the file it refused.
    assert path.read_bytes() == bytes(raw)


def test_truncated_file_is_refused(data_copy):
    path = data_copy / "seattle-temps.csv"
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(data.DataFileError, match="git checkout -- data/seattle-temps.csv"):
        helpers.load_seattle_temps(data_copy)


def test_data_dir_can_come_from_the_environment(data_copy, monkeypatch):
    monkeypatch.setenv("RNN_COURSE_DATA_DIR", str(data_copy))
    (data_copy / "sotu_1790_2021.txt.gz").write_bytes(b"")
    with pytest.raises(data.DataFileError, match=re.escape("sotu_1790_2021.txt.gz is altered")):
        helpers.load_sotu_text()


def test_unknown_file_name():
    with pytest.raises(KeyError, match="not a course data file"):
        data.verified_path("imdb.npz")
