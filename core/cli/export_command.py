"""``main.py export``: a trained model as a TensorFlow SavedModel for serving, or as a model card.

    python main.py export --model model.keras --format saved-model --out serving/sentiment/1
    python main.py export --model model.keras --format model-card --out card.md

The model card needs only the file's ``studio.json``; TensorFlow is not
even imported for it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

FORMATS = ("saved-model", "model-card")


def add_export_parser(commands) -> argparse.ArgumentParser:
    """The ``export`` command's arguments, on the CLI's sub-command set."""
    export = commands.add_parser("export", help="write a model as a TensorFlow SavedModel for serving, or as a Markdown model card")
    export.add_argument("--model", type=Path, required=True, help="a .keras file made by this app")
    export.add_argument("--format", required=True, choices=FORMATS,
                        help="saved-model: a folder for TensorFlow Serving (signature serving_default: text -> positive_probability); "
                        "model-card: a Markdown file")
    export.add_argument("--out", type=Path, required=True,
                        help="saved-model: a new folder, numbered for TensorFlow Serving (e.g. serving/sentiment/1); model-card: a file such as card.md")
    return export


def run_export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if args.format == "model-card":
        from core.export.model_card import write_model_card  # noqa: PLC0415 - reads studio.json only

        written = write_model_card(args.model, args.out)
        stdout.write(f"Wrote the model card to {written}\n")
        return 0

    from core.models.model_file import read_metadata  # noqa: PLC0415

    read_metadata(args.model.expanduser())  # a bad file fails here, before TensorFlow loads
    from core.export.saved_model import INPUT, OUTPUT, SIGNATURE, save_for_serving  # noqa: PLC0415
    from core.models.sentiment_model import SentimentModel  # noqa: PLC0415

    model = SentimentModel.load(args.model)
    written = save_for_serving(model.end_to_end, args.out)
    stdout.write(f"Wrote a SavedModel to {written} (signature {SIGNATURE}: {INPUT}, a 1-D string tensor of reviews -> {OUTPUT}, float32)\n")
    return 0
