"""Per-word explanations: one batched call, the right signs, OOV and truncation marked."""

from __future__ import annotations

import pytest

from core.insight.explain import explain

POSITIVE = "Saw it with friends. The film was wonderful. The cast was superb too. I loved it."
NEGATIVE = "Saw it with friends. The film was awful. The cast was dull too. I hated it."


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


def test_one_batched_forward_pass_for_n_words(trained_small_model):
    with CountingCalls(trained_small_model) as counter:
        explanation = explain(trained_small_model, POSITIVE)
    n = len(explanation.words)
    assert n == 16
    assert counter.calls == 1 and counter.batch_sizes == [n + 1]


def test_probability_matches_predict(trained_small_model):
    explanation = explain(trained_small_model, POSITIVE)
    assert explanation.probability == pytest.approx(float(trained_small_model.predict([POSITIVE])[0]), abs=1e-6)


def test_sentiment_words_push_the_right_way(trained_small_model):
    positive = {w.token: w.contribution for w in explain(trained_small_model, POSITIVE).words}
    negative = {w.token: w.contribution for w in explain(trained_small_model, NEGATIVE).words}
    # Deleting "wonderful" lowers the positive probability; deleting "awful" raises it.
    assert positive["wonderful"] > 0
    assert negative["awful"] < 0
    assert max(positive, key=positive.get) in {"wonderful", "superb", "loved"}


def test_out_of_vocabulary_and_truncated_words_are_marked(trained_small_model):
    max_length = trained_small_model.vectorizer.max_length  # 40
    text = "Zorgblat " + " ".join(["The film was wonderful."] * 12)  # 49 words
    explanation = explain(trained_small_model, text)
    words = explanation.words
    assert len(words) == 49 and explanation.unseen_count == 49 - max_length
    assert not words[0].in_vocabulary and not words[0].seen and words[0].contribution is None
    assert all(w.seen and w.contribution is not None for w in words[-max_length:])


def test_words_keep_their_spans_in_the_original_text(trained_small_model):
    text = "Don't   MISS it!<br />Wonderful."
    explanation = explain(trained_small_model, text)
    assert [w.token for w in explanation.words] == ["dont", "miss", "it", "wonderful"]
    assert [text[w.start : w.end] for w in explanation.words] == ["Don't", "MISS", "it", "Wonderful"]


def test_empty_text_has_no_words(trained_small_model):
    explanation = explain(trained_small_model, "   ")
    assert explanation.words == [] and 0 <= explanation.probability <= 1
