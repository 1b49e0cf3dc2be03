"""The run list never loses data: damaged indexes are kept and named, writes are durable, paths stay in the folder."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from gui.panels.runs_view import RunsView
from gui.run_store import INDEX_NAME, RunStore

DAMAGED = b'{"version": 1, "runs": [{"id": "a1", "name": "Run 1", "conf'  # cut off mid-write


def run_entry(run_id: str, model_file: str | None, name: str | None = None) -> dict:
    return {"id": run_id, "name": name or run_id, "config": {}, "model_file": model_file}


def write_index(folder: Path, runs: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / INDEX_NAME).write_text(json.dumps({"version": 1, "runs": runs}), encoding="utf-8")


def damaged_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("runs.damaged*.json"))


def test_a_damaged_run_list_is_named_in_the_runs_tab_with_its_kept_copy(qtbot, tmp_path):
    (tmp_path / INDEX_NAME).write_bytes(DAMAGED)
    store = RunStore(tmp_path)
    view = RunsView(store)
    qtbot.addWidget(view)

    [kept] = damaged_copies(tmp_path)
    assert kept.read_bytes() == DAMAGED and not (tmp_path / INDEX_NAME).exists()
    assert store.runs == [] and store.damaged_copy == kept
    assert not view.notice.isHidden()
    assert str(kept) in view.notice.text() and "could not be read" in view.notice.text()


def test_damaged_copies_get_unique_names_and_are_never_overwritten(qtbot, tmp_path):
    contents = [DAMAGED, b"not json at all", b'["a list, not an index"]']
    for content in contents:
        (tmp_path / INDEX_NAME).write_bytes(content)
        RunStore(tmp_path)  # the same second for all three: the names still differ
    kept = damaged_copies(tmp_path)
    assert len(kept) == 3
    assert sorted(path.read_bytes() for path in kept) == sorted(contents)


def test_a_damaged_list_that_cannot_be_set_aside_is_never_overwritten(qtbot, tmp_path, monkeypatch):
    index = tmp_path / INDEX_NAME
    index.write_bytes(DAMAGED)

    def refuse(source, *_args, **_kwargs):
        if Path(source) == index:
            raise PermissionError(errno.EACCES, "Permission denied", str(source))
        raise AssertionError("only the damaged index is ever renamed or linked")

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    store = RunStore(tmp_path)
    messages = []
    store.failed.connect(messages.append)
    store.delete([])  # any change writes the index: refused, and said once
    store.delete([])
    assert index.read_bytes() == DAMAGED and damaged_copies(tmp_path) == []
    with pytest.raises(OSError):
        store.save()
    assert len(messages) == 1 and str(index) in messages[0]
    view = RunsView(store)
    qtbot.addWidget(view)
    assert "Permission denied" in view.notice.text() and "not saved" in view.notice.text()

    monkeypatch.undo()  # once it can be set aside, the next change is written
    store.delete([])
    [kept] = damaged_copies(tmp_path)
    assert kept.read_bytes() == DAMAGED and json.loads(index.read_text())["runs"] == []


def test_the_run_list_is_fsynced_before_it_replaces_the_old_one(tmp_path, monkeypatch):
    write_index(tmp_path, [run_entry("a1", None, "Old name")])
    store = RunStore(tmp_path)
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    def replace(source, target):
        events.append(("replace", str(source), str(target)))
        return real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store.rename(store.runs[0], "New name")

    replaced = [event for event in events if event[0] == "replace"]
    assert len(replaced) == 1 and replaced[0][2] == str(tmp_path / INDEX_NAME)
    temporary = replaced[0][1]
    assert ("fsync", temporary) in events[: events.index(replaced[0])]  # the data is on disk before the rename
    assert ("fsync", str(tmp_path)) in events[events.index(replaced[0]) :]  # and then the rename itself
    assert RunStore(tmp_path).runs[0].name == "New name"


def test_model_files_named_outside_the_runs_folder_are_never_opened_or_deleted(qtbot, tmp_path):
    folder = tmp_path / "data"
    outside = tmp_path / "victim.keras"
    absolute = tmp_path / "elsewhere" / "victim.keras"
    absolute.parent.mkdir()
    for victim in (outside, absolute):
        victim.write_bytes(b"someone else's file")
    write_index(folder, [run_entry("up", "../../victim.keras"), run_entry("abs", str(absolute)), run_entry("ok", "ok.keras")])
    (folder / "runs").mkdir()
    (folder / "runs" / "ok.keras").write_bytes(b"our model")

    store = RunStore(folder)
    view = RunsView(store)
    qtbot.addWidget(view)
    up, absolute_run, ok = store.runs
    assert store.model_path(up) is None and store.model_path(absolute_run) is None
    assert store.model_path(ok) == folder / "runs" / "ok.keras"
    assert store.run_for_path(outside) is None and store.run_for_path(absolute) is None
    assert "outside" in view.notice.text() and not view.notice.isHidden()

    opened = []
    view.open_requested.connect(opened.append)
    for run in (up, absolute_run):
        view.select_runs([run])
        assert not view.open_button.isEnabled()
        view._open_selected()
        view._on_double_click(view.table.item(view.row_of(run), 1))
    assert opened == []

    view.select_runs(store.runs)
    view.delete_selected()
    assert store.runs == []
    assert outside.read_bytes() == absolute.read_bytes() == b"someone else's file"
    assert not (folder / "runs" / "ok.keras").exists()
