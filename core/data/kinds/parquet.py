"""Your reviews in a Parquet file: a text column and a label column, chosen as for a CSV.

Read with pyarrow, an optional extra (``pip install -e ".[parquet]"``); without
it the read stops with a one-line message saying how to install it. The
columns are guessed as a CSV's are, a label is any of 0/1, pos/neg,
positive/negative or true/false, and the file is read in batches so that
the app's progress bar moves and a newer choice can cancel the read.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from core.data.corpus import Corpus, Progress
from core.data.labelled import labelled_corpus
from core.data.preview import TablePreview, guess_column
from core.data.sources import TABLE_OPTIONS, SourceKind, SourceOptions, SourceRequest
from core.data.tables import LABEL_COLUMN_GUESSES, TEXT_COLUMN_GUESSES, parse_label
from core.errors import QT_TRANSLATE_NOOP, DataError

PARQUET = "parquet"
#: Rows read at a time; progress is reported after each batch.
BATCH_ROWS = 20_000


def read(request: SourceRequest) -> Corpus:
    return labelled_corpus(request, read_parquet, PARQUET)


def preview(path: str, options: SourceOptions, rows: int) -> TablePreview:
    """The columns and the first ``rows`` rows with some text, as strings; reads no more than that."""
    parquet = _open(Path(path))
    columns = parquet.schema_arrow.names
    first: list[list[str]] = []
    if rows > 0:
        for batch in parquet.iter_batches(batch_size=rows):
            data = batch.to_pydict()
            for cells in zip(*(data[name] for name in columns)):
                if any(_cell(cell).strip() for cell in cells):
                    first.append([_cell(cell) for cell in cells])
            if len(first) >= rows:
                break
    return TablePreview(columns, first[:rows], options.text_column or guess_column(columns, TEXT_COLUMN_GUESSES),
                        options.label_column or guess_column(columns, LABEL_COLUMN_GUESSES))


def read_parquet(path: Path, options: SourceOptions, progress: Progress | None) -> tuple[list[str], np.ndarray, int]:
    """Texts and labels from the text and label columns (named in ``options``, else guessed)."""
    parquet = _open(path)
    columns = parquet.schema_arrow.names
    text = _column(path, columns, options.text_column, TEXT_COLUMN_GUESSES,
                   QT_TRANSLATE_NOOP("core", "{name}: choose the text column (the columns are {columns})."))
    label = _column(path, columns, options.label_column, LABEL_COLUMN_GUESSES,
                    QT_TRANSLATE_NOOP("core", "{name}: choose the label column (the columns are {columns})."))
    total = parquet.metadata.num_rows
    texts: list[str] = []
    labels: list[int] = []
    row = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=list(dict.fromkeys((text, label)))):
        data = batch.to_pydict()
        for review, value in zip(data[text], data[label]):
            row += 1
            if not _cell(review).strip() and not _cell(value).strip():
                continue  # an empty row, as a blank line of a CSV
            texts.append(_cell(review))
            labels.append(parse_label(_cell(value), f"{path.name}, row {row}"))
        if progress:
            progress(row, total)
    if not texts:
        raise DataError(QT_TRANSLATE_NOOP("core", "{name} has no rows."), name=path.name)
    return texts, np.array(labels, dtype="int32"), 0  # Parquet strings are UTF-8 by definition


KIND = SourceKind(
    id=PARQUET,
    label=QT_TRANSLATE_NOOP("core", "Your reviews: a Parquet file"),
    read=read,
    suffixes=(".parquet", ".pq"),
    options=TABLE_OPTIONS,
    preview=preview,
    placeholder=QT_TRANSLATE_NOOP("core", "a .parquet file with a text and a label column"),
    file_tip=QT_TRANSLATE_NOOP("core", "Choose the Parquet file"),
    file_title=QT_TRANSLATE_NOOP("core", "Choose a Parquet file"),
    file_types=QT_TRANSLATE_NOOP("core", "Parquet files"),
    cli_help="a .parquet file of labelled reviews (needs pyarrow)",
    cli_name="Parquet files",
)


def _open(path: Path):
    """A ``pyarrow.parquet.ParquetFile``; a clear message without pyarrow or for a file that is not Parquet."""
    try:
        import pyarrow  # noqa: PLC0415 - optional, and only needed for this kind
        import pyarrow.parquet  # noqa: PLC0415
    except ImportError:
        raise DataError(QT_TRANSLATE_NOOP("core", "Reading Parquet files needs pyarrow, which is not installed: "
                                          "pip install pyarrow (in a checkout: pip install -e \".[parquet]\").")) from None
    try:
        return pyarrow.parquet.ParquetFile(path)
    except (OSError, ValueError, pyarrow.ArrowException) as exc:
        raise DataError(QT_TRANSLATE_NOOP("core", "{name} cannot be read as a Parquet file ({reason})."),
                        name=path.name, reason=(str(exc).splitlines() or [type(exc).__name__])[0][:200]) from None


def _column(path: Path, columns: list[str], wanted: str | None, guesses: tuple[str, ...], choose: str) -> str:
    """The column named ``wanted`` (which must exist), else the first that ``guesses`` names."""
    if wanted:
        if wanted not in columns:
            raise DataError(QT_TRANSLATE_NOOP("core", "{name} has no column {wanted!r}; its columns are {columns}."),
                            name=path.name, wanted=wanted, columns=", ".join(columns))
        return wanted
    guess = guess_column(columns, guesses)
    if guess is None:
        raise DataError(choose, name=path.name, columns=", ".join(columns))
    return guess


def _cell(value) -> str:
    """A cell as text: nothing for a null, "true"/"false" for a boolean, 1 for 1.0."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).lower() if isinstance(value, bool) else str(value)
