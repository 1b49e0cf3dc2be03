"""Issue 6 in the window: evaluation tab, explanations, live and batch classification, runs.

Real widgets offscreen, real trainings on the small corpus with the tiny
config, real model files; nothing of ours is replaced. One model is
trained and saved per module and opened where a test only needs a model;
the run-list test trains in the window itself, twice.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QStandardPaths, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from gui.main_window import MainWindow
from gui.settings import StudioSettings

SMALL = Path(__file__).parent / "data" / "small_reviews"
TIMEOUT = 90_000


def small_test_reviews() -> tuple[list[str], list[int]]:
    """The small corpus's 16 test reviews and their labels (1 positive)."""
    texts, labels = [], []
    for label, folder in ((1, "pos"), (0, "neg")):
        for path in sorted((SMALL / "test" / folder).glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
            labels.append(label)
    return texts, labels


@pytest.fixture(scope="module")
def model_file(tmp_path_factory) -> Path:
    """A tiny model trained for real on the small corpus and saved with its test predictions."""
    from core.data.loading import load_corpus
    from core.models.config import TrainingConfig
    from core.models.families.recurrent import RecurrentConfig
    from core.training.trainer import train

    config = TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=8, units=8), epochs=2, batch_size=8)
    model = train(load_corpus(SMALL), config)
    assert model.test_predictions is not None
    path = tmp_path_factory.mktemp("model") / "tiny.keras"
    model.save(path)
    return path


@pytest.fixture
def make_window(qtbot, tmp_path, tiny_config):
    def make(runs_folder: Path | None = None, settings: str = "settings.ini", default_runs: bool = False) -> MainWindow:
        folder = None if default_runs else (runs_folder or tmp_path / "runs")
        window = MainWindow(StudioSettings.in_file(str(tmp_path / settings)), runs_folder=folder)
        window.dialogs.auto_answer = True
        qtbot.addWidget(window)
        window.data_panel.set_source(str(SMALL))
        window.form.set_config(tiny_config)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def open_model(qtbot, window: MainWindow, path: Path):
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT) as ended:
        assert window.open_model(path)
    assert ended.args == ["open"] and window.dialogs.last_error is None
    return window.model


