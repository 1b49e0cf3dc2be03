"""Languages, CJK-safe charts, themes, keyboard and accessibility of the window.

The translations are Qt's own (.ts sources, .qm files); these tests switch
the running app to Simplified Chinese and back, render charts with Chinese
labels, recolour them for a dark palette, and drive the window with the
keyboard only. Every test that switches the language puts English back.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from matplotlib import font_manager
from matplotlib.colors import to_hex
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
)

from core.errors import ConfigError
from core.models.config import TrainingConfig
from gui import i18n
from gui.charts.training_chart import TrainingChart
from gui.i18n import cjk_font, error_text, set_language
from gui.main_window import MainWindow
from gui.panels.classify_panel import EXAMPLE_TITLES, load_examples
from gui.settings import StudioSettings
from gui.theme import apply_theme, chart_colours, dark_palette

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "i18n" / "studio_zh_CN.ts"
QM_FILE = ROOT / "gui" / "translations" / "studio_zh_CN.qm"
#: Texts that are the same in both languages on purpose: names, numbers, placeholders.
SAME_IN_BOTH = {"LSTM", "GRU", "F1", "ROC AUC", "–", "0.5", "0.500", "&English", "简体中文(&C)"}
QT_INTERNAL = ("qt_", "ScrollLeftButton", "ScrollRightButton")
HISTORY = {"accuracy": [0.61, 0.78, 0.84], "val_accuracy": [0.66, 0.8, 0.83], "loss": [0.66, 0.47, 0.37], "val_loss": [0.62, 0.45, 0.41]}


@pytest.fixture
def english_after():
    """Whatever a test switches to, the next test starts in English."""
    yield
    set_language("en")


@pytest.fixture
def window(qtbot, tmp_path, english_after):
    set_language("en")
    window = MainWindow(StudioSettings.in_file(str(tmp_path / "settings.ini")), runs_folder=tmp_path / "runs")
    window.dialogs.auto_answer = True
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def switch_language(qtbot, window, code: str) -> None:
    """``set_language``, then the turns in which it reaches the window's panels and pages."""
    set_language(code)
    qtbot.waitUntil(lambda: not window.language_turns.pending, timeout=3000)


def visible_texts(window) -> dict[int, tuple[str, str]]:
    """id -> (kind, text) of every visible QAction, QPushButton, QLabel and QGroupBox with a text."""
    found = {}
    for action in window.findChildren(QAction):
        if action.isVisible() and not action.isSeparator() and action.text().strip():
            found[id(action)] = ("QAction", action.text())
    for kind in (QPushButton, QLabel, QGroupBox):
        for widget in window.findChildren(kind):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            if widget.isVisible() and text.strip():
                found[id(widget)] = (kind.__name__, text)
    return found


