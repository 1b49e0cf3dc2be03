"""Config fields that describe themselves: label, range or choices, help, and their checks.

Every hyperparameter is a dataclass field whose metadata says what the GUI
form, the command line and validation need to know about it, so a field
added to a config (the common part or a model family's) shows up in all
three with no change of theirs:

- ``label``: the form's name for it, marked for translation;
- ``range`` (inclusive) or ``choices`` (with optional display ``labels``);
- ``help``: one line, the form's tooltip and the ``--help`` text;
- ``step``: the form's spin box step, where the default would overshoot.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from core.errors import QT_TRANSLATE_NOOP, ConfigError


def number(label: str, low: float, high: float, help: str, step: float | None = None) -> dict[str, Any]:
    """Metadata of a numeric field (int or float, by its annotation) from ``low`` to ``high``."""
    meta: dict[str, Any] = {"label": label, "range": (low, high), "help": help}
    if step is not None:
        meta["step"] = step
    return meta


def choice(label: str, options: tuple[str, ...], help: str, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """Metadata of a field that takes one of ``options``; ``labels`` shows some of them better."""
    return {"label": label, "choices": options, "help": help, "labels": labels or {}}


def flag(label: str, help: str) -> dict[str, Any]:
    """Metadata of a true/false field."""
    return {"label": label, "help": help}


def is_bool(f: dataclasses.Field) -> bool:
    return f.type in ("bool", bool)


def is_int(f: dataclasses.Field) -> bool:
    return f.type in ("int", int)


def validate_fields(instance: Any) -> None:
    """Raise ConfigError naming the first field of ``instance`` that is out of its range or choices."""
    for f in dataclasses.fields(instance):
        value = getattr(instance, f.name)
        meta = f.metadata
        if is_bool(f):
            if not isinstance(value, bool):
                raise ConfigError(QT_TRANSLATE_NOOP("core", "{name} must be true or false, not {value!r}."), name=f.name, value=value)
        elif "choices" in meta:
            if value not in meta["choices"]:
                raise ConfigError(QT_TRANSLATE_NOOP("core", "{name} must be one of {options}, not {value!r}."),
                                  name=f.name, options=", ".join(meta["choices"]), value=value)
        elif "range" in meta:
            low, high = meta["range"]
            whole = is_int(f)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int)):
                template = (QT_TRANSLATE_NOOP("core", "{name} must be a whole number from {low:g} to {high:g}, not {value!r}.") if whole
                            else QT_TRANSLATE_NOOP("core", "{name} must be a number from {low:g} to {high:g}, not {value!r}."))
                raise ConfigError(template, name=f.name, low=low, high=high, value=value)
            if not (low <= value <= high) or value != value:  # NaN fails both
                raise ConfigError(QT_TRANSLATE_NOOP("core", "{name} must be from {low:g} to {high:g}; got {value!r}."), name=f.name, low=low, high=high, value=value)


def from_json_values(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` for ``cls(**...)``: JSON has one number type, so 3.0 is accepted for an int field."""
    kinds = {f.name: f for f in dataclasses.fields(cls)}
    values = {}
    for name, value in data.items():
        if name in kinds and is_int(kinds[name]) and isinstance(value, float) and value.is_integer():
            value = int(value)
        values[name] = value
    return values
