"""The app's languages: Qt translators, the system default, the engine's messages, chart text and CJK fonts.

Translations use Qt's own system: ``.ts`` sources in ``resources/i18n/``
(``tools/update_translations.py`` runs ``pyside6-lupdate`` and
``pyside6-lrelease``), compiled ``.qm`` files shipped in
``gui/translations/``. Installing a translator makes Qt send
``QEvent.LanguageChange`` to every widget, whose ``changeEvent`` calls its
``retranslate_ui()``: the open window switches language in place.

Each class takes its strings from one fixed context (``tr =
context_tr("ClassName")``), the class name lupdate records, so a subclass
still finds them (PySide's own ``QObject.tr`` would look under the
subclass's name).

The engine (``core``) never imports Qt: its messages are
:class:`core.errors.Message` templates marked for lupdate under the context
``"core"``; :func:`message_text` translates the template and fills in the
fields. The command line prints the English.
"""

from __future__ import annotations

import logging
import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QWidget

from core.errors import Message, StudioError
from core.models.config import SEPARATOR

log = logging.getLogger(__name__)

#: Language codes and their names, each written in its own language.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
#: Fonts tried in order for chart text: CJK families on Linux, Windows and macOS, then Matplotlib's own.
CHART_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "DejaVu Sans")
CJK_FONTS = CHART_FONTS[:-1]

_translators: list[QTranslator] = []
_language = DEFAULT_LANGUAGE
_warned_no_cjk = False


class RetranslatesOnLanguageChange:
    """Mixin for a widget with a ``retranslate_ui``: runs it again when the language changes.

    Put it before the Qt base class (``class View(RetranslatesOnLanguageChange, QWidget)``).
    """

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class LanguageChangeInTurns(QObject):
    """Spreads a language switch over turns of the event loop: the window, then the shown regions, then the hidden ones.

    Retranslating the whole window at once (texts, legends, then Qt's
    relayout and repaint of it all) held the GUI thread for 140 ms. The
    window switches its own texts at once; the watched regions get their
    ``LanguageChange`` on later turns: the shown ones together on the next
    turn, and the hidden ones (a tab widget's other pages) when shown,
    before they paint, or :data:`HIDDEN_INTERVAL_MS` apart.

    The shown regions go together, ahead of the draws the window's relayout
    has asked for: a chart retranslated a turn after its resize was laid out
    and drawn twice, 60 ms each time.
    """

    #: Milliseconds between two hidden regions' retranslations.
    HIDDEN_INTERVAL_MS = 30

    def __init__(self, regions: list[QWidget], parent: QObject | None = None):
        super().__init__(parent)
        self._held: list[QWidget] = []
        self._delivering = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._deliver_next)
        for region in regions:
            region.installEventFilter(self)

    @property
    def pending(self) -> bool:
        """Some region still shows the previous language."""
        return bool(self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.LanguageChange and not self._delivering:
            if watched not in self._held:
                self._held.append(watched)
            self._schedule()
            return True
        if kind in (QEvent.Type.ShowToParent, QEvent.Type.Show) and watched in self._held:
            self._deliver(watched)
        return False

    def _schedule(self) -> None:
        interval = 0 if any(not region.isHidden() for region in self._held) else self.HIDDEN_INTERVAL_MS
        if self._timer.isActive() and self._timer.interval() <= interval:
            return  # restarted, it would fall behind the draws the relayout has asked for since
        self._timer.start(interval)

    def _deliver(self, region: QWidget) -> None:
        self._held.remove(region)
        self._delivering = True
        try:
            QCoreApplication.sendEvent(region, QEvent(QEvent.Type.LanguageChange))
        finally:
            self._delivering = False

    def _deliver_next(self) -> None:
        shown = [region for region in self._held if not region.isHidden()]
        for region in shown or self._held[:1]:
            self._deliver(region)
        if self._held:
            self._schedule()


def context_tr(context: str):
    """A ``tr`` for a class body that always looks strings up under ``context``."""

    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(context, text, disambiguation, n)

    return staticmethod(tr)


# --- choosing the language ---------------------------------------------------


def system_language(locale: QLocale | None = None) -> str:
    """The supported language closest to the system's UI languages (English if none fits)."""
    locale = locale or QLocale.system()
    traditional = False
    for name in locale.uiLanguages():  # most specific first: "zh-Hant-TW", "zh-TW", "zh-Hant", "zh"
        name = name.replace("-", "_")
        if name.startswith("zh"):
            traditional = traditional or "Hant" in name or name.startswith(("zh_TW", "zh_HK", "zh_MO"))
            if not traditional:
                return "zh_CN"
        elif name.startswith("en"):
            return "en"
    return DEFAULT_LANGUAGE


def resolve_language(choice: str | None) -> str:
    """A language code from a setting: "" or None (or an unknown code) follows the system."""
    return choice if choice in LANGUAGES else system_language()


def current_language() -> str:
    return _language


def set_language(choice: str | None) -> str:
    """Install the translators of ``choice`` ("" follows the system); returns the code in use.

    Every widget gets its ``LanguageChange`` before this returns, but the
    regions a :class:`LanguageChangeInTurns` watches take it on later turns.
    """
    global _language
    code = resolve_language(choice)
    app = QCoreApplication.instance()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if code != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(TRANSLATIONS / f"studio_{code}.qm")):
            _translators.append(ours)
        else:
            log.warning("No translation file for %s in %s; the app stays in English", code, TRANSLATIONS)
            code = DEFAULT_LANGUAGE
    if code != DEFAULT_LANGUAGE:
        qt = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel, file dialogs)
        if qt.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt)
    for translator in _translators:
        app.installTranslator(translator)
    _language = code
    QLocale.setDefault(QLocale(code))
    if "matplotlib" in sys.modules:  # else the first chart configures its fonts
        configure_chart_fonts()
    if not _translators:  # nothing installed: no event was posted, but English may be new
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    QCoreApplication.sendPostedEvents(app, QEvent.Type.LanguageChange)
    return code


