"""Light and dark: the app's palette, and Matplotlib figures drawn in the colours of the Qt palette.

``--theme dark`` (or ``IMDB_STUDIO_THEME=dark``) gives the Fusion style a
dark palette; ``light`` the Fusion light one; ``system`` leaves the
platform's own. Charts never hard-code a background: :func:`style_figure`
takes the figure, axes, text, tick and grid colours from a ``QPalette`` and
the panels call it again on every ``QEvent.PaletteChange``.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
THEME_ENV = "IMDB_STUDIO_THEME"


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, with readable disabled text and links."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1f22",
        role.AlternateBase: "#2f3136",
        role.ToolTipBase: "#3c3f44",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8c8f94",
        role.Text: "#e6e6e6",
        role.Button: "#35373b",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4d52",
        role.Midlight: "#3f4247",
        role.Mid: "#5c6066",
        role.Dark: "#8a8e94",
        role.Shadow: "#111214",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.Link: "#6ea8ff",
        role.LinkVisited: "#b48eff",
    }
    for name, colour in colours.items():
        palette.setColor(name, QColor(colour))
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, name, QColor("#7d8086"))
    palette.setColor(group.Disabled, role.Base, QColor("#26282b"))
    return palette


def apply_theme(app: QApplication, theme: str | None) -> None:
    """Switch ``app`` to ``theme`` ("system", "light" or "dark")."""
    if theme in (None, "", "system"):
        return
    if app.style().name().lower() != "fusion":  # a new style object would polish every widget again
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def chart_colours(palette: QPalette) -> dict[str, str]:
    """The colours a figure takes from ``palette``: background, axes, text, grid, and a few accents."""
    role = QPalette.ColorRole
    dark = is_dark(palette)
    text = palette.color(role.WindowText)
    mid = palette.color(role.Mid)
    return {
        "figure": palette.color(role.Window).name(),
        "axes": palette.color(role.Base).name(),
        "text": text.name(),
        "muted": palette.color(role.PlaceholderText).name(),
        "edge": mid.name(),
        "grid": (mid.lighter(130) if dark else mid).name(),
        # Line and mark colours that stay legible on either background.
        "train": "#5fa8e8" if dark else "#1f77b4",
        "val": "#ff7b72" if dark else "#d62728",
        "best": "#5ccf6b" if dark else "#2ca02c",
        "note": "#7fd88a" if dark else "#2c6e2c",
        "diagonal": "#8a8e94" if dark else "#999999",
    }


def style_figure(figure, palette: QPalette) -> dict[str, str]:
    """Recolour ``figure`` (face, every axes, titles, labels, ticks, spines, grid, legends) from ``palette``."""
    colours = chart_colours(palette)
    figure.set_facecolor(colours["figure"])
    for text in figure.texts:
        if text.get_gid() != "accent":
            text.set_color(colours["text"])
    if figure._suptitle is not None and figure._suptitle.get_gid() != "accent":
        figure._suptitle.set_color(colours["text"])
    for ax in figure.axes:
        ax.set_facecolor(colours["axes"])
        for title in (ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label):
            title.set_color(colours["text"])
        ax.tick_params(which="both", colors=colours["text"], grid_color=colours["grid"])
        for spine in ax.spines.values():
            spine.set_edgecolor(colours["edge"])
        style_legend(ax.get_legend(), colours)
    return colours


def style_legend(legend, colours: dict[str, str]) -> None:
    if legend is None:
        return
    legend.get_frame().set_facecolor(colours["axes"])
    legend.get_frame().set_edgecolor(colours["edge"])
    for text in legend.get_texts():
        text.set_color(colours["text"])
