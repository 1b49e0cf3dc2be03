"""The held-out short reviews (tests/data/short_reviews.tsv) read as the app reads a TSV: 200 reviews, balanced."""

from __future__ import annotations

from pathlib import Path

from core.data.tables import read_reviews

SHORT = Path(__file__).parent / "data" / "short_reviews.tsv"


def test_the_short_reviews_are_200_balanced_one_or_two_sentence_reviews():
    table = read_reviews(SHORT, text_column="review", label_column="label")
    assert len(table.texts) == 200 and int(table.labels.sum()) == 100
    assert all(3 <= len(text.split()) <= 40 for text in table.texts)
    assert len(set(table.texts)) == 200
