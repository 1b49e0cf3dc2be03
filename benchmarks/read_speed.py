"""How long reading all 50,000 labelled reviews takes, from the .tar.gz and from the unpacked folder.

    python benchmarks/read_speed.py [--data PATH] [--repeats 3]

Also times the vocabulary and the vectorisation of both splits, the other
start-of-run costs a user waits for before the first epoch.
"""

from __future__ import annotations

import argparse
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, median, save, table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    archive = Path(data_path(args.data))

    from core.data.loading import load_corpus

    timings: dict[str, list[float]] = {"read .tar.gz": [], "read folder": []}
    with tempfile.TemporaryDirectory() as scratch:
        folder = archive
        if archive.is_file():
            with tarfile.open(archive) as tar:
                tar.extractall(scratch, filter="data")
            folder = Path(scratch)
        for _ in range(args.repeats):
            for label, source in (("read .tar.gz", archive), ("read folder", folder)):
                if label == "read .tar.gz" and not archive.is_file():
                    continue
                start = time.perf_counter()
                corpus = load_corpus(source)
                timings[label].append(time.perf_counter() - start)
                assert len(corpus.train_texts) + len(corpus.test_texts) == 50_000

    from core.text.vectorizer import TextToSequence, build_vocabulary, vectorize

    start = time.perf_counter()
    vocabulary = build_vocabulary(corpus.train_texts, 10_000)
    timings["vocabulary (train)"] = [time.perf_counter() - start]
    layer = TextToSequence(vocabulary, 250)
    start = time.perf_counter()
    vectorize(layer, corpus.train_texts)
    vectorize(layer, corpus.test_texts)
    timings["vectorise 50,000"] = [time.perf_counter() - start]

    rows = [{"step": label, "median_s": median(values), "runs": len(values)} for label, values in timings.items() if values]
    print(table(rows, [("step", "step", ""), ("median_s", "median s", ".2f"), ("runs", "runs", "d")]))
    print(f"\nresults in {save('read_speed', {'rows': rows, 'timings': timings})}")


if __name__ == "__main__":
    main()
