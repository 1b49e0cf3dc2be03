"""A cheap first look at a CSV/TSV file: its columns and first rows, nothing more.

The GUI shows this while the whole file loads, and fills its column choosers
from it. Only the header and ``rows`` rows are read, so it costs the same for
a file of ten rows or of a million. The columns are guessed exactly as the
full read guesses them, so a preview and the load that follows agree.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from core.data.tables import LABEL_COLUMN_GUESSES, TEXT_COLUMN_GUESSES, check_file, delimiter, header


@dataclass
class TablePreview:
    """The header and the first rows of a table, with the columns a load would use."""

    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    #: The text and label columns: as given, else guessed (None when no guess fits).
    text_column: str | None = None
    label_column: str | None = None


def guess_column(columns: list[str], guesses: tuple[str, ...]) -> str | None:
    """The first column whose name is one of ``guesses``, ignoring case and spaces."""
    return next((c for c in columns if c.strip().lower() in guesses), None)


def preview_table(
    path: str | Path,
    text_column: str | None = None,
    label_column: str | None = None,
    rows: int = 5,
) -> TablePreview:
    """The header and first ``rows`` non-blank rows of a ``.csv``/``.tsv`` file."""
    path = Path(path)
    check_file(path)
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.reader(handle, delimiter=delimiter(path))
        columns = header(reader, path)
        first = list(islice((row for row in reader if any(cell.strip() for cell in row)), max(0, rows)))
    return TablePreview(
        columns,
        first,
        text_column or guess_column(columns, TEXT_COLUMN_GUESSES),
        label_column or guess_column(columns, LABEL_COLUMN_GUESSES),
    )
