"""Prepare ``workspace/``, the learner's own copy of the notebooks, for ``make lab``.

JupyterLab opens on ``workspace/`` (git ignores it), not on ``notebooks/``: running and
editing the notebooks there changes no tracked file. Each call:

- copies the course notebooks that are missing from the workspace;
- refreshes a copy the learner has not changed since it was copied, when the course's
  notebook changed (after a ``git pull``, for example);
- keeps a copy the learner changed, and says so, with how to get the course's version.

What was copied is remembered in ``workspace/.copied.json`` (the SHA-256 of each copy).
"""

import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WORKSPACE = ROOT / "workspace"
MANIFEST = ".copied.json"


def _sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def prepare(source=NOTEBOOKS, workspace=WORKSPACE):
    """Bring ``workspace`` up to date with ``source``; return one message per change."""
    source, workspace = Path(source), Path(workspace)
    workspace.mkdir(parents=True, exist_ok=True)
    manifest_path = workspace / MANIFEST
    copied = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    messages = []
    for notebook in sorted(source.glob("*.ipynb")):
        name, target = notebook.name, workspace / notebook.name
        course = _sha256(notebook)
        if not target.exists():
            shutil.copy2(notebook, target)
            copied[name] = course
            messages.append(f"added {name}")
            continue
        current = _sha256(target)
        if current == course:
            copied[name] = course
        elif copied.get(name) == current:  # untouched since it was copied: refresh it
            shutil.copy2(notebook, target)
            copied[name] = course
            messages.append(f"updated {name} to the course's new version")
        elif copied.get(name) != course:  # both changed: the learner's copy wins
            messages.append(
                f"kept your changed {name}; the course's version differs: compare it with "
                f"notebooks/{name}, or delete workspace/{name} and run `make lab` again to "
                "get a fresh copy"
            )
    tmp = manifest_path.with_name(MANIFEST + ".tmp")
    tmp.write_text(json.dumps(copied, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, manifest_path)
    return messages


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, default=WORKSPACE)
    parser.add_argument("--source", type=Path, default=NOTEBOOKS)
    args = parser.parse_args(argv)
    for message in prepare(args.source, args.workspace):
        print(f"workspace: {message}")
    print(f"JupyterLab opens on {args.workspace}: your runs there change no tracked file.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
