"""Predictions on one thread while Train clears the Keras session on another: they take turns."""

from __future__ import annotations

import threading

import keras
import numpy as np
from conftest import SMALL_CORPUS

from core.data.loading import load_corpus
from core.insight.batch_classify import classify_many
from core.training.trainer import train


def test_a_batch_classification_running_while_train_starts_completes_and_so_does_the_training(tiny_config, monkeypatch):
    corpus = load_corpus(SMALL_CORPUS)
    model = train(corpus, tiny_config)
    texts = corpus.test_texts * 4
    expected = model.predict(texts)

    # A chunk of the batch that is still predicting when Train starts, and a
    # record of whether Keras's session is ever cleared under it.
    in_flight, cleared, cleared_under_a_prediction = threading.Event(), threading.Event(), []
    predict_on_batch = model.end_to_end.predict_on_batch

    def a_slow_chunk(x):
        in_flight.set()
        cleared.wait(timeout=5)  # without the lock, Train clears the session right now
        try:
            return predict_on_batch(x)
        finally:
            in_flight.clear()

    model.end_to_end.predict_on_batch = a_slow_chunk
    keras_clear_session = keras.backend.clear_session

    def clear_session(*args, **kwargs):
        cleared_under_a_prediction.append(in_flight.is_set())
        cleared.set()
        return keras_clear_session(*args, **kwargs)

    monkeypatch.setattr(keras.backend, "clear_session", clear_session)

    batch: dict = {}
    classifying = threading.Thread(target=lambda: batch.update(result=classify_many(model, texts, chunk_size=16)))
    classifying.start()
    assert in_flight.wait(timeout=30)
    trained = train(corpus, tiny_config)  # Train starts while the batch predicts
    classifying.join(timeout=60)

    assert cleared_under_a_prediction == [False], "Train cleared the Keras session while the batch was predicting"
    assert np.allclose(batch["result"], expected, atol=1e-6)
    assert len(trained.history["loss"]) == tiny_config.epochs and trained.test_metrics is not None
