"""Type a review, see what the model thinks: the label, the probability, and why.

The panel knows nothing about models: the window hands it a predictor
(``list[str] -> probabilities``) and an explainer (``text -> Explanation``)
when a model is ready and takes them away while a worker runs, so the model
is never used during training. Without a predictor the text box still takes
typing; only Classify is disabled, with a hint saying why. So is it while
the box is empty or holds only whitespace.

Classify (the button, Ctrl+Enter) answers at once in the GUI thread, as
before; the per-word explanation follows from the :class:`ExplainRunner`'s
thread. With "Classify as I type" on, each pause of ``LIVE_DELAY_MS`` in
typing asks the runner for the explanation, whose probability is the
verdict, so typing never waits for the model.

A review longer than ``HUGE_REVIEW_CHARS`` is never run through the model
in the GUI thread: Classify asks the runner too, and the verdict comes with
the explanation (which reads only the review's end). Its text is read from
the document a slice per event-loop turn (:mod:`gui.panels.text_reading`);
whether the box holds anything is asked of the document, and a stale
answer is recognised by a counter of edits, not by comparing texts.

The verdict is said in words ("Positive", "Negative") next to its colour,
and given to screen readers as the label's accessible name with the
probability. Texts are translated; the example reviews stay English (the
model reads English), their titles are translated.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import context_tr
from gui.panels.explanation_view import ContributionLegend, ExplanationView
from gui.panels.text_reading import read_in_slices
from gui.theme import is_dark
from gui.workers.explain_runner import Explainer, ExplainRunner
from gui.workers.off_thread import call_off_gui_thread

log = logging.getLogger(__name__)

EXAMPLES_FILE = Path(__file__).resolve().parents[2] / "resources" / "example_reviews.json"
NO_MODEL_HINT = QT_TRANSLATE_NOOP("ClassifyPanel", "Train a model or open one (File > Open model, Ctrl+O) to classify reviews.")
EMPTY_REVIEW_HINT = QT_TRANSLATE_NOOP("ClassifyPanel", "Type or paste a review to classify it.")
#: The titles of resources/example_reviews.json, for lupdate (a test checks the list is complete).
EXAMPLE_TITLES = (
    QT_TRANSLATE_NOOP("ClassifyPanel", "Loved it"),
    QT_TRANSLATE_NOOP("ClassifyPanel", "Waste of time"),
    QT_TRANSLATE_NOOP("ClassifyPanel", "Mixed feelings"),
    QT_TRANSLATE_NOOP("ClassifyPanel", "Faint praise"),
    QT_TRANSLATE_NOOP("ClassifyPanel", "Surprise hit"),
    QT_TRANSLATE_NOOP("ClassifyPanel", "Disappointing"),
)

Predictor = Callable[[Sequence[str]], Sequence[float]]
#: Pause in typing before a live classification, in milliseconds.
LIVE_DELAY_MS = 300
#: Longer reviews are classified off the GUI thread, with their explanation.
HUGE_REVIEW_CHARS = 100_000
_NOT_SPACE = QRegularExpression(r"\S")


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
    #: An explanation is shown (live or after Classify): the Explanation.
    explained = Signal(object)

    tr = context_tr("ClassifyPanel")

    def __init__(self, parent: QWidget | None = None, examples: list[dict] | None = None):
        super().__init__(parent)
        self._hint_source: str | None = NO_MODEL_HINT  # the untranslated hint, when it is one of ours
        self._why: tuple = ("idle",)  # what the explanation line says, to say it again in another language
        self.predictor: Predictor | None = None
        self.explainer: Explainer | None = None
        self.probability: float | None = None
        self.edits = 0  # counts changes of the text box: an answer for an older text is dropped
        self._request: tuple[int, int, bool] | None = None  # the newest request: id, edits then, whether Classify asked
        self.runner = ExplainRunner(self)
        self.runner.explained.connect(self._on_explained)
        self.runner.failed.connect(self._on_explain_failed)
        self.live_timer = QTimer(self)
        self.live_timer.setSingleShot(True)
        self.live_timer.setInterval(LIVE_DELAY_MS)
        self.live_timer.timeout.connect(self.classify_live)
        self.examples = load_examples() if examples is None else examples

        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(48)
        self.text_edit.textChanged.connect(self._on_text_changed)

        example_row = QGridLayout()
        example_row.setSpacing(4)
        self.examples_label = QLabel()
        example_row.addWidget(self.examples_label, 0, 0, 1, 3)
        self.example_buttons: list[QPushButton] = []
        for index, example in enumerate(self.examples):
            button = QPushButton(example["title"])
            button.setToolTip(example["text"])
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, text=example["text"]: self.use_example(text))
            example_row.addWidget(button, 1 + index // 3, index % 3)
            self.example_buttons.append(button)

        self.classify_button = QPushButton()
        self.classify_button.clicked.connect(self.classify)
        self.live_check = QCheckBox()
        self.live_check.setChecked(True)
        self.live_check.toggled.connect(self._on_text_changed)
        self.hint = QLabel()
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

        button_row = QHBoxLayout()
        button_row.addWidget(self.classify_button)
        button_row.addWidget(self.live_check)
        button_row.addStretch(1)
        # The verdict's row and the hint take turns (the hint shows until there is something
        # to classify), so the hint's row of its own makes the panel no taller.
        self.result_box = QWidget()
        result_row = QHBoxLayout(self.result_box)
        result_row.setContentsMargins(0, 0, 0, 0)
        result_row.addWidget(self.verdict)
        result_row.addWidget(self.bar, 1)

        self.explanation_view = ExplanationView()
        self.legend = ContributionLegend()
        self.explain_status = QLabel()
        self.explain_status.setStyleSheet("font-weight: 600;")
        self.explain_status.setWordWrap(True)
        self.explanation_view.setMinimumWidth(120)

        entry = QWidget()
        entry_layout = QVBoxLayout(entry)
        entry_layout.setContentsMargins(0, 0, 4, 0)
        entry_layout.addWidget(self.text_edit, 1)
        entry_layout.addLayout(example_row)
        entry_layout.addLayout(button_row)
        entry_layout.addWidget(self.hint)  # the column's full width: one or two lines, not a narrow tower
        entry_layout.addWidget(self.result_box)
        why = QWidget()
        why_layout = QVBoxLayout(why)
        why_layout.setContentsMargins(4, 0, 0, 0)
        why_layout.setSpacing(3)
        why_layout.addWidget(self.explain_status)
        why_layout.addWidget(self.explanation_view, 1)
        why_layout.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(entry)
        self.splitter.addWidget(why)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.splitter)
        self.retranslate_ui()
        self.set_predictor(None)

    # --- language -----------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self.probability is not None:
            self.show_result(self.probability)  # the verdict's colour suits the new background
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Classify a review"))
        self.text_edit.setPlaceholderText(self.tr("Type or paste a movie review, then press Ctrl+Enter."))
        self.text_edit.setAccessibleName(self.tr("Review"))
        self.text_edit.setToolTip(self.tr("The review to classify (Ctrl+L to come here, Ctrl+Enter to classify)"))
        self.examples_label.setText(self.tr("Try an example:"))
        for button, example in zip(self.example_buttons, self.examples):
            button.setText(self.tr(example["title"]))
            button.setAccessibleName(self.tr("Example review: {title}").format(title=self.tr(example["title"])))
        self.classify_button.setText(self.tr("&Classify"))
        self.classify_button.setToolTip(self.tr("Classify the review (Ctrl+Enter)"))
        self.classify_button.setAccessibleName(self.tr("Classify"))
        self.live_check.setText(self.tr("Classify as I t&ype"))
        self.live_check.setToolTip(self.tr("Classify and explain {delay} ms after you stop typing (off while training)").format(delay=LIVE_DELAY_MS))
        self.live_check.setAccessibleName(self.tr("Classify as I type"))
        self.bar.setToolTip(self.tr("Probability that the review is positive"))
        self.bar.setAccessibleName(self.tr("Probability that the review is positive"))
        self.verdict.setToolTip(self.tr("The verdict, in words"))
        self.explanation_view.setAccessibleName(self.tr("Explanation: each word coloured by its push on the verdict"))
        if self._hint_source is not None:
            self._no_model_hint = self.tr(self._hint_source)
        if hasattr(self, "classify_button"):
            self._update_classify_button()
        if self.probability is not None:
            self.show_result(self.probability)
        self._show_why()

    def _show_why(self) -> None:
        kind, *values = self._why
        if kind == "idle":
            text = self.tr("Why: each word's push on the verdict")
        elif kind == "busy":
            text = self.tr("Why: explaining…")
        elif kind == "failed":
            text = self.tr("Why: {message}").format(message=values[0])
        else:
            seen, oov, unseen, max_length, start = values
            parts = [self.tr("{count} word(s) read").format(count=seen)]
            if oov:
                parts.append(self.tr("{count} not in the vocabulary").format(count=oov))
            if unseen is None:  # a huge review: its beginning was never split into words
                parts.append(self.tr("the first {count} characters cut off (it reads the last {length} words)").format(count=f"{start:,}", length=max_length))
            elif unseen:
                parts.append(self.tr("{count} cut off (it reads the last {length})").format(count=unseen, length=max_length))
            text = self.tr("Why: ") + self.tr(", ").join(parts)
        self.explain_status.setText(text)

    # --- state ------------------------------------------------------------

    def set_predictor(self, predictor: Predictor | None, hint: str | None = None, explainer: Explainer | None = None) -> None:
        """Enable classifying with ``predictor`` (and explaining with ``explainer``), or disable it and show ``hint``.

        Without ``hint``, the panel's own one says how to get a model (in the current language).
        """
        self._hint_source = NO_MODEL_HINT if hint is None else None
        hint = self.tr(NO_MODEL_HINT) if hint is None else hint
        self.predictor = predictor
        self.explainer = explainer if predictor is not None else None
        self.runner.set_explainer(self.explainer)
        self.live_timer.stop()
        self.live_check.setEnabled(self.explainer is not None)
        self._no_model_hint = hint
        self._update_classify_button()

    def _update_classify_button(self) -> None:
        """Classify needs a model and a review that is more than whitespace; the hint says which is missing."""
        has_text = self.has_review()
        if self.predictor is None:
            hint = self._no_model_hint
        else:
            hint = "" if has_text else self.tr(EMPTY_REVIEW_HINT)
        self.classify_button.setEnabled(self.predictor is not None and has_text)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._update_result_box()

    def _update_result_box(self) -> None:
        """The verdict's row is shown once there is something in it, or while no hint takes its place."""
        self.result_box.setVisible(self.probability is not None or bool(self.bar.format()) or self.hint.isHidden())

    def has_review(self) -> bool:
        """Whether the box holds more than white space (asked of the document: no copy of a huge text)."""
        return not self.text_edit.document().find(_NOT_SPACE).isNull()

    def review_text(self) -> str:
        """The review in the box, stripped."""
        return self.text_edit.toPlainText().strip()

    def is_huge(self) -> bool:
        return self.text_edit.document().characterCount() > HUGE_REVIEW_CHARS

    def _read_review_then(self, then: Callable[[str], None]) -> None:
        """Hand the stripped review to ``then``: at once, or for a huge one after reading it in slices."""
        if not self.is_huge():
            then(self.review_text())
            return
        edits = self.edits
        read_in_slices(self.text_edit.document(), self, lambda text: then(text.strip()), lambda: self.edits == edits)

    def is_live(self) -> bool:
        return self.explainer is not None and self.live_check.isChecked()

    def shutdown(self) -> None:
        """Wait for a running explanation (the window is closing)."""
        self.live_timer.stop()
        self.runner.shutdown()

    def is_ready(self) -> bool:
        return self.predictor is not None

    def clear_result(self) -> None:
        self.probability = None
        self.verdict.setText("")
        self.verdict.setAccessibleName(self.tr("No verdict yet"))
        self.bar.setValue(0)
        self.bar.setFormat("")
        self._update_result_box()

    def clear_explanation(self) -> None:
        self.explanation_view.clear_explanation()
        self._why = ("idle",)
        self._show_why()

    # --- actions ------------------------------------------------------------

    def use_example(self, text: str) -> None:
        """Put an example in the box and classify it at once when a model is ready."""
        self.text_edit.setPlainText(text)
        if self.is_ready():
            self.classify()

    def classify(self) -> float | None:
        """Classify the text box; returns the probability that it is positive."""
        if self.predictor is None:
            return None
        self.live_timer.stop()  # answered now; no live request for the same text
        if not self.has_review():
            self.clear_result()
            self.verdict.setText("")
            self.bar.setFormat(self.tr("Type a review first"))
            self._update_result_box()
            return None
        if self.is_huge() and self.explainer is not None:
            self.clear_result()
            self.bar.setFormat(self.tr("Classifying…"))
            self._update_result_box()
            self._why = ("busy",)
            self._show_why()
            self._read_review_then(lambda text: self.request_explanation(text, classifying=True))
            return None  # the verdict comes with the explanation (classified is emitted then)
        text, predictor = self.review_text(), self.predictor
        # Off the GUI thread: TensorFlow's call releases the GIL, so the window keeps painting meanwhile.
        probability = float(call_off_gui_thread(lambda: predictor([text]))[0])
        if self.predictor is not predictor:
            return None  # the model changed meanwhile (a task ended): that verdict is stale
        self.show_result(probability)
        self.classified.emit(probability)
        self.request_explanation(text)
        return probability

    def show_review(self, text: str) -> None:
        """Put a review in the box (e.g. from the evaluation tab), classify and explain it."""
        self.text_edit.setPlainText(text)
        self.live_timer.stop()
        if self.is_ready():
            self.classify()

    def request_explanation(self, text: str, classifying: bool = False) -> None:
        if self.explainer is None or not text:
            return
        self._why = ("busy",)
        self._show_why()
        request_id = self.runner.request(text)
        if request_id is not None:
            self._request = (request_id, self.edits, classifying)

    def classify_live(self) -> None:
        """Explain the current text off the GUI thread; the verdict comes with it."""
        if not self.is_live():
            return
        if not self.has_review():
            self.clear_result()
            self.clear_explanation()
            return
        self._read_review_then(self.request_explanation)

    def _on_text_changed(self) -> None:
        self.edits += 1
        if self.probability is None and self.bar.format() == self.tr("Classifying…"):
            self.bar.setFormat("")  # that answer will not come: the text changed
        self._update_classify_button()
        if self.is_live():
            self.live_timer.start()  # restarts: fires once typing pauses
        else:
            self.live_timer.stop()

    def _on_explained(self, request_id: int, text: str, explanation) -> None:
        if self._request is None or self._request[:2] != (request_id, self.edits):
            return  # typed since: a newer request is on its way
        classifying = self._request[2]
        self.show_result(float(explanation.probability))
        self.explanation_view.set_explanation(text, explanation)
        oov = sum(w.seen and not w.in_vocabulary for w in explanation.words)
        self._why = ("done", explanation.seen_count, oov, explanation.unseen_count, explanation.max_length, explanation.start)
        self._show_why()
        if classifying:
            self.classified.emit(float(explanation.probability))
        self.explained.emit(explanation)

    def _on_explain_failed(self, _request_id: int, message: str) -> None:
        if self._request is not None and self._request[2]:
            self.bar.setFormat("")  # no "Classifying…" left behind
            self._update_result_box()
        self._why = ("failed", message)
        self._show_why()

    def show_result(self, probability: float) -> None:
        """The verdict in words and colour, the bar, and the same for screen readers."""
        changed = self.probability != probability
        self.probability = probability
        positive = probability >= 0.5
        verdict = self.tr("Positive") if positive else self.tr("Negative")
        self.verdict.setText(verdict)
        if is_dark(self.palette()):
            colour = "#5ccf6b" if positive else "#ff7b72"
        else:
            colour = "#1b7f3b" if positive else "#b00020"
        self.verdict.setStyleSheet(f"color: {colour};")
        percent = QCoreApplication.translate("ClassifyPanel", "{probability:.1%} positive").format(probability=probability)
        self.bar.setValue(round(probability * 1000))
        self.bar.setFormat(percent)
        self._update_result_box()
        announcement = self.tr("Verdict: {verdict}, {percent}").format(verdict=verdict, percent=percent)
        self.verdict.setAccessibleName(announcement)
        self.bar.setAccessibleDescription(announcement)
        if changed and QAccessible.isActive():  # screen readers hear the new verdict
            QAccessible.updateAccessibility(QAccessibleEvent(self.verdict, QAccessible.Event.NameChanged))
