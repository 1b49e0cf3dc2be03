"""Rows of token ids of different lengths, kept flat: no review pays for the longest one's padding.

A bag of n-grams holds a few hundred distinct ids per review and several
thousand for the longest; padded to the longest, 25,000 reviews would take
hundreds of megabytes. Batches are padded only to their own longest row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class RaggedIds:
    """``flat`` holds every row's ids one after the other; ``lengths`` how many each row has."""

    flat: np.ndarray
    lengths: np.ndarray

    def __post_init__(self) -> None:
        self.lengths = np.asarray(self.lengths, dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)])

    def __len__(self) -> int:
        return len(self.lengths)

    @property
    def dtype(self) -> np.dtype:
        return self.flat.dtype

    def __getitem__(self, rows: slice) -> RaggedIds:
        """A contiguous run of rows (as ``x[:split]``), sharing no memory it does not need."""
        start, stop, _ = rows.indices(len(self))
        return RaggedIds(self.flat[self.offsets[start] : self.offsets[stop]].copy(), self.lengths[start:stop])

    def padded(self, rows: np.ndarray, width: int | None = None) -> np.ndarray:
        """The rows as one array padded with 0 at the end to ``width`` (default: the longest of them)."""
        rows = np.asarray(rows)
        lengths = self.lengths[rows]
        width = int(lengths.max(initial=1)) if width is None else width
        out = np.zeros((len(rows), max(width, 1)), dtype=self.flat.dtype)
        for i, (row, length) in enumerate(zip(rows, lengths)):
            start = self.offsets[row]
            out[i, :length] = self.flat[start : start + min(length, width)]
        return out

    @classmethod
    def concatenate(cls, parts: list[RaggedIds]) -> RaggedIds:
        if not parts:
            return cls(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64))
        return cls(np.concatenate([p.flat for p in parts]), np.concatenate([p.lengths for p in parts]))
