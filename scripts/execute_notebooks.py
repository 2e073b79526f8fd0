"""Re-execute notebooks in full mode with papermill, in place, and print their timings.

Usage: python scripts/execute_notebooks.py [notebooks/NN_name.ipynb ...]
(no argument: every notebook in notebooks/, in order). ``make execute`` runs it.

Each notebook is executed into a temporary file beside it and moved over the original
only when the run finished without error, so an interrupted or failed run leaves the
committed notebook exactly as it was. Papermill's own bookkeeping (timings, status) is
stripped so that diffs show only what the notebook computed. The notebook's metadata
records the mode and a hash of its code cells (``rnn_course``), and its results go to
``results/`` with the same hash, so that the tests can tell which run produced them.

Only full-mode runs write in place. ``--fast`` (to try the script quickly) or ``--out DIR``
write the executed notebooks and their results into ``DIR`` (default for ``--fast``:
``runs/executed/``, which git ignores) and leave the committed files alone.
"""

import argparse
import contextlib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from atomic_write import write_text_atomically  # noqa: E402

import nbformat
import papermill

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
RESULTS = ROOT / "results"
TIMINGS = RESULTS / "execute_timings.json"
FAST_OUT = ROOT / "runs" / "executed"


@contextlib.contextmanager
def environment(**variables):
    """Set environment variables (inherited by the kernel papermill starts) inside the block."""
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def strip_papermill_metadata(nb):
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return nb


def matmul_gflops():
    """This machine's float32 matmul peak now (``scripts/bench.py --matmul-only``), in a
    process of its own; None if it cannot be measured. Recorded beside the timings, because
    the same notebook's seconds move with the machine's speed from day to day."""
    try:
        done = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "bench.py"), "--matmul-only"],
            capture_output=True, text=True, timeout=300, check=True,
        )  # fmt: skip
        return round(float(done.stdout.split()[-1]), 1)
    except (OSError, ValueError, IndexError, subprocess.SubprocessError) as error:
        print(f"note: the matmul speed was not measured ({error})", file=sys.stderr)
        return None


def slowest_cells(nb, count=3):
    """The ``count`` code cells that took longest in a papermill run, longest first: their
    index among the notebook's cells, seconds and first line (where a notebook's time goes)."""
    cells = [
        {
            "cell": index,
            "seconds": round(cell.metadata.get("papermill", {}).get("duration") or 0.0, 1),
            "starts": cell.source.strip().splitlines()[0][:70] if cell.source.strip() else "",
        }
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
    ]
    return sorted(cells, key=lambda cell: -cell["seconds"])[:count]


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


def execute(path, fast=False, out=None, results_dir=None):
    """Execute one notebook; return the seconds it took and its :func:`slowest_cells`.

    In place (``out=None``, full mode only), with its results written to ``results_dir``
    (default ``results/``); or into the folder ``out``, results included unless
    ``results_dir`` says otherwise. A fast run never writes in place.
    """
    path = Path(path)
    if out is None and fast:
        raise ValueError("a fast-mode run never replaces the committed notebook: give out=")
    target = path if out is None else Path(out) / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if results_dir is None:
        results_dir = RESULTS if out is None else Path(out)
    tmp = target.with_name(f".{path.stem}.executing.ipynb")
    results_dir = Path(results_dir).resolve()
    results_dir.mkdir(parents=True, exist_ok=True)
    code_hash = code_sha256(nbformat.read(path, as_version=4))
    start = time.perf_counter()
    # The run saves its results into a staging folder, also called results/ (the results
    # cell prints "Saved to results/..."), beside the real one; they are moved in only when
    # the whole notebook succeeded, so a failure after the results cell changes nothing.
    with (
        tempfile.TemporaryDirectory(prefix=".executing-", dir=results_dir.parent) as staging,
        environment(
            RNN_COURSE_FAST="1" if fast else "0",
            RNN_COURSE_RESULTS_DIR=str(Path(staging) / results_dir.name),
            RNN_COURSE_CODE_SHA256=code_hash,
        ),
        contextlib.ExitStack() as cleanup,
    ):
        cleanup.callback(tmp.unlink, missing_ok=True)
        papermill.execute_notebook(
            str(path),
            str(tmp),
            cwd=str(path.parent),
            progress_bar=False,
            request_save_on_cell_execute=False,
        )
        nb = nbformat.read(tmp, as_version=4)
        slowest = slowest_cells(nb)
        nb = strip_papermill_metadata(nb)
        nb.metadata["rnn_course"] = {"mode": "fast" if fast else "full", "code_sha256": code_hash}
        nbformat.validate(nb)
        nbformat.write(nb, tmp)
        for written in sorted((Path(staging) / results_dir.name).glob("*.json")):
            os.replace(written, results_dir / written.name)
        os.replace(tmp, target)
    return time.perf_counter() - start, slowest


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: all of notebooks/")
    parser.add_argument(
        "--fast",
        action="store_true",
        help="fast mode (for trying the script); writes into --out, never in place",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="write executed notebooks and their results here instead of in place "
        "(default with --fast: runs/executed/)",
    )
    args = parser.parse_args(argv)
    out = args.out if args.out is not None else (FAST_OUT if args.fast else None)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        if not path.is_file() or path.suffix != ".ipynb":
            parser.error(f"{path} is not a notebook file")

    in_place = out is None and not args.fast
    timings, slowest, failed = [], {}, None
    for path in paths:
        print(f"executing {path.name} ...", flush=True)
        try:
            seconds, slowest[path.name] = execute(path.resolve(), fast=args.fast, out=out)
            timings.append((path.name, seconds))
        except (Exception, KeyboardInterrupt) as error:
            failed = (path.name, error)
            break

    print(f"\n{'notebook':<45} {'seconds':>8}")
    for name, seconds in timings:
        print(f"{name:<45} {seconds:8.1f}")
    total = sum(s for _, s in timings)
    print(f"{'total':<45} {total:8.1f}")
    if out is not None:
        print(f"executed notebooks and their results are in {out}")
    if in_place and timings:
        # Each notebook's seconds from its last in-place full run; notebooks that were not
        # run keep theirs, so the total is always one full run of every notebook.
        previous = json.loads(TIMINGS.read_text()) if TIMINGS.is_file() else {}
        seconds = dict(previous.get("seconds", {}))
        seconds.update({name: round(s, 1) for name, s in timings})
        current = {path.name for path in NOTEBOOKS.glob("*.ipynb")}
        seconds = {name: seconds[name] for name in sorted(seconds) if name in current}
        cells = dict(previous.get("slowest_cells", {}))
        cells.update(slowest)
        speeds = dict(previous.get("matmul_gflops", {}))
        gflops = matmul_gflops()  # measured right after the runs, on the same machine
        speeds.update({name: gflops for name, _ in timings})
        record = {
            "mode": "full",
            "seconds": seconds,
            "total_seconds": round(sum(seconds.values()), 1),
            "cpus": os.cpu_count(),
            "slowest_cells": {name: cells[name] for name in seconds if name in cells},
            # the machine's matmul peak (GFLOP/s) when each notebook last ran
            "matmul_gflops": {name: speeds[name] for name in seconds if name in speeds},
        }
        write_text_atomically(TIMINGS, json.dumps(record, indent=2) + "\n")
        print(f"recorded in {TIMINGS.relative_to(ROOT)}")
    if failed:
        name, error = failed
        print(f"\nerror: {name} did not finish and was left unchanged: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
