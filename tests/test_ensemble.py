"""Ensembles: trained models combined into one file, an ensemble run that trains its members, and the weights it chooses."""

from __future__ import annotations

import io
import json
import threading
import zipfile

import numpy as np
import pytest
from conftest import SMALL_CORPUS
from plain_keras import plain_keras_probabilities

from core.errors import ConfigError, ModelFileError
from core.models.config import TrainingConfig, preset
from core.models.ensemble import choose_weights, combine, weighted_mean
from core.models.families.ngram import NGramConfig
from core.models.families.recurrent import RecurrentConfig
from core.models.sentiment_model import EnsembleModel, SentimentModel

REVIEWS = ["A wonderful film, superb cast. I loved it.", "Dull and awful. I hated it.", "", "ok"]


@pytest.fixture(scope="module")
def corpus():
    from core.data.loading import load_corpus

    return load_corpus(SMALL_CORPUS)


@pytest.fixture(scope="module")
def two_models(corpus):
    """A recurrent model and a bag of n-grams, trained for real on the small corpus."""
    from core.training.trainer import train

    recurrent = train(corpus, TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=8, units=8),
                                             epochs=2, batch_size=8, learning_rate=0.01))
    ngram = train(corpus, TrainingConfig(family="ngram", model=NGramConfig(hash_bits=12), epochs=2, batch_size=8, learning_rate=0.05))
    return recurrent, ngram


def test_an_ensemble_averages_its_members_and_is_tested_from_their_test_results(two_models):
    ensemble = combine(two_models)
    members = [model.predict(REVIEWS) for model in two_models]
    np.testing.assert_allclose(ensemble.predict(REVIEWS), (members[0] + members[1]) / 2, atol=1e-6)
    assert ensemble.config.family == "ensemble" and ensemble.config.model.members == "combined"
    assert ensemble.weights == [0.5, 0.5] and ensemble.max_length is None  # the bag of n-grams reads every word
    expected = weighted_mean([m.test_predictions.probabilities for m in two_models], [0.5, 0.5])
    np.testing.assert_allclose(ensemble.test_predictions.probabilities, expected, atol=1e-6)
    assert ensemble.test_metrics["count"] == len(expected)
    assert ensemble.short_reviews["count"] == 200 and 0 <= ensemble.short_reviews["accuracy"] <= 1  # tests/data/short_reviews.tsv
    assert "member_1" in ensemble.summary() and "Recurrent network" in ensemble.summary()


def test_save_then_plain_keras_and_our_load_give_the_same_probabilities(two_models, tmp_path):
    ensemble = combine(two_models, weights=[3, 1])
    assert ensemble.weights == [0.75, 0.25]
    expected = ensemble.predict(REVIEWS)
    np.testing.assert_allclose(expected, 0.75 * two_models[0].predict(REVIEWS) + 0.25 * two_models[1].predict(REVIEWS), atol=1e-6)
    path = ensemble.save(tmp_path / "ensemble.keras")
    np.testing.assert_allclose(plain_keras_probabilities(path, REVIEWS), expected, atol=1e-6)
    reopened = SentimentModel.load(path)
    assert isinstance(reopened, EnsembleModel) and reopened.weights == pytest.approx([0.75, 0.25])
    np.testing.assert_allclose(reopened.predict(REVIEWS), expected, atol=1e-6)
    assert [m.config for m in reopened.members] == [m.config for m in two_models]
    assert reopened.members[0].history == two_models[0].history
    assert reopened.short_reviews == ensemble.short_reviews and reopened.members[1].short_reviews == two_models[1].short_reviews
    with zipfile.ZipFile(path) as archive:
        studio = json.loads(archive.read("studio.json"))
    assert studio["config"]["family"] == "ensemble" and studio["member_weights"] == pytest.approx([0.75, 0.25])
    assert "test_predictions" not in studio["members"][0] and studio["members"][1]["config"]["family"] == "ngram"


def test_its_explanation_is_one_batched_call_through_the_whole_ensemble(two_models):
    from counting_calls import CountingCalls

    from core.insight.explain import explain

    ensemble = combine(two_models)
    assert ensemble.classifier is ensemble.end_to_end  # strings in: the whole ensemble is the network called
    with CountingCalls(ensemble) as counter:
        explanation = explain(ensemble, REVIEWS[0])
    assert counter.batch_sizes == [len(explanation.words) + 1]
    assert explanation.probability == pytest.approx(float(ensemble.predict(REVIEWS[:1])[0]), abs=1e-6)


def test_what_cannot_be_an_ensemble_is_refused_with_a_reason(two_models):
    with pytest.raises(ConfigError, match="two or more models; 1 given"):
        combine(two_models[:1])
    with pytest.raises(ConfigError, match="cannot hold another ensemble"):
        combine([combine(two_models), two_models[0]])
    with pytest.raises(ConfigError, match="needs 2 weights, not 3"):
        combine(two_models, weights=[1, 1, 1])


def test_models_tested_on_other_reviews_give_an_untested_ensemble(two_models):
    recurrent, ngram = two_models
    other = SentimentModel(ngram.vectorizer, ngram.classifier, ngram.config, test_predictions=ngram.test_predictions,
                           test_metrics=ngram.test_metrics, source={**ngram.source, "name": "elsewhere"})
    ensemble = combine([recurrent, other])
    assert ensemble.test_metrics is None and ensemble.test_predictions is None


