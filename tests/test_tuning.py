"""The hyperparameter search: real trainings on the small corpus, with Optuna in an SQLite file."""

from __future__ import annotations

import io
import json
import threading

import optuna
import pytest
from optuna.trial import TrialState

from core.cli.commands import run
from core.data.loading import load_corpus
from core.errors import ConfigError, DataError
from core.models.config import TrainingConfig
from core.models.families import FAMILIES
from core.tuning.fingerprint import fingerprint
from core.tuning.search import Search, make_pruner
from core.tuning.space import checked_space, default_space, parse_param, tunable_families
from core.tuning.storage import open_storage, sqlite_url
from core.tuning.study import StudySettings, open_study
from core.tuning.trial import TrialHooks

#: Small enough for seconds per trial; three epochs so that pruning has epochs to cut.
BASE = {"vocab_size": 200, "max_length": 40, "embedding_dim": 8, "units": 8, "epochs": 3, "batch_size": 8}
SPACE = {"units": {"low": 4, "high": 16, "log": True}, "embedding_dim": {"choices": [4, 8]},
         "learning_rate": {"low": 1e-3, "high": 0.05, "log": True}}


@pytest.fixture
def corpus(small_corpus_dir):
    return load_corpus(small_corpus_dir)


def new_study(tmp_path, corpus, pruner="halving", objective="val_loss", seed=1):
    storage = open_storage(sqlite_url(tmp_path / "studies.sqlite3"), heartbeat_interval=1, grace_period=3)
    settings = StudySettings(base=TrainingConfig.from_dict(BASE), space=SPACE, objective=objective)
    return open_study(storage, "test", settings, fingerprint(corpus), sampler=optuna.samplers.TPESampler(seed=seed),
                      pruner=make_pruner(pruner))


def test_every_family_declares_a_valid_default_space():
    assert tunable_families() == [name for name, family in FAMILIES.items() if family.members is None]
    with pytest.raises(ConfigError, match="ensemble family has no search space"):
        default_space("ensemble")  # its members are tuned as their own families
    for name in tunable_families():
        space = default_space(name)
        assert space, name
        assert checked_space(name, space) == space
        # The tutorial's own fields, for the recurrent family; learning rates on a log scale everywhere.
        assert space["learning_rate"]["log"] is True
    assert {"embedding_dim", "units", "batch_size", "optimizer", "learning_rate", "dropout"} <= set(default_space("recurrent"))


def test_spaces_are_checked_against_the_fields():
    assert parse_param("units=8..64:log", "recurrent") == ("units", {"low": 8, "high": 64, "log": True})
    assert parse_param("cell=lstm,gru", "recurrent") == ("cell", {"choices": ["lstm", "gru"]})
    assert parse_param("bidirectional=true,false", "recurrent")[1] == {"choices": [True, False]}
    for bad in ("units=0..64", "units=64..8", "cell=lstm,rnn", "learning_rate=0..0.1:log", "filters=1..8", "units"):
        with pytest.raises(ConfigError) as error:
            parse_param(bad, "recurrent")
        assert "\n" not in str(error.value)
    with pytest.raises(ConfigError, match="validation_split"):
        StudySettings(base=TrainingConfig(validation_split=0.0), space=SPACE)


def test_a_search_with_pruning_completes_and_its_best_config_trains(tmp_path, corpus, small_corpus_dir):
    study, settings = new_study(tmp_path, corpus)
    epochs_seen = []
    hooks = TrialHooks(epoch_end=lambda number, epoch, logs: epochs_seen.append((number, epoch)))
    ran = Search(study, settings, corpus, trials=4, hooks=hooks).run()

    assert ran == 4
    states = [trial.state for trial in study.trials]
    assert states.count(TrialState.COMPLETE) + states.count(TrialState.PRUNED) == 4
    pruned = [trial for trial in study.trials if trial.state == TrialState.PRUNED]
    assert pruned, "successive halving pruned none of four trials"
    for trial in study.trials:
        history = trial.user_attrs["history"]
        # Every reported epoch is in the kept curve, the pruned trial's last one included.
        assert len(history["val_loss"]) == len(trial.intermediate_values) >= 1
        assert history["val_loss"][-1] == pytest.approx(trial.intermediate_values[max(trial.intermediate_values)])
        assert trial.user_attrs["config"]["model"]["units"] == trial.params["units"]
    for trial in pruned:
        assert trial.user_attrs["reason"] == f"pruned after epoch {len(trial.user_attrs['history']['val_loss'])}"
        assert len(trial.user_attrs["history"]["val_loss"]) <= BASE["epochs"]
    assert study.best_trial.value == min(study.best_trial.user_attrs["history"]["val_loss"])

    url = sqlite_url(tmp_path / "studies.sqlite3")
    out, err = io.StringIO(), io.StringIO()
    assert run(["tune", "--study", "test", "--storage", url, "--best-config", str(tmp_path / "best.json")], stdout=out, stderr=err) == 0, err.getvalue()
    best = TrainingConfig.from_json((tmp_path / "best.json").read_text())
    assert best.model.units == study.best_trial.params["units"] and best.learning_rate == study.best_trial.params["learning_rate"]
    assert run(["train", "--config", str(tmp_path / "best.json"), "--data", str(small_corpus_dir), "--out", str(tmp_path / "best.keras")],
               stdout=out, stderr=err) == 0, err.getvalue()
    assert (tmp_path / "best.keras").exists() and "accuracy" in out.getvalue()


