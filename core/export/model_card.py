"""A model card in Markdown, built from a model file's ``studio.json`` alone.

Nothing is loaded but that JSON entry (no TensorFlow, no weights): the
data source, the config, how training went, the test metrics with the
confusion matrix, the accuracy on short reviews, and the known limits of
a model that reads the last N tokens of English text.

The short-review accuracy is read from ``studio.json``'s
``"short_reviews": {"accuracy": ..., "count": ...}`` when a run measured
it; otherwise the card says "not measured".
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from core import __version__
from core.errors import QT_TRANSLATE_NOOP, ModelFileError
from core.models.model_file import read_metadata

# (key in the test metrics, name in the card), in the order shown.
METRICS = (("accuracy", "Accuracy"), ("precision", "Precision"), ("recall", "Recall"), ("f1", "F1"), ("roc_auc", "ROC AUC"), ("loss", "Loss (binary cross-entropy)"))
NOT_MEASURED = "not measured"


def model_card(metadata: dict, title: str = "IMDB Sentiment Studio model", today: _dt.date | None = None) -> str:
    """The card's Markdown text for a model whose ``studio.json`` is ``metadata``."""
    today = today or _dt.datetime.now(_dt.timezone.utc).date()
    config = metadata.get("config") or {}
    sections = [
        f"# Model card: {title}",
        _made_by(metadata, today),
        _use(metadata),
        _data(metadata.get("source") or {}),
        _training(config, metadata.get("training") or {}),
        _test_metrics(metadata.get("test_metrics")),
        _short_reviews(metadata.get("short_reviews")),
        _limits(metadata),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def write_model_card(model_file: str | os.PathLike, out: str | os.PathLike) -> Path:
    """Read ``model_file``'s ``studio.json`` and write its card to ``out``, atomically."""
    model_file, out = Path(model_file).expanduser(), Path(out).expanduser()
    text = model_card(read_metadata(model_file), title=model_file.stem)
    if out.is_dir():
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{path!r} is a folder; give a file name for the model card, such as card.md."), path=str(out))
    temporary = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, out)
    except OSError as exc:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("core", "Could not write the model card to {path!r}: {reason}. Choose a folder you can write to."),
            path=str(out), reason=str(exc.strerror or exc),
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
    return out


# --- sections ----------------------------------------------------------------


def _made_by(metadata: dict, today: _dt.date) -> str:
    saved = str(metadata.get("saved_at") or "an unknown date")
    return "\n".join([
        f"- **Made by**: IMDB Sentiment Studio {metadata.get('app_version', '?')} (Keras {metadata.get('keras_version', '?')}), saved {saved}.",
        f"- **Card written**: {today.isoformat()}, by IMDB Sentiment Studio {__version__}, from the model file's `studio.json`.",
    ])


def _use(metadata: dict) -> str:
    config = metadata.get("config") or {}
    threshold = (metadata.get("test_metrics") or {}).get("threshold", 0.5)
    return "\n".join([
        "## Intended use",
        "",
        "It reads one movie review as raw text and gives the probability that the review is positive "
        f"(label 1; negative is 0). A probability of {threshold:g} or more counts as positive below.",
        "",
        f"Model: {_architecture(config)}.",
    ])


def _architecture(config: dict) -> str:
    if "cell" not in config:
        return "see the configuration below"
    cell = str(config["cell"]).upper()
    layers = config.get("recurrent_layers", 1)
    recurrent = f"{'bidirectional ' if config.get('bidirectional') else ''}{cell}({config.get('units')})" + (f" x {layers}" if layers > 1 else "")
    pooling = {"max": ", max-pooled over the steps", "max+mean": ", max- and mean-pooled over the steps"}.get(config.get("pooling"), "")
    return (f"Embedding({config.get('vocab_size')}, {config.get('embedding_dim')}) -> {recurrent}{pooling} -> Dense(1, sigmoid), "
            f"reading the last {config.get('max_length')} tokens of each review")


