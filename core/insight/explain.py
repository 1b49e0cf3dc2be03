"""Which words drove a verdict: occlusion, in one batched forward pass.

For a review of n words the model sees the last ``max_length`` of them.
Each seen word's contribution is how much the probability of "positive"
drops when that word is deleted (the rest shifts up, as if it had never
been typed, so the word just before the window moves into it): positive
numbers push towards positive. All deletions go to the model as one batch,
so explaining a 250-word review costs one call.

Only the last ``max_length + 1`` words matter, so only they are listed and
only the end of the text that holds them is tokenised: a 10 MB review costs
what a 250-word one does. The end is cut just after a white-space
character, where no word, apostrophe or ``<br />`` can straddle the cut, so
its words are exactly the last words of the whole text.

Words outside the vocabulary are marked (the model reads them all as the
same out-of-vocabulary token), and words cut off by the max-length
truncation are marked as not seen by the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from core.session import SESSION_LOCK
from core.text.tokens import OOV_INDEX, PAD_INDEX, RESERVED
from core.text.vectorizer import as_string_tensor, pad_ids, tokenize

# Mirrors core.text.vectorizer's standardisation to find each word in the original
# text, for highlighting. The token list itself always comes from the
# vectoriser; spans are only used when both agree word for word.
_SPAN = re.compile(r"<br\s*/?>|(?:[^\W_]|['’])+", re.IGNORECASE)
_SPACE = re.compile(r"\s")
#: Characters of the text's end tokenised first, per word needed; quadrupled until enough words are found.
_CHARACTERS_PER_WORD = 32


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
    """The verdict and the review's last ``max_length + 1`` words at most, with their contributions.

    Everything before ``start`` (a character index in the text) was cut off
    and is not listed: ``skipped_words`` words, or None when that part was
    never tokenised (a review far longer than the model reads).
    """

    probability: float
    words: list[Word]
    max_length: int
    start: int = 0
    skipped_words: int | None = 0

    @property
    def unseen_count(self) -> int | None:
        """Words the model did not see; None if the cut-off beginning was not counted."""
        listed = sum(not w.seen for w in self.words)
        return None if self.skipped_words is None else self.skipped_words + listed

    @property
    def seen_count(self) -> int:
        return sum(w.seen for w in self.words)


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


def last_words(text: str, count: int) -> tuple[int, list[str]]:
    """``(cut, tokens)``: ``text[cut:]`` holds at least ``count`` words (or is the whole text), and ``tokens`` are its words.

    ``cut`` is 0 or just after a white-space character, so ``tokens`` are
    exactly the last ``len(tokens)`` words of the whole text.
    """
    window = max(4096, count * _CHARACTERS_PER_WORD)
    while window < len(text):
        space = _SPACE.search(text, len(text) - window)
        if space is not None:
            tokens = tokenize(text[space.end() :])
            if len(tokens) >= count:
                return space.end(), tokens
        window *= 4
    return 0, tokenize(text)


def occlusion_batch(ids: list[int], max_length: int) -> np.ndarray:
    """Row 0: the review as the model reads it; then one row per seen word, with that word deleted.

    ``ids`` are at most ``max_length + 1`` word ids; rows are pre-padded to ``max_length``.
    """
    ids_array = np.asarray(ids, dtype="int32")
    count = len(ids_array)
    first_seen = max(0, count - max_length)
    seen_positions = np.arange(first_seen, count)
    kept = np.arange(count - 1 if count else 0)[None, :]  # the count - 1 words left after a deletion
    deleted = ids_array[kept + (kept >= seen_positions[:, None])]
    rows = np.full((1 + len(seen_positions), max_length), PAD_INDEX, dtype="int32")
    rows[0, max_length - (count - first_seen) :] = ids_array[first_seen:]
    rows[1:, max_length - deleted.shape[1] :] = deleted
    return rows


#: A model that reads every word (a bag of n-grams) is explained on this many last words at most.
EXPLAINED_WORDS = 1000


def _word_ids(model, listed: list[str]) -> list[int]:
    """The vocabulary's id of each word; a model without a word list (hashed n-grams) knows every word."""
    if not model.vocabulary:
        return [RESERVED] * len(listed)
    index = {word: i + RESERVED for i, word in enumerate(model.vocabulary)}
    return [index.get(token, OOV_INDEX) for token in listed]


def _text_occlusion(model, listed: list[str], first_seen: int) -> np.ndarray:
    """P(positive) of the seen words, then of them with each one deleted: strings through the whole model."""
    seen = listed[first_seen:]
    rows = [" ".join(seen)] + [" ".join(seen[:i] + seen[i + 1 :]) for i in range(len(seen))]
    with SESSION_LOCK:
        return np.asarray(model.end_to_end.predict_on_batch(as_string_tensor(rows))).reshape(-1)


def explain(model, text: str) -> Explanation:
    """Per-word contributions for ``text`` under ``model`` (a SentimentModel): one batched predict call."""
    reads_all = model.max_length is None
    max_length = EXPLAINED_WORDS if reads_all else model.max_length
    cut, tokens = last_words(text, max_length + 1)
    listed = tokens[-(max_length + 1) :]
    skipped = len(tokens) - len(listed)  # words of text[cut:] before the listed ones
    ids = _word_ids(model, listed)
    first_seen = max(0, len(listed) - max_length)

    if reads_all or not model.reads_word_ids:  # no word ids to feed: the text itself, through the whole model
        probabilities = _text_occlusion(model, listed, first_seen)
    else:
        padding = getattr(model.vectorizer, "padding", "pre")  # as the model's own vectorizer pads
        if padding == "pre":
            batch = occlusion_batch(ids, max_length)
        else:
            deletions = [ids[:position] + ids[position + 1 :] for position in range(first_seen, len(ids))]
            batch = np.asarray([pad_ids(row, max_length, padding) for row in [ids, *deletions]], dtype="int32")
        with SESSION_LOCK:
            probabilities = np.asarray(model.classifier.predict_on_batch(batch)).reshape(-1)
    full = float(probabilities[0])

    spans = _spans(text[cut:], tokens)
    spans = [(cut + start, cut + end, token) for start, end, token in spans[skipped:]] if spans else None
    words = []
    for position, token in enumerate(listed):
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
    if not (cut or skipped):
        start = 0  # nothing was cut off before the listed words
    else:
        start = words[0].start if words[0].start is not None else cut
    return Explanation(probability=full, words=words, max_length=max_length, start=start, skipped_words=None if cut else skipped)
