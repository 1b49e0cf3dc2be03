"""Real trainings on the small corpus: progress, Stop, early stopping, divergence."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from core.data.loading import load_corpus
from core.errors import TrainingError
from core.models.builder import build_model
from core.models.config import TrainingConfig
from core.models.families.recurrent import RecurrentConfig
from core.progress import ProgressHooks
from core.training.trainer import fit, train


@pytest.fixture(scope="module")
def corpus():
    from conftest import SMALL_CORPUS

    return load_corpus(SMALL_CORPUS)


def test_default_model_is_the_tutorials():
    model = build_model(TrainingConfig())
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["Embedding", "LSTM", "Dense"]
    embedding, lstm, dense = model.layers
    assert (embedding.input_dim, embedding.output_dim) == (10_000, 32)
    assert lstm.units == 32 and not lstm.return_sequences
    assert dense.units == 1 and dense.activation.__name__ == "sigmoid"
    assert type(model.optimizer).__name__ == "Adam"
    assert model.loss == "binary_crossentropy"


@pytest.mark.parametrize(
    "changes, kinds",
    [
        ({"cell": "gru"}, ["Embedding", "GRU", "Dense"]),
        ({"bidirectional": True}, ["Embedding", "Bidirectional", "Dense"]),
        ({"recurrent_layers": 2, "dropout": 0.2}, ["Embedding", "LSTM", "Dropout", "LSTM", "Dropout", "Dense"]),
        ({"pooling": "max"}, ["Embedding", "LSTM", "GlobalMaxPooling1D", "Dense"]),
    ],
)
def test_options_build_the_named_layers(changes, kinds):
    model = build_model(TrainingConfig().replace(**changes))
    assert [type(layer).__name__ for layer in model.layers] == kinds


def test_the_summary_names_the_batch_and_a_varying_length():
    from core.models.summary import summary_rows

    fixed = {name: shape for name, _, shape, _ in summary_rows(build_model(TrainingConfig()))}
    assert fixed == {"embedding": "(batch, 250, 32)", "lstm": "(batch, 32)", "sentiment": "(batch, 1)"}
    bucketed = {name: shape for name, _, shape, _ in summary_rows(build_model(TrainingConfig(bucket_by_length=True)))}
    assert bucketed["embedding"] == "(batch, length, 32)"


def test_recurrent_layers_stay_cudnn_eligible():
    model = build_model(TrainingConfig(model=RecurrentConfig(cell="gru", bidirectional=True, recurrent_layers=2, dropout=0.3)))
    for layer in model.layers:
        rnn = getattr(layer, "forward_layer", layer)
        if type(rnn).__name__ in ("LSTM", "GRU"):
            assert rnn.recurrent_dropout == 0 and not rnn.unroll and rnn.use_bias
            assert rnn.activation.__name__ == "tanh" and rnn.recurrent_activation.__name__ == "sigmoid"
    assert not model.layers[0].mask_zero


def test_train_reports_every_phase_epoch_and_batch(corpus, tiny_config):
    events = []
    hooks = ProgressHooks(
        phase=lambda name: events.append(("phase", name)),
        train_begin=lambda epochs, steps: events.append(("begin", epochs, steps)),
        batch_end=lambda epoch, step, steps, logs: events.append(("batch", epoch, step)),
        epoch_end=lambda epoch, logs: events.append(("epoch", epoch, sorted(logs))),
        train_end=lambda history: events.append(("end",)),
    )
    model = train(corpus, tiny_config, hooks)
    phases = [e[1] for e in events if e[0] == "phase"]
    assert phases == ["building vocabulary", "vectorising", "training", "evaluating", "done"]
    # 48 reviews, 20% held out -> 39 for training -> 5 batches of 8.
    assert ("begin", 2, 5) in events
    assert [e for e in events if e[0] == "batch"][:5] == [("batch", 1, s) for s in range(1, 6)]
    epochs = [e for e in events if e[0] == "epoch"]
    assert [e[1] for e in epochs] == [1, 2]
    assert epochs[0][2] == ["accuracy", "loss", "seconds", "val_accuracy", "val_loss"]
    assert len(model.history["loss"]) == len(model.history["val_accuracy"]) == 2
    assert set(model.test_metrics) >= {"loss", "accuracy", "precision", "recall", "f1", "confusion_matrix", "roc_auc"}
    assert model.test_metrics["count"] == 16
    # The traced training step is let go once training ends (garbage collections would scan it for the model's life).
    assert model.classifier.train_function is None


def test_stop_ends_within_two_batches_and_keeps_weights_and_history(corpus, tiny_config):
    stop = threading.Event()
    seen = []

    def batch_end(epoch, step, steps, logs):
        seen.append((epoch, step))
        if (epoch, step) == (2, 2):
            stop.set()

    config = tiny_config.replace(epochs=5)
    model = train(corpus, config, ProgressHooks(batch_end=batch_end), stop)
    assert seen[-1] == (2, 2), f"ran on after Stop: {seen[-3:]}"
    assert model.training["stopped"] and model.training["epochs_done"] == 1
    assert len(model.history["loss"]) == 1  # the cut-short epoch is not a point
    assert model.test_metrics is None  # the user stopped; evaluation is theirs to ask for
    probabilities = model.predict(["The film was wonderful.", "The film was awful."])
    assert probabilities.shape == (2,) and np.all((probabilities >= 0) & (probabilities <= 1))


def test_a_stop_requested_before_fit_trains_nothing(corpus, tiny_config):
    stop = threading.Event()
    stop.set()
    model = train(corpus, tiny_config, stop_event=stop)
    assert model.training["epochs_done"] == 0 and model.history["loss"] == []


def test_early_stopping_restores_the_best_epoch(corpus, tiny_config):
    config = tiny_config.replace(epochs=12, early_stopping=True, patience=1, learning_rate=0.05)
    model = train(corpus, config)
    assert model.training["restored_best"]
    best = model.training["best_epoch"]
    assert model.history["val_loss"][best - 1] == min(model.history["val_loss"])


def test_a_stop_mid_epoch_never_makes_the_cut_short_epoch_the_best(corpus, tiny_config):
    """Keras still validates the stopped epoch on one batch; early stopping must not keep those weights."""
    stop = threading.Event()

    def batch_end(epoch, step, steps, logs):
        if (epoch, step) == (3, 2):
            stop.set()

    config = tiny_config.replace(epochs=10, early_stopping=True, patience=5, learning_rate=0.01)
    model = train(corpus, config, ProgressHooks(batch_end=batch_end), stop)
    assert model.training["stopped"] and model.training["epochs_done"] == 2
    assert model.training["best_epoch"] in (1, 2)
    assert model.history["val_loss"][model.training["best_epoch"] - 1] == min(model.history["val_loss"])


def test_a_stop_mid_epoch_skips_that_epochs_validation(corpus, tiny_config, recwarn):
    """No test step is traced for a figure nobody will see, and early stopping is not warned of a missing val_loss."""
    stop = threading.Event()

    def batch_end(epoch, step, steps, logs):
        if (epoch, step) == (1, 2):
            stop.set()

    model = train(corpus, tiny_config.replace(early_stopping=True), ProgressHooks(batch_end=batch_end), stop)
    assert model.training["stopped"] and model.training["epochs_done"] == 0
    assert model.classifier.test_function is None  # never validated, never traced
    assert "_should_eval" not in vars(model.classifier)
    assert not [w for w in recwarn if "val_loss" in str(w.message)]


def test_min_delta_counts_only_falls_of_at_least_that_much(corpus, tiny_config):
    # No validation loss can fall by 1.0 from about 0.69: epoch 1 stays the best.
    config = tiny_config.replace(epochs=12, early_stopping=True, patience=1, learning_rate=0.05, min_delta=1.0)
    model = train(corpus, config)
    assert len(model.history["loss"]) == 2
    assert model.training["restored_best"] and model.training["best_epoch"] == 1


def test_weight_averaging_validates_with_the_averaged_weights_and_keeps_them():
    rng = np.random.RandomState(0)
    x = rng.randint(2, 100, size=(240, 20)).astype("int32")
    y = ((x[:, -6:] < 40).sum(axis=1) >= 3).astype("int32")
    config = TrainingConfig(vocab_size=100, max_length=20, model=RecurrentConfig(embedding_dim=8, units=8), epochs=3, batch_size=16, ema_momentum=0.9)
    model = build_model(config, vocab_size=100)
    assert model.optimizer.use_ema and model.optimizer.ema_momentum == 0.9
    result = fit(model, x, y, config)
    held_out = len(x) - int(len(x) * config.validation_split)
    # The last validation ran on the averaged weights, and the model ends with them.
    loss, _ = model.evaluate(x[held_out:], y[held_out:], batch_size=16, verbose=0)
    assert loss == pytest.approx(result.history["val_loss"][-1], rel=1e-5)
    plain = build_model(config.replace(ema_momentum=0.0), vocab_size=100)
    assert not plain.optimizer.use_ema  # the tutorial's optimizer, unchanged


def test_a_diverging_loss_stops_with_a_clear_message():
    x = np.random.RandomState(0).randint(0, 50, size=(64, 10)).astype("int32")
    y = np.random.RandomState(1).randint(0, 2, size=64)
    config = TrainingConfig(vocab_size=100, max_length=10, model=RecurrentConfig(embedding_dim=4, units=4), epochs=3, batch_size=8, optimizer="sgd",
                            learning_rate=1.0)
    model = build_model(config, vocab_size=100)
    model.layers[-1].kernel.assign(np.full((4, 1), np.nan, dtype="float32"))
    with pytest.raises(TrainingError, match=r"diverged at epoch 1, batch 1.*Lower the learning rate"):
        fit(model, x, y, config)


def test_training_learns_the_small_corpus(trained_small_model):
    probabilities = trained_small_model.predict(
        [
            "Saw it with friends. The film was wonderful. The cast was superb too. I loved it.",
            "Saw it with friends. The film was awful. The cast was dull too. I hated it.",
        ]
    )
    assert probabilities[0] > 0.5 > probabilities[1]
    assert trained_small_model.test_metrics["accuracy"] >= 0.75


@pytest.mark.slow
def test_a_slice_of_the_real_data_learns_in_one_epoch(imdb_data):
    from core.data.loading import Corpus

    full = load_corpus(imdb_data)
    corpus = Corpus(full.train_texts[:4000], full.train_labels[:4000], full.test_texts[:2000], full.test_labels[:2000])
    model = train(corpus, TrainingConfig(epochs=2, max_length=120, batch_size=64))
    assert model.test_metrics["accuracy"] > 0.6


def test_fast_options_train_with_buckets_and_xla(corpus, tiny_config):
    config = tiny_config.replace(bucket_by_length=True, jit_compile=True, batch_size=16)
    events = []
    model = train(corpus, config, ProgressHooks(batch_end=lambda e, s, n, logs: events.append((e, s, n))))
    assert len(model.history["val_loss"]) == 2 and model.test_metrics["count"] == 16
    assert events[-1] == (2, 3, 3)  # 39 training reviews in batches of 16
    assert model.classifier.input_shape == (None, None)  # batches come in several widths
