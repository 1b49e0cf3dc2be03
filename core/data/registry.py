"""Every kind of data source the engine reads, in the order the app offers them.

``load_corpus`` reads a source through the kind that claims it
(:func:`kind_for`); the command line's help, the app's data panel and its
background loader go through :func:`kinds`. A kind is a
:class:`~core.data.sources.SourceKind` in its own module under
``core.data.kinds``; to add one, write that module and list it below.
"""

from __future__ import annotations

from pathlib import Path

from core.data.kinds import aclimdb, class_folders, keras_imdb, parquet, table
from core.data.sources import SourceKind

#: A path no kind claims is read as an aclImdb copy, whose reader says what it lacks.
FALLBACK = aclimdb.LOCAL

_kinds: list[SourceKind] = [aclimdb.LOCAL, aclimdb.DOWNLOADED, table.KIND, parquet.KIND, class_folders.KIND, keras_imdb.KIND]


def kinds() -> tuple[SourceKind, ...]:
    """The registered kinds, in the app's order."""
    return tuple(_kinds)


def register(kind: SourceKind) -> SourceKind:
    """Add ``kind`` after the others (an id or word already taken is refused)."""
    for other in _kinds:
        if kind.id == other.id or (kind.word is not None and kind.word == other.word):
            raise ValueError(f"a source kind {other.id!r} is already registered with this id or word")
    _kinds.append(kind)
    return kind


def unregister(kind_id: str) -> None:
    """Forget the kind ``kind_id`` (a plug-in's, or a test's)."""
    _kinds[:] = [kind for kind in _kinds if kind.id != kind_id]


def kind_by_id(kind_id: str) -> SourceKind:
    """The kind named ``kind_id``; the fallback kind for an unknown id."""
    return next((kind for kind in _kinds if kind.id == kind_id), FALLBACK)


def kind_for(source: str) -> SourceKind:
    """The kind that reads ``source``: its word, else a folder's contents, else the path's ending.

    An empty source or a path no kind claims falls back to the aclImdb copy.
    """
    for kind in _kinds:
        if kind.word is not None and source == kind.word:
            return kind
    if source:
        path = Path(source).expanduser()
        local = [kind for kind in _kinds if kind.has_path]
        for kind in local:
            if kind.recognise is not None and kind.recognise(path):
                return kind
        for kind in local:
            if kind.claims_suffix(path):
                return kind
    return FALLBACK


def location_of(record: dict) -> str:
    """Where a corpus's reviews came from (``Corpus.source``): its URL, else its path.

    An older record of a worded kind names only the word ("keras-imdb"); its
    kind's origin stands for it.
    """
    where = record.get("url") or record.get("path") or ""
    kind = next((kind for kind in _kinds if kind.word is not None and kind.word == where and kind.origin), None)
    return kind.origin if kind is not None else where
