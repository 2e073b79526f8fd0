"""The text of the outputs nbval compares, shared by the tests that run a notebook twice."""

import re

ADDRESS = re.compile(r"0x[0-9a-fA-F]+")  # as tests/nbval_sanitize.cfg does


def compared_outputs(nb):
    """Text of every output nbval compares, per code cell."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        parts = []
        for output in cell.outputs:
            if output.output_type == "stream":
                parts.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                parts.append(output.get("data", {}).get("text/plain", ""))
            elif output.output_type == "error":
                parts.append(f"{output.ename}: {output.evalue}")
        texts.append(ADDRESS.sub("0x", "".join(parts)))
    return texts
