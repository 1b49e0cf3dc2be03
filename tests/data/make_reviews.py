"""Writes the small review corpus under tests/data/small_reviews (committed; rerun to regenerate).

The reviews are our own short sentences, not IMDB's, in Stanford's aclImdb
layout: {train,test}/{pos,neg}/<id>_<rating>.txt. Their sentiment words are
strong enough that a tiny model learns them in a few epochs.
"""

import random
from pathlib import Path

POSITIVE = ["wonderful", "brilliant", "superb", "moving", "delightful", "a masterpiece", "great", "excellent", "beautiful", "charming"]
NEGATIVE = ["awful", "boring", "terrible", "dull", "a waste of time", "the worst", "predictable", "a mess", "bad", "painful"]
SUBJECTS = ["The film", "The acting", "The story", "This movie", "The ending", "The script", "The cast", "The music"]
OPENERS = ["I watched it last night.", "Saw it with friends.", "", "My sister picked this one.", "Rented it on a whim.<br /><br />"]
CLOSERS = ["", "Ten out of ten?", "That is all I can say.", "Make of that what you will.", "What else is there to add!"]


def review(rng: random.Random, words: list[str], verdicts: list[str]) -> str:
    first, second = rng.sample(words, 2)
    subject, other = rng.sample(SUBJECTS, 2)
    verdict = rng.choice(verdicts)
    return " ".join(
        part for part in [rng.choice(OPENERS), f"{subject} was {first}.", f"{other} was {second} too.", verdict, rng.choice(CLOSERS)] if part
    )


def main() -> None:
    rng = random.Random(2026)
    root = Path(__file__).parent / "small_reviews"
    counts = {"train": 24, "test": 8}
    positive_verdicts = ["I loved it.", "Highly recommended.", "I would watch it again."]
    negative_verdicts = ["I hated it.", "Avoid it.", "I want my time back."]
    next_id = 0
    for split, count in counts.items():
        for cls, words, verdicts, ratings in [
            ("pos", POSITIVE, positive_verdicts, (7, 8, 9, 10)),
            ("neg", NEGATIVE, negative_verdicts, (1, 2, 3, 4)),
        ]:
            folder = root / split / cls
            folder.mkdir(parents=True, exist_ok=True)
            for _ in range(count):
                (folder / f"{next_id}_{rng.choice(ratings)}.txt").write_text(review(rng, words, verdicts) + "\n", encoding="utf-8")
                next_id += 1


if __name__ == "__main__":
    main()
