"""Every Keras object a saved model of ours may hold, registered by importing it.

``core`` imports this module right after Keras loads, so a ``.keras`` file
of ours loads with a plain ``keras.saving.load_model``. A model family whose
builder uses a layer of its own adds that layer's module here. The module
that imported Keras first is only partly loaded at that moment, so the
registered modules import each other as modules (``from core.text import
vectorizer``), never names from one another.
"""

from core.models import layers  # noqa: F401 - registers WordDropout, MaxMeanPooling1D, WeightedMean
from core.models.families import ngram_network  # noqa: F401 - registers WeightedBag
from core.text import (
    ngrams,  # noqa: F401 - registers TextToNGrams
    vectorizer,  # noqa: F401 - registers TextToSequence
)
