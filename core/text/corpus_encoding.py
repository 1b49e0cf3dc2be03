"""The vocabulary and the integer arrays of a whole corpus, tokenising each review once.

:func:`core.text.vectorizer.build_vocabulary` followed by
:func:`core.text.vectorizer.vectorize` is the plain way, and the reference: it
standardises and splits every training review twice (once to count, once
to look up), and counts strings. On 200,000 reviews that is most of a
minute. Here each review is split once, on both CPU cores, by the very
same :func:`~core.text.vectorizer.split_words`; words become 63-bit hashes,
counted with numpy and looked up in a hash table built from the chosen
vocabulary. Only the last ``max_length`` words of a review are kept for
the lookup, and the rows are padded by the layer's own
:func:`~core.text.vectorizer.pad` (in front, or at the end).

The result equals the plain way (the tests check it) unless two different
words share a 63-bit hash, which for a million distinct words has a
chance of about one in 10^7.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import tensorflow as tf

from core.text.tokens import OOV_INDEX, RESERVED
from core.text.vectorizer import as_string_tensor, pad, split_words

_BUCKETS = 2**63 - 1
CHUNK = 4096

#: ``progress(done, total)`` in reviews.
Progress = Callable[[int, int], None]


@dataclass
class _Chunk:
    """One chunk of reviews: the hashes of their last words, and its word counts."""

    tails: tf.RaggedTensor  # int64 hashes, at most max_length per review
    unique: np.ndarray | None = None  # int64 hashes of the distinct words, sorted
    counts: np.ndarray | None = None  # how often each occurs


def _hash(words: tf.Tensor) -> tf.Tensor:
    return tf.strings.to_hash_bucket_fast(words, _BUCKETS)


def _count(values: np.ndarray, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values (sorted) and their counts (or summed weights).

    numpy's sort is many times faster than a hash map (``tf.unique``) here.
    """
    order = np.argsort(values) if weights is not None else None
    ordered = values[order] if order is not None else np.sort(values)
    if not len(ordered):
        return ordered, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    if weights is None:
        return ordered[starts], np.diff(np.append(starts, len(ordered)))
    return ordered[starts], np.add.reduceat(weights[order], starts)


def _words(texts: Sequence[str]) -> tuple[tf.RaggedTensor, tf.Tensor]:
    words = split_words(as_string_tensor(texts))
    return words, _hash(words.flat_values)


def _tokenize(texts: Sequence[str], max_length: int, count: bool) -> _Chunk:
    words, hashes = _words(texts)
    chunk = _Chunk(tails=words.with_flat_values(hashes)[:, -max_length:])
    if count:
        chunk.unique, chunk.counts = _count(hashes.numpy())
    return chunk


def _tokenize_all(texts: Sequence[str], max_length: int, count: bool, progress: Progress | None, size: int) -> list[_Chunk]:
    starts = range(0, len(texts), size)
    chunks: list[_Chunk] = []
    pool = ThreadPoolExecutor(_workers(len(starts)), thread_name_prefix="tokenize")
    try:
        # TensorFlow's string ops and numpy's sort release the GIL: chunks run side by side.
        for chunk in pool.map(lambda start: _tokenize(texts[start : start + size], max_length, count), starts):
            chunks.append(chunk)
            if progress:
                progress(min(len(texts), len(chunks) * size), len(texts))
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)  # a progress callback gave up: drop the chunks not begun
        raise
    pool.shutdown()
    return chunks


def _spell(texts: Sequence[str], chunks: list[_Chunk], size: int, hashes: np.ndarray) -> dict[int, bytes]:
    """The word behind each hash, read again from the first chunks that hold them.

    Only the chosen words are spelled, and frequent words all occur in the
    first chunk or two, so this re-reads very little.
    """
    spelling: dict[int, bytes] = {}
    missing = hashes
    for index, chunk in enumerate(chunks):
        if not np.isin(missing, chunk.unique).any():
            continue
        words, chunk_hashes = _words(texts[index * size : (index + 1) * size])
        found = np.isin(chunk_hashes.numpy(), missing)
        # Distinct in TensorFlow (which lets go of the GIL): turning the ~900,000
        # matching words of a first chunk into Python bytes held it for 70 ms at a stretch.
        unique = sorted(tf.unique(tf.boolean_mask(words.flat_values, found)).y.numpy().tolist())
        spelling.update(zip(_hash(tf.constant(unique)).numpy().tolist(), unique))
        missing = missing[~np.isin(missing, list(spelling))]
        if not len(missing):
            break
    return spelling


