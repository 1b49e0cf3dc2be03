"""The recurrent family padded at the end with a mask: the vectorizer, the encoder, the network, cuDNN, explanations, the file."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plain_keras import plain_keras_probabilities

from core.errors import ConfigError
from core.models.builder import build_model, network_report
from core.models.config import TrainingConfig, preset
from core.models.families.recurrent import RecurrentConfig
from core.models.sentiment_model import SentimentModel
from core.text.corpus_encoding import encode_corpus
from core.text.tokens import OOV_INDEX, PAD_INDEX
from core.text.vectorizer import TextToSequence, build_vocabulary, pad_ids, tokenize, vectorize

VOCAB = ["the", "movie", "was", "good", "bad"]
REVIEWS = ["A wonderful film, superb cast.", "Dull and awful. I hated it.", "", "ok", " ".join(["fine"] * 60)]
MASKED = RecurrentConfig(padding="post")


def ids(*words):
    return [VOCAB.index(w) + 2 for w in words]


# --- the text pipeline ----------------------------------------------------------------


def test_the_vectorizer_pads_at_the_end_keeps_the_last_words_and_gives_an_empty_review_one_unknown_word():
    layer = TextToSequence(VOCAB, max_length=6, padding="post")
    out = vectorize(layer, ["The movie was GOOD!", "bad bad bad the movie was good was good", "", "zebra"])
    assert out.tolist() == [
        ids("the", "movie", "was", "good") + [PAD_INDEX] * 2,
        ids("the", "movie", "was", "good", "was", "good"),
        [OOV_INDEX] + [PAD_INDEX] * 5,  # cuDNN refuses a row that is all mask
        [OOV_INDEX] + [PAD_INDEX] * 5,
    ]
    assert vectorize(TextToSequence(VOCAB, max_length=6), ["The movie"]).tolist() == [[PAD_INDEX] * 4 + ids("the", "movie")]


def test_the_padding_travels_in_the_layer_config_and_a_config_without_it_is_front_padding():
    layer = TextToSequence(VOCAB, max_length=6, padding="post")
    assert TextToSequence.from_config(layer.get_config()).padding == "post"
    old = {key: value for key, value in TextToSequence(VOCAB, 6).get_config().items() if key != "padding"}
    assert TextToSequence.from_config(old).padding == "pre"
    with pytest.raises(ValueError, match="padding"):
        TextToSequence(VOCAB, 6, padding="middle")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab cd é,")), max_size=30), min_size=1, max_size=8), st.integers(2, 8), st.integers(1, 9))
def test_the_corpus_encoder_pads_at_the_end_as_the_layer_does(texts, vocab_size, max_length):
    vocabulary, x_train, x_test = encode_corpus(texts, texts[:2], vocab_size, max_length, padding="post")
    layer = TextToSequence(build_vocabulary(texts, vocab_size), max_length, padding="post")
    assert vocabulary == layer.vocabulary
    assert np.array_equal(x_train, vectorize(layer, texts)) and np.array_equal(x_test, vectorize(layer, texts[:2]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 9), max_size=12), st.integers(1, 8), st.sampled_from(["pre", "post"]))
def test_padding_one_list_in_python_matches_the_layer(row, max_length, padding):
    """The explanation pads its rows in Python: exactly as the layer pads."""
    words = " ".join(f"w{i}" for i in row)
    layer = TextToSequence([f"w{i}" for i in range(2, 10)], max_length, padding=padding)
    assert pad_ids([i if i >= 2 else OOV_INDEX for i in row], max_length, padding) == vectorize(layer, [words])[0].tolist()


# --- the network and cuDNN -----------------------------------------------------------------


def test_the_embedding_masks_only_when_padded_at_the_end():
    assert build_model(TrainingConfig(model=MASKED)).get_layer("embedding").mask_zero
    assert not build_model(TrainingConfig()).get_layer("embedding").mask_zero


def test_trailing_padding_changes_nothing_the_last_state_is_the_last_words():
    model = build_model(TrainingConfig(model=MASKED, max_length=12, bucket_by_length=True), vocab_size=30)
    row = np.array([[5, 9, 3, 17, 2]], dtype="int32")
    padded = np.concatenate([row, np.zeros((1, 7), "int32")], axis=1)
    np.testing.assert_allclose(model.predict_on_batch(padded), model.predict_on_batch(row), atol=1e-6)
    unmasked = build_model(TrainingConfig(max_length=12, bucket_by_length=True), vocab_size=30)
    assert abs(float(unmasked.predict_on_batch(padded)[0, 0]) - float(unmasked.predict_on_batch(row)[0, 0])) > 1e-7


def test_cudnn_accepts_the_end_padded_mask_and_would_refuse_a_front_padded_one():
    from core.models.families.recurrent_network import cudnn_blockers

    config = TrainingConfig(model=RecurrentConfig(padding="post", bidirectional=True, cell="gru"))
    model = build_model(config)
    rnn = model.get_layer("bidirectional_gru").forward_layer
    assert cudnn_blockers(rnn, "post") == [] and cudnn_blockers(rnn) == []
    assert cudnn_blockers(rnn, "pre") == ["a mask over sequences padded in front (cuDNN takes only right-padded masks)"]
    report = network_report(config, model)
    assert report.startswith("cuDNN: all recurrent layers are cuDNN-eligible (masked, padded at the end")
    front = network_report(TrainingConfig(), build_model(TrainingConfig()))
    assert front.startswith("cuDNN: all recurrent layers are cuDNN-eligible;")
    from core.models.families.recurrent_network import cudnn_report

    assert "not eligible" in cudnn_report(model, padding="pre") and "padded in front" in cudnn_report(model, padding="pre")


def test_the_config_names_what_end_padding_needs_and_the_description_says_masked():
    with pytest.raises(ConfigError, match="Padding at the end .masked. reads the last state: set pooling to 'last'"):
        TrainingConfig().replace(padding="post", pooling="max")
    with pytest.raises(ConfigError, match="padding must be one of pre, post"):
        TrainingConfig().replace(padding="end")
    assert TrainingConfig(model=MASKED).describe() == "LSTM, 32 units, masked"
    masked = preset("Masked LSTM")
    assert masked.model.padding == "post" and masked.model.replace(padding="pre") == RecurrentConfig()
    assert TrainingConfig.from_json(masked.to_json()) == masked


# --- trained, explained, saved ----------------------------------------------------------------


@pytest.fixture(scope="module")
def trained():
    from conftest import SMALL_CORPUS

    from core.data.loading import load_corpus
    from core.training.trainer import train

    # Length buckets on: the batches drop their trailing padding columns.
    config = TrainingConfig(model=RecurrentConfig(embedding_dim=8, units=8, padding="post"), vocab_size=200, max_length=40, epochs=2,
                            batch_size=8, learning_rate=0.01, bucket_by_length=True)
    return train(load_corpus(SMALL_CORPUS), config)


def test_the_trained_model_pads_at_the_end_and_masks(trained):
    assert trained.vectorizer.padding == "post" and trained.classifier.get_layer("embedding").mask_zero
    rows = trained.vectorize(["The film was wonderful."])
    assert (rows[0, :4] != PAD_INDEX).all() and (rows[0, 4:] == PAD_INDEX).all()
    assert len(trained.history["val_accuracy"]) == 2


def test_the_explanation_deletes_each_word_from_the_end_padded_row(trained):
    from core.insight.explain import explain

    text = "The film was wonderful, the cast superb."
    explanation = explain(trained, text)
    tokens = tokenize(text)
    assert explanation.probability == pytest.approx(float(trained.predict([text])[0]), abs=1e-6)
    without = [" ".join(tokens[:i] + tokens[i + 1 :]) for i in range(len(tokens))]
    expected = explanation.probability - trained.predict(without)
    np.testing.assert_allclose([w.contribution for w in explanation.words], expected, atol=1e-6)
    one_word = explain(trained, "wonderful")
    assert one_word.words[0].contribution == pytest.approx(one_word.probability - float(trained.predict([""])[0]), abs=1e-6)


def test_saved_it_reopens_and_plain_keras_reads_raw_strings_the_same(trained, tmp_path):
    expected = trained.predict(REVIEWS)
    path = trained.save(tmp_path / "masked.keras")
    with zipfile.ZipFile(path) as archive:
        metadata = json.loads(archive.read("studio.json"))
    assert metadata["preprocessing"]["padding"] == "post" and metadata["config"]["model"]["padding"] == "post"
    loaded = SentimentModel.load(path)
    assert loaded.vectorizer.padding == "post" and loaded.classifier.get_layer("embedding").mask_zero
    assert loaded.config == trained.config
    np.testing.assert_allclose(loaded.predict(REVIEWS), expected, atol=1e-6)
    np.testing.assert_allclose(plain_keras_probabilities(path, REVIEWS), expected, atol=1e-6)