def glyph_problems(figure) -> list[str]:
    """Warnings Matplotlib gives while drawing ``figure``: glyphs missing from every font, fonts not found."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if "missing from" in str(w.message) or "findfont" in str(w.message)]


# --- the translation files --------------------------------------------------------


def test_the_chinese_translation_is_complete_and_its_fields_match():
    root = ET.parse(TS_FILE).getroot()
    messages = [(ctx.findtext("name"), m) for ctx in root.iter("context") for m in ctx.iter("message")]
    assert len(messages) > 300
    problems = []
    for context, message in messages:
        source, translation = message.findtext("source"), message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not (translation.text or "").strip():
            problems.append(f"untranslated in {context}: {source!r}")
        elif set(re.findall(r"\{[^}]*\}", source)) != set(re.findall(r"\{[^}]*\}", translation.text)):
            problems.append(f"fields differ in {context}: {source!r} -> {translation.text!r}")
    assert problems == []


@pytest.mark.skipif(not shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)), reason="pyside6-lupdate is not installed")
def test_the_translation_files_are_up_to_date_with_the_code(tmp_path):
    """lupdate finds no string the .ts lacks, and lrelease of the .ts gives the shipped .qm."""
    copy = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, copy)
    tools = Path(sys.executable).parent
    files = sorted(str(p.relative_to(ROOT)) for folder in ("core", "gui") for p in (ROOT / folder).rglob("*.py"))
    result = subprocess.run(
        [str(tools / "pyside6-lupdate"), "-tr-function-alias", "translate+=chart_tr", "-locations", "none", "-no-obsolete", *files, "-ts", str(copy)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    assert "(0 new and" in result.stdout, "new strings: run python tools/update_translations.py and translate them"
    subprocess.run([str(tools / "pyside6-lrelease"), str(TS_FILE), "-qm", str(tmp_path / "fresh.qm")], capture_output=True, check=True)
    assert (tmp_path / "fresh.qm").read_bytes() == QM_FILE.read_bytes(), "the .qm is stale: run python tools/update_translations.py"


def test_every_example_title_is_marked_for_translation():
    assert {example["title"] for example in load_examples()} <= set(EXAMPLE_TITLES)


# --- switching the language -------------------------------------------------------


def test_in_chinese_every_visible_text_of_the_window_is_translated(qtbot, window):
    english = visible_texts(window)
    assert len(english) > 40
    switch_language(qtbot, window, "zh_CN")
    chinese = visible_texts(window)
    untranslated = sorted(
        f"{kind} {text!r}" for key, (kind, text) in english.items() if key in chinese and chinese[key][1] == text and text not in SAME_IN_BOTH
    )
    assert untranslated == []
    assert window.train_button.text() == "训练" and window.menus.file_menu.title() == "文件(&F)"
    assert window.tabs.tabText(1) == "评估"
    assert window.chart.axes["accuracy"].get_title() == ("准确率" if cjk_font() else "Accuracy")


def test_the_language_menu_switches_live_is_remembered_and_english_comes_back_unchanged(qtbot, window, tmp_path):
    qtbot.waitUntil(lambda: not window.data_panel.timer.isActive(), timeout=3000)  # the data panel has looked at its data
    before = visible_texts(window)
    with qtbot.waitSignal(window.menus.language_changed, timeout=2000) as signal:
        window.menus.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: not window.language_turns.pending, timeout=3000)
    assert signal.args == ["zh_CN"] and i18n.current_language() == "zh_CN"
    assert window.settings.language() == "zh_CN"
    assert window.classify_panel.title() == "评论分类" and window.results.metrics_note.text() == "还没有模型。"
    assert window.form.labels["learning_rate"].text() == "学习率"
    assert window.form.preset_menu.actions()[0].text() == "教程 LSTM"
    window.settings.sync()
    assert StudioSettings.in_file(str(tmp_path / "settings.ini")).language() == "zh_CN"

    window.menus.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: not window.language_turns.pending, timeout=3000)
    assert visible_texts(window) == before
    window.menus.language_actions[""].trigger()  # follow the system again
    assert window.settings.language() == "" and i18n.current_language() == i18n.system_language()


def test_a_language_switch_reaches_the_panels_on_later_turns_and_a_hidden_tab_when_shown(qtbot, window):
    window.tabs.setCurrentIndex(0)
    runs, batch, classify = window.runs_view, window.batch_view, window.classify_panel
    set_language("zh_CN")
    assert window.train_button.text() == "训练"  # the window's own texts at once
    assert classify.classify_button.text() == "&Classify"  # the panels and pages on the turns after
    assert runs.open_button.text() == "&Open" and batch.open_button.text() == "Classify a &file…"
    window.tabs.setCurrentWidget(runs)  # shown: switched before it paints
    assert runs.open_button.text() == "打开(&O)" and batch.open_button.text() == "Classify a &file…"
    qtbot.waitUntil(lambda: not window.language_turns.pending, timeout=3000)
    assert classify.classify_button.text() == "分类(&C)" and batch.open_button.text() == "分类文件(&F)…" and batch.isHidden()


def test_a_chart_resized_by_the_switch_is_laid_out_once_with_its_new_texts(qtbot, window):
    chart, canvas = window.chart, window.chart.canvas
    qtbot.waitUntil(lambda: canvas.shows_last_drawing(), timeout=5000)
    titles: list[str] = []  # the title each layout was computed for
    engine = chart.figure.get_layout_engine()
    execute = engine.execute
    engine.execute = lambda figure: (titles.append(chart.axes["accuracy"].get_title()), execute(figure))[1]
    draws, retranslations = canvas._draws, []
    retranslate = window.retranslate_ui
    window.retranslate_ui = lambda: (retranslations.append(i18n.current_language()), retranslate())
    set_language("zh_CN")
    # The window's relayout in the new script resizes the chart (here by a pixel), before the chart's own texts switch.
    canvas.resize(canvas.width(), canvas.height() - 1)
    # Installing two translators can bring the window a second LanguageChange after that.
    time.sleep(0.005)  # the chart's draw is due by then
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert retranslations == ["zh_CN"]  # the window's own texts once
    qtbot.waitUntil(lambda: not window.language_turns.pending and canvas.shows_last_drawing(), timeout=5000)
    qtbot.wait(200)
    chinese = "准确率" if cjk_font() else "Accuracy"
    assert titles == [chinese]  # not one layout for the old texts and another (or none) for the new
    assert canvas._draws - draws == 2  # its layout's turn and its drawing's turn


def test_the_system_language_decides_by_default():
    from PySide6.QtCore import QLocale

    assert i18n.system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.system_language(QLocale("zh_TW")) == "en"
    assert i18n.system_language(QLocale("en_GB")) == "en"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    assert i18n.resolve_language("zh_CN") == "zh_CN" and i18n.resolve_language("xx") == i18n.system_language()


def test_engine_errors_are_translated_in_the_app_and_stay_english_for_the_command_line(qtbot, window):
    window.form.widgets["early_stopping"].setChecked(True)
    window.form.widgets["validation_split"].setValue(0.0)
    with pytest.raises(ConfigError) as caught:
        TrainingConfig(early_stopping=True, validation_split=0.0)
    english = str(caught.value)
    assert window.form.error_label.text() == english
    set_language("zh_CN")
    assert str(caught.value) == english  # the engine and the CLI never change language
    assert window.form.error_label.text() == "early_stopping 需要验证数据：请将 validation_split 设为大于 0。"
    with pytest.raises(ConfigError) as caught:
        TrainingConfig().replace(units=0)
    assert error_text(caught.value) == "units 必须在 1 到 1024 之间；当前为 0。"
    assert str(caught.value) == "units must be from 1 to 1024; got 0."


def test_a_missing_model_file_is_reported_in_chinese(qtbot, window, tmp_path):
    set_language("zh_CN")
    assert not window.open_model(tmp_path / "none.keras")
    assert window.dialogs.last_error == f"{str(tmp_path / 'none.keras')!r} 处没有模型文件。请检查路径。"
    assert window.dialogs.error_box.windowTitle() == "无法打开模型"


# --- charts -------------------------------------------------------------------------


def test_a_chart_with_chinese_labels_renders_without_missing_glyphs(qtbot, english_after):
    if cjk_font() is None:
        pytest.skip("no CJK font installed (Debian/Ubuntu: apt install fonts-noto-cjk); .ci/run installs it")
    # The check itself sees missing glyphs: DejaVu Sans alone has no Chinese.
    from matplotlib.figure import Figure

    bare = Figure()
    bare.suptitle("模型训练历史", family="DejaVu Sans")
    assert glyph_problems(bare)

    set_language("zh_CN")
    chart = TrainingChart()
    qtbot.addWidget(chart)
    chart.set_history(HISTORY, best_epoch=3, restored_best=True)
    accuracy = chart.axes["accuracy"]
    assert (accuracy.get_title(), accuracy.get_xlabel()) == ("准确率", "轮次")
    assert [t.get_text() for t in accuracy.get_legend().get_texts()] == ["训练", "验证", "最佳轮次"]
    assert "提前停止" in chart.note.get_text()
    assert glyph_problems(chart.figure) == []


def test_charts_use_the_cjk_font_only_for_chinese(qtbot, english_after):
    """A CJK font first in the list slows every English draw (fallback layout); Chinese needs it."""
    import matplotlib

    set_language("en")
    qtbot.addWidget(TrainingChart())  # a chart configures the fonts when it is made
    assert matplotlib.rcParams["font.sans-serif"] == ["DejaVu Sans"]
    set_language("zh_CN")
    assert matplotlib.rcParams["font.sans-serif"] == [*[f for f in i18n.installed_chart_fonts() if f != "DejaVu Sans"], "DejaVu Sans"]
    if cjk_font() is not None:
        assert matplotlib.rcParams["font.sans-serif"][0] == cjk_font()
    set_language("en")
    assert matplotlib.rcParams["font.sans-serif"] == ["DejaVu Sans"]


def test_without_a_cjk_font_charts_keep_english_labels_and_warn_once(qtbot, english_after, monkeypatch, caplog):
    """Matplotlib is shown a font list without CJK fonts; the app's own code runs as is."""
    kept = [font for font in font_manager.fontManager.ttflist if font.name not in i18n.CJK_FONTS]
    system_fonts = [path for path in font_manager.findSystemFonts() if not any(p in Path(path).name.lower() for p in i18n.CJK_FONT_FILES)]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", kept)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: system_fonts)
    monkeypatch.setattr(i18n, "_warned_no_cjk", False)
    i18n.installed_chart_fonts.cache_clear()
    try:
        set_language("zh_CN")
        assert i18n.charts_in_english()
        chart = TrainingChart()
        qtbot.addWidget(chart)
        chart.set_history(HISTORY)
        assert chart.axes["loss"].get_title() == "Loss" and chart.axes["loss"].get_xlabel() == "epoch"
        assert glyph_problems(chart.figure) == []
        first = i18n.missing_font_warning()
        assert first and "fonts-noto-cjk" in first and "中文字体" in first
        assert i18n.missing_font_warning() is None  # once
        assert any("fonts-noto-cjk" in record.getMessage() for record in caplog.records)
    finally:
        set_language("en")
        i18n.installed_chart_fonts.cache_clear()


