"""A huge review's text read from its QTextDocument a slice per event-loop turn.

``toPlainText()`` of a 10 MB document holds the GUI thread for 50 ms or
more (the copy, then the conversion to a Python string). Read in slices of
``SLICE`` characters, one per turn of the event loop, the window keeps
painting in between; the slices are joined into exactly what
``toPlainText()`` returns.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor, QTextDocument

#: Characters read per event-loop turn (a few milliseconds each).
SLICE = 1_000_000
#: What QTextDocument.toPlainText() replaces in a selection's raw text.
_RAW_TO_PLAIN = (("\u2029", "\n"), ("\u2028", "\n"), ("\ufdd0", "\n"), ("\ufdd1", "\n"), ("\xa0", " "))


def as_plain_text(raw: str) -> str:
    """A selection's raw text (``QTextCursor.selectedText()``) as ``toPlainText()`` gives it."""
    for mark, replacement in _RAW_TO_PLAIN:
        if mark in raw:
            raw = raw.replace(mark, replacement)
    return raw


def _is_high_surrogate(character: str) -> bool:
    return len(character) == 1 and 0xD800 <= ord(character) <= 0xDBFF


def read_in_slices(document: QTextDocument, context: QObject, done: Callable[[str], None], still_wanted: Callable[[], bool]) -> None:
    """Call ``done`` with the document's plain text, read one slice per event-loop turn.

    Before each slice ``still_wanted()`` is asked: False (the text changed
    meanwhile) drops the read. ``context`` owns the pending steps, so they
    die with it.
    """
    total = document.characterCount() - 1  # the last paragraph separator is not text
    slices: list[str] = []

    def step(start: int) -> None:
        if not still_wanted():
            return
        end = min(total, start + SLICE)
        if end < total and _is_high_surrogate(document.characterAt(end - 1)):
            end += 1  # never split a surrogate pair between two slices
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        slices.append(as_plain_text(cursor.selectedText()))
        if end < total:
            QTimer.singleShot(0, context, lambda: step(end))
        else:
            done("".join(slices))

    step(0)
