"""Labelled text that is not Stanford's archive: CSV/TSV files, class folders, Keras's IMDB arrays.

Each reader ends in the same :class:`~core.data.loading.Corpus` as the aclImdb
reader, so a model trained on any source saves, loads, explains and
classifies the same way. The test set is a second file or folder, or a
stratified split of the first with a set fraction and seed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from core.data.tables import read_reviews
from core.errors import QT_TRANSLATE_NOOP, DataError, Message

#: The word that asks for Keras's own IMDB arrays (keras.datasets.imdb).
KERAS_IMDB = "keras-imdb"
KERAS_IMDB_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
KERAS_IMDB_HASH = "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"
KERAS_WORD_INDEX_HASH = "bfafd718b763782e994055a2d397834f"
#: Stands where Keras's arrays have their out-of-vocabulary mark (2). It is
#: never put in the vocabulary, so it vectorises to our OOV index, exactly
#: as an unknown word in a typed review does.
OOV_MARK = "oovmarkxq"


@dataclass
class SourceOptions:
    """How to read a source beyond its path."""

    text_column: str | None = None  # CSV/TSV: the review text (default: 'review' or 'text')
    label_column: str | None = None  # CSV/TSV: the label (default: 'label', 'sentiment' or 'class')
    test_path: str | None = None  # a second file or folder with the test reviews
    test_fraction: float = 0.2  # else this stratified share of the first is held out for testing
    split_seed: int = 113
    num_words: int = 10_000  # Keras's arrays: the tutorial's num_words
    keras_npz: str | None = None  # Keras's arrays: a local imdb.npz instead of the cached download
    keras_word_index: str | None = None  # ... and a local imdb_word_index.json

    def __post_init__(self) -> None:
        if not 0.0 < self.test_fraction < 1.0:
            raise DataError(QT_TRANSLATE_NOOP("core", "test_fraction must be between 0 and 1 (exclusive); got {value!r}."), value=self.test_fraction)


LABEL_COLUMN_GUESSES = ("label", "sentiment", "class", "polarity")


def check_both_classes(labels: np.ndarray, what: str | Message) -> None:
    """``what`` names the data in messages ("test data", "file x.csv")."""
    if len(labels) == 0:
        raise DataError(QT_TRANSLATE_NOOP("core", "The {what} has no reviews."), what=what)
    positives = int(np.sum(labels))
    if positives == len(labels):
        raise DataError(QT_TRANSLATE_NOOP("core", "The {what} has only positive reviews; a classifier needs both positive and negative ones."), what=what)
    if positives == 0:
        raise DataError(QT_TRANSLATE_NOOP("core", "The {what} has only negative reviews; a classifier needs both positive and negative ones."), what=what)


def stratified_split(texts: list[str], labels: np.ndarray, fraction: float, seed: int):
    """Hold out ``fraction`` of each class; both parts keep the class balance."""
    rng = np.random.RandomState(seed)
    test_rows: list[int] = []
    for label in (0, 1):
        rows = np.flatnonzero(labels == label)
        rng.shuffle(rows)
        test_rows += rows[: max(1, int(round(len(rows) * fraction)))].tolist()
    is_test = np.zeros(len(texts), dtype=bool)
    is_test[test_rows] = True
    train = np.flatnonzero(~is_test)
    test = np.flatnonzero(is_test)
    rng.shuffle(train)
    rng.shuffle(test)
    return [texts[i] for i in train], labels[train], [texts[i] for i in test], labels[test]


# --- CSV / TSV ------------------------------------------------------------------


def _label_column(path: Path, options: SourceOptions) -> str:
    if options.label_column:
        return options.label_column
    from core.data.tables import read_columns  # noqa: PLC0415

    columns = read_columns(path)
    guess = next((c for c in columns if c.strip().lower() in LABEL_COLUMN_GUESSES), None)
    if guess is None:
        raise DataError(QT_TRANSLATE_NOOP("core", "{name}: choose the label column (the columns are {columns})."), name=path.name, columns=", ".join(columns))
    return guess


def read_table_split(path: Path, options: SourceOptions, progress: Callable[[int, int], None] | None):
    table = read_reviews(path, options.text_column, _label_column(path, options), progress)
    return table.texts, table.labels, table.undecodable


def read_class_folders(path: Path) -> tuple[list[str], np.ndarray, int]:
    """``pos/`` and ``neg/`` subfolders of text files, as text_dataset_from_directory expects."""
    missing = [name for name in ("pos", "neg") if not (path / name).is_dir()]
    if missing:
        raise DataError(QT_TRANSLATE_NOOP("core", "The folder {path!r} has no {missing} subfolder; "
                                          "put positive reviews in pos/ and negative ones in neg/, one per .txt file."),
                        path=str(path), missing=" or ".join(m + "/" for m in missing))
    texts, labels, undecodable = [], [], 0
    for name, label in (("neg", 0), ("pos", 1)):
        for file in sorted((path / name).glob("*.txt")):
            raw = file.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                undecodable += 1
                text = raw.decode("utf-8", errors="replace")
            texts.append(text)
            labels.append(label)
    return texts, np.array(labels, dtype="int32"), undecodable


def is_class_folder(path: Path) -> bool:
    return path.is_dir() and (path / "pos").is_dir() and (path / "neg").is_dir()


def load_labelled(path: Path, options: SourceOptions, progress=None):
    """Texts, labels and undecodable-file count from a CSV/TSV file or a class folder."""
    if path.is_dir():
        return read_class_folders(path)
    texts, labels, undecodable = read_table_split(path, options, progress)
    return texts, labels, int(undecodable > 0)  # a file with bytes that are not UTF-8


# --- Keras's IMDB arrays ----------------------------------------------------------


def keras_imdb_files(options: SourceOptions) -> tuple[Path, Path]:
    """imdb.npz and its word index: the given paths, or Keras's cache (downloading once)."""
    if options.keras_npz and options.keras_word_index:
        return Path(options.keras_npz), Path(options.keras_word_index)
    import keras  # noqa: PLC0415

    try:
        npz = keras.utils.get_file("imdb.npz", origin=KERAS_IMDB_URL + "imdb.npz", file_hash=KERAS_IMDB_HASH)
        index = keras.utils.get_file("imdb_word_index.json", origin=KERAS_IMDB_URL + "imdb_word_index.json",
                                     file_hash=KERAS_WORD_INDEX_HASH)
    except Exception as exc:  # noqa: BLE001 - get_file raises several kinds on a failed download
        raise DataError(
            QT_TRANSLATE_NOOP("core", "Keras's IMDB dataset is not cached and could not be downloaded ({reason}). "
                              "It needs the internet on first use; the aclImdb archive, CSV and folder sources work offline."),
            reason=(str(exc).splitlines() or [type(exc).__name__])[0][:200],
        ) from None
    return Path(npz), Path(index)