def train(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT) as ended:
        qtbot.mouseClick(window.train_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["train"] and window.dialogs.last_error is None
    return window.model


def matrix_sum(window: MainWindow) -> int:
    return int(np.sum(window.evaluation_view.confusion()))


def test_each_training_fills_the_evaluation_tab_and_adds_one_run_and_runs_compare(qtbot, make_window, tmp_path, tiny_config):
    window = make_window()
    view = window.evaluation_view
    assert not view.has_results() and window.runs.runs == []
    live_during_training: list[bool] = []
    window.batch_shown.connect(lambda *_: live_during_training.append(window.classify_panel.is_live() or window.classify_panel.live_check.isEnabled()))

    first = train(qtbot, window)
    assert live_during_training and not any(live_during_training)  # live mode is off while training
    assert window.classify_panel.is_live()
    # The matrix counts the whole test set, and the threshold moves them.
    assert view.has_results() and view.threshold() == 0.5
    assert matrix_sum(window) == 16 == first.test_metrics["count"]
    assert view.confusion() == first.test_metrics["confusion_matrix"]
    assert view.metric_values["f1"].text() == f"{first.test_metrics['f1']:.3f}"
    shown = [[text.get_text() for text in row] for row in view.cell_texts]
    assert shown[0][0].startswith(f"{view.confusion()[0][0]:,}\n")
    view.threshold_slider.setValue(1)  # 0.001: nearly everything is positive
    low = view.confusion()
    view.threshold_slider.setValue(999)
    high = view.confusion()
    assert low != high and matrix_sum(window) == 16
    assert low[0][1] + low[1][1] > high[0][1] + high[1][1]  # fewer predicted positive at a higher threshold
    view.set_threshold(0.5)
    assert view.confusion() == first.test_metrics["confusion_matrix"]
    # The ROC curve is the test set's.
    fpr, tpr, _ = first.test_predictions.roc()
    assert list(view.roc_line.get_xdata()) == list(fpr)

    assert len(window.runs.runs) == 1
    window.form.set_config(tiny_config.replace(units=6))
    second = train(qtbot, window)
    assert second is not first and len(window.runs.runs) == 2
    runs = window.runs.runs
    for run in runs:
        assert (window.runs.models_folder / run.model_file).exists()
    assert runs[1].metrics["accuracy"] == pytest.approx(second.test_metrics["accuracy"])

    # Comparing two runs: two curves on each axis, labelled by what differs.
    window.tabs.setCurrentWidget(window.runs_view)
    window.runs_view.select_runs(runs)
    chart = window.runs_view.chart
    for key in ("val_accuracy", "val_loss"):
        lines = chart.lines[key]
        assert len(lines) == 2
        assert [list(line.get_ydata()) for line in lines] == [run.history[key] for run in runs]
        assert len(chart.axes[key].get_lines()) == 2
    assert chart.labels == ["LSTM, 8 units", "LSTM, 6 units"]
    assert [t.get_text() for t in chart.axes["val_loss"].get_legend().get_texts()] == chart.labels

    # Rename in place (the name cell is editable) and delete, both kept on disk.
    item = window.runs_view.table.item(window.runs_view.row_of(runs[0]), 0)
    item.setText("Baseline")
    assert runs[0].name == "Baseline"
    window.runs_view.select_runs([runs[1]])
    deleted_file = window.runs.models_folder / runs[1].model_file
    window.runs_view.delete_button.click()
    assert [r.name for r in window.runs.runs] == ["Baseline"] and not deleted_file.exists()

    # A new window (a restart) finds the run, and opening its model adds no new run.
    again = make_window(settings="again.ini")
    assert [r.name for r in again.runs.runs] == ["Baseline"]
    assert again.runs.runs[0].history == runs[0].history
    again.runs_view.select_runs(again.runs.runs)
    assert again.runs_view.open_button.isEnabled()
    with qtbot.waitSignal(again.task_ended, timeout=TIMEOUT):
        again.runs_view.open_button.click()
    assert again.model is not None and len(again.runs.runs) == 1
    assert again.controller.current_run.id == runs[0].id
    assert matrix_sum(again) == 16


def test_runs_live_in_the_app_data_location_and_come_back(qtbot, make_window, model_file, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    QStandardPaths.setTestModeEnabled(True)
    try:
        window = make_window(default_runs=True)
        folder = window.runs.folder
        assert str(folder).startswith(str(tmp_path / "home"))
        assert Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) == folder
        open_model(qtbot, window, model_file)
        open_model(qtbot, window, model_file)  # the same file again: still one run
        assert len(window.runs.runs) == 1 and window.runs.runs[0].name == "tiny"
        assert (folder / "runs.json").exists()
        window.close()

        restarted = make_window(default_runs=True, settings="restarted.ini")
        assert [r.name for r in restarted.runs.runs] == ["tiny"]
        assert restarted.runs_view.table.rowCount() == 1
        assert (restarted.runs.models_folder / restarted.runs.runs[0].model_file).exists()
    finally:
        QStandardPaths.setTestModeEnabled(False)


def test_a_threshold_move_redraws_only_what_moves_over_the_last_drawing(qtbot, make_window, model_file):
    window = make_window()
    open_model(qtbot, window, model_file)
    view = window.evaluation_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(view.canvas.shows_last_drawing, timeout=10_000)
    draws, before = view.canvas._draws, bytes(view.canvas.buffer_rgba())
    counts = matrix_sum(window), view.cell_texts[1][1].get_text()
    view.threshold_slider.setValue(100)  # 0.1: more reviews called positive
    assert view.canvas._draws == draws  # no whole draw of the figure
    assert view.cell_texts[1][1].get_text() != counts[1] and matrix_sum(window) == counts[0]
    assert bytes(view.canvas.buffer_rgba()) != before  # the cells and the point, drawn over the kept picture
    cell, drawn = view.cell_texts[1][1], []
    draw = cell.draw
    cell.draw = lambda renderer: (drawn.append(renderer), draw(renderer))[1]
    background = view.canvas._background
    view.figure.savefig(io.BytesIO(), format="png")
    assert cell.get_animated() and drawn  # a saved figure still has the moving parts
    assert view.canvas._background is background  # and saving it kept the picture moves are drawn over


def test_clicking_a_wrong_review_explains_it_in_the_classify_panel(qtbot, make_window, model_file):
    window = make_window()
    model = open_model(qtbot, window, model_file)
    view = window.evaluation_view
    assert matrix_sum(window) == 16
    wrong = model.test_predictions.wrong
    assert wrong, "the 2-epoch tiny model should get some test reviews wrong"
    assert view.wrong_table.model().rowCount() == len(wrong)
    window.tabs.setCurrentWidget(view)
    table = view.wrong_table
    rect = table.visualRect(table.model().index(0, 2))
    panel = window.classify_panel
    with qtbot.waitSignal(panel.explained, timeout=10_000) as explained:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.text_edit.toPlainText() == wrong[0]["text"]
    assert panel.probability == pytest.approx(wrong[0]["probability"], abs=1e-4)
    assert explained.args[0].probability == pytest.approx(wrong[0]["probability"], abs=1e-4)
    assert len(panel.explanation_view.word_formats()) == len(explained.args[0].words)


def test_explanation_shows_every_word_with_oov_and_unseen_marks_and_tooltips(qtbot, make_window, model_file):
    window = make_window()
    model = open_model(qtbot, window, model_file)
    panel = window.classify_panel
    # 51 words: the model (max_length 40) sees the last 40; "zorblax" is not in a 200-word vocabulary.
    cut = " ".join(["dull"] * 10)
    review = f"{cut} The film was wonderful, the cast superb; zorblax aside, I loved it and would see it again. " + " ".join(["good"] * 24)
    panel.text_edit.setPlainText(review)
    with qtbot.waitSignal(panel.explained, timeout=10_000) as explained:
        panel.classify()
    explanation = explained.args[0]
    words = explanation.words  # the last max_length + 1: the first of them unseen, the 10 before it counted
    assert len(words) == 41 and explanation.unseen_count == 11 and explanation.skipped_words == 10
    seen = [w for w in words if w.seen]

    shown = panel.explanation_view.word_formats()
    assert [text for text, _ in shown] == [w.text for w in seen]
    assert panel.explanation_view.toPlainText() == review.strip()
    # The unseen part is one grey, struck-through run, up to the first seen word.
    assert panel.explanation_view.unseen_runs() == [review.strip()[: seen[0].start]]
    for (_text, fmt), word in zip(shown, seen):
        tip = fmt.toolTip()
        assert word.text in tip
        assert not fmt.fontStrikeOut() and f"{word.contribution:+.3f}" in tip
        assert fmt.background().color().name() != "#000000"
        oov = fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        assert oov == (not word.in_vocabulary)
        assert ("not in the vocabulary" in tip) == (not word.in_vocabulary)
    assert any(w.token == "zorblax" and not w.in_vocabulary and w.seen for w in words)
    assert "11 cut off" in panel.explain_status.text() and "not in the vocabulary" in panel.explain_status.text()
    assert explanation.probability == pytest.approx(float(model.predict([review.strip()])[0]), abs=1e-5)

    # Hovering a word: the tooltip event is answered from the word under the mouse.
    view = panel.explanation_view
    index = next(i for i, w in enumerate(words) if w.token == "zorblax")
    cursor = QTextCursor(view.document())
    cursor.setPosition(words[index].start + 2)
    point = view.cursorRect(cursor).center()
    assert "zorblax" in view.tooltip_at(point) and "not in the vocabulary" in view.tooltip_at(point)
    cursor.setPosition(2)
    assert "11 word(s) not seen by the model" in view.tooltip_at(view.cursorRect(cursor).center())
    assert view.tooltip_at(QPoint(view.viewport().width() - 3, view.viewport().height() - 3)) == ""


def test_a_10_mb_review_is_classified_and_explained_from_its_end_with_a_capped_display(qtbot, make_window, model_file):
    window = make_window()
    model = open_model(qtbot, window, model_file)
    panel = window.classify_panel
    panel.live_check.setChecked(False)
    paragraph = "It was dull and far too long. " * 30
    ending = "The film was wonderful, the cast superb; I loved it."
    review = "\n".join([paragraph] * (10_000_000 // (len(paragraph) + 1))) + "\n" + ending
    panel.text_edit.setPlainText(review)
    answers: list = []
    panel.classified.connect(answers.append)
    with qtbot.waitSignal(panel.explained, timeout=TIMEOUT) as explained:
        assert panel.classify() is None  # not run through the model in the GUI thread: the verdict follows
    explanation = explained.args[0]
    assert len(review) > 9_900_000
    assert len(explanation.words) == model.vectorizer.max_length + 1 and explanation.skipped_words is None
    assert answers == [explanation.probability] and panel.probability == explanation.probability

    view = panel.explanation_view
    [grey] = view.unseen_runs()  # the 10 MB before the seen words: one grey run, its end shown after a note
    assert grey.startswith("[") and "earlier characters not shown" in grey and len(grey) < 400
    assert review.strip()[: explanation.words[1].start].endswith(grey.split("…", 1)[1])
    shown = view.toPlainText()
    assert len(shown) < 2_000 and shown.endswith(ending)
    assert [text for text, _ in view.word_formats()] == [w.text for w in explanation.words if w.seen]
    assert "characters cut off" in panel.explain_status.text()


def test_live_classification_fires_once_after_typing_pauses(qtbot, make_window, model_file):
    window = make_window()
    model = open_model(qtbot, window, model_file)
    panel = window.classify_panel
    assert panel.is_live() and panel.live_check.isChecked()
    shown: list = []
    panel.explained.connect(shown.append)
    panel.text_edit.setFocus()
    with qtbot.waitSignal(panel.explained, timeout=5_000):
        qtbot.keyClicks(panel.text_edit, "A wonderful film, I loved it")
        assert panel.live_timer.isActive()  # debounced: nothing yet while typing
        assert shown == []
    qtbot.wait(400)
    assert len(shown) == 1  # one classification for the whole burst of typing
    expected = float(model.predict(["A wonderful film, I loved it"])[0])
    assert panel.probability == pytest.approx(expected, abs=1e-5)
    assert panel.verdict.text() == ("Positive" if expected >= 0.5 else "Negative")
    # Typing again replaces the verdict; a stale answer never overwrites the newest text.
    with qtbot.waitSignal(panel.explained, timeout=5_000) as again:
        qtbot.keyClicks(panel.text_edit, " but the ending was awful and boring")
    text = "A wonderful film, I loved it but the ending was awful and boring"
    assert again.args[0].probability == pytest.approx(float(model.predict([text])[0]), abs=1e-5)
    # Off: typing classifies nothing.
    panel.live_check.setChecked(False)
    qtbot.keyClicks(panel.text_edit, " really")
    assert not panel.live_timer.isActive()


def test_batch_classification_of_a_labelled_csv_shows_accuracy_sorts_and_exports(qtbot, make_window, model_file, tmp_path):
    window = make_window()
    model = open_model(qtbot, window, model_file)
    texts, labels = small_test_reviews()
    source = tmp_path / "reviews.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "review", "sentiment"])
        for i, (text, label) in enumerate(zip(texts, labels)):
            writer.writerow([i, text, "pos" if label else "neg"])
    batch = window.batch_view
    window.tabs.setCurrentWidget(batch)
    assert batch.open_button.isEnabled() and not batch.export_button.isEnabled()
    with qtbot.waitSignal(batch.ended, timeout=TIMEOUT) as ended:
        assert batch.start(source, "review", "sentiment")
        assert batch.cancel_button.isEnabled() and not batch.open_button.isEnabled()
    assert ended.args == ["done"]

    probabilities = model.predict(texts)
    predicted = probabilities >= 0.5
    accuracy = float(np.mean(predicted == np.array(labels, dtype=bool)))
    assert batch.metrics["accuracy"] == pytest.approx(accuracy)
    assert f"{accuracy:.4f}" in batch.summary.text()
    tp = int(np.sum(predicted & (np.array(labels) == 1)))
    assert batch.metrics["confusion_matrix"][1][1] == tp
    results = batch.results
    assert results.rowCount() == 16 and results.headers() == ["Review", "Label", "P(positive)", "True label"]
    # Sortable: by probability, highest first.
    batch.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    shown = [float(results.index(row, 2).data()) for row in range(16)]
    assert shown == sorted(shown, reverse=True)
    assert shown[0] == pytest.approx(float(np.max(probabilities)), abs=1e-4)

    out = tmp_path / "out.csv"
    assert batch.export(out)
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert [r["text"] for r in rows] == texts
    assert [float(r["probability"]) for r in rows] == pytest.approx([float(p) for p in probabilities], abs=1e-5)
    assert [r["true_label"] for r in rows] == ["positive" if label else "negative" for label in labels]


def test_batch_of_a_text_file_can_be_cancelled(qtbot, make_window, model_file, tmp_path):
    window = make_window()
    open_model(qtbot, window, model_file)
    batch = window.batch_view
    lines = tmp_path / "many.txt"
    lines.write_text("\n".join(f"review number {i}, a fine and moving film" for i in range(30_000)), encoding="utf-8")
    with qtbot.waitSignal(batch.ended, timeout=TIMEOUT) as ended:
        assert batch.start(lines)
        batch.cancel()
    assert ended.args == ["cancelled"] and batch.result is None
    assert batch.open_button.isEnabled() and not batch.export_button.isEnabled()
    # A plain text file, classified in full.
    short = tmp_path / "few.txt"
    short.write_text("A wonderful film.\n\nTwo hours I will never get back.\n", encoding="utf-8")
    with qtbot.waitSignal(batch.ended, timeout=TIMEOUT) as ended:
        assert batch.start(short)
    assert ended.args == ["done"] and batch.results.rowCount() == 2 and batch.metrics is None
    assert batch.results.headers() == ["Review", "Label", "P(positive)"]
    assert "UTF-8" not in batch.summary.text()
    # Bytes that are not UTF-8 are read as U+FFFD, and the summary says how many.
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Un film magnifique, très émouvant.\nNul.\n".encode("latin-1"))
    with qtbot.waitSignal(batch.ended, timeout=TIMEOUT) as ended:
        assert batch.start(latin1)
    assert ended.args == ["done"] and batch.results.rowCount() == 2
    assert "2 byte sequence(s) in the file were not valid UTF-8" in batch.summary.text()