# --- the engine's messages -----------------------------------------------------


def message_text(message: Message | StudioError | str) -> str:
    """A core message (or error) in the current language; its fields translated where they are messages."""
    if isinstance(message, StudioError):
        message = message.message
    if not isinstance(message, Message):
        return str(message)
    fields = {key: message_text(value) if isinstance(value, (Message, StudioError)) else value for key, value in message.fields.items()}
    translated = QCoreApplication.translate("core", message.template)
    try:
        return message.format(translated, **fields) if fields else translated
    except (KeyError, IndexError, ValueError):  # a broken translation: the English is still right
        log.warning("Translation of %r does not fit its fields", message.template)
        return message.format(message.template, **fields)


def error_text(error: BaseException) -> str:
    """What to show for an error: a translated engine message, or the error's own text."""
    return message_text(error) if isinstance(error, StudioError) else str(error)


def tr_core(text: str) -> str:
    """A string the engine marked for translation (preset names, field help)."""
    return QCoreApplication.translate("core", text)


def format_duration(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour on."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def describe_config(config, with_family: bool = False) -> str:
    """``TrainingConfig.describe()`` in the current language ("Bidirectional GRU, 64 units").

    With ``with_family`` the family's name comes first, for lists where families differ.
    """
    return tr_core(SEPARATOR).join(message_text(part) for part in config.describe_parts(with_family))


# --- charts --------------------------------------------------------------------


#: File names of the CJK fonts above (Debian's fonts-noto-cjk, Adobe's, WenQuanYi, Windows, macOS).
CJK_FONT_FILES = ("notosanscjk", "sourcehansans", "wqy-zenhei", "wqy_zenhei", "msyh", "pingfang")


@lru_cache(maxsize=1)
def installed_chart_fonts() -> tuple[str, ...]:
    """The families of :data:`CHART_FONTS` Matplotlib can find here, in order.

    Matplotlib keeps its font list in a cache made when it first ran; a CJK
    font installed since then is added from the system's font files.
    """
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    if not names & set(CJK_FONTS):
        for path in font_manager.findSystemFonts():
            if any(part in Path(path).name.lower() for part in CJK_FONT_FILES):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        names = {font.name for font in font_manager.fontManager.ttflist}
    return tuple(name for name in CHART_FONTS if name in names)


def cjk_font() -> str | None:
    """The first installed CJK font of the fallback list, or None."""
    return next((name for name in installed_chart_fonts() if name in CJK_FONTS), None)


def configure_chart_fonts() -> None:
    """Matplotlib's sans-serif list for the current language.

    For Chinese: the installed CJK fonts, then DejaVu Sans (glyph by glyph
    fallback). Otherwise DejaVu Sans alone: with a CJK font in the list,
    every label goes through the fallback layout, and a chart's draw took
    100 ms instead of 60.
    """
    import matplotlib

    families = [name for name in installed_chart_fonts() if name != "DejaVu Sans"] if needs_cjk() else []
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [*families, "DejaVu Sans"]


def needs_cjk(language: str | None = None) -> bool:
    return (language or _language).startswith("zh")


def charts_in_english() -> bool:
    """True when the language needs CJK glyphs that no installed font has: charts then keep English labels."""
    return needs_cjk() and cjk_font() is None


def chart_tr(context: str, text: str) -> str:
    """Chart text in the current language, or English where it would be drawn as empty boxes."""
    return text if charts_in_english() else QCoreApplication.translate(context, text)


def missing_font_warning() -> str | None:
    """The first time charts fall back to English for lack of a CJK font: the message to show (else None)."""
    global _warned_no_cjk
    if _warned_no_cjk or not charts_in_english():
        return None
    _warned_no_cjk = True
    text = QCoreApplication.translate(
        "Charts", "No Chinese font found for the charts, so they keep English labels. Install one (on Debian or Ubuntu: fonts-noto-cjk)."
    )
    log.warning("No CJK font (tried %s): charts keep English labels. On Debian/Ubuntu: apt install fonts-noto-cjk", ", ".join(CJK_FONTS))
    return text
