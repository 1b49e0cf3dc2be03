"""Text to integer sequences, as the tutorial's pad_sequences(padding='pre') does it."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.text.vectorizer import OOV_INDEX, PAD_INDEX, TextToSequence, build_vocabulary, tokenize, vectorize

VOCAB = ["the", "movie", "was", "good", "bad", "dont"]


@pytest.fixture(scope="module")
def layer():
    return TextToSequence(VOCAB, max_length=6)


def ids(*words):
    return [VOCAB.index(w) + 2 for w in words]


def test_short_reviews_are_padded_at_the_front(layer):
    out = vectorize(layer, ["The movie was GOOD!"])
    assert out.tolist() == [[PAD_INDEX, PAD_INDEX] + ids("the", "movie", "was", "good")]


def test_long_reviews_keep_their_last_tokens(layer):
    out = vectorize(layer, ["bad bad bad the movie was good was good"])
    assert out.tolist() == [ids("the", "movie", "was", "good", "was", "good")]


def test_line_breaks_punctuation_case_and_apostrophes(layer):
    assert tokenize("Good<br /><br />BAD...the-movie; don't") == ["good", "bad", "the", "movie", "dont"]
    out = vectorize(layer, ["Good<br />bad,the"])
    assert out[0, -3:].tolist() == ids("good", "bad", "the")


def test_unknown_words_map_to_the_oov_index_and_empty_text_is_all_padding(layer):
    out = vectorize(layer, ["zebra movie", "", "   ", "😀😀"])
    assert out[0, -2:].tolist() == [OOV_INDEX] + ids("movie")
    assert out[1:].tolist() == [[PAD_INDEX] * 6] * 3


def test_vocabulary_is_the_most_frequent_words_ties_by_spelling():
    texts = ["b a c", "a b", "a", "d d d d"]
    assert build_vocabulary(texts, vocab_size=2 + 3) == ["d", "a", "b"]
    assert build_vocabulary(["y x", "x y"], vocab_size=3) == ["x"]
    assert len(build_vocabulary(texts, vocab_size=100)) == 4
    # Ties ordered as Python orders the UTF-8 bytes: a prefix first, accents after ASCII.
    assert build_vocabulary(["é ab a", "a ab é"], vocab_size=2 + 3) == ["a", "ab", "é"]
    assert build_vocabulary(["", "  "], vocab_size=10) == []


def test_vocab_size_counts_padding_and_oov(layer):
    assert layer.vocab_size == len(VOCAB) + 2


def test_other_scripts_are_words(layer):
    assert tokenize("Très BIEN, 電影 хорошо") == ["très", "bien", "電影", "хорошо"]


def test_config_round_trip(layer):
    clone = TextToSequence.from_config(layer.get_config())
    text = ["the movie was bad, dont"]
    assert np.array_equal(vectorize(clone, text), vectorize(layer, text))


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_unicode_string_gives_max_length_indices_in_range(layer_text):
    layer = _property_layer()
    out = vectorize(layer, [layer_text])
    assert out.shape == (1, layer.max_length)
    assert out.dtype == np.int32
    assert ((out >= 0) & (out < layer.vocab_size)).all()


_LAYER = []


def _property_layer():
    if not _LAYER:
        _LAYER.append(TextToSequence(VOCAB + ["très", "電影"], max_length=12))
    return _LAYER[0]
