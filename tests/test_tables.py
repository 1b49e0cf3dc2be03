"""Reviews from .txt, .csv and .tsv files, for batch classification and training."""

from __future__ import annotations

import csv
import threading

import numpy as np
import pytest

from core.data.tables import parse_label, read_columns, read_reviews, write_results
from core.errors import DataError
from core.insight.batch_classify import classify_many
from core.insight.metrics import classification_metrics


def test_labels_as_people_write_them():
    for value, label in [("1", 1), ("POS", 1), ("Positive", 1), ("true", 1), ("0", 0), ("neg", 0), ("NEGATIVE", 0), (" False ", 0)]:
        assert parse_label(value, "x") == label
    with pytest.raises(DataError, match="line 7.*'meh'"):
        parse_label("meh", "line 7")


def test_text_file_one_review_per_line(tmp_path):
    path = tmp_path / "reviews.txt"
    path.write_text("first review\n\nsecond review\n", encoding="utf-8")
    table = read_reviews(path)
    assert table.texts == ["first review", "second review"] and table.labels is None


def test_bytes_that_are_not_utf8_are_replaced_and_counted(tmp_path):
    csv_path = tmp_path / "latin1.csv"
    csv_path.write_bytes("review,label\ngood,1\n".encode() + b"caf\xe9 na\xefve,0\n" + "bien s\u00fbr,1\n".encode())
    table = read_reviews(csv_path)
    assert table.texts == ["good", "caf\ufffd na\ufffdve", "bien s\u00fbr"] and table.undecodable == 2
    text_path = tmp_path / "reviews.txt"
    text_path.write_bytes(b"\xff one\nclean two\n")
    assert read_reviews(text_path).undecodable == 1
    clean = tmp_path / "clean.csv"
    clean.write_text("review,label\nbien s\u00fbr,1\n", encoding="utf-8")
    assert read_reviews(clean).undecodable == 0  # and the count does not carry over from the last file


def test_csv_with_quoted_commas_newlines_and_labels(tmp_path):
    path = tmp_path / "reviews.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "review", "sentiment"])
        writer.writerow([1, "Great, truly great.\nSecond line.", "positive"])
        writer.writerow([2, "Bad", "neg"])
    table = read_reviews(path, label_column="sentiment")
    assert table.texts == ["Great, truly great.\nSecond line.", "Bad"]
    assert table.labels.tolist() == [1, 0]
    assert read_columns(path) == ["id", "review", "sentiment"]


def test_tsv(tmp_path):
    path = tmp_path / "reviews.tsv"
    path.write_text("text\tlabel\nnice\t1\nugly\t0\n", encoding="utf-8")
    assert read_reviews(path, "text", "label").labels.tolist() == [1, 0]


@pytest.mark.parametrize(
    "content, kwargs, message",
    [
        ("", {}, "empty"),
        ("a,b\n", {"text_column": "a"}, "no rows"),
        ("a,b\nx,y\n", {}, "choose the text column"),
        ("review,label\nx,1\n", {"text_column": "body"}, "no column 'body'"),
        ("review,label\nx,1\ny,maybe\n", {"label_column": "label"}, "line 3.*'maybe'"),
        ("review,label\nx,1\ny\n", {"label_column": "label"}, "line 3.*too few"),
    ],
)
def test_malformed_files_name_the_line_or_column(tmp_path, content, kwargs, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        read_reviews(path, **kwargs)


def test_batch_classification_reports_the_right_accuracy(trained_small_model, tmp_path, small_corpus_dir):
    from core.data.loading import load_corpus

    corpus = load_corpus(small_corpus_dir)
    path = tmp_path / "labelled.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["review", "sentiment"])
        for text, label in zip(corpus.test_texts, corpus.test_labels):
            writer.writerow([text, "pos" if label else "neg"])
    table = read_reviews(path, label_column="sentiment")
    progress = []
    probabilities = classify_many(trained_small_model, table.texts, progress=lambda d, t: progress.append((d, t)), chunk_size=5)
    expected = float(((trained_small_model.predict(corpus.test_texts) >= 0.5) == corpus.test_labels).mean())
    assert classification_metrics(table.labels, probabilities)["accuracy"] == pytest.approx(expected)
    assert progress[-1] == (16, 16) and len(progress) == 4

    out = write_results(tmp_path / "results.csv", table.texts, probabilities, table.labels)
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert len(rows) == 16 and set(rows[0]) == {"text", "label", "probability", "true_label"}
    assert np.allclose([float(r["probability"]) for r in rows], probabilities, atol=1e-6)


def test_batch_classification_can_be_stopped(trained_small_model):
    stop = threading.Event()
    stop.set()
    assert classify_many(trained_small_model, ["a"] * 10, stop_event=stop) is None
