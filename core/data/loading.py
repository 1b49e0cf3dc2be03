"""The IMDB reviews, from a local copy or downloaded once into the Keras cache.

Every source ends in the same :class:`Corpus`: train and test texts with
labels (positive 1, negative 0), shuffled with a fixed seed the way
``keras.datasets.imdb`` shuffles them, so that Keras's ``validation_split``
(which takes the *last* fraction of the arrays) holds both classes.

A local copy is Stanford's ``aclImdb`` layout, either the folder or the
``.tar.gz`` itself, which is read in place without unpacking.
"""

from __future__ import annotations

import os
import re
import tarfile
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from core.errors import QT_TRANSLATE_NOOP, DataError, Message

#: Stanford's archive, the source of keras.datasets.imdb.
DATASET_URL = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"
ARCHIVE_NAME = "aclImdb_v1.tar.gz"
#: Environment variables: a local copy to use, and the download address.
DATA_ENV = "IMDB_DATA"
URL_ENV = "IMDB_DATA_URL"
#: The word that asks for the download instead of a local copy.
DOWNLOAD = "download"
#: keras.datasets.imdb shuffles with this seed; so do we.
SHUFFLE_SEED = 113

SPLITS = ("train", "test")
CLASSES = {"neg": 0, "pos": 1}
_MEMBER = re.compile(r"(?:^|/)(train|test)/(pos|neg)/([^/]+)\.txt$")

#: progress(done, total): bytes or files so far, and the total (0 if unknown).
Progress = Callable[[int, int], None]


@dataclass
class Corpus:
    """Labelled reviews, split into train and test."""

    train_texts: list[str]
    train_labels: np.ndarray
    test_texts: list[str]
    test_labels: np.ndarray
    #: Where the reviews came from and what they hold, saved with the model.
    source: dict = field(default_factory=dict)
    #: Files that were not valid UTF-8 and were decoded with replacement.
    undecodable_files: int = 0
    #: A word that stands for "out of vocabulary" in the texts and must never
    #: enter the vocabulary (Keras's pre-tokenised IMDB arrays have one).
    oov_token: str | None = None

    def summary(self) -> str:
        def balance(labels: np.ndarray) -> str:
            pos = int(labels.sum())
            return f"{pos:,} positive / {len(labels) - pos:,} negative"

        return (
            f"train {len(self.train_texts):,} ({balance(self.train_labels)}), "
            f"test {len(self.test_texts):,} ({balance(self.test_labels)})"
        )


def default_source() -> str | None:
    """The data source named by the environment, if any."""
    return os.environ.get(DATA_ENV) or None


def keras_cache_dir() -> Path:
    """Keras's cache folder (``KERAS_HOME`` or ``~/.keras``), as get_file picks it."""
    base = Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras").expanduser()
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    if not os.access(base, os.W_OK):
        base = Path("/tmp") / ".keras"
    return base