def _data(source: dict) -> str:
    if not source:
        return "## Data\n\nThe model file does not record its data source."
    where = source.get("path") or source.get("url") or ""
    lines = ["## Data", "", f"- **Source**: {source.get('name', 'unknown')}" + (f" (`{where}`)" if where else "")]
    for part, label in (("train", "Training reviews"), ("test", "Test reviews")):
        count, positive = source.get(f"{part}_count"), source.get(f"{part}_positive")
        if count is not None:
            balance = f" ({positive:,} positive, {count - positive:,} negative)" if positive is not None else ""
            lines.append(f"- **{label}**: {count:,}{balance}")
    if source.get("test_path"):
        lines.append(f"- **Test data from**: `{source['test_path']}`")
    elif source.get("test_fraction") is not None:
        lines.append(f"- **Test split**: {source['test_fraction']:g} of the file, stratified, seed {source.get('split_seed')}")
    return "\n".join(lines)


def _training(config: dict, training: dict) -> str:
    lines = ["## Training", ""]
    if training:
        done = training.get("epochs_done")
        planned = config.get("epochs")
        lines.append(f"- **Epochs**: {done} of {planned}" + (" (stopped by the user)" if training.get("stopped") else ""))
        if training.get("best_epoch"):
            restored = ", its weights restored by early stopping" if training.get("restored_best") else ""
            lines.append(f"- **Best validation epoch**: {training['best_epoch']}{restored}")
        if training.get("seconds") is not None:
            lines.append(f"- **Training time**: {training['seconds']:.1f} s")
        lines.append("")
    lines += ["| hyperparameter | value |", "| --- | --- |"]
    lines += [f"| {name} | {_value(value)} |" for name, value in config.items()]
    return "\n".join(lines)


def _value(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _test_metrics(metrics: dict | None) -> str:
    if not metrics:
        return "## Test metrics\n\nNot measured: training was stopped before the test set was evaluated (Evaluate in the app, or `main.py evaluate`)."
    count = f"{metrics['count']:,}" if isinstance(metrics.get("count"), int) else "the"
    lines = ["## Test metrics", "", f"On {count} test reviews, threshold {metrics.get('threshold', 0.5):g}.", "",
             "| metric | value |", "| --- | --- |"]
    lines += [f"| {name} | {metrics[key]:.4f} |" for key, name in METRICS if isinstance(metrics.get(key), (int, float))]
    matrix = metrics.get("confusion_matrix")
    if matrix:
        (tn, fp), (fn, tp) = matrix
        lines += ["", "Confusion matrix (rows: the true label; columns: the model's):", "",
                  "| | predicted negative | predicted positive |", "| --- | ---: | ---: |",
                  f"| **negative** | {tn:,} | {fp:,} |", f"| **positive** | {fn:,} | {tp:,} |"]
    return "\n".join(lines)


def _short_reviews(short: dict | None) -> str:
    if not short or not isinstance(short.get("accuracy"), (int, float)):
        return f"## Short reviews\n\nAccuracy on short reviews (one or two sentences): {NOT_MEASURED}."
    count = f" ({short['count']:,} reviews)" if isinstance(short.get("count"), int) else ""
    return f"## Short reviews\n\nAccuracy on short reviews (one or two sentences){count}: {short['accuracy']:.4f}."


def _limits(metadata: dict) -> str:
    config = metadata.get("config") or {}
    source = metadata.get("source") or {}
    max_length = metadata.get("max_length") or config.get("max_length")
    vocab_size = metadata.get("vocab_size") or config.get("vocab_size")
    imdb = "imdb" in str(source.get("name", "")).lower() or not source
    language = ("**English only.** It learnt its words from English IMDB reviews; text in another language is mostly unknown words to it."
                if imdb else
                f"**Only the language of its training data** ({source.get('name')}). Words are split at spaces and punctuation, so "
                "languages written without spaces (Chinese, Japanese, Thai) are not read word by word.")
    limits = [
        f"**Reads the last {max_length} tokens** of a review; a longer review loses its beginning.",
        language,
        f"**Knows {vocab_size:,} word indices** (padding and \"unknown\" included): every other word is the same unknown word." if vocab_size else "",
        "**Lowercase, no punctuation**: `<br />`, punctuation, capitals and emoticons are dropped before it reads (`don't` becomes `dont`).",
        "**Two classes**: there is no neutral answer; a mixed review gets a probability somewhere between.",
        "**Movie reviews**: other kinds of text (products, tweets) use other words and may be judged less well." if imdb else "",
    ]
    return "## Known limits\n\n" + "\n".join(f"- {limit}" for limit in limits if limit)
