"""Counting a model's network calls, for the tests that an explanation is one batched call."""

from __future__ import annotations


class CountingCalls:
    """Wraps the network's predict_on_batch to count calls; the real network still answers."""

    def __init__(self, model):
        self.model, self.calls, self.batch_sizes = model, 0, []
        self.original = model.classifier.predict_on_batch

    def __enter__(self):
        def counted(batch):
            self.calls += 1
            self.batch_sizes.append(len(batch))
            return self.original(batch)

        self.model.classifier.predict_on_batch = counted
        return self

    def __exit__(self, *exc):
        del self.model.classifier.predict_on_batch
