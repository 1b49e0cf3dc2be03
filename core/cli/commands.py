"""The command line: train, evaluate, classify, export and tune with the same engine as the app.

``main.py`` hands everything after its own name to :func:`run`. Mistakes
in the arguments print a usage message (exit 2); problems with data, files
or values print one line starting with ``error:`` (exit 1); never a
traceback.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import signal
import sys
import threading
import time
from dataclasses import MISSING, Field
from pathlib import Path
from typing import Sequence, TextIO

from core.cli.ensemble_command import add_ensemble_parser, run_ensemble
from core.cli.export_command import add_export_parser, run_export
from core.cli.text_input import clean_arguments, read_text, replacing_output
from core.cli.tune_command import add_tune_parser, run_tune
from core.errors import ConfigError, StudioError
from core.models.config import PRESETS, TrainingConfig, common_fields, preset
from core.models.families import DEFAULT_FAMILY, FAMILIES

COMMANDS = ("train", "evaluate", "classify", "export", "tune")


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors raise instead of exiting, for tests and for main."""

    def error(self, message: str):  # noqa: D401
        raise UsageError(self.format_usage() + f"{self.prog}: error: {message}\n")


class UsageError(Exception):
    """Bad arguments; the text is the usage message to print."""


def usage_error(command: str, message: str) -> UsageError:
    """A conflict between arguments that argparse cannot see, reported as argparse reports its own."""
    sub = build_parser().command_parsers[command]
    return UsageError(sub.format_usage() + f"{sub.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="main.py",
        description="IMDB Sentiment Studio. Without a command it opens the desktop app.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    parser.command_parsers = commands.choices  # for usage_error: a command's own usage

    train = commands.add_parser("train", help="train a model on the IMDB reviews and save it")
    _add_data_option(train)
    train.add_argument("--out", type=Path, help="where to save the model (.keras); default: a dated file here")
    train.add_argument("--preset", choices=list(PRESETS), help="start from a named preset")
    train.add_argument("--fast", action="store_true", help="the Fast preset: same network, under half the time per epoch (see README)")
    train.add_argument("--config", type=Path, help="start from a JSON file of hyperparameters")
    train.add_argument("--tensorboard", type=Path, metavar="DIR",
                       help="write TensorBoard logs of the run into DIR/<model name>/ (per-epoch scalars, HParams); view with: tensorboard --logdir DIR")
    train.add_argument("--devices", type=int, default=1, metavar="N",
                       help="mirror the model over N GPUs with tf.distribute.MirroredStrategy (default 1)")
    hyper = train.add_argument_group("hyperparameters (defaults: the Keras tutorial's recipe)")
    families = ", ".join(f"{name} ({family.label})" for name, family in FAMILIES.items())
    hyper.add_argument("--family", choices=list(FAMILIES), help=f"the kind of network: {families} (default {DEFAULT_FAMILY}); "
                       "its own options are listed below under its name")
    added: set[str] = set()
    for f in common_fields():
        _add_field_flag(hyper, f, added)
    for name, family in FAMILIES.items():
        group = train.add_argument_group(f"{family.label} (--family {name})")
        for f in family.fields():
            _add_field_flag(group, f, added)

    evaluate = commands.add_parser("evaluate", help="test a saved model on the IMDB test reviews")
    evaluate.add_argument("--model", type=Path, required=True, help="a .keras file made by this app")
    _add_data_option(evaluate)

    classify = commands.add_parser("classify", help="label reviews as positive or negative")
    classify.add_argument("--model", type=Path, required=True, help="a .keras file made by this app")
    classify.add_argument("reviews", nargs="*", help="reviews to classify; without any, read one per line from stdin")
    classify.add_argument("--file", type=Path, help="a .txt file (one review per line) or a .csv/.tsv with a header row")
    classify.add_argument("--text-column", help="the CSV column holding the reviews (default: 'review' or 'text')")
    classify.add_argument("--label-column", help="a CSV column of true labels (0/1, pos/neg, ...): prints accuracy and a confusion matrix")
    classify.add_argument("--out", type=Path, help="write text, label and probability to this CSV instead of printing")

    add_ensemble_parser(commands)
    add_export_parser(commands)
    add_tune_parser(commands, _add_data_option)
    return parser


def _add_field_flag(group, f: Field, added: set[str]) -> None:
    """``--field-name`` for a config field, with its help, default and range; once per name.

    Two families may share a field name: the flag is added once (with the
    first family's help) and goes to whichever family the config has.
    """
    if f.name in added:
        return
    added.add(f.name)
    info = f.metadata
    flag = "--" + f.name.replace("_", "-")
    default = f.default if f.default is not MISSING else f.default_factory()
    text = f"{info.get('help', '')} (default {default})"
    if f.type in ("bool", bool):
        group.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=text)
    elif "choices" in info:
        group.add_argument(flag, choices=info["choices"], default=None, help=text)
    else:
        low, high = info["range"]
        kind = int if f.type in ("int", int) else float
        group.add_argument(flag, type=kind, default=None, metavar="N", help=f"{text}, {low:g} to {high:g}")