def _choose(
    texts: Sequence[str], chunks: list[_Chunk], chunk_size: int, size: int, exclude: Iterable[str]
) -> tuple[list[str], np.ndarray]:
    """The ``size`` most frequent words (ties by spelling), and their hashes."""
    if not chunks or size <= 0:
        return [], np.zeros(0, np.int64)
    hashes, totals = _count(np.concatenate([c.unique for c in chunks]), np.concatenate([c.counts for c in chunks]))
    excluded = [w.encode("utf-8") for w in exclude]
    if excluded:
        totals[np.isin(hashes, _hash(tf.constant(excluded)).numpy())] = 0
    present = totals > 0
    hashes, totals = hashes[present], totals[present]
    if len(hashes) > size:
        # Every word that ties with the last one kept competes on spelling.
        cutoff = np.partition(totals, len(totals) - size)[len(totals) - size]
        keep = totals >= cutoff
        hashes, totals = hashes[keep], totals[keep]
    spelling = _spell(texts, chunks, chunk_size, hashes)
    ranked = sorted(zip(totals.tolist(), hashes.tolist()), key=lambda item: (-item[0], spelling[item[1]]))[:size]
    return [spelling[key].decode("utf-8") for _, key in ranked], np.array([key for _, key in ranked], np.int64)


def _workers(jobs: int) -> int:
    return max(1, min(jobs, os.cpu_count() or 1))


def _lookup(chunks: list[_Chunk], table: tf.lookup.StaticHashTable, max_length: int, padding: str) -> np.ndarray:
    def rows(chunk: _Chunk) -> np.ndarray:
        return pad(tf.ragged.map_flat_values(table.lookup, chunk.tails), max_length, padding).numpy()

    with ThreadPoolExecutor(_workers(len(chunks)), thread_name_prefix="lookup") as pool:
        parts = list(pool.map(rows, chunks))
    return np.concatenate(parts) if parts else np.zeros((0, max_length), np.int32)


def encode_corpus(
    train_texts: Sequence[str],
    test_texts: Sequence[str],
    vocab_size: int,
    max_length: int,
    exclude: Iterable[str] = (),
    progress: Progress | None = None,
    phase: Callable[[str], None] | None = None,
    chunk_size: int = CHUNK,
    padding: str = "pre",
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """``(vocabulary, x_train, x_test)``, as ``build_vocabulary`` then ``vectorize`` give them.

    The vocabulary is counted on the training texts only; the rows are
    padded as a ``TextToSequence(padding=padding)`` pads them. ``phase("vectorising")``
    is called once it is chosen; ``progress`` counts reviews tokenised.
    """
    total = len(train_texts) + len(test_texts)
    train = _tokenize_all(train_texts, max_length, True, progress and (lambda done, _: progress(done, total)), chunk_size)
    vocabulary, hashes = _choose(train_texts, train, chunk_size, vocab_size - RESERVED, exclude)
    keys = tf.constant(hashes if len(hashes) else np.array([-1], np.int64), dtype=tf.int64)
    values = tf.range(RESERVED, RESERVED + len(keys), dtype=tf.int64)
    table = tf.lookup.StaticHashTable(tf.lookup.KeyValueTensorInitializer(keys, values), default_value=OOV_INDEX)
    if phase:
        phase("vectorising")
    x_train = _lookup(train, table, max_length, padding)
    del train
    offset = len(train_texts)
    test = _tokenize_all(test_texts, max_length, False, progress and (lambda done, _: progress(offset + done, total)), chunk_size)
    return vocabulary, x_train, _lookup(test, table, max_length, padding)
