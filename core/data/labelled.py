"""Labelled reviews of your own (a table, or a folder with ``pos/`` and ``neg/``), and their test set.

Each such source ends in the same :class:`~core.data.corpus.Corpus` as the
aclImdb reader, so a model trained on any source saves, loads, explains and
classifies the same way. The test set is a second file or folder, or a
stratified split of the first with a set fraction and seed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from core.data.corpus import Corpus, Progress, record_source
from core.data.sources import SourceOptions, SourceRequest
from core.errors import QT_TRANSLATE_NOOP, DataError, Message

#: Reads one labelled file: ``(path, options, progress) -> (texts, labels, undecodable)``.
FileReader = Callable[[Path, SourceOptions, Progress | None], tuple[list[str], np.ndarray, int]]


def labelled_corpus(request: SourceRequest, read_file: FileReader, file_kind: str) -> Corpus:
    """The corpus of a labelled file or class folder, with its test set; ``file_kind`` goes in the record of a file."""
    path, options = request.path, request.options
    texts, labels, undecodable = read_labelled(path, options, request.progress, read_file)
    what = QT_TRANSLATE_NOOP("core", "file {name}") if path.is_file() else QT_TRANSLATE_NOOP("core", "folder {name}")
    check_both_classes(labels, Message(what, name=path.name))
    if options.test_path:
        test_path = Path(options.test_path).expanduser()
        if not test_path.exists():
            raise DataError(QT_TRANSLATE_NOOP("core", "The test data path {path!r} does not exist."), path=str(test_path))
        test_texts, test_labels, more = read_labelled(test_path, options, None, read_file)
        check_both_classes(test_labels, Message(QT_TRANSLATE_NOOP("core", "test data")))
        order = np.random.RandomState(options.split_seed).permutation(len(texts))
        corpus = Corpus([texts[i] for i in order], labels[order], test_texts, test_labels)
        undecodable += more
    else:
        corpus = Corpus(*stratified_split(texts, labels, options.test_fraction, options.split_seed))
    corpus.undecodable_files = undecodable
    corpus = record_source(corpus, f"your reviews ({path.name})", "folder of classes" if path.is_dir() else file_kind, str(path))
    if options.test_path:
        corpus.source["test_path"] = str(Path(options.test_path).expanduser())
    else:
        corpus.source.update(test_fraction=options.test_fraction, split_seed=options.split_seed)
    return corpus


def read_labelled(path: Path, options: SourceOptions, progress: Progress | None, read_file: FileReader):
    """Texts, labels and undecodable-file count from a file (read by ``read_file``) or a class folder."""
    if path.is_dir():
        return read_class_folders(path)
    texts, labels, undecodable = read_file(path, options, progress)
    return texts, labels, int(undecodable > 0)  # a file with bytes that are not UTF-8


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


def is_class_folder(path: Path) -> bool:
    return path.is_dir() and (path / "pos").is_dir() and (path / "neg").is_dir()


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
