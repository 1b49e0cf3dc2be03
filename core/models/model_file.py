"""Checks on a ``.keras`` file that run no code and need no TensorFlow.

A model file is a zip archive. Before Keras deserialises anything we check
that it is intact, that no entry would be unpacked outside its folder, that
every object its ``config.json`` names is on our allow-list
(:mod:`core.models.safety`), that it holds our vectoriser (and so a
vocabulary), and that its ``studio.json`` is valid field by field
(:mod:`core.models.studio_metadata`); only then does Keras load it, in
safe mode.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from core.errors import QT_TRANSLATE_NOOP, ModelFileError
from core.models.safety import TEXT_LAYERS, inspect_config, unsafe_entry
from core.models.studio_metadata import FORMAT, METADATA_ENTRY, check_metadata

__all__ = ["FORMAT", "METADATA_ENTRY", "read_metadata", "fsync_folder"]


def read_metadata(path: Path) -> dict:
    """Check that ``path`` is an intact model of ours, without deserialising anything."""
    if not path.exists():
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "No model file at {path!r}. Check the path."), path=str(path))
    if path.is_dir():
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{path!r} is a folder, not a .keras model file."), path=str(path))
    if not zipfile.is_zipfile(path):
        with open(path, "rb") as handle:
            starts_like_zip = handle.read(4) == b"PK\x03\x04"
        if starts_like_zip:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is truncated or damaged (its zip directory is missing); it cannot be opened."), name=path.name)
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is not a .keras model file (it is not a zip archive)."), name=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            damaged = archive.testzip()
            names = archive.namelist()
            if damaged is not None:
                raise zipfile.BadZipFile(damaged)
            _check_entries(path, names)
            if "config.json" not in names:
                raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is not a Keras model file: it has no config.json."), name=path.name)
            config_text = archive.read("config.json").decode("utf-8")
            metadata_text = archive.read(METADATA_ENTRY).decode("utf-8") if METADATA_ENTRY in names else None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is damaged or truncated ({reason}); it cannot be opened."), name=path.name, reason=str(exc)) from None
    inspection = inspect_config(_parse_json(config_text, path, "config.json"))
    if inspection.refused is not None:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} was refused: it contains {what}, which this app never saves; nothing from it was run."),
                             name=path.name, what=inspection.refused)
    if not inspection.registered & TEXT_LAYERS or metadata_text is None:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is not a model made by this app; it has no vocabulary."), name=path.name)
    metadata = _parse_json(metadata_text, path, METADATA_ENTRY)
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} was written in a format this version does not read ({format!r})."),
                             name=path.name, format=metadata.get("format") if isinstance(metadata, dict) else None)
    check_metadata(metadata, path.name)
    return metadata


def _check_entries(path: Path, names: list[str]) -> None:
    """Refuse entries that would be unpacked outside their folder, or that appear twice."""
    entry = unsafe_entry(names)
    if entry is not None:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} was refused: its entry {entry!r} points outside the archive's folder; nothing from it was run."),
                             name=path.name, entry=entry)
    seen: set[str] = set()
    for entry in names:
        if entry in seen:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} was refused: it holds two entries named {entry!r}; nothing from it was run."),
                                 name=path.name, entry=entry)
        seen.add(entry)


def _parse_json(text: str, path: Path, entry: str):
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is damaged: its {entry} is not valid JSON."), name=path.name, entry=entry) from None


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
