"""Errors the engine raises on purpose.

Each carries a message meant for the person using the app or the command
line: it names the problem and says what to do. Callers show ``str(error)``
as is; anything else that escapes the engine is a bug.
"""

from __future__ import annotations


class StudioError(Exception):
    """Base class of every error whose message is fit to show a user."""


class ConfigError(StudioError, ValueError):
    """A hyperparameter is out of range or of the wrong type."""


class DataError(StudioError):
    """The dataset is missing, malformed or cannot be downloaded."""


class ModelFileError(StudioError):
    """A model file is missing, damaged, unsafe or not one of ours."""


class TrainingError(StudioError):
    """Training could not go on, for example because the loss diverged."""
