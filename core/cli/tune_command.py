"""``main.py tune``: one worker of a hyperparameter search, alone or sharing a study with others.

    python main.py tune --study lstm --data aclImdb_v1.tar.gz --trials 20
    python main.py tune --study lstm --storage postgresql://me@db/studies --data aclImdb_v1.tar.gz   # on each machine
    python main.py tune --study lstm --best-config best.json
    python main.py train --config best.json

The study keeps its family, space, objective and data fingerprint; a
worker joining it needs only its name, the database and the same data.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Callable, TextIO

from core.errors import ConfigError


def add_tune_parser(commands, add_data_option: Callable[[argparse.ArgumentParser], None]) -> argparse.ArgumentParser:
    """The ``tune`` command's arguments, on the CLI's sub-command set."""
    from core.models.config import PRESETS  # noqa: PLC0415
    from core.tuning.space import tunable_families  # noqa: PLC0415

    tune = commands.add_parser("tune", help="search hyperparameters with Optuna; several workers may share one study")
    tune.add_argument("--study", required=True, help="the study's name; workers with one name and one --storage share it")
    tune.add_argument("--storage", metavar="URL", help="an Optuna database URL: sqlite:///file.db, postgresql://user@host/db, "
                      "mysql+pymysql://user@host/db (default: an SQLite file in the app's data folder)")
    tune.add_argument("--best-config", type=Path, metavar="FILE",
                      help="write the best trial's full config to FILE (JSON) and exit; train it with: main.py train --config FILE")
    add_data_option(tune)
    budget = tune.add_argument_group("budget (finished trials count for the whole study, whichever worker ran them)")
    budget.add_argument("--trials", type=int, metavar="N", help="finished trials the study should have in all (default: no limit)")
    budget.add_argument("--timeout", type=float, metavar="S", help="start no trial after S seconds (the running one finishes)")
    search = tune.add_argument_group("what to search (when the study is new; a worker joining one takes the study's)")
    search.add_argument("--family", choices=tunable_families(), help="the kind of network; its default search space is used")
    search.add_argument("--objective", choices=["val_accuracy", "val_loss"], help="the best validation accuracy (default) or lowest validation loss of each trial")
    search.add_argument("--param", action="append", default=[], metavar="NAME=SPEC",
                        help="vary NAME over LOW..HIGH, LOW..HIGH:log or A,B,C instead of the family's default (repeatable)")
    search.add_argument("--space", type=Path, metavar="FILE", help="a JSON object of field: spec ({\"low\":..,\"high\":..,\"log\":..} "
                        "or {\"choices\": [...]}) replacing the family's default space")
    search.add_argument("--preset", choices=list(PRESETS), help="the fields not searched come from this preset")
    search.add_argument("--config", type=Path, help="the fields not searched come from this JSON config")
    run = tune.add_argument_group("this worker")
    run.add_argument("--pruner", choices=["median", "halving", "none"], default="median", help="stop poor trials early (default median)")
    run.add_argument("--tensorboard", type=Path, metavar="DIR", help="write each trial's TensorBoard logs into DIR/trial-<number>/")
    run.add_argument("--devices", type=int, default=1, metavar="N", help="mirror each trial over N GPUs (tf.distribute.MirroredStrategy)")
    run.add_argument("--sampler-seed", type=int, metavar="N", help="seed of the sampler; give each worker its own")
    run.add_argument("--heartbeat-interval", type=int, default=10, metavar="S", help="seconds between a running trial's heartbeats (default 10)")
    run.add_argument("--grace-period", type=int, default=30, metavar="S",
                     help="a trial without a heartbeat for S seconds counts as dead and runs again (default 30)")
    return tune


def run_tune(args: argparse.Namespace, stdout: TextIO, stderr: TextIO, load_data: Callable, stop_on_interrupt: Callable) -> int:
    import threading  # noqa: PLC0415

    import optuna  # noqa: PLC0415

    from core.tuning.storage import open_storage  # noqa: PLC0415
    from core.tuning.study import StudySettings, open_study, stored_settings  # noqa: PLC0415

    optuna.logging.set_verbosity(optuna.logging.ERROR)  # this command says what happens in its own lines
    if args.trials is not None and args.trials < 1:
        raise ConfigError(f"--trials must be at least 1, not {args.trials}.")
    storage = open_storage(args.storage, args.heartbeat_interval, args.grace_period)
    if args.best_config is not None:
        return _write_best(storage, args, stdout)
    settings = _settings_from_args(args, StudySettings)
    if settings is None and stored_settings(storage, args.study) is None:
        settings = _settings_from_args(args, StudySettings, default=True)
    known = settings or stored_settings(storage, args.study)
    corpus = load_data(args, stderr, known.base.vocab_size)

    from core.tuning.fingerprint import fingerprint  # noqa: PLC0415
    from core.tuning.search import Search, make_pruner  # noqa: PLC0415
    from core.tuning.trial import TrialHooks, worker_id  # noqa: PLC0415

    sampler = optuna.samplers.TPESampler(seed=args.sampler_seed, constant_liar=True)
    study, settings = open_study(storage, args.study, settings, fingerprint(corpus), sampler=sampler, pruner=make_pruner(args.pruner))
    stderr.write(f"Worker {worker_id()} on study {args.study!r}: {settings.family}, {settings.objective} ({settings.direction}), "
                 f"searching {', '.join(settings.space)}.\n")
    hooks = TrialHooks(
        trial_begin=lambda number, params: stderr.write(f"Trial {number}: {_params(params)}\n"),
        epoch_end=lambda number, epoch, logs: stderr.write(
            f"  trial {number} epoch {epoch}: val_loss {logs.get('val_loss', float('nan')):.4f} val_accuracy {logs.get('val_accuracy', float('nan')):.4f}\n"),
        trial_end=lambda trial: stderr.write(_ended(trial)),
    )
    stop = threading.Event()
    waiting = lambda running: stderr.write(f"Waiting for {running} trial(s) running on other workers...\n")  # noqa: E731
    search = Search(study, settings, corpus, trials=args.trials, timeout=args.timeout, stop_event=stop, hooks=hooks,
                    log_dir=args.tensorboard, devices=args.devices, waiting=_once(waiting), poll_seconds=min(args.heartbeat_interval, 5))
    with stop_on_interrupt(stop, stderr):
        ran = search.run()
    stdout.write(f"This worker ran {ran} trial(s).{_best_line(study)}\n")
    return 0


def _settings_from_args(args: argparse.Namespace, settings_class, default: bool = False):
    """The settings the flags give; None if no flag says what to search (a worker joining a study as it is)."""
    from core.models.config import PRESETS, TrainingConfig  # noqa: PLC0415
    from core.models.families import DEFAULT_FAMILY  # noqa: PLC0415
    from core.tuning.space import checked_space, default_space, parse_param  # noqa: PLC0415

    if not default and not any((args.family, args.objective, args.param, args.space, args.preset, args.config)):
        return None
    if args.config is not None:
        try:
            base = TrainingConfig.from_json(args.config.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"Cannot read the config file {str(args.config)!r}: {exc.strerror}.") from None
    else:
        base = TrainingConfig.from_dict(PRESETS[args.preset]) if args.preset else None
    family = args.family or (base.family if base is not None else DEFAULT_FAMILY)
    if base is None or base.family != family:
        base = TrainingConfig(family=family)
    if args.space is not None:
        try:
            space = json.loads(args.space.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(f"Cannot read the search space {str(args.space)!r}: {exc}.") from None
        space = checked_space(family, space)
    else:
        space = default_space(family)
    for text in args.param:
        name, spec = parse_param(text, family)
        space[name] = spec
    return settings_class(base=base, space=space, objective=args.objective or "val_accuracy")


def _write_best(storage, args: argparse.Namespace, stdout: TextIO) -> int:
    import optuna  # noqa: PLC0415

    from core.models.config import TrainingConfig  # noqa: PLC0415
    from core.tuning.search import best_config  # noqa: PLC0415

    try:
        study = optuna.load_study(storage=storage, study_name=args.study)
    except KeyError:
        raise ConfigError(f"There is no study {args.study!r} in {storage.url}.") from None
    config = TrainingConfig.from_dict(best_config(study))
    try:
        args.best_config.write_text(config.to_json() + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"Cannot write {str(args.best_config)!r}: {exc.strerror}.") from None
    best = study.best_trial
    stdout.write(f"Wrote the config of trial {best.number} ({study.user_attrs.get('objective', 'value')} {best.value:.4f}) to {args.best_config}; "
                 f"train it with: main.py train --config {args.best_config}\n")
    return 0


def _params(params: dict) -> str:
    return ", ".join(f"{name}={value:.4g}" if isinstance(value, float) else f"{name}={value}" for name, value in params.items())


def _ended(trial) -> str:
    state = trial.state.name.lower()
    reason = trial.user_attrs.get("reason")
    if trial.user_attrs.get("duplicate_of") is not None:
        return f"Trial {trial.number}: same parameters as trial {trial.user_attrs['duplicate_of']}, its value {trial.value:.4f} (not trained again)\n"
    if state == "complete":
        return f"Trial {trial.number} finished: {trial.value:.4f}\n"
    return f"Trial {trial.number} {state}" + (f": {reason}" if reason else "") + "\n"


def _best_line(study) -> str:
    try:
        best = study.best_trial
    except ValueError:
        return " No trial has completed yet."
    return f" Best so far: trial {best.number}, {best.value:.4f} ({_params(best.params)})."


def _once(function: Callable) -> Callable:
    said: list[object] = []

    def call(*args):
        if args not in said:
            said.append(args)
            function(*args)
    return call