def test_stop_ends_the_running_trial_and_records_it(tmp_path, corpus):
    study, settings = new_study(tmp_path, corpus, pruner="none")
    stop = threading.Event()
    hooks = TrialHooks(epoch_end=lambda number, epoch, logs: stop.set())  # Stop during the first trial's first epoch end
    ran = Search(study, settings, corpus, trials=4, stop_event=stop, hooks=hooks).run()

    assert ran == 1
    (trial,) = study.trials
    assert trial.state == TrialState.PRUNED
    assert trial.user_attrs["reason"] == "stopped by the user after epoch 1"
    assert len(trial.user_attrs["history"]["val_loss"]) == 1


def test_a_worker_with_other_data_refuses_in_one_line(tmp_path, corpus, corpus_copy):
    new_study(tmp_path, corpus)
    (corpus_copy / "train" / "pos" / "extra.txt").write_text("One more review, and a glowing one.", encoding="utf-8")
    other = load_corpus(corpus_copy)
    storage = open_storage(sqlite_url(tmp_path / "studies.sqlite3"))
    with pytest.raises(DataError, match="other data"):
        open_study(storage, "test", None, fingerprint(other))

    out, err = io.StringIO(), io.StringIO()
    code = run(["tune", "--study", "test", "--storage", sqlite_url(tmp_path / "studies.sqlite3"), "--data", str(corpus_copy), "--trials", "2"],
               stdout=out, stderr=err)
    assert code == 1
    errors = [line for line in err.getvalue().splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "other data" in errors[0] and "49 train" in errors[0]
    assert not optuna.load_study(storage=storage, study_name="test").trials  # nothing ran


def test_joining_with_another_search_is_refused(tmp_path, corpus, small_corpus_dir):
    new_study(tmp_path, corpus)
    err = io.StringIO()
    code = run(["tune", "--study", "test", "--storage", sqlite_url(tmp_path / "studies.sqlite3"), "--data", str(small_corpus_dir),
                "--family", "ngram"], stdout=io.StringIO(), stderr=err)
    assert code == 1 and "searches recurrent" in err.getvalue()


def test_a_bad_storage_url_is_one_line(tmp_path):
    err = io.StringIO()
    assert run(["tune", "--study", "x", "--storage", "nosuchdb://here", "--best-config", str(tmp_path / "b.json")],
               stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue().startswith("error: Cannot open the study database") and err.getvalue().count("\n") == 1


def test_space_file_and_params_make_a_new_study(tmp_path, small_corpus_dir):
    space = tmp_path / "space.json"
    space.write_text(json.dumps({"learning_rate": {"low": 0.001, "high": 0.01, "log": True}}))
    out, err = io.StringIO(), io.StringIO()
    code = run(["tune", "--study", "s", "--storage", sqlite_url(tmp_path / "s.sqlite3"), "--data", str(small_corpus_dir), "--trials", "1",
                "--space", str(space), "--param", "units=4..8", "--config", str(_base_file(tmp_path)), "--pruner", "none"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    (trial,) = optuna.load_study(storage=sqlite_url(tmp_path / "s.sqlite3"), study_name="s").trials
    assert set(trial.params) == {"learning_rate", "units"} and 4 <= trial.params["units"] <= 8
    assert trial.user_attrs["config"]["epochs"] == 1


def _base_file(tmp_path):
    path = tmp_path / "base.json"
    path.write_text(TrainingConfig.from_dict({**BASE, "epochs": 1}).to_json())
    return path
