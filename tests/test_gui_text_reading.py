"""A huge review is read from its document a slice per event-loop turn, into exactly what toPlainText() gives."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPlainTextEdit

from gui.panels import text_reading
from gui.panels.text_reading import read_in_slices


def test_reading_a_document_in_slices_gives_exactly_its_plain_text(qtbot, monkeypatch):
    monkeypatch.setattr(text_reading, "SLICE", 1)  # a slice per character: every emoji, line break and no-break space is cut at
    box = QPlainTextEdit()
    qtbot.addWidget(box)
    box.setPlainText("Loved it 😀😀\nnon\xa0breaking\u2028line 🎬!\n\n  the end 😀")
    context = QObject()
    turns, read = [], []
    read_in_slices(box.document(), context, read.append, lambda: turns.append(1) or True)
    assert read == [] and len(turns) == 1  # one slice now, the others on later turns of the event loop
    qtbot.waitUntil(lambda: bool(read), timeout=5_000)
    assert read == [box.toPlainText()] and len(turns) > 5


def test_a_read_is_dropped_when_the_text_changes_meanwhile(qtbot, monkeypatch):
    monkeypatch.setattr(text_reading, "SLICE", 4)
    box = QPlainTextEdit()
    qtbot.addWidget(box)
    box.setPlainText("a review long enough for several slices")
    edits = [0]
    box.textChanged.connect(lambda: edits.__setitem__(0, edits[0] + 1))
    read = []
    read_in_slices(box.document(), box, read.append, lambda: edits[0] == 0)
    box.insertPlainText("!")
    qtbot.wait(100)
    assert read == []
