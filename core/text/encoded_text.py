"""What a model family's text pipeline hands the trainer: its text layer and the encoded reviews."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from core.text.ragged_ids import RaggedIds


@dataclass
class EncodedText:
    """``layer`` turns raw strings into the network's input; ``x_*`` are the corpus through it."""

    layer: Any  # a Keras layer: strings in, int ids out (TextToSequence, TextToNGrams)
    x_train: np.ndarray | RaggedIds
    x_test: np.ndarray | RaggedIds

    @property
    def vocab_size(self) -> int:
        return self.layer.vocab_size
