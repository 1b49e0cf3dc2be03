"""Several worker processes on one study: SQLite on one machine, a real PostgreSQL server, and a worker killed mid-trial.

Each worker is ``python main.py tune`` in a process of its own, as on
separate machines; the tests read the study back from the database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import optuna
import pytest
from optuna.trial import TrialState

from core.tuning.storage import sqlite_url
from tests.postgres_server import postgresql_url  # noqa: F401 - the fixture

#: Several processes or devices: CI runs these in its main run, not again at the dependency floors.
pytestmark = pytest.mark.heavy

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "small_reviews"
FINISHED = (TrialState.COMPLETE, TrialState.PRUNED)


def worker(storage: str, study: str, trials: int, base: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, str(ROOT / "main.py"), "tune", "--study", study, "--storage", storage, "--data", str(SMALL),
               "--trials", str(trials), "--config", str(base), "--pruner", "none", "--heartbeat-interval", "1", "--grace-period", "3",
               "--param", "units=4..16", "--param", "learning_rate=0.001..0.05:log", *extra]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture
def base_config(tmp_path) -> Path:
    from core.models.config import TrainingConfig

    path = tmp_path / "base.json"
    config = TrainingConfig.from_dict({"vocab_size": 200, "max_length": 40, "embedding_dim": 8, "units": 8, "epochs": 2, "batch_size": 8})
    path.write_text(config.to_json())
    return path


def finish(*processes: subprocess.Popen) -> list[str]:
    outputs = []
    for process in processes:
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, output
        outputs.append(output)
    return outputs


def check_shared(storage: str, study_name: str, trials: int) -> list[optuna.trial.FrozenTrial]:
    """N finished trials in all, each parameter set trained once, and both workers took part."""
    study = optuna.load_study(storage=storage, study_name=study_name)
    finished = [trial for trial in study.trials if trial.state in FINISHED]
    assert len(finished) == trials, [(t.number, t.state, t.user_attrs.get("reason")) for t in study.trials]
    trained = [trial for trial in finished if trial.user_attrs.get("duplicate_of") is None]
    sets = [tuple(sorted(trial.params.items())) for trained_trial in [trained] for trial in trained_trial]
    assert len(set(sets)) == len(sets), "a parameter set was trained twice"
    assert len({trial.user_attrs["worker"] for trial in finished}) == 2, "one worker ran every trial"
    return finished


def test_two_workers_share_one_sqlite_study(tmp_path, base_config):
    storage = sqlite_url(tmp_path / "shared.sqlite3")
    first = worker(storage, "shared", 6, base_config, "--family", "recurrent")
    second = worker(storage, "shared", 6, base_config, "--family", "recurrent")
    finish(first, second)
    check_shared(storage, "shared", 6)


def test_two_workers_share_one_postgresql_study(postgresql_url, base_config):  # noqa: F811 - the fixture
    first = worker(postgresql_url, "shared", 6, base_config, "--family", "recurrent")
    second = worker(postgresql_url, "shared", 6, base_config, "--family", "recurrent")
    finish(first, second)
    check_shared(postgresql_url, "shared", 6)


def test_a_worker_killed_mid_trial_is_retried_and_the_study_completes(tmp_path, base_config):
    storage = sqlite_url(tmp_path / "killed.sqlite3")
    slow = base_config.parent / "slow.json"
    slow.write_text(base_config.read_text().replace('"epochs": 2', '"epochs": 6'))
    doomed = worker(storage, "killed", 2, slow, "--family", "recurrent")
    started = time.monotonic()
    while True:  # until its first trial has finished an epoch, and has more to go
        assert doomed.poll() is None and time.monotonic() - started < 300, "the worker never reached its first epoch"
        try:
            trials = optuna.load_study(storage=storage, study_name="killed").trials
        except KeyError:
            trials = []
        if trials and trials[0].state == TrialState.RUNNING and len(trials[0].user_attrs.get("history", {}).get("val_loss", [])) >= 1:
            break
        time.sleep(0.1)
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.communicate()

    (survivor_output,) = finish(worker(storage, "killed", 2, slow))  # joins the study as it is
    study = optuna.load_study(storage=storage, study_name="killed")
    killed = study.trials[0]
    assert killed.state == TrialState.FAIL
    retries = [trial for trial in study.trials if trial.user_attrs.get("retry_of") == killed.number]
    assert len(retries) == 1 and retries[0].state == TrialState.COMPLETE and retries[0].params == killed.params
    assert len(retries[0].user_attrs["history"]["val_loss"]) == 6  # the retry's own curve, not the killed one's
    assert sum(trial.state in FINISHED for trial in study.trials) == 2, survivor_output


RACE = """
import multiprocessing, sys

def open_at_once(url, barrier, errors):
    from core.tuning.storage import open_storage
    barrier.wait()  # imported, then all at once
    try:
        open_storage(url)
    except Exception as exc:
        errors.append(str(exc))

if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        errors = manager.list()
        for round in range(3):
            barrier = manager.Barrier(4)
            workers = [multiprocessing.Process(target=open_at_once, args=(f"{sys.argv[1]}{round}.sqlite3", barrier, errors)) for _ in range(4)]
            for process in workers:
                process.start()
            for process in workers:
                process.join()
        print(f"errors={list(errors)}")
"""


def test_workers_that_create_a_new_database_at_the_same_moment_all_open_it(tmp_path):
    """The first workers of a study race to create its tables; SQLite tells the losers "table ... already exists"."""
    done = subprocess.run([sys.executable, "-c", RACE, f"sqlite:///{tmp_path}/new"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "errors=[]"
