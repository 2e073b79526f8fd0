"""`make lab`: a working copy of the notebooks in workspace/. JupyterLab serving it, and a
learner's Run All in it, are test_learner_runs.py's."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("workspace", ROOT / "scripts" / "workspace.py")
workspace = importlib.util.module_from_spec(spec)
spec.loader.exec_module(workspace)


def test_the_workspace_is_ignored_by_git():
    assert "workspace/" in (ROOT / ".gitignore").read_text().splitlines()
    assert "scripts/workspace.py" in (ROOT / "Makefile").read_text()
    assert "--ServerApp.root_dir=workspace" in (ROOT / "Makefile").read_text()


def _course(tmp_path, **notebooks):
    source = tmp_path / "notebooks"
    source.mkdir(exist_ok=True)
    for name, text in notebooks.items():
        (source / f"{name}.ipynb").write_text(text)
    return source


def test_missing_notebooks_are_copied(tmp_path):
    source = _course(tmp_path, a="A1", b="B1")
    assert workspace.prepare(source, tmp_path / "ws") == ["added a.ipynb", "added b.ipynb"]
    assert (tmp_path / "ws" / "a.ipynb").read_text() == "A1"
    assert workspace.prepare(source, tmp_path / "ws") == []  # nothing to do the second time


def test_unchanged_copies_follow_the_course(tmp_path):
    source = _course(tmp_path, a="A1")
    workspace.prepare(source, tmp_path / "ws")
    _course(tmp_path, a="A2")
    assert workspace.prepare(source, tmp_path / "ws") == [
        "updated a.ipynb to the course's new version"
    ]
    assert (tmp_path / "ws" / "a.ipynb").read_text() == "A2"


def test_the_learners_changes_are_kept_with_a_message(tmp_path):
    source = _course(tmp_path, a="A1")
    ws = tmp_path / "ws"
    workspace.prepare(source, ws)
    (ws / "a.ipynb").write_text("A1 with my notes")
    assert workspace.prepare(source, ws) == []  # the course did not change: nothing to say
    _course(tmp_path, a="A2")
    [message] = workspace.prepare(source, ws)
    assert message.startswith("kept your changed a.ipynb")
    assert "delete workspace/a.ipynb" in message
    assert (ws / "a.ipynb").read_text() == "A1 with my notes"
    (ws / "a.ipynb").unlink()
    assert workspace.prepare(source, ws) == ["added a.ipynb"]
    assert (ws / "a.ipynb").read_text() == "A2"


def test_a_copy_edited_to_the_courses_version_counts_as_unchanged(tmp_path):
    source = _course(tmp_path, a="A1")
    ws = tmp_path / "ws"
    workspace.prepare(source, ws)
    (ws / "a.ipynb").write_text("A2")
    _course(tmp_path, a="A2")
    assert workspace.prepare(source, ws) == []
    _course(tmp_path, a="A3")
    assert workspace.prepare(source, ws) == ["updated a.ipynb to the course's new version"]
