"""Every preset against the two classical baselines, on the full IMDB data, in one run.

    pip install -e ".[bench]"          # scikit-learn, for the baselines only
    python benchmarks/model_zoo.py [--data PATH] [--presets "Bag of n-grams" "Best accuracy"]

Each preset is trained by the app's own command, in its own process, as a
user would run it (``main.py train --preset NAME --out M.keras``): the wall
time and peak RSS are that whole command's. Its IMDB test accuracy comes
from the saved model; then the model is loaded here and reads
``tests/data/short_reviews.tsv`` (never trained on) and one typed review
(the median latency of 20 single predictions after a warm-up).

The baselines are fitted in this process with scikit-learn, on all 25,000
training reviews, as someone comparing against the app would fit them:

- TF-IDF of word unigrams and bigrams (sublinear tf), logistic regression;
- NBSVM (Wang and Manning, 2012): binary uni- to trigrams weighted by their
  Naive Bayes log-count ratio, logistic regression.

Their regularisation C is chosen on the app's own validation split (the
last 20% of the training reviews), then they are refitted on all of them;
"fit" is the featurising and the final fit. The presets train on 80% of the
training reviews (the tutorial's validation split), the baselines on 100%.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, data_path, save, table

TYPED = "Gorgeous cinematography, brilliant performances, and a script that respects its audience."
VALIDATION_SPLIT = 0.2
C_GRID = (1.0, 4.0, 16.0, 64.0)


def accuracy(probabilities, labels) -> float:
    return sum((p > 0.5) == (y == 1) for p, y in zip(probabilities, labels)) / len(labels)


def latency_ms(predict) -> float:
    predict([TYPED])
    times = []
    for _ in range(20):
        start = time.perf_counter()
        predict([TYPED])
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


#: Runs a command and prints its peak RSS (KiB). The command is forked from this small process, not from the
#: benchmark's: Linux carries a process's peak RSS over ``fork`` and ``exec``, so a child forked from a
#: process grown by the baselines would report their size as its own.
_MEASURE = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:])\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "child.returncode = os.waitstatus_to_exitcode(status)\n"
    "print(f'peak_rss_kib={usage.ru_maxrss}', flush=True)\n"
    "sys.exit(child.returncode)\n"
)


def train_preset(name: str, data: str, folder: Path) -> dict:
    """``main.py train --preset name`` in its own process: the whole command's wall time and its peak RSS."""
    out = folder / f"{name.replace(' ', '_').replace('(', '').replace(')', '')}.keras"
    command = [sys.executable, str(ROOT / "main.py"), "train", "--preset", name, "--data", data, "--out", str(out)]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    peak = next(line for line in done.stdout.splitlines() if line.startswith("peak_rss_kib="))
    return {"model": name, "seconds": seconds, "path": out, "log": done.stderr, "peak_rss_mb": int(peak.split("=")[1]) / 1024}


def measure_model(row: dict, texts: list[str], labels: list[int]) -> None:
    from core.models.sentiment_model import SentimentModel

    model = SentimentModel.load(row["path"])
    row["test_accuracy"] = model.test_metrics["accuracy"]
    row["short_accuracy"] = accuracy(model.predict(texts), labels)
    row["latency_ms"] = latency_ms(model.predict)
    if getattr(model, "members", None):
        row["note"] = "weights " + ", ".join(f"{w:.2f}" for w in model.weights)


def baselines(data: str, texts: list[str], labels: list[int]) -> list[dict]:
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    from core.data.loading import load_corpus

    corpus = load_corpus(data)
    train_x = [t.replace("<br />", " ") for t in corpus.train_texts]
    test_x = [t.replace("<br />", " ") for t in corpus.test_texts]
    train_y, test_y = np.asarray(corpus.train_labels), np.asarray(corpus.test_labels)
    fitted = len(train_x) - int(len(train_x) * VALIDATION_SPLIT)

    def tfidf():
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)

        def fit(x, y):
            return vectorizer.fit_transform(x), lambda more: vectorizer.transform(more)
        return fit

    def nbsvm():
        vectorizer = CountVectorizer(ngram_range=(1, 3), binary=True)

        def fit(x, y):
            counts = vectorizer.fit_transform(x)
            p = np.asarray(counts[y == 1].sum(0)).ravel() + 1.0
            q = np.asarray(counts[y == 0].sum(0)).ravel() + 1.0
            ratio = np.log((p / p.sum()) / (q / q.sum()))
            return normalize(counts.multiply(ratio).tocsr()), lambda more: normalize(vectorizer.transform(more).multiply(ratio).tocsr())
        return fit

    rows = []
    for name, make in (("TF-IDF uni+bigram logistic regression (scikit-learn)", tfidf), ("NBSVM uni- to trigrams (scikit-learn)", nbsvm)):
        features, transform = make()(train_x[:fitted], train_y[:fitted])
        held_out = transform(train_x[fitted:])
        scores = {}
        for c in C_GRID:
            classifier = LogisticRegression(C=c, max_iter=2000, solver="liblinear").fit(features, train_y[:fitted])
            scores[c] = classifier.score(held_out, train_y[fitted:])
        best_c = max(scores, key=lambda c: (scores[c], -c))
        start = time.perf_counter()
        features, transform = make()(train_x, train_y)
        classifier = LogisticRegression(C=best_c, max_iter=2000, solver="liblinear").fit(features, train_y)
        seconds = time.perf_counter() - start

        def predict(more, transform=transform, classifier=classifier):
            return classifier.predict_proba(transform([t.replace("<br />", " ") for t in more]))[:, 1]

        rows.append({
            "model": name, "seconds": seconds, "test_accuracy": classifier.score(transform(test_x), test_y),
            "short_accuracy": accuracy(predict(texts), labels), "latency_ms": latency_ms(predict),
            "note": f"C={best_c:g} (validation {scores[best_c]:.4f})",
        })
        print(f"{name}: {rows[-1]}", file=sys.stderr, flush=True)
    return rows


def main() -> None:
    from core.models.config import PRESETS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the IMDB archive or folder (default: $IMDB_DATA or ../shared/data)")
    parser.add_argument("--presets", nargs="*", default=list(PRESETS), help="the presets to train (default: all)")
    parser.add_argument("--no-baselines", action="store_true", help="skip the scikit-learn baselines")
    parser.add_argument("--keep", type=Path, help="keep the trained models in this folder")
    args = parser.parse_args()
    data = data_path(args.data)
    from core.insight.short_reviews import read_short_reviews

    texts, labels = read_short_reviews()
    load = os.getloadavg()
    rows = [] if args.no_baselines else baselines(data, texts, labels)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for name in args.presets:
            row = train_preset(name, data, folder)
            measure_model(row, texts, labels)
            row.pop("log")
            row["path"] = str(row["path"])
            rows.append(row)
            print(f"{name}: {row}", file=sys.stderr, flush=True)
    load_after = os.getloadavg()
    columns = [("model", "model", ""), ("test_accuracy", "IMDB test", ".4f"), ("short_accuracy", "short reviews", ".3f"),
               ("seconds", "whole command (s)", ".0f"), ("peak_rss_mb", "peak RSS (MB)", ".0f"), ("latency_ms", "one review (ms)", ".1f"),
               ("note", "note", "")]
    print(table(rows, columns))
    print(f"load average before {load[0]:.1f}, after {load_after[0]:.1f}; {len(texts)} short reviews")
    saved = save("model_zoo", {"rows": rows, "load_before": load, "load_after": load_after})
    print(f"saved {saved}")


if __name__ == "__main__":
    main()