# --- themes and DPI -------------------------------------------------------------------


def test_charts_follow_the_palette_and_change_with_it(qtbot, window):
    chart, evaluation = window.chart, window.evaluation_view
    light = chart_colours(chart.palette())
    assert to_hex(chart.figure.get_facecolor()) == light["figure"]
    QApplication.instance().setPalette(dark_palette())
    QApplication.processEvents()  # the palette reaches the widgets as posted events
    try:
        dark = chart_colours(chart.palette())
        assert dark["figure"] != light["figure"] and dark["text"] != light["text"]
        for figure in (chart.figure, evaluation.figure, window.runs_view.chart.figure):
            assert to_hex(figure.get_facecolor()) == dark["figure"]
            for ax in figure.axes:
                assert to_hex(ax.get_facecolor()) == dark["axes"]
                assert to_hex(ax.title.get_color()) == dark["text"]
                assert to_hex(ax.xaxis.label.get_color()) == dark["text"]
                assert all(to_hex(t.get_color()) == dark["text"] for t in ax.get_xticklabels())
        assert to_hex(chart.lines["accuracy"].get_color()) == dark["train"]
    finally:
        QApplication.instance().setPalette(QApplication.style().standardPalette())
        QApplication.processEvents()
    assert to_hex(chart.figure.get_facecolor()) == chart_colours(chart.palette())["figure"]


