"""The one-pass corpus encoder gives exactly what the plain vocabulary-then-vectorise path gives."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.data.loading import load_corpus
from core.text.corpus_encoding import encode_corpus
from core.text.vectorizer import TextToSequence, build_vocabulary, vectorize


def plain(train, test, vocab_size, max_length, exclude=()):
    vocabulary = build_vocabulary(train, vocab_size, exclude=exclude)
    layer = TextToSequence(vocabulary, max_length)
    return vocabulary, vectorize(layer, train), vectorize(layer, test)


def assert_same(train, test, vocab_size, max_length, exclude=(), chunk_size=4096):
    fast = encode_corpus(train, test, vocab_size, max_length, exclude=exclude, chunk_size=chunk_size)
    reference = plain(train, test, vocab_size, max_length, exclude)
    assert fast[0] == reference[0]
    assert np.array_equal(fast[1], reference[1]) and fast[1].dtype == reference[1].dtype
    assert np.array_equal(fast[2], reference[2])


def test_the_small_corpus_encodes_as_the_plain_path_does(small_corpus_dir):
    corpus = load_corpus(small_corpus_dir)
    for vocab_size, max_length in [(10_000, 250), (40, 12), (3, 5)]:
        assert_same(corpus.train_texts, corpus.test_texts, vocab_size, max_length)


def test_ties_are_broken_by_spelling_and_excluded_words_never_enter():
    train = ["b a", "a b", "c d", "d c", "zz zz zz oovmark oovmark oovmark oovmark"]
    assert_same(train, ["a b c d zz oovmark q"], 2 + 3, 4, exclude=["oovmark"])
    vocabulary, _, _ = encode_corpus(train, [], 2 + 3, 4, exclude=["oovmark"])
    assert vocabulary == ["zz", "a", "b"]


def test_many_chunks_on_both_cores_keep_the_review_order(small_corpus_dir):
    corpus = load_corpus(small_corpus_dir)
    assert_same(corpus.train_texts, corpus.test_texts, 60, 20, chunk_size=5)


def test_empty_inputs():
    vocabulary, x_train, x_test = encode_corpus(["", "   "], [], 100, 7)
    assert vocabulary == [] and x_train.shape == (2, 7) and not x_train.any() and x_test.shape == (0, 7)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ab cdé’'<br />,.😀字\n")), max_size=40), min_size=1, max_size=12),
    st.lists(st.text(max_size=30), max_size=4),
    st.integers(2, 12),
    st.integers(1, 9),
)
def test_any_texts_encode_as_the_plain_path_does(train, test, vocab_size, max_length):
    assert_same(train, test, vocab_size, max_length)


@pytest.mark.slow
def test_the_full_training_set_encodes_as_the_plain_path_does(imdb_data):
    corpus = load_corpus(imdb_data)
    assert_same(corpus.train_texts[:6000], corpus.test_texts[:3000], 10_000, 250)


def test_a_progress_callback_that_gives_up_stops_the_encoding(small_corpus_dir):
    corpus = load_corpus(small_corpus_dir)
    calls = []

    class GiveUp(Exception):
        pass

    def progress(done, total):
        calls.append(done)
        raise GiveUp()

    with pytest.raises(GiveUp):
        encode_corpus(corpus.train_texts, corpus.test_texts, 50, 10, progress=progress, chunk_size=4)
    assert calls == [4]  # one chunk, then nothing more was reported
