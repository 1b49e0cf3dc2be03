"""Per-word explanations: one batched call, the right signs, OOV and truncation marked."""

from __future__ import annotations

import numpy as np
import pytest
from counting_calls import CountingCalls

from core.insight.explain import explain
from core.text.vectorizer import tokenize

POSITIVE = "Saw it with friends. The film was wonderful. The cast was superb too. I loved it."
NEGATIVE = "Saw it with friends. The film was awful. The cast was dull too. I hated it."


def test_one_batched_forward_pass_for_n_words(trained_small_model):
    with CountingCalls(trained_small_model) as counter:
        explanation = explain(trained_small_model, POSITIVE)
    n = len(explanation.words)
    assert n == 16
    assert counter.calls == 1 and counter.batch_sizes == [n + 1]


def test_probability_matches_predict(trained_small_model):
    explanation = explain(trained_small_model, POSITIVE)
    assert explanation.probability == pytest.approx(float(trained_small_model.predict([POSITIVE])[0]), abs=1e-6)


def test_sentiment_words_push_the_right_way(trained_small_model):
    positive = {w.token: w.contribution for w in explain(trained_small_model, POSITIVE).words}
    negative = {w.token: w.contribution for w in explain(trained_small_model, NEGATIVE).words}
    # Deleting "wonderful" lowers the positive probability; deleting "awful" raises it.
    assert positive["wonderful"] > 0
    assert negative["awful"] < 0
    assert max(positive, key=positive.get) in {"wonderful", "superb", "loved"}


def test_out_of_vocabulary_and_truncated_words_are_marked(trained_small_model):
    max_length = trained_small_model.vectorizer.max_length  # 40
    text = " ".join(["The film was wonderful."] * 11) + " Zorgblat"  # 45 words
    explanation = explain(trained_small_model, text)
    words = explanation.words
    # Only the last max_length + 1 words are listed: the first of them is cut off, the 4 before it are counted.
    assert len(words) == max_length + 1 and explanation.skipped_words == 4 and explanation.unseen_count == 45 - max_length
    assert not words[0].seen and words[0].contribution is None and text[explanation.start :].startswith(words[0].text)
    assert all(w.seen and w.contribution is not None for w in words[1:])
    assert not words[-1].in_vocabulary and words[-1].token == "zorgblat"


def test_the_last_words_of_a_text_are_found_without_reading_its_beginning():
    """A cut just after white space never splits a word, an apostrophe or a <br />."""
    from core.insight.explain import last_words

    pieces = ["Don't", "MISS", "it!<br />", "<br\n/>", "rock 'n' roll", "naïve café", "ÉTÉ", "x,y", "l'été", "\u2003", "<br", "/>", "end."]
    text = " ".join(pieces[i % len(pieces)] for i in range(40_000))
    everything = tokenize(text)
    for count in (1, 2, 41, 251, 2001):
        cut, tokens = last_words(text, count)
        assert cut > 0 and text[cut - 1].isspace() and len(tokens) >= count
        assert tokens == everything[-len(tokens) :]
    assert last_words("short review", 41) == (0, ["short", "review"])


def test_a_long_review_is_explained_from_its_end_as_deleting_each_word_would(trained_small_model):
    max_length = trained_small_model.vectorizer.max_length
    sentences = [POSITIVE, NEGATIVE, "It was fine, I suppose.<br /><br />Would not watch again?"]
    text = " ".join(sentences[i % 3] for i in range(400))  # about 6,000 words, far more than the tokenised end
    explanation = explain(trained_small_model, text)
    words = explanation.words
    assert len(words) == max_length + 1 and explanation.skipped_words is None and explanation.unseen_count is None
    assert explanation.start == words[0].start and explanation.start > 0
    # The reference: the real end-to-end model on the whole text, and on the whole text less one word.
    whole = float(trained_small_model.predict([text])[0])
    assert explanation.probability == pytest.approx(whole, abs=1e-5)
    without = [text[: w.start] + text[w.end :] for w in words[1:]]
    expected = whole - np.asarray(trained_small_model.predict(without)).reshape(-1)
    assert [w.contribution for w in words[1:]] == pytest.approx(list(expected), abs=1e-5)


def test_a_10_mb_review_lists_the_last_words_only(trained_small_model):
    max_length = trained_small_model.vectorizer.max_length
    text = (NEGATIVE + " ") * (10_000_000 // (len(NEGATIVE) + 1)) + POSITIVE
    with CountingCalls(trained_small_model) as counter:
        explanation = explain(trained_small_model, text)
    assert len(text) >= 9_900_000 and len(explanation.words) == max_length + 1
    assert counter.batch_sizes == [max_length + 1]  # the review and one deletion per seen word
    assert explanation.start > len(text) - 1000 and text[explanation.start :].startswith(explanation.words[0].text)
    assert [w.token for w in explanation.words[-16:]] == tokenize(POSITIVE)
    assert explanation.probability == pytest.approx(float(trained_small_model.predict([text])[0]), abs=1e-5)


def test_words_keep_their_spans_in_the_original_text(trained_small_model):
    text = "Don't   MISS it!<br />Wonderful."
    explanation = explain(trained_small_model, text)
    assert [w.token for w in explanation.words] == ["dont", "miss", "it", "wonderful"]
    assert [text[w.start : w.end] for w in explanation.words] == ["Don't", "MISS", "it", "Wonderful"]


def test_empty_text_has_no_words(trained_small_model):
    explanation = explain(trained_small_model, "   ")
    assert explanation.words == [] and 0 <= explanation.probability <= 1