def test_a_theme_switch_changes_the_palette_and_keeps_the_style(qtbot, window):
    app = QApplication.instance()
    apply_theme(app, "light")
    style, light = app.style(), app.palette().color(QPalette.ColorRole.Window)
    apply_theme(app, "dark")
    try:
        assert app.style() is style  # not a new style object, which would polish every widget again
        assert app.palette().color(QPalette.ColorRole.Window) == dark_palette().color(QPalette.ColorRole.Window) != light
    finally:
        apply_theme(app, "light")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_fits_1280_by_720(qtbot, window, language):
    switch_language(qtbot, window, language)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, hint
    assert window.width() <= 1280 and window.height() <= 720


def test_at_200_percent_scaling_the_window_still_fits_a_1280_by_720_logical_screen(tmp_path):
    """QT_SCALE_FACTOR=2 (a 2560x1440 screen): the layout's minimum stays within 1280x720 logical pixels."""
    script = (
        "import sys; from gui.app import make_application; app = make_application([]);"
        "from gui.i18n import set_language; from gui.main_window import MainWindow; from gui.settings import StudioSettings;"
        f"set_language('zh_CN'); w = MainWindow(StudioSettings.in_file({str(tmp_path / 's.ini')!r}), runs_folder={str(tmp_path / 'runs')!r});"
        "w.resize(1280, 720); w.show(); app.processEvents(); h = w.minimumSizeHint();"
        "print(w.devicePixelRatioF(), h.width(), h.height(), w.chart.canvas.device_pixel_ratio)"
    )
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    ratio, width, height, canvas_ratio = result.stdout.split()[-4:]
    assert float(ratio) == 2.0 and float(canvas_ratio) == 2.0  # the charts draw at full resolution
    assert int(width) <= 1280 and int(height) <= 720


# --- keyboard and accessibility --------------------------------------------------------


def test_every_menu_action_has_a_shortcut_or_a_mnemonic_in_both_languages(qtbot, window):
    for language in ("en", "zh_CN"):
        set_language(language)
        actions = []
        pending = list(window.menuBar().actions())
        while pending:
            action = pending.pop()
            if action.isSeparator():
                continue
            actions.append(action)
            if action.menu() is not None:
                pending += action.menu().actions()
        assert len(actions) > 25
        lacking = [a.text() for a in actions if a.shortcut().isEmpty() and not re.search(r"&[^&]", a.text())]
        assert lacking == [], language


