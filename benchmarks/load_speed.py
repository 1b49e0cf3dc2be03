"""Loading and vectorising a large CSV of your own reviews: 200,000 rows.

    python benchmarks/load_speed.py [--rows 200000] [--data PATH] [--plain]

Builds the CSV from the IMDB reviews, repeated, with labels written in the
spellings people use (pos/neg, 1/0, positive/negative, true/false), then
times ``load_corpus`` on it (parsing, labels, a stratified 20% test split)
and the vectorisation a training run does (vocabulary and both splits, one
pass: core.text.corpus_encoding); --plain adds the two-pass reference path.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, save, table  # noqa: E402

SPELLINGS = [("pos", "neg"), ("1", "0"), ("positive", "negative"), ("True", "False")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--plain", action="store_true", help="also time the plain two-pass path, for comparison")
    args = parser.parse_args()

    from core.data.loading import load_corpus
    from core.data.sources import SourceOptions

    imdb = load_corpus(data_path(args.data))
    texts = imdb.train_texts + imdb.test_texts
    labels = list(imdb.train_labels) + list(imdb.test_labels)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "reviews.csv"
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["review", "sentiment"])
            for row in range(args.rows):
                positive, negative = SPELLINGS[row % len(SPELLINGS)]
                writer.writerow([texts[row % len(texts)], positive if labels[row % len(labels)] else negative])
        size_mb = path.stat().st_size / 1e6

        start = time.perf_counter()
        corpus = load_corpus(path, options=SourceOptions())
        load_s = time.perf_counter() - start

    from core.text.corpus_encoding import encode_corpus
    from core.text.vectorizer import TextToSequence, build_vocabulary, vectorize

    start = time.perf_counter()
    encode_corpus(corpus.train_texts, corpus.test_texts, 10_000, 250)
    encode_s = time.perf_counter() - start
    plain_s = None
    if args.plain:
        start = time.perf_counter()
        layer = TextToSequence(build_vocabulary(corpus.train_texts, 10_000), 250)
        vectorize(layer, corpus.train_texts)
        vectorize(layer, corpus.test_texts)
        plain_s = time.perf_counter() - start

    rows = [
        {"step": f"load the CSV ({args.rows:,} rows, {size_mb:,.0f} MB)", "seconds": load_s},
        {"step": "vocabulary and vectors of both splits (one pass, as training does it)", "seconds": encode_s},
        {"step": "load and vectorise", "seconds": load_s + encode_s},
    ]
    if plain_s is not None:
        rows.insert(2, {"step": "the same, the plain way (vocabulary, then vectorise)", "seconds": plain_s})
    print(table(rows, [("step", "step", ""), ("seconds", "seconds", ".2f")]))
    print(f"\nresults in {save('load_speed', {'rows': rows, 'csv_rows': args.rows})}")


if __name__ == "__main__":
    main()
