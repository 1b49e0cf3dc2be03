"""The default text pipeline: a vocabulary of the training words, and every review as padded word ids.

Families that read text another way (a bag of n-grams) give their own
``encode`` in the registry; this is what the recurrent family, and any
family without one, gets.
"""

from __future__ import annotations

from core.data.loading import Corpus
from core.models.config import TrainingConfig
from core.progress import ProgressHooks
from core.text.corpus_encoding import encode_corpus
from core.text.encoded_text import EncodedText
from core.text.vectorizer import TextToSequence


def encode_sequences(corpus: Corpus, config: TrainingConfig, hooks: ProgressHooks) -> EncodedText:
    """The tutorial's vectorisation: the ``vocab_size`` most frequent words, ``max_length`` ids a review.

    The rows are padded where the family's config asks (:meth:`FamilyConfig.text_padding`).
    """
    padding = config.model.text_padding()
    hooks.phase("building vocabulary")
    vocabulary, x_train, x_test = encode_corpus(
        corpus.train_texts,
        corpus.test_texts,
        config.vocab_size,
        config.max_length,
        exclude=[corpus.oov_token] if corpus.oov_token else (),
        progress=hooks.encoding,
        phase=hooks.phase,
        padding=padding,
    )
    return EncodedText(TextToSequence(vocabulary, config.max_length, padding, name="text_to_sequence"), x_train, x_test)