def test_a_damaged_member_entry_is_named(two_models, tmp_path):
    path = combine(two_models).save(tmp_path / "e.keras")
    damaged = tmp_path / "damaged.keras"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "studio.json":
                studio = json.loads(data)
                studio["members"][1]["history"] = {"loss": ["high"]}
                data = json.dumps(studio).encode()
            target.writestr(item, data)
    with pytest.raises(ModelFileError, match=r"members\[1\]\.history\.loss\[0\] must be a number"):
        SentimentModel.load(damaged)


# --- the weights ---------------------------------------------------------------


def test_choose_weights_finds_the_mix_that_beats_each_member_on_these_reviews():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 400)
    # Two members, each right with confidence on a different 70% of the reviews and unsure elsewhere.
    sure = rng.random((2, 400)) < 0.7
    members = [np.where(s, np.where(labels == 1, 0.9, 0.1), np.where(labels == 1, 0.45, 0.55)) for s in sure]
    noise = rng.random(400)
    weights, accuracy = choose_weights([*members, noise], labels)
    assert sum(weights) == pytest.approx(1) and all(round(w / 0.05) * 0.05 == pytest.approx(w) for w in weights)
    alone = [np.mean((m > 0.5) == (labels == 1)) for m in (*members, noise)]
    assert accuracy >= max(alone) + 0.1
    assert weights[2] < min(weights[:2])  # the noise counts least
    assert accuracy == pytest.approx(np.mean((weighted_mean([*members, noise], weights) > 0.5) == (labels == 1)))


# --- an ensemble run -----------------------------------------------------------------


@pytest.mark.heavy  # three whole presets
def test_best_accuracy_trains_its_members_in_turn_on_one_split_and_weighs_them(corpus, tmp_path):
    from core.progress import ProgressHooks
    from core.training.trainer import train

    config = preset("Best accuracy")
    assert config.family == "ensemble" and config.model_family.members(config.model) == ("Bag of n-grams", "Convolutional", "Masked LSTM")
    events = []
    hooks = ProgressHooks(member=lambda *args: events.append(("member", *args)), train_begin=lambda epochs, steps: events.append(("begin", epochs)))
    model = train(corpus, config, hooks)
    assert [e for e in events if e[0] == "member"] == [("member", 1, 3, "Bag of n-grams"), ("member", 2, 3, "Convolutional"),
                                                      ("member", 3, 3, "Masked LSTM")]
    assert [e[0] for e in events] == ["member", "begin"] * 3  # each member's own epochs follow its announcement
    assert isinstance(model, EnsembleModel) and [m.config.family for m in model.members] == ["ngram", "convolutional", "recurrent"]
    assert all(m.config.seed == config.seed and m.config.validation_split == config.validation_split for m in model.members)
    assert model.weights == pytest.approx(model.training["member_weights"]) and sum(model.weights) == pytest.approx(1)
    assert 0 <= model.training["validation_accuracy"] <= 1 and len(model.training["member_validation_accuracy"]) == 3
    assert model.test_metrics["count"] == len(corpus.test_texts)
    path = model.save(tmp_path / "best.keras")
    np.testing.assert_allclose(plain_keras_probabilities(path, REVIEWS), model.predict(REVIEWS), atol=1e-6)


def test_a_stop_keeps_the_members_trained_so_far(corpus):
    from core.progress import ProgressHooks
    from core.training.trainer import train

    stop = threading.Event()
    # Stop as the second member starts: it ends before its first epoch and is dropped, the first is kept as itself.
    model = train(corpus, preset("Best accuracy"), ProgressHooks(member=lambda index, count, name: index == 2 and stop.set()), stop)
    assert not isinstance(model, EnsembleModel) and model.config.family == "ngram" and model.training["epochs_done"] > 0


def test_an_ensemble_config_with_nothing_to_train_says_what_to_do(corpus):
    from core.errors import TrainingError
    from core.training.trainer import train

    with pytest.raises(TrainingError, match="trains no members"):
        train(corpus, TrainingConfig(family="ensemble").replace(members="combined"))


# --- the command line ----------------------------------------------------------------


def test_the_ensemble_command_combines_files_and_reports_each_member(two_models, tmp_path):
    from core.cli.commands import run

    paths = [model.save(tmp_path / f"m{i}.keras") for i, model in enumerate(two_models)]
    out, err = io.StringIO(), io.StringIO()
    assert run(["ensemble", *map(str, paths), "--out", str(tmp_path / "e.keras")], stdout=out, stderr=err) == 0, err.getvalue()
    text = out.getvalue()
    assert "member 1: m0.keras: Recurrent network" in text and "member 2: m1.keras: Bag of n-grams" in text
    assert "accuracy" in text and "Saved the ensemble to" in text
    np.testing.assert_allclose(SentimentModel.load(tmp_path / "e.keras").predict(REVIEWS), combine(two_models).predict(REVIEWS), atol=1e-6)
    err = io.StringIO()
    assert run(["ensemble", str(paths[0]), "--out", str(tmp_path / "one.keras")], stdout=io.StringIO(), stderr=err) == 1
    assert "two or more models; 1 given" in err.getvalue()
    err = io.StringIO()
    assert run(["ensemble", str(paths[0]), str(tmp_path / "missing.keras"), "--out", str(tmp_path / "x.keras")],
               stdout=io.StringIO(), stderr=err) == 1
    assert "No model file at" in err.getvalue() and not (tmp_path / "x.keras").exists()
