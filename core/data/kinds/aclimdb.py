"""Stanford's IMDB reviews: a local ``aclImdb`` copy (the folder or the ``.tar.gz``), or its download.

A local copy is Stanford's ``aclImdb`` layout, either the folder or the
``.tar.gz`` itself, which is read in place without unpacking. The download
fetches that archive once into the Keras cache and reads it the same way.
"""

from __future__ import annotations

import re
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from core.data.corpus import Corpus, Progress, record_source
from core.data.download import ARCHIVE_NAME, DATASET_URL, DOWNLOAD, download_dataset, download_url, in_keras_cache
from core.data.sources import SourceKind, SourceRequest
from core.errors import QT_TRANSLATE_NOOP, DataError

SPLITS = ("train", "test")
CLASSES = {"neg": 0, "pos": 1}
_MEMBER = re.compile(r"(?:^|/)(train|test)/(pos|neg)/([^/]+)\.txt$")
NAME = "IMDB (aclImdb)"


def read_local(request: SourceRequest) -> Corpus:
    """The aclImdb folder or its .tar.gz, read in place."""
    path = request.path
    folder = path.is_dir()
    reviews = _read_folder(path, request.progress) if folder else _read_archive(path, request.progress)
    return record_source(_assemble(reviews, request.seed), NAME, "folder" if folder else "archive", str(path))


def read_download(request: SourceRequest) -> Corpus:
    """Stanford's archive from the Keras cache, downloaded first if it is not there."""
    path = download_dataset(url=request.url, progress=request.download_progress)
    corpus = record_source(_assemble(_read_archive(path, request.progress), request.seed), NAME, "download", str(path))
    corpus.source["url"] = download_url(request.url)
    return corpus


LOCAL = SourceKind(
    id="aclimdb",
    label=QT_TRANSLATE_NOOP("core", "IMDB reviews: local aclImdb copy (folder or .tar.gz)"),
    read=read_local,
    suffixes=(".tar.gz", ".tgz"),
    folders=True,
    placeholder=QT_TRANSLATE_NOOP("core", "aclImdb folder or aclImdb_v1.tar.gz"),
    file_tip=QT_TRANSLATE_NOOP("core", "Choose the .tar.gz archive"),
    file_title=QT_TRANSLATE_NOOP("core", "Choose the IMDB archive"),
    file_types=QT_TRANSLATE_NOOP("core", "IMDB archive"),
    folder_tip=QT_TRANSLATE_NOOP("core", "Choose the unpacked aclImdb folder"),
    folder_title=QT_TRANSLATE_NOOP("core", "Choose the aclImdb folder"),
    cli_help="the aclImdb folder or its .tar.gz",
)

DOWNLOADED = SourceKind(
    id="download",
    label=QT_TRANSLATE_NOOP("core", "IMDB reviews: download (84 MB, once, into the Keras cache)"),
    read=read_download,
    word=DOWNLOAD,
    cached=lambda: in_keras_cache(ARCHIVE_NAME),
    origin=DATASET_URL,
    hint=QT_TRANSLATE_NOOP("core", "Stanford's aclImdb_v1.tar.gz: 25,000 reviews to train, 25,000 to test."),
    download_name=QT_TRANSLATE_NOOP("core", "The IMDB archive (84 MB)"),
    cli_help=f"'{DOWNLOAD}'",
)


# --- reading the layout ------------------------------------------------------------


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
