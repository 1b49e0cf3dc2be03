"""Which words drove the verdict: the review with each word coloured by its contribution.

The text is built with QTextCursor and one QTextCharFormat per word (no HTML
to escape): the background is a diverging colour (red pushes towards
negative, blue towards positive, stronger for a bigger push), and words
outside the vocabulary get a dotted underline. The part the model never saw
(cut off by the max-length truncation) is one grey, struck-through run.

What is shown is capped, so a 10 MB review costs what a short one does:
of the unseen part only its last ``UNSEEN_SHOWN`` characters, after a note
saying how many are not shown; of a word or of the text between two words
at most ``WORD_SHOWN`` or ``GAP_SHOWN`` characters, the middle left out.

Each format carries its word's index (or marks the unseen run) and its
tooltip; QTextEdit does not show character-format tooltips by itself, so
:meth:`ExplanationView.viewportEvent` answers ``QEvent.ToolTip`` from the
format under the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from gui.i18n import RetranslatesOnLanguageChange, context_tr

#: QTextFormat property holding a word's index in the explanation.
WORD_INDEX = QTextFormat.Property.UserProperty + 1
#: QTextFormat property marking the unseen run (True).
UNSEEN_RUN = QTextFormat.Property.UserProperty + 2
#: Characters shown of the unseen part (its end), of one word, and of the text between two words.
UNSEEN_SHOWN = 300
WORD_SHOWN = 80
GAP_SHOWN = 200
ELLIPSIS = " … "
NEGATIVE = QColor("#d6604d")
POSITIVE = QColor("#4393c3")
NEUTRAL = QColor("#ffffff")
UNSEEN = QColor("#9a9a9a")
#: Contributions are scaled by the review's largest one, but never by less
#: than this, so a review of tiny pushes does not look dramatic.
MIN_SCALE = 0.05


def contribution_colour(contribution: float, scale: float) -> QColor:
    """White for no push, blending to red (negative) or blue (positive) with the push's size.

    The strength is the square root of the push relative to ``scale``, so
    moderate pushes stay visible next to one dominant word.
    """
    strength = max(0.0, min(1.0, abs(contribution) / scale)) ** 0.5 if scale > 0 else 0.0
    target = POSITIVE if contribution > 0 else NEGATIVE
    mix = lambda a, b: round(a + (b - a) * strength)  # noqa: E731
    return QColor(mix(NEUTRAL.red(), target.red()), mix(NEUTRAL.green(), target.green()), mix(NEUTRAL.blue(), target.blue()))


def shortened(text: str, limit: int) -> str:
    """``text``, or its two ends around an ellipsis when it is longer than ``limit``."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return text[:half] + ELLIPSIS + text[len(text) - half :]


def unseen_tooltip(explanation) -> str:
    """What hovering the grey run says."""
    count = explanation.unseen_count
    if count is None:
        return QCoreApplication.translate(
            "ExplanationView", "The beginning of the review, up to its last {length} words: not seen by the model (cut off by the max-length truncation)"
        ).format(length=explanation.max_length)
    return QCoreApplication.translate("ExplanationView", "{count} word(s) not seen by the model (cut off by the max-length truncation)").format(count=count)


def word_tooltip(word) -> str:
    """What hovering a seen word says (in the current language)."""
    note = "" if word.in_vocabulary else QCoreApplication.translate("ExplanationView", " · not in the vocabulary (read as the unknown-word token)")
    if word.contribution > 0:
        direction = QCoreApplication.translate("ExplanationView", "towards positive")
    elif word.contribution < 0:
        direction = QCoreApplication.translate("ExplanationView", "towards negative")
    else:
        direction = QCoreApplication.translate("ExplanationView", "neither way")
    return QCoreApplication.translate("ExplanationView", "“{word}”: {contribution:+.3f} ({direction})").format(word=word.text, contribution=word.contribution, direction=direction) + note