def _field_names() -> list[str]:
    """Every field that has a flag: the common ones and every family's."""
    names = [f.name for f in common_fields()]
    return names + [name for family in FAMILIES.values() for name in family.field_names() if name not in names]


def _add_data_option(parser: argparse.ArgumentParser) -> None:
    from core.data.download import DOWNLOAD  # noqa: PLC0415 - main.py imports this module for COMMANDS: keep it light
    from core.data.registry import kind_for, kinds  # noqa: PLC0415

    # Every registered kind: those read from a path, those named by a word, and last the default, which the help then explains.
    default = kind_for(DOWNLOAD)
    sources = [kind.cli_help for kind in sorted(kinds(), key=lambda kind: (not kind.has_path, kind is default)) if kind.cli_help]
    parser.add_argument(
        "--data",
        help=f"{_listed(sources, 'or')} (default: $IMDB_DATA, else download once into the Keras cache)",
    )
    own = [kind.cli_name for kind in kinds() if kind.cli_name]
    group = parser.add_argument_group(f"your own reviews ({_listed(own, 'and')})")
    group.add_argument("--text-column", help="the column holding the review text (default: 'review' or 'text')")
    group.add_argument("--label-column", help="the column holding the label: 0/1, pos/neg, positive/negative, true/false")
    group.add_argument("--test-data", help="a second file or folder with the test reviews (default: a stratified split)")
    group.add_argument("--test-fraction", type=float, default=0.2, help="share held out for testing without --test-data (default 0.2)")


def _listed(items: list[str], last: str) -> str:
    """The items joined as "a, b or c"."""
    return f"{', '.join(items[:-1])} {last} {items[-1]}" if len(items) > 1 else "".join(items)


def config_from_args(args: argparse.Namespace) -> TrainingConfig:
    """The preset or JSON file, then each flag given, validated."""
    if args.config is not None:
        try:
            config = TrainingConfig.from_json(args.config.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"Cannot read the config file {str(args.config)!r}: {exc.strerror}.") from None
    else:
        if args.fast and args.preset not in (None, "Fast"):
            raise usage_error("train", f"--fast is the Fast preset; it cannot go with --preset {args.preset!r}.")
        name = "Fast" if args.fast else args.preset
        config = TrainingConfig.from_dict(PRESETS[name]) if name else TrainingConfig()
    changes = {name: getattr(args, name) for name in ["family", *_field_names()] if getattr(args, name) is not None}
    return config.replace(**changes) if changes else config


def parse(argv: Sequence[str]) -> tuple[argparse.Namespace, TrainingConfig | None]:
    """Arguments and, for ``train``, the config. Raises UsageError or ConfigError."""
    args = build_parser().parse_args(list(argv))
    config = config_from_args(args) if args.command == "train" else None
    return args, config


