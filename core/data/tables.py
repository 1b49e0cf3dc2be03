"""Reviews in files people already have: text files, CSV and TSV.

Used for batch classification and as a training source. A CSV or TSV has a
header row; the caller names the text column (or we take one called
``review`` or ``text``) and, optionally, a label column. Labels may be
0/1, pos/neg, positive/negative or true/false, in any case; anything else
is an error naming the line and the value.
"""

from __future__ import annotations

import codecs
import csv
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from core.errors import QT_TRANSLATE_NOOP, DataError

LABELS = {
    "1": 1, "pos": 1, "positive": 1, "true": 1,
    "0": 0, "neg": 0, "negative": 0, "false": 0,
}
TEXT_COLUMN_GUESSES = ("review", "text", "sentence", "content")
LABEL_COLUMN_GUESSES = ("label", "sentiment", "class", "polarity")
#: The endings of a table; a tab separates a .tsv's or .tab's columns, a comma a .csv's.
TABLE_SUFFIXES = (".csv", ".tsv", ".tab")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # reviews can be long

# Bytes that are not UTF-8 become U+FFFD, as with errors="replace", and are
# counted, so that the reader can say so instead of changing text silently.
_decode_errors = threading.local()


def _replace_and_count(error: UnicodeDecodeError) -> tuple[str, int]:
    _decode_errors.count = getattr(_decode_errors, "count", 0) + 1
    return "\ufffd", error.end


REPLACE_AND_COUNT = "imdb_studio_replace_and_count"
codecs.register_error(REPLACE_AND_COUNT, _replace_and_count)


def _open_counting(path: Path, **kwargs):
    """``open`` for reading text, the count of bytes that are not UTF-8 starting from 0."""
    _decode_errors.count = 0
    return open(path, errors=REPLACE_AND_COUNT, **kwargs)


def parse_label(value: str, where: str) -> int:
    """0 or 1 from a label as people write it; ``where`` names the line for the error."""
    label = LABELS.get(value.strip().lower())
    if label is None:
        raise DataError(
            QT_TRANSLATE_NOOP("core", "{where}: the label {value!r} is not one of 0/1, pos/neg, positive/negative or true/false."),
            where=where, value=value,
        )
    return label


@dataclass
class ReviewTable:
    """Texts, with labels when the file has them."""

    texts: list[str]
    labels: np.ndarray | None = None
    columns: list[str] = field(default_factory=list)
    path: str = ""
    #: Byte sequences that were not valid UTF-8, read as U+FFFD.
    undecodable: int = 0


def delimiter(path: Path) -> str:
    return "\t" if path.suffix.lower() in (".tsv", ".tab") else ","


def header(reader, path: Path) -> list[str]:
    """The column names from the first row of ``reader``, stripped; an empty file is an error."""
    row = next(reader, None)
    if not row:
        raise DataError(QT_TRANSLATE_NOOP("core", "{name} is empty: a CSV needs a header row naming its columns."), name=path.name)
    return [c.strip() for c in row]


def read_columns(path: str | Path) -> list[str]:
    """The header of a CSV/TSV file, for choosing columns."""
    path = Path(path)
    check_file(path)
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as handle:
        return header(csv.reader(handle, delimiter=delimiter(path)), path)


def check_file(path: Path) -> None:
    if not path.exists():
        raise DataError(QT_TRANSLATE_NOOP("core", "No file at {path!r}. Check the path."), path=str(path))
    if path.is_dir():
        raise DataError(QT_TRANSLATE_NOOP("core", "{path!r} is a folder; choose a .txt, .csv or .tsv file."), path=str(path))


