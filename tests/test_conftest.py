"""The root conftest.py's order of work: the longest files first, and a test file that reads
what a notebook's nbval run saved right after that notebook's cells, in the same unit of
pytest-xdist's work (checked with the scheduler `make test` uses)."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from xdist.remote import Producer

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
root_conftest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(root_conftest)


class _Item:
    def __init__(self, nodeid):
        self.nodeid = nodeid


def _sorted(nodeids):
    items = [_Item(nodeid) for nodeid in nodeids]
    root_conftest.pytest_collection_modifyitems(None, items)
    return [item.nodeid for item in items]


def test_a_follower_file_shares_its_notebooks_unit():
    for follower, notebook in root_conftest.RUNS_AFTER_NOTEBOOK.items():
        assert root_conftest._scope(f"{follower}::test_x[a]") == notebook
        assert root_conftest._scope(f"{notebook}::Cell 3") == notebook
    assert root_conftest._scope("tests/test_data.py::test_y") == "tests/test_data.py"


def test_the_notebooks_cells_come_first_then_its_follower_then_the_rest():
    collected = [  # as pytest collects `tests notebooks`: tests/ first
        "tests/test_data.py::test_y",
        "tests/test_learner_runs.py::test_quick_run",
        "tests/test_learner_runs.py::test_lab_run",
        "notebooks/00_recurrent_neurons.ipynb::Cell 0",
        "notebooks/03_variable_length_sequences.ipynb::Cell 0",
        "notebooks/06_time_series_prediction.ipynb::Cell 0",
        "notebooks/06_time_series_prediction.ipynb::Cell 1",
    ]
    assert _sorted(collected) == [
        "notebooks/06_time_series_prediction.ipynb::Cell 0",
        "notebooks/06_time_series_prediction.ipynb::Cell 1",
        "tests/test_learner_runs.py::test_quick_run",
        "tests/test_learner_runs.py::test_lab_run",
        "notebooks/03_variable_length_sequences.ipynb::Cell 0",
        "notebooks/00_recurrent_neurons.ipynb::Cell 0",
        "tests/test_data.py::test_y",
    ]


class _Config:
    """What the scheduler reads of pytest's config: `make test`'s options, two workers."""

    def __init__(self, dist):
        self.option = SimpleNamespace(dist=dist, loadscopereorder=False, tx=["2*popen"])

    def getoption(self, name):
        return getattr(self.option, name)

    def getvalue(self, name):
        return getattr(self.option, name)


class _Worker:
    def __init__(self, name):
        self.gateway = SimpleNamespace(id=name)
        self.shutting_down = False
        self.sent = []  # one list of collection indexes per unit of work handed over

    def send_runtest_some(self, indexes):
        self.sent.append(list(indexes))

    def shutdown(self):
        pass


def test_xdist_hands_the_notebook_and_its_follower_to_one_worker_as_one_unit():
    collection = _sorted(
        [
            "tests/test_data.py::test_y",
            "tests/test_learner_runs.py::test_quick_run",
            "notebooks/03_variable_length_sequences.ipynb::Cell 0",
            "notebooks/06_time_series_prediction.ipynb::Cell 0",
            "notebooks/06_time_series_prediction.ipynb::Cell 1",
        ]
    )
    quiet = Producer("test", enabled=False)
    scheduler = root_conftest.pytest_xdist_make_scheduler(_Config("loadfile"), quiet)
    workers = [_Worker("gw0"), _Worker("gw1")]
    for worker in workers:
        scheduler.add_node(worker)
        scheduler.add_node_collection(worker, collection)
    scheduler.schedule()
    units = [[collection[i] for i in unit] for worker in workers for unit in worker.sent]
    assert [
        "notebooks/06_time_series_prediction.ipynb::Cell 0",
        "notebooks/06_time_series_prediction.ipynb::Cell 1",
        "tests/test_learner_runs.py::test_quick_run",
    ] in units
    assert root_conftest.pytest_xdist_make_scheduler(_Config("load"), quiet) is None
