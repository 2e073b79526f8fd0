"""README.md's results table is the one results/*.json produce (`make results`)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "results_table", ROOT / "scripts" / "results_table.py"
)
results_table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(results_table)


def test_readme_table_matches_results():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert results_table.updated_readme(readme) == readme, "run `make results` and commit README.md"


def test_every_committed_result_appears_in_the_table():
    table = results_table.table()
    for path in sorted((ROOT / "results").glob("[0-9][0-9]_*.json")):
        if not path.name.endswith(".fast.json"):
            assert f"`{path.stem}`" in table
