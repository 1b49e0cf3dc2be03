"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 lost a reference to None per call and aborted Python."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QProgressBar


def test_widget_setters_do_not_leak_references_to_none(qtbot):
    label, bar = QLabel(), QProgressBar()
    qtbot.addWidget(label)
    qtbot.addWidget(bar)
    before = sys.getrefcount(None)
    for value in range(5_000):
        label.setText("x")
        bar.setValue(value % 100)
    # Other code may take or drop a few references meanwhile; a leak loses thousands.
    assert abs(sys.getrefcount(None) - before) < 100
