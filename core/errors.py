"""Errors the engine raises on purpose.

Each carries a message meant for the person using the app or the command
line: it names the problem and says what to do. Callers show ``str(error)``
as is; anything else that escapes the engine is a bug.

A message is a template with named fields plus their values
(``DataError(QT_TRANSLATE_NOOP("core", "No file at {path!r}."), path=...)``),
so that the engine stays free of Qt and still speaks the user's language in
the app: ``str(error)`` is the English text (the command line prints it),
while the GUI looks the template up in its translations under the context
``"core"`` and fills in the same fields (``gui.i18n.error_text``).
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for Qt's ``lupdate`` (which scans the source for this name); return it unchanged.

    No Qt is imported: this is only a marker, so the engine's messages land in
    the app's translation files under ``context``.
    """
    return text


class Message:
    """Text for a person: a template with ``str.format`` fields, and their values.

    ``str(message)`` is the English text. A field's value may itself be a
    Message (a phrase that is translated too). Without fields the template is
    the text itself, braces and all.
    """

    def __init__(self, template: str, /, **fields: Any):
        self.template = template
        self.fields = fields

    def format(self, template: str | None = None, **fields: Any) -> str:
        """``template`` (default: the English one) filled with ``fields`` (default: this message's)."""
        template = self.template if template is None else template
        values = fields or {key: str(value) if isinstance(value, Message) else value for key, value in self.fields.items()}
        return template.format(**values) if self.fields else template

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.fields!r})"


class StudioError(Exception):
    """Base class of every error whose message is fit to show a user.

    Raised with a template and its fields, or with a ready :class:`Message`.
    """

    def __init__(self, template: str | Message, /, **fields: Any):
        self.message = template if isinstance(template, Message) else Message(template, **fields)
        super().__init__(str(self.message))


class ConfigError(StudioError, ValueError):
    """A hyperparameter is out of range or of the wrong type."""


class DataError(StudioError):
    """The dataset is missing, malformed or cannot be downloaded."""


class ModelFileError(StudioError):
    """A model file is missing, damaged, unsafe or not one of ours."""


class TrainingError(StudioError):
    """Training could not go on, for example because the loss diverged."""
