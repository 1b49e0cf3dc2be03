"""How the config's fields and choices are named in the window, in every language.

The form and the run comparison's legend both use these labels.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: Labels of the fields we know; others get one made from their name.
LABELS = {
    "vocab_size": QT_TRANSLATE_NOOP("ConfigForm", "Vocabulary size"),
    "max_length": QT_TRANSLATE_NOOP("ConfigForm", "Sequence length"),
    "embedding_dim": QT_TRANSLATE_NOOP("ConfigForm", "Embedding size"),
    "cell": QT_TRANSLATE_NOOP("ConfigForm", "Recurrent cell"),
    "bidirectional": QT_TRANSLATE_NOOP("ConfigForm", "Bidirectional"),
    "recurrent_layers": QT_TRANSLATE_NOOP("ConfigForm", "Recurrent layers"),
    "units": QT_TRANSLATE_NOOP("ConfigForm", "Units per layer"),
    "dropout": QT_TRANSLATE_NOOP("ConfigForm", "Dropout"),
    "word_dropout": QT_TRANSLATE_NOOP("ConfigForm", "Word dropout"),
    "embedding_dropout": QT_TRANSLATE_NOOP("ConfigForm", "Embedding dropout"),
    "pooling": QT_TRANSLATE_NOOP("ConfigForm", "Pooling"),
    "optimizer": QT_TRANSLATE_NOOP("ConfigForm", "Optimizer"),
    "learning_rate": QT_TRANSLATE_NOOP("ConfigForm", "Learning rate"),
    "epochs": QT_TRANSLATE_NOOP("ConfigForm", "Epochs"),
    "batch_size": QT_TRANSLATE_NOOP("ConfigForm", "Batch size"),
    "validation_split": QT_TRANSLATE_NOOP("ConfigForm", "Validation split"),
    "early_stopping": QT_TRANSLATE_NOOP("ConfigForm", "Early stopping"),
    "patience": QT_TRANSLATE_NOOP("ConfigForm", "Patience (epochs)"),
    "min_delta": QT_TRANSLATE_NOOP("ConfigForm", "Min. improvement"),
    "restore_best_weights": QT_TRANSLATE_NOOP("ConfigForm", "Restore best weights"),
    "seed": QT_TRANSLATE_NOOP("ConfigForm", "Random seed"),
}
#: Labels of fields placed wherever there is room (not in the fixed columns).
EXTRA_LABELS = {
    "clipnorm": QT_TRANSLATE_NOOP("ConfigForm", "Clipnorm"),
    "jit_compile": QT_TRANSLATE_NOOP("ConfigForm", "JIT compile (XLA)"),
    "bucket_by_length": QT_TRANSLATE_NOOP("ConfigForm", "Bucket by length"),
    "ema_momentum": QT_TRANSLATE_NOOP("ConfigForm", "Weight averaging (EMA)"),
}
#: How choices are shown, where the engine's value is not the best label.
CHOICE_LABELS = {
    "lstm": "LSTM",
    "gru": "GRU",
    "last": QT_TRANSLATE_NOOP("ConfigForm", "last state"),
    "max": QT_TRANSLATE_NOOP("ConfigForm", "max over steps"),
    "max+mean": QT_TRANSLATE_NOOP("ConfigForm", "max and mean over steps"),
}

def label_for(name: str) -> str:
    """The field's label in the current language."""
    known = LABELS.get(name) or EXTRA_LABELS.get(name)
    return QCoreApplication.translate("ConfigForm", known) if known else name.replace("_", " ").capitalize()
