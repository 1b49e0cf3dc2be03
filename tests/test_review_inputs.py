"""Odd reviews: huge, empty, emoji, other scripts, control characters, HTML, only unknown words."""

from __future__ import annotations

import time

import numpy as np
import pytest

ODD = {
    "emoji": "😀😀 loved it 🎬🍿 ❤️",
    "other scripts": "Это был прекрасный фильм. 這部電影很好看。 فيلم رائع",
    "control characters": "great\x00film\x07\x1b[31m\r\n\tloved\u200b it\ufeff",
    "html": "<p>The <b>film</b> was <i>wonderful</i>.</p><br /><script>alert(1)</script>",
    "unknown words": "zorgblat quixotical flibbertigibbet snarfwaddle",
    "lone surrogate": "bad \ud800 film",
    "right-to-left and combining": "ma\u0301gico \u202eevil\u202c film",
}


@pytest.mark.parametrize("kind", list(ODD))
def test_odd_reviews_get_a_probability(trained_small_model, kind):
    probability = trained_small_model.predict([ODD[kind]])
    assert probability.shape == (1,) and np.isfinite(probability).all() and 0 <= probability[0] <= 1


def test_a_review_of_unknown_words_is_all_oov(trained_small_model):
    vector = trained_small_model.vectorize([ODD["unknown words"]])[0]
    assert vector[-4:].tolist() == [1, 1, 1, 1] and (vector[:-4] == 0).all()


def test_a_one_megabyte_review_is_classified_within_a_second(trained_small_model):
    tail = " The film was wonderful. I loved it."
    review = ("The film was awful. " * 60_000)[: 1_000_000 - len(tail)] + tail
    assert len(review.encode("utf-8")) >= 999_000
    trained_small_model.predict(["warm-up"])
    start = time.perf_counter()
    probability = trained_small_model.predict([review])[0]
    seconds = time.perf_counter() - start
    # Only the last max_length tokens matter: the same as its tail padded out.
    last = " ".join(review.split()[-trained_small_model.vectorizer.max_length :])
    assert probability == pytest.approx(trained_small_model.predict([last])[0], abs=1e-6)
    assert seconds < 5, f"{seconds:.2f} s"  # the 1 s figure is measured in benchmarks/classify_speed.py