def run(argv: Sequence[str], stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run one command; returns the exit code."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    try:
        args, config = parse(argv)
        if args.command == "train":
            return _train(args, config, stdout, stderr)
        if args.command == "evaluate":
            return _evaluate(args, stdout, stderr)
        if args.command == "export":
            return run_export(args, stdout, stderr)
        if args.command == "ensemble":
            return run_ensemble(args, stdout, stderr)
        if args.command == "tune":
            return run_tune(args, stdout, stderr, _load_data, _stop_on_interrupt)
        return _classify(args, stdin, stdout, stderr)
    except UsageError as exc:
        stderr.write(str(exc))
        return 2
    except KeyboardInterrupt:
        # A second Ctrl+C during training, or one before it: a line, not a traceback.
        stderr.write("\naborted (Ctrl+C).\n")
        return 130
    except StudioError as exc:
        stderr.write(f"error: {exc}\n")
        return 1


# --- commands -------------------------------------------------------------


def _data_source(args: argparse.Namespace) -> str | None:
    from core.data.loading import default_source  # noqa: PLC0415

    return args.data or default_source()


def _load_data(args: argparse.Namespace, stderr: TextIO, vocab_size: int = 10_000):
    from core.data.loading import load_corpus  # noqa: PLC0415
    from core.data.sources import SourceOptions  # noqa: PLC0415

    options = SourceOptions(text_column=args.text_column, label_column=args.label_column, test_path=args.test_data,
                            test_fraction=args.test_fraction, num_words=vocab_size)
    source = _data_source(args)
    stderr.write(f"Reading reviews from {source or 'the download (cached in the Keras folder)'}...\n")
    download = _Bar("Downloading", stderr, unit="MB", scale=1 / 1e6)
    start = time.perf_counter()
    corpus = load_corpus(source, download_progress=download.update, options=options)
    download.close()
    stderr.write(f"Read {corpus.summary()} in {time.perf_counter() - start:.1f} s.\n")
    if corpus.undecodable_files:
        stderr.write(f"warning: {corpus.undecodable_files} file(s) were not valid UTF-8; decoded with replacement characters.\n")
    return corpus


def _train(args: argparse.Namespace, config: TrainingConfig, stdout: TextIO, stderr: TextIO) -> int:
    out = args.out or Path(f"sentiment-{_dt.datetime.now():%Y%m%d-%H%M%S}.keras")
    if out.suffix != ".keras":
        raise ConfigError(f"--out must end in .keras; got {str(out)!r}.")
    if not out.expanduser().parent.is_dir():
        raise ConfigError(f"--out: the folder {str(out.expanduser().parent)!r} does not exist.")
    log_dir = None
    if args.tensorboard is not None:
        from core.training.run_logs import fresh_log_dir  # noqa: PLC0415

        if args.tensorboard.expanduser().exists() and not args.tensorboard.expanduser().is_dir():
            raise ConfigError(f"--tensorboard: {str(args.tensorboard)!r} is a file; give a folder for the logs.")
        log_dir = fresh_log_dir(args.tensorboard, out.stem)
    corpus = _load_data(args, stderr, config.vocab_size)

    from core.insight.metrics import format_metrics  # noqa: PLC0415
    from core.progress import ProgressHooks  # noqa: PLC0415
    from core.training.trainer import train  # noqa: PLC0415

    stop = threading.Event()
    bar = _EpochBar(stderr)
    hooks = ProgressHooks(
        phase=lambda name: stderr.write(f"{name[:1].upper()}{name[1:]}...\n") if name not in ("training", "done") else None,
        train_begin=bar.begin,
        batch_end=bar.batch,
        epoch_end=bar.epoch,
        log=lambda message: stderr.write(message + "\n"),
        member=lambda index, count, name: stderr.write(f"Member {index} of {count}: {name} ({preset(name).describe()}).\n"),
        batch_interval=0.1,
    )
    if config.model_family.members is None:
        stderr.write(f"Config: {config.describe()}; {config.epochs} epochs, batch {config.batch_size}.\n")
    else:
        stderr.write(f"Config: an ensemble of {config.describe()}, each trained with its own preset, then averaged.\n")
    with _stop_on_interrupt(stop, stderr):
        model = train(corpus, config, hooks, stop, evaluate_after_stop=True, log_dir=log_dir, devices=args.devices)
    if model.training.get("restored_best"):
        stdout.write(f"Restored the weights of the best epoch ({model.training['best_epoch']}).\n")
    if model.test_metrics:
        stdout.write(format_metrics(model.test_metrics) + "\n")
    saved = model.save(out)
    stdout.write(f"Saved the model to {saved}\n")
    if log_dir is not None:
        stdout.write(f"TensorBoard logs in {log_dir}; view them with: tensorboard --logdir {args.tensorboard}\n")
    return 0


def _load_model(path: Path):
    """Check the file first: a bad path fails fast, before TensorFlow loads."""
    from core.models.model_file import read_metadata  # noqa: PLC0415

    read_metadata(path.expanduser())
    from core.models.sentiment_model import SentimentModel  # noqa: PLC0415

    return SentimentModel.load(path)


def _evaluate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    model = _load_model(args.model)
    corpus = _load_data(args, stderr)
    from core.insight.metrics import format_metrics  # noqa: PLC0415

    metrics = model.evaluate(corpus.test_texts, corpus.test_labels)
    stdout.write(format_metrics(metrics) + "\n")
    return 0


def _classify(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    if args.reviews and args.file:
        raise usage_error("classify", "give reviews as arguments or --file, not both.")
    if (args.text_column or args.label_column) and not args.file:
        raise usage_error("classify", "--text-column and --label-column go with --file.")
    labels = None
    replaced = 0  # bytes of the reviews given that were not UTF-8
    if args.reviews:
        reviews, replaced = clean_arguments(args.reviews)
        empty = [i for i, text in enumerate(reviews, 1) if not text.strip()]
        if empty:
            raise ConfigError(f"review {empty[0]} is empty; give some text to classify.")
    elif args.file:
        from core.data.tables import read_reviews  # noqa: PLC0415

        table = read_reviews(args.file, args.text_column, args.label_column)
        reviews, labels = table.texts, table.labels
        if table.undecodable:
            stderr.write(f"warning: {args.file} has {table.undecodable} byte sequence(s) that are not valid UTF-8; "
                         "they were read as replacement characters.\n")
    else:
        text, replaced = read_text(stdin)
        reviews = [line for line in text.splitlines() if line.strip()]
        if not reviews:
            raise ConfigError("no reviews to classify: the input is empty or only blank lines.")
    if replaced:
        stderr.write(f"warning: {replaced} byte(s) of the reviews given were not valid UTF-8; they were read as replacement characters (U+FFFD).\n")
    replacing_output(stdout)
    model = _load_model(args.model)
    from core.insight.batch_classify import classify_many  # noqa: PLC0415

    probabilities = classify_many(model, reviews)
    if args.out:
        from core.data.tables import write_results  # noqa: PLC0415

        write_results(args.out, reviews, probabilities, labels)
        stderr.write(f"Wrote {len(reviews):,} results to {args.out}\n")
    else:
        for text, probability in zip(reviews, probabilities):
            label = "positive" if probability >= 0.5 else "negative"
            preview = " ".join(text.split())
            preview = preview if len(preview) <= 70 else preview[:67] + "..."
            stdout.write(f"{label}\t{probability:.4f}\t{preview}\n")
    if labels is not None:
        from core.insight.metrics import classification_metrics, format_metrics  # noqa: PLC0415

        stdout.write(format_metrics(classification_metrics(labels, probabilities)).replace("test loss", "loss") + "\n")
    return 0


# --- console progress ----------------------------------------------------


class _stop_on_interrupt:
    """First Ctrl+C: stop after the current batch, keep the model. Second: abort."""

    def __init__(self, stop: threading.Event, stderr: TextIO):
        self.stop, self.stderr, self.previous = stop, stderr, None

    def _handler(self, signum, frame):
        if self.stop.is_set():
            raise KeyboardInterrupt
        self.stop.set()
        self.stderr.write("\nStopping after this batch; the model trained so far is kept. Ctrl+C again to abort.\n")

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handler)
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
        return False


def _format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else f"{seconds}s"


class _Bar:
    """A one-line progress bar; redrawn in place on a terminal, else quiet until done."""

    def __init__(self, label: str, stream: TextIO, unit: str = "", scale: float = 1.0, width: int = 30):
        self.label, self.stream, self.unit, self.scale, self.width = label, stream, unit, scale, width
        self.tty = getattr(stream, "isatty", lambda: False)()
        self.shown = False
        self.start = time.perf_counter()

    def line(self, done: float, total: float, extra: str = "") -> str:
        fraction = min(done / total, 1.0) if total else 0.0
        filled = int(self.width * fraction)
        bar = "=" * filled + (">" if filled < self.width else "") + " " * (self.width - filled - 1)
        elapsed = time.perf_counter() - self.start
        eta = f" ETA {_format_seconds(elapsed / fraction - elapsed)}" if 0 < fraction < 1 else ""
        return f"{self.label} [{bar[: self.width]}] {done * self.scale:,.0f}/{total * self.scale:,.0f}{self.unit}{eta}{extra}"

    def update(self, done: int, total: int) -> None:
        self.shown = True
        if self.tty:
            self.stream.write("\r" + self.line(done, total) + "\033[K")
            self.stream.flush()

    def close(self) -> None:
        if self.shown and self.tty:
            self.stream.write("\n")


class _EpochBar:
    """``Epoch 3/10 [=====>    ] 120/157 ETA 4s loss 0.4321 accuracy 0.8123``, one line per epoch."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.epochs = self.steps = 0
        self.bar: _Bar | None = None

    def begin(self, epochs: int, steps: int) -> None:
        self.epochs, self.steps = epochs, steps

    def batch(self, epoch: int, step: int, steps: int, logs: dict) -> None:
        if self.bar is None:
            self.bar = _Bar(f"Epoch {epoch}/{self.epochs}", self.stream)
        if self.bar.tty:
            extra = f" loss {logs.get('loss', float('nan')):.4f} accuracy {logs.get('accuracy', float('nan')):.4f}"
            self.stream.write("\r" + self.bar.line(step, steps, extra) + "\033[K")
            self.stream.flush()

    def epoch(self, epoch: int, logs: dict) -> None:
        bar = self.bar or _Bar(f"Epoch {epoch}/{self.epochs}", self.stream)
        values = "  ".join(f"{key} {value:.4f}" for key, value in logs.items() if key != "seconds")
        prefix = "\r" if bar.tty else ""
        self.stream.write(f"{prefix}{bar.line(self.steps, self.steps)} {_format_seconds(logs['seconds'])}  {values}\033[K\n" if bar.tty else f"Epoch {epoch}/{self.epochs} {_format_seconds(logs['seconds'])}  {values}\n")
        self.stream.flush()
        self.bar = None
