"""How fast a trained model answers: one typed review, one explanation, 10,000 reviews, a 1 MB review.

    python benchmarks/classify_speed.py --model model.keras [--data PATH]

Without ``--model`` it first trains the tutorial's model for one epoch on
the full data (a full-data model is what a user classifies with). The
review texts are real IMDB test reviews.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, save, table  # noqa: E402


def timed(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model")
    parser.add_argument("--data")
    args = parser.parse_args()

    from core.data.loading import load_corpus
    from core.insight.batch_classify import classify_many
    from core.insight.explain import explain
    from core.models.config import TrainingConfig
    from core.models.sentiment_model import SentimentModel
    from core.text.vectorizer import tokenize
    from core.training.trainer import train

    corpus = load_corpus(data_path(args.data))
    if args.model:
        model = SentimentModel.load(args.model)
    else:
        print("No --model: training the tutorial's model for 1 epoch on the full data first...", flush=True)
        model = train(corpus, TrainingConfig(epochs=1))
        model = SentimentModel.load(model.save(Path(tempfile.mkdtemp()) / "classify_speed.keras"))

    typed = "An absolute masterpiece, moving and beautifully acted."
    long_review = next(t for t in corpus.test_texts if 250 <= len(tokenize(t)) <= 300)
    long_review = " ".join(tokenize(long_review)[:250])  # exactly 250 tokens
    batch = corpus.test_texts[:10_000]

    model.predict([typed])  # warm-up: the first call builds the predict function
    explain(model, long_review)
    one = timed(lambda: model.predict([typed]), 50)
    explanation = timed(lambda: explain(model, long_review), 10)
    many = timed(lambda: classify_many(model, batch), 3)
    megabyte = (" ".join(corpus.test_texts) * 2)[:1_000_000]
    huge = timed(lambda: model.predict([megabyte]), 5)

    rows = [
        {"what": "one typed review", "median_ms": statistics.median(one) * 1000, "runs": len(one)},
        {"what": "explain a 250-token review", "median_ms": statistics.median(explanation) * 1000, "runs": len(explanation)},
        {"what": "classify 10,000 reviews", "median_ms": statistics.median(many) * 1000, "runs": len(many)},
        {"what": "classify one 1 MB review", "median_ms": statistics.median(huge) * 1000, "runs": len(huge)},
    ]
    print(table(rows, [("what", "what", ""), ("median_ms", "median ms", ",.1f"), ("runs", "runs", "d")]))
    print(f"\nresults in {save('classify_speed', {'rows': rows, 'model': args.model or 'trained 1 epoch'})}")


if __name__ == "__main__":
    main()
