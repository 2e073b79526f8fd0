"""One way to write the files the scripts refresh, so that none is ever left half-written."""

import os
from pathlib import Path


def write_text_atomically(path, text):
    """Write ``text`` to ``path`` through a temporary file beside it: never half-written."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