def load_keras_imdb(options: SourceOptions, seed: int = 113):
    """``keras.datasets.imdb.load_data(num_words=...)`` decoded back to words.

    Keras stores word ranks (1 = most frequent); ``load_data`` shifts them by
    ``index_from=3`` to leave 0 for padding, 1 for the start mark and 2 for
    out-of-vocabulary, and maps every index at or above ``num_words`` to 2.
    We decode each rank with ``get_word_index()`` and write :data:`OOV_MARK`
    where ``load_data`` would put 2; the start mark carries no word and is
    left out, as a typed review has none.
    """
    npz_path, index_path = keras_imdb_files(options)
    try:
        with np.load(npz_path, allow_pickle=True) as arrays:
            x_train, y_train, x_test, y_test = (arrays[k] for k in ("x_train", "y_train", "x_test", "y_test"))
        word_index = json.loads(Path(index_path).read_text(encoding="utf-8"))
    except (OSError, KeyError, ValueError) as exc:
        raise DataError(QT_TRANSLATE_NOOP("core", "Keras's IMDB files cannot be read ({reason}); delete them from the Keras cache to fetch them again."),
                        reason=str(exc)) from None
    words = {rank: word for word, rank in word_index.items()}
    index_from = 3

    def decode(ranks) -> str:
        return " ".join(words.get(r, OOV_MARK) if r + index_from < options.num_words else OOV_MARK for r in ranks)

    rng = np.random.RandomState(seed)  # load_data's own shuffle
    order_train = np.arange(len(x_train))
    rng.shuffle(order_train)
    order_test = np.arange(len(x_test))
    rng.shuffle(order_test)
    return (
        [decode(x_train[i]) for i in order_train],
        np.asarray(y_train)[order_train].astype("int32"),
        [decode(x_test[i]) for i in order_test],
        np.asarray(y_test)[order_test].astype("int32"),
    )
