"""Length buckets: every review once per epoch, shared padding trimmed, pre-padding kept."""

from __future__ import annotations

import numpy as np

from core.training.length_buckets import LengthBuckets, review_lengths


def padded(lengths, width=12):
    rng = np.random.default_rng(0)
    x = np.zeros((len(lengths), width), dtype="int32")
    for row, length in enumerate(lengths):
        if length:
            x[row, -length:] = rng.integers(1, 50, size=length)
    return x


def test_review_lengths_of_pre_padded_rows():
    assert review_lengths(padded([0, 1, 5, 12])).tolist() == [0, 1, 5, 12]


def test_every_review_once_per_epoch_and_batches_only_trim_shared_padding():
    lengths = [3, 12, 1, 7, 7, 2, 9, 0, 5, 11]
    x, y = padded(lengths), np.arange(10)
    buckets = LengthBuckets(x, y, batch_size=3, shuffle=True, seed=1, round_to=2)
    for _ in range(2):
        seen = []
        for i in range(len(buckets)):
            xb, yb = buckets[i]
            seen += yb.tolist()
            assert xb.shape[1] % 2 == 0 or xb.shape[1] == 12
            # Trimming removed only padding: each row is the original row's tail.
            for row, label in zip(xb, yb):
                assert np.array_equal(row, x[label, -xb.shape[1]:])
                assert (x[label, : 12 - xb.shape[1]] == 0).all()
        assert sorted(seen) == list(range(10))
        buckets.on_epoch_end()


def test_similar_lengths_share_a_batch():
    lengths = [1, 12, 2, 11, 1, 12]
    buckets = LengthBuckets(padded(lengths), np.arange(6), batch_size=2, shuffle=False, round_to=1)
    widths = sorted(buckets[i][0].shape[1] for i in range(len(buckets)))
    assert widths == [1, 11, 12]


def test_the_dataset_accepts_buckets_wider_than_the_first_ones():
    """Keras fixes a PyDataset's shape from its first batches; ours must not break on a wider bucket."""
    from core.training.length_buckets import bucketed_dataset

    lengths = [3] * 8 + [12] * 2
    x, y = padded(lengths), np.arange(10)
    buckets = LengthBuckets(x, y, batch_size=2, shuffle=False, round_to=1)
    widths = [int(batch.shape[1]) for batch, _ in bucketed_dataset(buckets)]
    assert widths == [3, 3, 3, 3, 12]
    assert [int(batch.shape[1]) for batch, _ in bucketed_dataset(buckets)] == widths  # a second epoch


def test_training_on_buckets_knows_its_steps_and_warns_of_nothing():
    """The dataset declares its length: Keras counts the steps and prints no "ran out of data" or shuffle warning."""
    import warnings

    from core.models.builder import build_model
    from core.models.config import TrainingConfig
    from core.models.families.recurrent import RecurrentConfig
    from core.training.length_buckets import bucketed_dataset
    from core.training.trainer import fit

    lengths = [3] * 40 + [12] * 24
    x, y = padded(lengths), np.arange(64) % 2
    assert int(bucketed_dataset(LengthBuckets(x, y, batch_size=8, shuffle=True)).cardinality()) == 8
    config = TrainingConfig(vocab_size=100, max_length=12, model=RecurrentConfig(embedding_dim=2, units=2), epochs=2, batch_size=8, bucket_by_length=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = fit(build_model(config), x, y, config)
    assert len(result.history["val_loss"]) == 2


def end_padded(lengths, width=12):
    return np.ascontiguousarray(padded(lengths, width)[:, ::-1])


def test_review_lengths_of_end_padded_rows():
    assert review_lengths(end_padded([0, 1, 5, 12]), padding="post").tolist() == [0, 1, 5, 12]
    # A padding id inside a review (none in practice) never shortens it: the length runs to the last word.
    assert review_lengths(np.array([[4, 0, 6, 0, 0]]), padding="post").tolist() == [3]


def test_end_padded_batches_trim_only_their_trailing_padding():
    lengths = [3, 12, 1, 7, 7, 2, 9, 0, 5, 11]
    x, y = end_padded(lengths), np.arange(10)
    buckets = LengthBuckets(x, y, batch_size=3, shuffle=True, seed=1, round_to=2, padding="post")
    seen = []
    for i in range(len(buckets)):
        xb, yb = buckets[i]
        seen += yb.tolist()
        width = xb.shape[1]
        longest = max(1, max(lengths[label] for label in yb))
        assert width == min(12, -(-longest // 2) * 2)
        for row, label in zip(xb, yb):
            assert np.array_equal(row, x[label, :width]) and not x[label, width:].any()
    assert sorted(seen) == list(range(10))
