"""Type a review, see what the model thinks: the label and the probability as a bar.

The panel knows nothing about models: the window hands it a predictor
(``list[str] -> probabilities``) when a model is ready and takes it away
while a worker runs, so the GUI thread never calls the model during
training. Without a predictor the text box still takes typing; only
Classify is disabled, with a hint saying why.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

EXAMPLES_FILE = Path(__file__).resolve().parent.parent / "resources" / "example_reviews.json"
NO_MODEL_HINT = "Train a model or open one (File > Open model, Ctrl+O) to classify reviews."

Predictor = Callable[[Sequence[str]], Sequence[float]]


def load_examples(path: Path = EXAMPLES_FILE) -> list[dict]:
    """The example reviews we wrote: [{"title", "text"}]; none if the file is missing."""
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("No example reviews (%s)", exc)
        return []
    return [item for item in items if isinstance(item, dict) and item.get("title") and item.get("text")]


class ClassifyPanel(QGroupBox):
    """A text box, a Classify button (Ctrl+Enter), example reviews and the verdict."""

    #: The probability that the review is positive, after each classification.
    classified = Signal(float)

    def __init__(self, parent: QWidget | None = None, examples: list[dict] | None = None):
        super().__init__("Classify a review", parent)
        self.predictor: Predictor | None = None
        self.probability: float | None = None
        self.examples = load_examples() if examples is None else examples

        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Type or paste a movie review, then press Ctrl+Enter.")
        self.text_edit.setTabChangesFocus(True)

        example_row = QGridLayout()
        example_row.setSpacing(4)
        example_row.addWidget(QLabel("Try an example:"), 0, 0, 1, 3)
        self.example_buttons: list[QPushButton] = []
        for index, example in enumerate(self.examples):
            button = QPushButton(example["title"])
            button.setToolTip(example["text"])
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, text=example["text"]: self.use_example(text))
            example_row.addWidget(button, 1 + index // 3, index % 3)
            self.example_buttons.append(button)

        self.classify_button = QPushButton("Classify")
        self.classify_button.setToolTip("Classify the review (Ctrl+Enter)")
        self.classify_button.clicked.connect(self.classify)
        self.hint = QLabel(NO_MODEL_HINT)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.classify)

        self.verdict = QLabel("")
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setMinimumWidth(90)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setTextVisible(True)
        self.bar.setFormat("")
        self.bar.setToolTip("Probability that the review is positive")

        button_row = QHBoxLayout()
        button_row.addWidget(self.classify_button)
        button_row.addWidget(self.hint, 1)
        result_row = QHBoxLayout()
        result_row.addWidget(self.verdict)
        result_row.addWidget(self.bar, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(example_row)
        layout.addLayout(button_row)
        layout.addLayout(result_row)
        self.set_predictor(None)

    # --- state ------------------------------------------------------------

    def set_predictor(self, predictor: Predictor | None, hint: str = NO_MODEL_HINT) -> None:
        """Enable classifying with ``predictor``, or disable it and show ``hint``."""
        self.predictor = predictor
        self.classify_button.setEnabled(predictor is not None)
        self.hint.setText("" if predictor is not None else hint)
        self.hint.setVisible(predictor is None)

    def is_ready(self) -> bool:
        return self.predictor is not None

    def clear_result(self) -> None:
        self.probability = None
        self.verdict.setText("")
        self.bar.setValue(0)
        self.bar.setFormat("")

    # --- actions ------------------------------------------------------------

    def use_example(self, text: str) -> None:
        """Put an example in the box and classify it at once when a model is ready."""
        self.text_edit.setPlainText(text)
        if self.is_ready():
            self.classify()

    def classify(self) -> float | None:
        """Classify the text box; returns the probability that it is positive."""
        text = self.text_edit.toPlainText().strip()
        if self.predictor is None:
            return None
        if not text:
            self.clear_result()
            self.verdict.setText("")
            self.bar.setFormat("Type a review first")
            return None
        probability = float(self.predictor([text])[0])
        self.show_result(probability)
        self.classified.emit(probability)
        return probability

    def show_result(self, probability: float) -> None:
        self.probability = probability
        positive = probability >= 0.5
        self.verdict.setText("Positive" if positive else "Negative")
        self.verdict.setStyleSheet(f"color: {'#1b7f3b' if positive else '#b00020'};")
        self.bar.setValue(round(probability * 1000))
        self.bar.setFormat(f"{probability:.1%} positive")