class ExplanationView(RetranslatesOnLanguageChange, QTextBrowser):
    """The explained review, read-only, with per-word colours and tooltips."""

    tr = context_tr("ExplanationView")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.explanation = None
        self.text = ""
        self.setMouseTracking(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(self.tr("Classify a review to see which words pushed the verdict."))
        if self.explanation is not None:  # the tooltips are in the formats
            self.set_explanation(self.text, self.explanation)

    def clear_explanation(self) -> None:
        self.explanation = None
        self.text = ""
        self.clear()

    def set_explanation(self, text: str, explanation) -> None:
        """Show ``text`` coloured by ``explanation`` (a core.insight.explain.Explanation), capped."""
        self.explanation = explanation
        self.text = text
        self.clear()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one layout at the end, not one per inserted word
        plain = QTextCharFormat()
        words = explanation.words
        seen = [(index, word) for index, word in enumerate(words) if word.seen]
        scale = max([MIN_SCALE, *(abs(word.contribution) for _, word in seen)])
        spans_known = all(w.start is not None for w in words)
        unseen = explanation.start > 0 or len(seen) < len(words)
        if spans_known:
            first_seen = seen[0][1].start if seen else len(text)
            if unseen:
                self._insert_unseen(cursor, text[:first_seen])
            else:
                cursor.insertText(shortened(text[:first_seen], GAP_SHOWN), plain)
            position = first_seen
            for index, word in seen:
                cursor.insertText(shortened(text[position : word.start], GAP_SHOWN), plain)
                cursor.insertText(shortened(word.text, WORD_SHOWN), self._word_format(index, word, scale))
                position = word.end
            cursor.insertText(shortened(text[position:], GAP_SHOWN), plain)
        else:  # the words as normalised, one space apart
            if unseen:
                self._insert_unseen(cursor, " ".join(word.text for word in words if not word.seen), hidden_before=explanation.start)
            for number, (index, word) in enumerate(seen):
                if number or unseen:
                    cursor.insertText(" ", plain)
                cursor.insertText(shortened(word.text, WORD_SHOWN), self._word_format(index, word, scale))
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _insert_unseen(self, cursor: QTextCursor, part: str, hidden_before: int = 0) -> None:
        """The unseen beginning as one grey run: its last UNSEEN_SHOWN characters, after a note if the rest is hidden."""
        cut = max(0, len(part) - UNSEEN_SHOWN)
        hidden = hidden_before + cut
        if hidden:
            note = QTextCharFormat()
            note.setFontItalic(True)
            note.setForeground(UNSEEN)
            note.setToolTip(unseen_tooltip(self.explanation))
            note.setProperty(UNSEEN_RUN, True)
            cursor.insertText(self.tr("[{count} earlier characters not shown]").format(count=f"{hidden:,}") + " …", note)
        fmt = QTextCharFormat()
        fmt.setProperty(UNSEEN_RUN, True)
        fmt.setToolTip(unseen_tooltip(self.explanation))
        fmt.setForeground(UNSEEN)
        fmt.setFontStrikeOut(True)
        cursor.insertText(part[cut:], fmt)

    def _word_format(self, index: int, word, scale: float) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setProperty(WORD_INDEX, index)
        fmt.setToolTip(word_tooltip(word))
        fmt.setBackground(contribution_colour(word.contribution, scale))
        fmt.setForeground(QColor("#111111"))
        if not word.in_vocabulary:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor("#333333"))
            fmt.setFontItalic(True)
        return fmt

    # --- reading it back (tooltips, tests) ---------------------------------

    def _fragments(self):
        """Every text fragment of the document, in order."""
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid():
                    yield fragment
                iterator += 1
            block = block.next()

    def word_formats(self) -> list[tuple[str, QTextCharFormat]]:
        """Every seen word's (text, format), in order, from the document itself."""
        return [(f.text(), f.charFormat()) for f in self._fragments() if f.charFormat().hasProperty(WORD_INDEX)]

    def unseen_runs(self) -> list[str]:
        """The texts of the grey runs, from the document (fragments that follow each other make one run)."""
        runs: list[str] = []
        end = None
        for fragment in self._fragments():
            if not fragment.charFormat().hasProperty(UNSEEN_RUN):
                end = None
                continue
            if end is not None and fragment.position() in (end, end + 1):  # + 1: across a paragraph break
                runs[-1] += ("\n" if fragment.position() == end + 1 else "") + fragment.text()
            else:
                runs.append(fragment.text())
            end = fragment.position() + fragment.length()
        return runs

    def format_at(self, point: QPoint) -> QTextCharFormat | None:
        """The character format under ``point`` (viewport coordinates), if over a word."""
        position = self.document().documentLayout().hitTest(point + QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value()), Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)  # charFormat() is the char before
        fmt = cursor.charFormat()
        return fmt if fmt.hasProperty(WORD_INDEX) or fmt.hasProperty(UNSEEN_RUN) else None

    def tooltip_at(self, point: QPoint) -> str:
        fmt = self.format_at(point)
        return fmt.toolTip() if fmt is not None else ""

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class ContributionLegend(RetranslatesOnLanguageChange, QWidget):
    """A red-white-blue bar saying which colour pushes which way, and the other marks."""

    tr = context_tr("ContributionLegend")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = _GradientBar()
        self.marks = QLabel()
        self.retranslate_ui()
        self.marks.setWordWrap(True)
        self.marks.setStyleSheet("font-size: 8.5pt; color: palette(dark);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.marks)

    def retranslate_ui(self) -> None:
        self.bar.setToolTip(self.tr("Background colour: how much deleting the word changes the probability of positive"))
        self.marks.setText(
            "<span style='text-decoration: underline; font-style: italic'>" + self.tr("underlined italic") + "</span>" + self.tr(": not in the vocabulary · ")
            + "<span style='color:#9a9a9a; text-decoration: line-through'>" + self.tr("grey") + "</span>" + self.tr(": not seen (cut by the length limit) · ")
            + self.tr("hover a word for its contribution")
        )
        self.bar.update()


class _GradientBar(QWidget):
    """The colour scale, its two ends named inside it."""

    def __init__(self):
        super().__init__()
        self.setMinimumSize(120, 16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        gradient = QLinearGradient(rect.topLeft(), rect.topRight())
        gradient.setColorAt(0.0, NEGATIVE)
        gradient.setColorAt(0.5, NEUTRAL)
        gradient.setColorAt(1.0, POSITIVE)
        painter.fillRect(rect, gradient)
        painter.setPen(QColor("#888888"))
        painter.drawRect(rect)
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        text_rect = rect.adjusted(4, 0, -4, 0)
        translate = QCoreApplication.translate
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), translate("ContributionLegend", "◀ negative"))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), translate("ContributionLegend", "positive ▶"))
        painter.end()
