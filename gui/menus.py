"""The main window's menus: File, Training, View and Help, each action with a shortcut or a mnemonic.

:class:`MainMenus` builds them into the window's menu bar, calls the
window's own methods, and sets their texts (:meth:`MainMenus.retranslate_ui`)
and which of them are available (:meth:`MainMenus.set_busy`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from gui.i18n import LANGUAGES, context_tr, missing_font_warning, set_language
from gui.settings import APPLICATION


class MainMenus(QObject):
    """The menu bar's actions; their texts are set in :meth:`retranslate_ui`."""

    #: The language of the app changed (View > Language): its code.
    language_changed = Signal(str)

    tr = context_tr("MainMenus")

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        self.open_action = self._action(file_menu, QKeySequence.StandardKey.Open, window.files.choose_and_open_model)
        self.save_action = self._action(file_menu, QKeySequence.StandardKey.Save, window.files.save_model)
        self.save_as_action = self._action(file_menu, QKeySequence.StandardKey.SaveAs, window.files.save_model_as)
        file_menu.addSeparator()
        self.export_chart_action = self._action(file_menu, None, window.files.choose_and_export_chart)
        self.export_csv_action = self._action(file_menu, None, window.files.choose_and_export_history)
        self.export_serving_action = self._action(file_menu, None, window.files.choose_and_export_for_serving)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, QKeySequence.StandardKey.Quit, window.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.run_menu = run_menu = bar.addMenu("")
        self.train_action = self._action(run_menu, QKeySequence("Ctrl+T"), window.start_training)
        self.stop_action = self._action(run_menu, QKeySequence("Esc"), window.stop)
        self.evaluate_action = self._action(run_menu, QKeySequence("Ctrl+E"), window.evaluate_model)
        run_menu.addSeparator()
        self.presets_menu = run_menu.addMenu("")
        for action in window.form.preset_menu.actions():
            self.presets_menu.addAction(action)
        self.reset_action = self._action(run_menu, None, window.form.reset_to_defaults)

        self.view_menu = view_menu = bar.addMenu("")
        self.tab_actions = []
        for index in range(window.tabs.count()):
            action = self._action(view_menu, QKeySequence(f"Ctrl+{index + 1}"), lambda i=index: window.tabs.setCurrentIndex(i))
            self.tab_actions.append(action)
        view_menu.addSeparator()
        self.review_action = self._action(view_menu, QKeySequence("Ctrl+L"), self.focus_review)
        self.data_action = self._action(view_menu, QKeySequence("Ctrl+D"), self.focus_data)
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", *LANGUAGES):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        # Native names, each with its mnemonic: the same in every language.
        self.language_actions["en"].setText("&English")
        self.language_actions["zh_CN"].setText("简体中文(&C)")
        self.check_language(window.settings.language())

        self.help_menu = help_menu = bar.addMenu("")
        self.about_action = self._action(help_menu, None, self.about)

    def _action(self, menu, shortcut, slot) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def choose_language(self, code: str) -> str:
        """View > Language: switch the running app, remember the choice ("" follows the system)."""
        self.window.settings.set_language(code)
        language = set_language(code)
        self.check_language(code)
        warning = missing_font_warning()
        self.window.statusBar().showMessage(warning or self.tr("Language: {name}").format(name=LANGUAGES[language]), 15_000)
        self.language_changed.emit(language)
        return language

    def focus_review(self) -> None:
        """Ctrl+L: put the cursor in the review box."""
        self.window.classify_panel.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_data(self) -> None:
        """Ctrl+D: put the cursor in the data path (or on the kind of data, where there is no path)."""
        self.window.data_panel.focus_source()

    def about(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("About {app}").format(app=APPLICATION),
            self.tr("<b>{app}</b><p>Train a Keras LSTM on the IMDB reviews, watch it learn, and use it.</p>"
                    "<p>Settings are kept in {file}</p>").format(app=APPLICATION, file=self.window.settings.store.fileName()),
        )

    def check_language(self, code: str) -> None:
        """Tick ``code`` in View > Language ("" or an unknown code: the system default)."""
        self.language_actions.get(code, self.language_actions[""]).setChecked(True)

    def retranslate_ui(self) -> None:
        """Every menu text; the View menu names the tabs as the window's tab bar does."""
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open model…"))
        self.save_action.setText(self.tr("&Save model"))
        self.save_as_action.setText(self.tr("Save model &as…"))
        self.export_chart_action.setText(self.tr("Export chart as &PNG…"))
        self.export_csv_action.setText(self.tr("Export history as &CSV…"))
        self.export_serving_action.setText(self.tr("Export for ser&ving…"))
        self.export_serving_action.setToolTip(self.tr("Write the model as a TensorFlow SavedModel for TensorFlow Serving, in a new or empty folder"))
        self.quit_action.setText(self.tr("&Quit"))
        self.run_menu.setTitle(self.tr("&Training"))
        self.train_action.setText(self.tr("&Train"))
        self.stop_action.setText(self.tr("&Stop"))
        self.evaluate_action.setText(self.tr("&Evaluate on the test set"))
        self.presets_menu.setTitle(self.tr("&Preset"))
        self.reset_action.setText(self.tr("&Reset to defaults"))
        self.view_menu.setTitle(self.tr("&View"))
        for index, action in enumerate(self.tab_actions):
            action.setText(self.tr("{tab} tab").format(tab=self.window.tabs.tabText(index)))
        self.review_action.setText(self.tr("Type a re&view"))
        self.data_action.setText(self.tr("Choose the &data"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[""].setText(self.tr("&System default"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))

    def set_busy(self, busy: bool, stoppable: bool, has_model: bool) -> None:
        """While a task runs, only Stop (if it can stop) and the views; the model's actions need a model."""
        self.train_action.setEnabled(not busy)
        self.stop_action.setEnabled(busy and stoppable)
        self.evaluate_action.setEnabled(not busy and has_model)
        self.presets_menu.setEnabled(not busy)
        for action in self.presets_menu.actions():  # their shortcuts too (Alt+1…)
            action.setEnabled(not busy)
        self.reset_action.setEnabled(not busy)
        self.open_action.setEnabled(not busy)
        self.save_action.setEnabled(not busy and has_model)
        self.save_as_action.setEnabled(not busy and has_model)
        self.export_chart_action.setEnabled(not busy)
        self.export_csv_action.setEnabled(not busy and has_model)
        self.export_serving_action.setEnabled(not busy and has_model)