def read_reviews(
    path: str | Path,
    text_column: str | None = None,
    label_column: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ReviewTable:
    """Read a ``.txt`` (one review per line) or a ``.csv``/``.tsv`` with a header."""
    path = Path(path)
    check_file(path)
    if path.suffix.lower() not in TABLE_SUFFIXES:
        if label_column:
            raise DataError(QT_TRANSLATE_NOOP("core", "{name} is plain text, which has no columns; use a CSV for labels."), name=path.name)
        with _open_counting(path, encoding="utf-8") as handle:
            texts = [line.rstrip("\n") for line in handle if line.strip()]
        if not texts:
            raise DataError(QT_TRANSLATE_NOOP("core", "{name} has no reviews: it is empty or only blank lines."), name=path.name)
        return ReviewTable(texts, None, [], str(path), _decode_errors.count)

    total = path.stat().st_size
    with _open_counting(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle, delimiter=delimiter(path))
        columns = header(reader, path)
        if text_column is None:
            text_column = next((c for c in columns if c.lower() in TEXT_COLUMN_GUESSES), None)
            if text_column is None:
                raise DataError(QT_TRANSLATE_NOOP("core", "{name}: choose the text column (the columns are {columns})."), name=path.name, columns=", ".join(columns))
        for wanted in filter(None, (text_column, label_column)):
            if wanted not in columns:
                raise DataError(QT_TRANSLATE_NOOP("core", "{name} has no column {wanted!r}; its columns are {columns}."),
                                name=path.name, wanted=wanted, columns=", ".join(columns))
        text_at = columns.index(text_column)
        label_at = columns.index(label_column) if label_column else None
        texts: list[str] = []
        labels: list[int] = []
        for row in reader:
            line = reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) <= max(text_at, label_at or 0):
                raise DataError(QT_TRANSLATE_NOOP("core", "{name}, line {line}: the row has {count} field(s), too few for the {column!r} column."),
                                name=path.name, line=line, count=len(row), column=text_column)
            texts.append(row[text_at])
            if label_at is not None:
                labels.append(parse_label(row[label_at], f"{path.name}, line {line}"))
            if progress and len(texts) % 20_000 == 0:
                progress(handle.tell(), total)
    if progress:
        progress(total, total)
    if not texts:
        raise DataError(QT_TRANSLATE_NOOP("core", "{name} has a header but no rows."), name=path.name)
    labels_array = np.array(labels, dtype="int32") if label_at is not None else None
    return ReviewTable(texts, labels_array, columns, str(path), _decode_errors.count)


def read_labelled_table(path: Path, options, progress: Callable[[int, int], None] | None = None):
    """Texts, labels and the count of bytes that are not UTF-8, from a table's text and label columns.

    ``options`` (a :class:`core.data.sources.SourceOptions`) names the columns;
    a column not named is guessed from the header, as the preview guesses it.
    """
    table = read_reviews(path, options.text_column, options.label_column or _label_column(path), progress)
    return table.texts, table.labels, table.undecodable


def _label_column(path: Path) -> str:
    columns = read_columns(path)
    guess = next((c for c in columns if c.strip().lower() in LABEL_COLUMN_GUESSES), None)
    if guess is None:
        raise DataError(QT_TRANSLATE_NOOP("core", "{name}: choose the label column (the columns are {columns})."), name=path.name, columns=", ".join(columns))
    return guess


def write_results(path: str | Path, texts: list[str], probabilities: np.ndarray, labels: np.ndarray | None = None, threshold: float = 0.5) -> Path:
    """A CSV of text, label, probability (and the true label, when known)."""
    path = Path(path)
    try:
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["text", "label", "probability"] + (["true_label"] if labels is not None else []))
            for i, (text, probability) in enumerate(zip(texts, probabilities)):
                row = [text, "positive" if probability >= threshold else "negative", f"{probability:.6f}"]
                if labels is not None:
                    row.append("positive" if labels[i] else "negative")
                writer.writerow(row)
    except OSError as exc:
        raise DataError(QT_TRANSLATE_NOOP("core", "Could not write {path!r}: {reason}."), path=str(path), reason=str(exc.strerror or exc)) from None
    return path
