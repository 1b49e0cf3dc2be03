"""Which words drove a verdict: occlusion, in one batched forward pass.

For a review of n words the model sees the last ``max_length`` of them.
Each seen word's contribution is how much the probability of "positive"
drops when that word is deleted (the rest shifts up, as if it had never
been typed): positive numbers push towards positive. All deletions go to
the model as one batch, so explaining a 250-word review costs one call.

Words outside the vocabulary are marked (the model reads them all as the
same out-of-vocabulary token), and words cut off by the max-length
truncation are marked as not seen by the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from core.text.tokens import OOV_INDEX, RESERVED
from core.text.vectorizer import pad_ids, tokenize

# Mirrors core.text.vectorizer's standardisation to find each word in the original
# text, for highlighting. The token list itself always comes from the
# vectoriser; spans are only used when both agree word for word.
_SPAN = re.compile(r"<br\s*/?>|(?:[^\W_]|['’])+", re.IGNORECASE)


@dataclass
class Word:
    """One word of a review, as the model saw it."""

    text: str  # the word as typed (or as normalised, if it could not be found in the text)
    token: str  # the normalised word the vocabulary is keyed by
    start: int | None  # character span in the original text, when known
    end: int | None
    in_vocabulary: bool
    seen: bool  # False: cut off by the max-length truncation
    contribution: float | None  # probability change when deleted; None if not seen


@dataclass
class Explanation:
    probability: float
    words: list[Word]
    max_length: int

    @property
    def unseen_count(self) -> int:
        return sum(not w.seen for w in self.words)


def _spans(text: str, tokens: list[str]) -> list[tuple[int, int, str]] | None:
    found = []
    for match in _SPAN.finditer(text):
        word = match.group(0)
        if word.lower().startswith("<br"):
            continue
        normalised = re.sub(r"['’]", "", word).lower()
        if normalised:
            found.append((match.start(), match.end(), normalised))
    if [f[2] for f in found] != tokens:
        return None
    return found


def explain(model, text: str) -> Explanation:
    """Per-word contributions for ``text`` under ``model`` (a SentimentModel)."""
    tokens = tokenize(text)
    max_length = model.vectorizer.max_length
    index = {word: i + RESERVED for i, word in enumerate(model.vocabulary)}
    ids = [index.get(token, OOV_INDEX) for token in tokens]
    first_seen = max(0, len(tokens) - max_length)
    padding = getattr(model.vectorizer, "padding", "pre")  # as the model's own vectorizer pads

    rows = [pad_ids(ids, max_length, padding)]
    for position in range(first_seen, len(tokens)):
        rows.append(pad_ids(ids[:position] + ids[position + 1 :], max_length, padding))
    batch = np.asarray(rows, dtype="int32")
    probabilities = np.asarray(model.classifier.predict_on_batch(batch)).reshape(-1)
    full = float(probabilities[0])

    spans = _spans(text, tokens)
    words = []
    for position, token in enumerate(tokens):
        seen = position >= first_seen
        start, end, shown = (spans[position][0], spans[position][1], text[spans[position][0] : spans[position][1]]) if spans else (None, None, token)
        words.append(
            Word(
                text=shown,
                token=token,
                start=start,
                end=end,
                in_vocabulary=ids[position] != OOV_INDEX,
                seen=seen,
                contribution=full - float(probabilities[1 + position - first_seen]) if seen else None,
            )
        )
    return Explanation(probability=full, words=words, max_length=max_length)
