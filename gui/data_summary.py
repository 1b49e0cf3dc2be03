"""Words for a corpus's ``source`` record: where the reviews came from, how many, how balanced.

The same record is shown by the data panel before training and by the window
for an opened model (it is saved in the model file), so both say it alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.sources import KERAS_IMDB, KERAS_IMDB_URL


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataSummary", text)


def balance_text(count: int, positive: int) -> str:
    """"1,600 reviews: 800 positive (50%) / 800 negative"."""
    if not count:
        return _tr("no reviews")
    share = 100.0 * positive / count
    return _tr("{count} reviews: {positive} positive ({share:.0f}%) / {negative} negative").format(
        count=f"{count:,}", positive=f"{positive:,}", share=share, negative=f"{count - positive:,}"
    )


def count_lines(source: dict) -> list[str]:
    """The train and test counts with their class balance, one line each."""
    lines = []
    for split, title in (("train", _tr("Train")), ("test", _tr("Test"))):
        count = source.get(f"{split}_count")
        if count is None:
            continue
        lines.append(f"{title}: {balance_text(int(count), int(source.get(f'{split}_positive') or 0))}")
    return lines


def origin_text(source: dict) -> str:
    """The source's name and its path or URL."""
    name = source.get("name") or _tr("unknown source")
    where = source.get("url") or source.get("path") or ""
    if source.get("kind") == KERAS_IMDB and not source.get("url"):
        where = KERAS_IMDB_URL + "imdb.npz"  # the file keras.datasets.imdb fetches; core records only "keras-imdb"
    return f"{name} — {where}" if where and where != name else name


def describe_source(source: dict | None) -> str:
    """Several lines for a model's data, or a note that the file does not record it."""
    if not source:
        return _tr("Data: not recorded in this model file.")
    return "\n".join([_tr("Data: {origin}").format(origin=origin_text(source)), *count_lines(source)])