def load_corpus(
    source: str | os.PathLike | None = None,
    *,
    progress: Progress | None = None,
    download_progress: Progress | None = None,
    url: str | None = None,
    seed: int = SHUFFLE_SEED,
    options=None,
) -> Corpus:
    """Read the labelled reviews from ``source``.

    ``source`` is one of:

    - ``None`` or ``"download"``: Stanford's archive, fetched once into the Keras cache;
    - a folder in the ``aclImdb`` layout (``train/`` and ``test/``, each with
      ``pos/`` and ``neg/``), or the ``.tar.gz`` of it, read in place;
    - a folder with ``pos/`` and ``neg/`` subfolders (one review per file);
    - a ``.csv`` or ``.tsv`` file with a text column and a label column;
    - ``"keras-imdb"``: Keras's own pre-tokenised IMDB arrays, decoded to words.

    ``options`` (a :class:`core.data.sources.SourceOptions`) names the columns and
    the test set of the last three. ``progress`` follows the reading;
    ``download_progress`` the download, if one happens.
    """
    from core.data.sources import KERAS_IMDB, KERAS_IMDB_URL, SourceOptions, is_class_folder

    options = options or SourceOptions()
    if source is not None and str(source) == KERAS_IMDB:
        corpus = _finish(_keras_corpus(options, seed), "Keras IMDB (keras.datasets.imdb)", "keras-imdb", KERAS_IMDB)
        if options.keras_npz:
            corpus.source["path"] = str(Path(options.keras_npz).expanduser())
        else:
            corpus.source["url"] = KERAS_IMDB_URL + "imdb.npz"
        corpus.source["num_words"] = options.num_words
        return corpus
    if source is None or str(source) == DOWNLOAD:
        path = download_dataset(url=url, progress=download_progress)
        kind = "download"
    else:
        path = Path(source).expanduser()
        if not path.exists():
            raise DataError(
                QT_TRANSLATE_NOOP("core", "The data path {path!r} does not exist. Choose the aclImdb folder or "
                                  "its .tar.gz, a CSV file, a folder with pos/ and neg/, or leave the path empty to download the dataset."),
                path=str(path),
            )
        if is_class_folder(path) or path.suffix.lower() in (".csv", ".tsv", ".tab"):
            corpus = _finish(_labelled_corpus(path, options, progress), f"your reviews ({path.name})",
                             "folder of classes" if path.is_dir() else "table", str(path))
            if options.test_path:
                corpus.source["test_path"] = str(Path(options.test_path).expanduser())
            else:
                corpus.source.update(test_fraction=options.test_fraction, split_seed=options.split_seed)
            return corpus
        kind = "folder" if path.is_dir() else "archive"

    if path.is_dir():
        reviews = _read_folder(path, progress)
    else:
        reviews = _read_archive(path, progress)

    corpus = _assemble(reviews, seed)  # refuses an empty class folder itself
    corpus = _finish(corpus, "IMDB (aclImdb)", kind, str(path))
    if kind == "download":
        corpus.source["url"] = url or os.environ.get(URL_ENV) or DATASET_URL
    return corpus


def _finish(corpus: "Corpus", name: str, kind: str, path: str) -> "Corpus":
    """Record where the reviews came from and what they hold; saved with the model."""
    corpus.source = {
        "name": name,
        "kind": kind,
        "path": path,
        "train_count": len(corpus.train_texts),
        "test_count": len(corpus.test_texts),
        "train_positive": int(corpus.train_labels.sum()),
        "test_positive": int(corpus.test_labels.sum()),
    }
    return corpus


def _labelled_corpus(path: Path, options, progress: Progress | None) -> "Corpus":
    from core.data.sources import check_both_classes, load_labelled, stratified_split  # noqa: PLC0415

    texts, labels, undecodable = load_labelled(path, options, progress)
    what = QT_TRANSLATE_NOOP("core", "file {name}") if path.is_file() else QT_TRANSLATE_NOOP("core", "folder {name}")
    check_both_classes(labels, Message(what, name=path.name))
    if options.test_path:
        test_path = Path(options.test_path).expanduser()
        if not test_path.exists():
            raise DataError(QT_TRANSLATE_NOOP("core", "The test data path {path!r} does not exist."), path=str(test_path))
        test_texts, test_labels, more = load_labelled(test_path, options, None)
        check_both_classes(test_labels, Message(QT_TRANSLATE_NOOP("core", "test data")))
        order = np.random.RandomState(options.split_seed).permutation(len(texts))
        corpus = Corpus([texts[i] for i in order], labels[order], test_texts, test_labels)
        undecodable += more
    else:
        corpus = Corpus(*stratified_split(texts, labels, options.test_fraction, options.split_seed))
    corpus.undecodable_files = undecodable
    return corpus


def _keras_corpus(options, seed: int) -> "Corpus":
    from core.data.sources import OOV_MARK, load_keras_imdb  # noqa: PLC0415

    return Corpus(*load_keras_imdb(options, seed), oov_token=OOV_MARK)


@dataclass
class _Reviews:
    """Raw reviews keyed by (split, class) -> list of (file name, text)."""

    items: dict[tuple[str, str], list[tuple[str, str]]]
    undecodable: int = 0


def _decode(raw: bytes, counter: _Reviews) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        counter.undecodable += 1
        return raw.decode("utf-8", errors="replace")


def _empty_reviews() -> _Reviews:
    return _Reviews({(s, c): [] for s in SPLITS for c in CLASSES})


