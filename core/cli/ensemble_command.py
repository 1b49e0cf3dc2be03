"""``main.py ensemble``: trained models combined into one that averages their probabilities.

    python main.py ensemble ngrams.keras cnn.keras --out ensemble.keras

If every model was tested on the same reviews, the ensemble's test metrics
come from theirs at once; otherwise ``evaluate`` tests it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from core.errors import ConfigError


def add_ensemble_parser(commands) -> argparse.ArgumentParser:
    """The ``ensemble`` command's arguments, on the CLI's sub-command set."""
    ensemble = commands.add_parser("ensemble", help="combine two or more trained models into one that averages their probabilities")
    ensemble.add_argument("models", nargs="+", type=Path, metavar="MODEL", help=".keras files made by this app (two or more)")
    ensemble.add_argument("--out", type=Path, required=True, help="where to save the ensemble (.keras)")
    return ensemble


def run_ensemble(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if len(args.models) < 2:
        raise ConfigError(f"an ensemble needs two or more models; {len(args.models)} given.")
    if args.out.suffix != ".keras":
        raise ConfigError(f"--out must end in .keras; got {str(args.out)!r}.")
    from core.models.model_file import read_metadata  # noqa: PLC0415

    for path in args.models:
        read_metadata(path.expanduser())  # every file is checked before TensorFlow loads
    from core.insight.metrics import format_metrics  # noqa: PLC0415
    from core.models.ensemble import combine  # noqa: PLC0415
    from core.models.sentiment_model import SentimentModel  # noqa: PLC0415

    members = [SentimentModel.load(path) for path in args.models]
    ensemble = combine(members)
    for index, member in enumerate(members, 1):
        accuracy = f"test accuracy {member.test_metrics['accuracy']:.4f}" if member.test_metrics else "not tested"
        stdout.write(f"member {index}: {member.path.name}: {member.config.describe(with_family=True)}; {accuracy}\n")
    if ensemble.test_metrics:
        stdout.write(format_metrics(ensemble.test_metrics) + "\n")
    else:
        stdout.write("The models were not all tested on the same reviews: test the ensemble with `main.py evaluate`.\n")
    saved = ensemble.save(args.out)
    stdout.write(f"Saved the ensemble to {saved}\n")
    return 0
