"""Re-execute notebooks in full mode with papermill, in place, and print their timings.

Usage: python scripts/execute_notebooks.py [notebooks/NN_name.ipynb ...]
(no argument: every notebook in notebooks/, in order). ``make execute`` runs it.

Each notebook is executed into a temporary file beside it and moved over the original
only when the run finished without error, so an interrupted or failed run leaves the
committed notebook exactly as it was. Papermill's own bookkeeping (timings, status) is
stripped so that diffs show only what the notebook computed.
"""

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import nbformat
import papermill

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TIMINGS = ROOT / "results" / "execute_timings.json"


def strip_papermill_metadata(nb):
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return nb


def code_sha256(nb):
    """SHA-256 of a notebook's code cells (papermill's injected cell left out).

    Recorded in the notebook's metadata and its results file when it is executed, so that
    a test can tell when the code changed after the run that produced the outputs.
    """
    digest = hashlib.sha256()
    for cell in nb.cells:
        if cell.cell_type == "code" and "injected-parameters" not in cell.metadata.get("tags", []):
            digest.update(cell.source.strip().encode("utf-8") + b"\n\x00")
    return digest.hexdigest()


def execute(path, fast=False):
    """Execute one notebook in place; return the seconds it took."""
    tmp = path.with_name(f".{path.stem}.executing.ipynb")
    code_hash = code_sha256(nbformat.read(path, as_version=4))
    os.environ["RNN_COURSE_FAST"] = "1" if fast else "0"
    os.environ["RNN_COURSE_RESULTS_DIR"] = str(ROOT / "results")
    os.environ["RNN_COURSE_CODE_SHA256"] = code_hash
    start = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(path),
            str(tmp),
            cwd=str(path.parent),
            progress_bar=False,
            request_save_on_cell_execute=False,
        )
        nb = strip_papermill_metadata(nbformat.read(tmp, as_version=4))
        nb.metadata["rnn_course"] = {"mode": "fast" if fast else "full", "code_sha256": code_hash}
        nbformat.validate(nb)
        nbformat.write(nb, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: all of notebooks/")
    parser.add_argument("--fast", action="store_true", help="fast mode (for trying the script)")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        if not path.is_file() or path.suffix != ".ipynb":
            parser.error(f"{path} is not a notebook file")

    timings, failed = [], None
    for path in paths:
        print(f"executing {path.name} ...", flush=True)
        try:
            timings.append((path.name, execute(path.resolve(), fast=args.fast)))
        except (Exception, KeyboardInterrupt) as error:
            failed = (path.name, error)
            break

    print(f"\n{'notebook':<45} {'seconds':>8}")
    for name, seconds in timings:
        print(f"{name:<45} {seconds:8.1f}")
    total = sum(s for _, s in timings)
    print(f"{'total':<45} {total:8.1f}")
    whole_course = not args.notebooks and not args.fast and not failed
    if whole_course:
        record = {
            "mode": "full",
            "seconds": {name: round(seconds, 1) for name, seconds in timings},
            "total_seconds": round(total, 1),
            "cpus": os.cpu_count(),
        }
        TIMINGS.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"recorded in {TIMINGS.relative_to(ROOT)}")
    if failed:
        name, error = failed
        print(f"\nerror: {name} did not finish and was left unchanged: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
