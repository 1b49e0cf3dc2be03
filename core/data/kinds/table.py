"""Your reviews in a CSV or TSV file: a text column and a label column, chosen from the header."""

from __future__ import annotations

from core.data.corpus import Corpus
from core.data.labelled import labelled_corpus
from core.data.preview import TablePreview, preview_table
from core.data.sources import TABLE_OPTIONS, SourceKind, SourceOptions, SourceRequest
from core.data.tables import TABLE_SUFFIXES, read_labelled_table
from core.errors import QT_TRANSLATE_NOOP

TABLE = "table"


def read(request: SourceRequest) -> Corpus:
    return labelled_corpus(request, read_labelled_table, "table")


def preview(path: str, options: SourceOptions, rows: int) -> TablePreview:
    return preview_table(path, options.text_column, options.label_column, rows)


KIND = SourceKind(
    id=TABLE,
    label=QT_TRANSLATE_NOOP("core", "Your reviews: a CSV or TSV file"),
    read=read,
    suffixes=TABLE_SUFFIXES,
    options=TABLE_OPTIONS,
    preview=preview,
    placeholder=QT_TRANSLATE_NOOP("core", "a .csv or .tsv file with a header row"),
    file_tip=QT_TRANSLATE_NOOP("core", "Choose the CSV or TSV file"),
    file_title=QT_TRANSLATE_NOOP("core", "Choose a CSV or TSV file"),
    file_types=QT_TRANSLATE_NOOP("core", "Tables"),
    cli_help="a .csv/.tsv of labelled reviews",
    cli_name="CSV/TSV files",
)
