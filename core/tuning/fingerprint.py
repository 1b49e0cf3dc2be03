"""A study's record of its data, so that every worker of a shared study trains on the same reviews.

Trials of one study are only comparable on one data set. The first worker
stores the fingerprint (kind, name, counts and a hash of the texts and
labels) in the study; a worker whose data differs refuses to join with one
line, before it trains anything.
"""

from __future__ import annotations

import hashlib

from core.data.corpus import Corpus
from core.errors import QT_TRANSLATE_NOOP, DataError

#: The study user attribute holding the fingerprint.
ATTRIBUTE = "data_fingerprint"


def fingerprint(corpus: Corpus) -> dict:
    """Kind, name, counts and a SHA-256 of every text and label, train and test, in order."""
    digest = hashlib.sha256()
    for texts, labels in ((corpus.train_texts, corpus.train_labels), (corpus.test_texts, corpus.test_labels)):
        for text, label in zip(texts, labels):
            digest.update(text.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00%d\x00" % int(label))
        digest.update(b"\x01")
    return {
        "kind": str(corpus.source.get("kind", "")),
        "name": str(corpus.source.get("name", "")),
        "train_count": len(corpus.train_texts),
        "test_count": len(corpus.test_texts),
        "sha256": digest.hexdigest(),
    }


def describe(print_: dict) -> str:
    """'aclImdb (imdb), 25000 train / 25000 test, sha256 1a2b3c4d'."""
    return (f"{print_.get('name') or '?'} ({print_.get('kind') or '?'}), {print_.get('train_count')} train / "
            f"{print_.get('test_count')} test, sha256 {str(print_.get('sha256', ''))[:8]}")


def check_same_data(study_name: str, recorded: dict, mine: dict) -> None:
    """DataError in one line if this worker's data is not the study's."""
    if recorded.get("sha256") != mine.get("sha256"):
        raise DataError(QT_TRANSLATE_NOOP("core", "Study {study!r} was made on other data ({recorded}); this worker has {mine}. "
                                          "Give the study's data, or a new study name."),
                        study=study_name, recorded=describe(recorded), mine=describe(mine))
