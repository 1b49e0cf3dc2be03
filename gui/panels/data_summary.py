"""Words for a corpus's ``source`` record: where the reviews came from, how many, how balanced.

The same record is shown by the data panel before training and by the window
for an opened model (it is saved in the model file), so both say it alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.data.registry import location_of


def balance_text(count: int, positive: int) -> str:
    """"1,600 reviews: 800 positive (50%) / 800 negative"."""
    if not count:
        return QCoreApplication.translate("DataSummary", "no reviews")
    share = 100.0 * positive / count
    return QCoreApplication.translate("DataSummary", "{count} reviews: {positive} positive ({share:.0f}%) / {negative} negative").format(
        count=f"{count:,}", positive=f"{positive:,}", share=share, negative=f"{count - positive:,}"
    )


def count_lines(source: dict) -> list[str]:
    """The train and test counts with their class balance, one line each."""
    lines = []
    for split, title in (("train", QCoreApplication.translate("DataSummary", "Train")), ("test", QCoreApplication.translate("DataSummary", "Test"))):
        count = source.get(f"{split}_count")
        if count is None:
            continue
        lines.append(f"{title}: {balance_text(int(count), int(source.get(f'{split}_positive') or 0))}")
    return lines


def origin_text(source: dict) -> str:
    """The source's name and its path or URL."""
    name = source.get("name") or QCoreApplication.translate("DataSummary", "unknown source")
    where = location_of(source)
    return f"{name} — {where}" if where and where != name else name


def describe_source(source: dict | None) -> str:
    """Several lines for a model's data, or a note that the file does not record it."""
    if not source:
        return QCoreApplication.translate("DataSummary", "Data: not recorded in this model file.")
    return "\n".join([QCoreApplication.translate("DataSummary", "Data: {origin}").format(origin=origin_text(source)), *count_lines(source)])
