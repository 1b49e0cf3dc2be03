"""Your reviews as text files in a folder with ``pos/`` and ``neg/``, as ``text_dataset_from_directory`` reads them."""

from __future__ import annotations

from core.data.corpus import Corpus
from core.data.labelled import is_class_folder, labelled_corpus
from core.data.sources import SEED, TEST_PATH, TEST_SPLIT, SourceKind, SourceRequest
from core.data.tables import read_labelled_table
from core.errors import QT_TRANSLATE_NOOP


def read(request: SourceRequest) -> Corpus:
    # A test set given as a file is read as a table, as it always was.
    return labelled_corpus(request, read_labelled_table, "table")


KIND = SourceKind(
    id="classes",
    label=QT_TRANSLATE_NOOP("core", "Your reviews: a folder with pos/ and neg/"),
    read=read,
    folders=True,
    recognise=is_class_folder,
    options=(TEST_SPLIT, SEED, TEST_PATH),
    placeholder=QT_TRANSLATE_NOOP("core", "a folder with pos/ and neg/ subfolders of .txt files"),
    folder_tip=QT_TRANSLATE_NOOP("core", "Choose the folder holding pos/ and neg/"),
    folder_title=QT_TRANSLATE_NOOP("core", "Choose the folder with pos/ and neg/"),
    cli_help="a folder with pos/ and neg/",
    cli_name="pos/ neg/ folders",
)