def _read_folder(path: Path, progress: Progress | None) -> _Reviews:
    root = path / "aclImdb" if (path / "aclImdb").is_dir() else path
    missing = [s for s in SPLITS if not (root / s).is_dir()]
    if missing:
        raise DataError(
            QT_TRANSLATE_NOOP("core", "The folder {path!r} is not in the aclImdb layout: it has no "
                              "{missing} folder. Choose the folder that holds train/ and test/, each with pos/ and neg/."),
            path=str(path), missing=" or ".join(m + "/" for m in missing),
        )
    reviews = _empty_reviews()
    files = [
        (split, cls, f)
        for split in SPLITS
        for cls in CLASSES
        for f in ((root / split / cls).glob("*.txt") if (root / split / cls).is_dir() else ())
    ]
    for done, (split, cls, f) in enumerate(files, 1):
        reviews.items[split, cls].append((f.name, _decode(f.read_bytes(), reviews)))
        if progress and (done % 1000 == 0 or done == len(files)):
            progress(done, len(files))
    return reviews


def _read_archive(path: Path, progress: Progress | None) -> _Reviews:
    reviews = _empty_reviews()
    total = path.stat().st_size
    try:
        with open(path, "rb") as raw, tarfile.open(fileobj=raw, mode="r:*") as archive:
            for count, member in enumerate(_members(archive), 1):
                match = _MEMBER.search(member.name)
                if not match or not member.isfile():
                    continue
                split, cls, stem = match.groups()
                handle = archive.extractfile(member)
                if handle is not None:
                    reviews.items[split, cls].append((stem + ".txt", _decode(handle.read(), reviews)))
                if progress and count % 1000 == 0:
                    progress(raw.tell(), total)
            if progress:
                progress(total, total)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise DataError(
            QT_TRANSLATE_NOOP("core", "The archive {path!r} cannot be read ({reason}). It may be truncated or not a "
                              ".tar.gz: download it again or choose the unpacked aclImdb folder."),
            path=str(path), reason=str(exc),
        ) from None
    return reviews


def _members(archive: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    member = archive.next()
    while member is not None:
        yield member
        member = archive.next()


def _assemble(reviews: _Reviews, seed: int) -> Corpus:
    for (split, cls), items in reviews.items.items():
        if not items:
            raise DataError(
                QT_TRANSLATE_NOOP("core", "The dataset has no reviews in {split}/{cls}/. Each of train/ and test/ needs "
                                  "both pos/ and neg/ reviews, one per .txt file."),
                split=split, cls=cls,
            )
    arrays = {}
    for split in SPLITS:
        items = sorted(
            (name, text, CLASSES[cls]) for (s, cls), pairs in reviews.items.items() if s == split for name, text in pairs
        )
        order = np.random.RandomState(seed).permutation(len(items))
        texts = [items[i][1] for i in order]
        labels = np.array([items[i][2] for i in order], dtype="int32")
        arrays[split] = (texts, labels)
    return Corpus(*arrays["train"], *arrays["test"], undecodable_files=reviews.undecodable)


def download_dataset(url: str | None = None, progress: Progress | None = None) -> Path:
    """Fetch Stanford's archive into the Keras cache, once, and return its path.

    The bytes are streamed to ``<keras cache>/datasets`` with progress, then
    handed to ``keras.utils.get_file``, which finds them cached; a second call
    downloads nothing.
    """
    url = url or os.environ.get(URL_ENV) or DATASET_URL
    folder = keras_cache_dir() / "datasets"
    target = folder / ARCHIVE_NAME
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            with urllib.request.urlopen(url, timeout=30) as response, open(partial, "wb") as out:
                total = int(response.headers.get("Content-Length") or 0)
                done = 0
                while chunk := response.read(1 << 20):
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
            if total and done != total:
                raise DataError(QT_TRANSLATE_NOOP("core", "The download of {url} stopped at {done:,} of {total:,} bytes. Try again."),
                                url=url, done=done, total=total)
            os.replace(partial, target)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            partial.unlink(missing_ok=True)
            reason = getattr(exc, "reason", exc)
            raise DataError(
                QT_TRANSLATE_NOOP("core", "Could not download the IMDB dataset from {url} ({reason}). Check the internet "
                                  "connection, or choose a local copy (the aclImdb folder or its .tar.gz)."),
                url=url, reason=str(reason),
            ) from None
    import keras  # noqa: PLC0415 - heavy; only needed once a download is asked for

    return Path(keras.utils.get_file(fname=ARCHIVE_NAME, origin=url, cache_dir=str(folder.parent), cache_subdir="datasets"))
