"""Any CSV/TSV table of reviews reads back exactly; every spelling of a label is accepted, every other one named with its line."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.data.tables import LABELS, read_reviews
from core.errors import DataError

# Review text: anything but surrogates and NUL, quotes, separators and line breaks included.
TEXTS = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40).filter(str.strip)


@st.composite
def spellings(draw, words=tuple(LABELS)) -> str:
    """An accepted label as a person may write it: any case, spaces or tabs around it."""
    word = draw(st.sampled_from(words))
    cased = "".join(ch.upper() if upper else ch for ch, upper in zip(word, draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))))
    pad = st.text(" \t", max_size=2)
    return draw(pad) + cased + draw(pad)


# A rejected label: on one line, and not an accepted word once stripped and lowercased.
REJECTED = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12).filter(lambda value: value.strip().lower() not in LABELS)


def write_table(folder: str, rows: list[list[str]], suffix: str) -> Path:
    path = Path(folder) / f"reviews{suffix}"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t" if suffix == ".tsv" else ",")
        writer.writerow(["id", "review", "sentiment"])
        writer.writerows(rows)
    return path


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TEXTS, spellings()), min_size=1, max_size=12), st.sampled_from([".csv", ".tsv"]))
def test_every_accepted_spelling_reads_back_with_its_text(rows, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = write_table(folder, [[str(index), text, label] for index, (text, label) in enumerate(rows)], suffix)
        table = read_reviews(path, "review", "sentiment")
    assert table.texts == [text for text, _ in rows]
    assert table.labels.tolist() == [LABELS[label.strip().lower()] for _, label in rows]
    assert table.undecodable == 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TEXTS.filter(lambda text: "\n" not in text and "\r" not in text), spellings()), min_size=1, max_size=12),
       st.data(), REJECTED, st.sampled_from([".csv", ".tsv"]))
def test_a_rejected_label_is_named_with_its_line(rows, data, bad, suffix):
    """With one review per line, the line of the bad label is the header's plus its row number."""
    index = data.draw(st.integers(0, len(rows) - 1), label="bad row")
    cells = [[str(i), text, bad if i == index else label] for i, (text, label) in enumerate(rows)]
    with tempfile.TemporaryDirectory() as folder, pytest.raises(DataError) as error:
        path = write_table(folder, cells, suffix)
        read_reviews(path, "review", "sentiment")
    assert str(error.value) == (f"{path.name}, line {index + 2}: the label {bad!r} is not one of 0/1, pos/neg, "
                                "positive/negative or true/false.")
