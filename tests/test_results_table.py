"""README.md's results blocks are the ones results/*.json produce (`make results`)."""

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "results_table", ROOT / "scripts" / "results_table.py"
)
results_table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(results_table)


def test_readme_table_matches_results():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert results_table.updated_readme(readme) == readme, "run `make results` and commit README.md"


def _record(name, metrics, claims=()):
    return {
        "notebook": name,
        "mode": "full",
        "seconds": 1.0,
        "metrics": metrics,
        "claims": list(claims),
        "fast_claims": [],
        "parameters": {"FAST": False},
        "code_sha256": "0" * 64,
        "versions": {"tensorflow": "2.x", "keras": "3.x"},
        "machine": {"system": "Linux", "machine": "x86_64", "cpus": 2, "python": "3.11.7"},
    }


@pytest.fixture
def results(tmp_path, monkeypatch):
    monkeypatch.setattr(results_table, "RESULTS", tmp_path)
    for name in ("execute_timings.json", "bench.json"):
        shutil.copy(ROOT / "results" / name, tmp_path / name)
    return tmp_path


def test_a_notebook_without_headlines_shows_its_first_numbers_and_claims(results):
    record = _record("99_new", {"a": 0.5, "b": 2, "c": 3, "d": 4}, claims=["a < b", "b < c"])
    (results / "99_new.json").write_text(json.dumps(record))
    (results / "99_new.fast.json").write_text(json.dumps({**record, "mode": "fast"}))
    table = results_table.table()
    rows = [line for line in table.splitlines() if line.startswith("| `99_new`")]
    assert [row.split(" | ")[1] for row in rows] == ["a", "b", "c"]
    assert "0.5 (full)" in rows[0]
    assert "make 2 claims about these runs" in table
    assert "2 CPUs, Linux x86_64, TensorFlow 2.x, Keras 3.x" in table


def test_a_headline_missing_from_the_json_is_an_error(results):
    record = _record("05_mnist_sequence_classifier", {"lstm_test_accuracy": 0.99})
    (results / "05_mnist_sequence_classifier.json").write_text(json.dumps(record))
    with pytest.raises(KeyError, match="has no metric 'simple_rnn_test_accuracy'"):
        results_table.table()


def test_a_readme_without_a_block_is_an_error(results):
    with pytest.raises(ValueError, match="README.md has no <!-- results:start -->"):
        results_table.updated_readme("# README\n")


def test_bench_block_without_a_load_average(results):
    bench = json.loads((results / "bench.json").read_text())
    bench["machine"]["load_average_1min_at_end"] = None
    (results / "bench.json").write_text(json.dumps(bench))
    assert "load average not available at the end" in results_table.bench_text()


def test_make_results_rewrites_the_readme_whole(results, tmp_path, monkeypatch, capsys):
    readme = tmp_path / "README.md"
    blocks = "".join(
        f"<!-- {block}:start -->\nSTALE\n<!-- {block}:end -->\n" for block in results_table.BLOCKS
    )
    readme.write_text("# Course\n\n" + blocks + "tail\n")
    monkeypatch.setattr(results_table, "README", readme)
    (results / "00_x.json").write_text(json.dumps(_record("00_x", {"a": 1.0})))
    assert results_table.main(["--check"]) == 1
    assert results_table.main([]) == 0
    assert results_table.main(["--check"]) == 0
    text = readme.read_text()
    assert "STALE" not in text and text.startswith("# Course") and text.endswith("tail\n")
    assert not list(tmp_path.glob(".*.tmp"))