def test_every_input_and_button_has_an_accessible_name_and_a_tooltip(qtbot, window):
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QSlider)
    toolbars = {id(button) for panel in (window.chart, window.runs_view.chart, window.tune_view.charts) for button in panel.toolbar.findChildren(QAbstractButton)}
    lacking = []
    for language in ("en", "zh_CN"):
        switch_language(qtbot, window, language)
        for widget in window.findChildren(QAbstractButton) + [w for kind in kinds[1:] for w in window.findChildren(kind)]:
            if not isinstance(widget, kinds) or id(widget) in toolbars or widget.parent() is None:
                continue
            if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)) or widget.objectName().startswith(QT_INTERNAL):
                continue  # Qt's own parts: a spin box's line edit, a table's corner button, tab bar arrows
            if type(widget).__name__ == "QLineEditIconButton" or widget.metaObject().className() == "QLineEditIconButton":
                continue  # the clear button inside a line edit (Qt names it)
            name = widget.accessibleName() or (widget.text().replace("&", "") if isinstance(widget, QAbstractButton) else "")
            if not name.strip() or not widget.toolTip().strip():
                lacking.append(f"{language} {widget.metaObject().className()} {widget.objectName() or name!r} in {type(widget.parent()).__name__}")
    assert lacking == []
    # Matplotlib's toolbar buttons are named by their translated actions.
    assert {a.text() for a in window.chart.toolbar.actions() if a.text()} >= {"主页", "平移", "缩放", "保存"}


def test_the_tab_order_follows_the_work(qtbot, window):
    """Tab from the data goes through the hyperparameters to Train, the tabs, then the review box."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel, form = window.data_panel, window.form
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("aclimdb"))  # a kind with a path and its two buttons
    panel.kind_combo.setFocus()
    qtbot.waitUntil(lambda: focused() is panel.kind_combo, timeout=5_000)  # focus arrives through the event loop
    seen = [focused()]
    for _ in range(40):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
        if focused() is window.classify_panel.text_edit:
            break
    start = [panel.kind_combo, panel.path_edit, panel.file_button, panel.folder_button, form.preset_button, form.reset_button]
    assert seen[: len(start)] == start
    fields = [w for w in seen if w in form.widgets.values()]
    assert fields == [w for w in form.widgets.values() if w.isEnabled()]
    order = [seen.index(w) for w in (form.widgets["vocab_size"], window.train_button, window.classify_panel.text_edit)]
    assert order == sorted(order)
    assert any(w is window.tabs or w is window.tabs.tabBar() for w in seen[order[1]:order[2]])


def test_the_verdict_is_said_in_words_for_screen_readers(qtbot, window, english_after):
    panel = window.classify_panel
    panel.set_predictor(lambda texts: [0.93 for _ in texts])
    panel.text_edit.setPlainText("A wonderful film.")
    panel.classify()
    assert panel.verdict.text() == "Positive"
    assert panel.verdict.accessibleName() == "Verdict: Positive, 93.0% positive"
    switch_language(qtbot, window, "zh_CN")
    assert panel.verdict.text() == "正面" and panel.verdict.accessibleName() == "判定：正面，93.0% 正面"


def focused():
    return QApplication.focusWidget()


def test_keyboard_only_from_launch_to_a_finished_training_and_a_classified_review(qtbot, tmp_path, small_corpus_dir, tiny_config, english_after, monkeypatch):
    """Launch, choose the data, train, type a review and classify it: key presses only (the hyperparameters are the ones left last time)."""
    monkeypatch.delenv("IMDB_DATA", raising=False)  # a user's fresh start: no data configured anywhere
    settings = StudioSettings.in_file(str(tmp_path / "settings.ini"))
    settings.set_config(tiny_config)
    settings.set_data_source("")
    window = MainWindow(settings, runs_folder=tmp_path / "runs")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    panel = window.data_panel
    qtbot.keyClick(focused() or window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Choose the data
    assert focused() is panel.kind_combo and panel.kind() == "download"  # a fresh start offers the download
    qtbot.keyClick(focused(), Qt.Key.Key_Up)  # the local aclImdb copy instead
    assert panel.kind() == "aclimdb"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is panel.path_edit
    qtbot.keyClicks(focused(), str(small_corpus_dir))
    assert window.data_panel.source() == str(small_corpus_dir)

    with qtbot.waitSignal(window.task_ended, timeout=180_000) as ended:
        qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # Train
        assert window.is_busy()
    assert ended.args == ["train"] and window.model is not None
    assert window.chart.epoch_count() == tiny_config.epochs

    qtbot.keyClick(focused() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Type a review
    assert focused() is window.classify_panel.text_edit
    qtbot.keyClicks(focused(), "A wonderful film, moving and beautifully acted.")
    with qtbot.waitSignal(window.classify_panel.classified, timeout=30_000) as classified:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    probability = classified.args[0]
    assert 0.0 <= probability <= 1.0
    assert window.classify_panel.verdict.text() == ("Positive" if probability >= 0.5 else "Negative")
    assert window.classify_panel.verdict.accessibleName().startswith("Verdict: ")
