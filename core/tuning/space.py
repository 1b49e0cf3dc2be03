"""A search space: which fields a study varies, over what, checked against the fields themselves.

A space maps field names to specs (:mod:`core.models.search_space`). It
starts from the family's default (``ModelFamily.search_space``) and takes
the user's edits: a JSON object of specs, ``--param NAME=SPEC`` flags or
the Tune tab's table. Every spec is checked against its field's range or
choices here, so a bad range fails with one line before any trial runs,
not in the middle of a study.
"""

from __future__ import annotations

import math
from typing import Any

from core.errors import QT_TRANSLATE_NOOP, ConfigError
from core.models.config import config_fields
from core.models.families import FAMILIES, model_family
from core.models.fields import is_bool, is_int

Space = dict[str, dict[str, Any]]


def tunable_families() -> list[str]:
    """The families with a search space (an ensemble has none: its members are tuned as their own families)."""
    return [name for name, family in FAMILIES.items() if family.search_space]


def default_space(family: str) -> Space:
    """The family's own default space, as a fresh copy to edit; ConfigError for a family without one (an ensemble)."""
    if not model_family(family).search_space:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "The {family} family has no search space: tune the families of its members, then combine them."),
                          family=family)
    return {name: dict(spec) for name, spec in model_family(family).search_space.items()}


def checked_space(family: str, space: Space) -> Space:
    """``space`` with every spec checked and normalised (ints for int fields); ConfigError names the first bad one."""
    if not isinstance(space, dict) or not space:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "A search space must name at least one field to vary, as a JSON object of field: spec."))
    known = {f.name: f for f in config_fields(family)}
    checked: Space = {}
    for name, spec in space.items():
        f = known.get(name)
        if f is None or name in ("seed",):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "The {family} family has no field {name!r} to search."), family=family, name=name)
        checked[name] = _checked_spec(name, f, spec)
    return checked


def _checked_spec(name: str, f: Any, spec: Any) -> dict[str, Any]:
    meta = f.metadata
    if isinstance(spec, dict) and "choices" in spec and isinstance(spec["choices"], list) and spec["choices"]:
        options = spec["choices"]
        for option in options:
            allowed = (isinstance(option, bool) if is_bool(f) else option in meta["choices"] if "choices" in meta
                       else _in_range(f, option))
            if not allowed:
                raise ConfigError(QT_TRANSLATE_NOOP("core", "{name}: {value!r} is not a value this field takes."), name=name, value=option)
        if len(set(map(repr, options))) != len(options):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "{name}: the choices repeat a value."), name=name)
        if "range" in meta:
            options = [int(option) if is_int(f) else float(option) for option in options]
        return {"choices": list(options)}
    if isinstance(spec, dict) and "low" in spec and "high" in spec and "range" in meta:
        low, high, log = spec["low"], spec["high"], bool(spec.get("log", False))
        if not (_in_range(f, low) and _in_range(f, high)) or low > high:
            first, last = meta["range"]
            raise ConfigError(QT_TRANSLATE_NOOP("core", "{name}: the range {low!r} to {high!r} must rise and lie within {first:g} to {last:g}."),
                              name=name, low=low, high=high, first=first, last=last)
        if log and low <= 0:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "{name}: a log-scale range must start above 0, not at {low!r}."), name=name, low=low)
        kind = int if is_int(f) else float
        return {"low": kind(low), "high": kind(high), "log": log}
    raise ConfigError(QT_TRANSLATE_NOOP("core", "{name}: a spec is {{\"low\": L, \"high\": H, \"log\": false}} for a number, "
                                        "or {{\"choices\": [...]}}; got {spec!r}."), name=name, spec=spec)


def _in_range(f: Any, value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (is_int(f) and not float(value).is_integer()):
        return False
    low, high = f.metadata["range"]
    return math.isfinite(value) and low <= value <= high


def parse_param(text: str, family: str) -> tuple[str, dict[str, Any]]:
    """``NAME=LOW..HIGH``, ``NAME=LOW..HIGH:log`` or ``NAME=A,B,C`` (a ``--param`` flag) as a name and its spec."""
    name, sep, value = text.partition("=")
    name = name.strip().replace("-", "_")
    known = {f.name: f for f in config_fields(family)}
    if not sep or name not in known or not value:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "--param {text!r}: write NAME=LOW..HIGH, NAME=LOW..HIGH:log or NAME=A,B,C with a field of the {family} family."),
                          text=text, family=family)
    f = known[name]
    body, _, scale = value.partition(":")
    if ".." in body and "range" in f.metadata:
        low, _, high = body.partition("..")
        spec = {"low": _number(f, low, text), "high": _number(f, high, text), "log": scale == "log"}
    else:
        spec = {"choices": [_option(f, option.strip(), text) for option in body.split(",")]}
    return name, _checked_spec(name, f, spec)


def _number(f: Any, text: str, whole: str) -> int | float:
    try:
        return int(text) if is_int(f) else float(text)
    except ValueError:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "--param {text!r}: {value!r} is not a number."), text=whole, value=text) from None


def _option(f: Any, text: str, whole: str) -> Any:
    if is_bool(f):
        if text.lower() not in ("true", "false"):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "--param {text!r}: {value!r} is not true or false."), text=whole, value=text)
        return text.lower() == "true"
    return text if "choices" in f.metadata else _number(f, text, whole)


def suggest(trial: Any, space: Space) -> dict[str, Any]:
    """One value per field of ``space``, asked of an Optuna trial (the space must be checked)."""
    values = {}
    for name, spec in space.items():
        if "choices" in spec:
            values[name] = trial.suggest_categorical(name, spec["choices"])
        elif isinstance(spec["low"], int):
            values[name] = trial.suggest_int(name, spec["low"], spec["high"], log=spec["log"])
        else:
            values[name] = trial.suggest_float(name, float(spec["low"]), float(spec["high"]), log=spec["log"])
    return values
