"""Your own reviews (CSV/TSV, pos/neg folders) and Keras's IMDB arrays, through the one pipeline."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from core.data.kinds.keras_imdb import KERAS_IMDB, OOV_MARK
from core.data.loading import load_corpus
from core.data.sources import SourceOptions
from core.errors import DataError


def write_csv(path: Path, rows, header=("review", "label"), delimiter=","):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def labelled_rows(small_corpus_dir):
    corpus = load_corpus(small_corpus_dir)
    labels = {1: "positive", 0: "NEG"}
    return [(t, labels[int(l)]) for t, l in zip(corpus.train_texts + corpus.test_texts, list(corpus.train_labels) + list(corpus.test_labels))]


def test_csv_with_a_stratified_split(tmp_path, labelled_rows):
    path = write_csv(tmp_path / "mine.csv", labelled_rows)
    corpus = load_corpus(path, options=SourceOptions(test_fraction=0.25, split_seed=3))
    assert len(corpus.train_texts) == 48 and len(corpus.test_texts) == 16
    assert corpus.train_labels.sum() == 24 and corpus.test_labels.sum() == 8  # each class split alike
    assert set(corpus.train_texts).isdisjoint(corpus.test_texts)
    assert corpus.source == {"name": "your reviews (mine.csv)", "kind": "table", "path": str(path), "train_count": 48,
                             "test_count": 16, "train_positive": 24, "test_positive": 8, "test_fraction": 0.25, "split_seed": 3}
    again = load_corpus(path, options=SourceOptions(test_fraction=0.25, split_seed=3))
    assert again.test_texts == corpus.test_texts  # same seed, same split


def test_a_csv_with_bytes_that_are_not_utf8_is_counted_like_an_undecodable_file(tmp_path, labelled_rows):
    path = write_csv(tmp_path / "mine.csv", labelled_rows)
    assert load_corpus(path).undecodable_files == 0
    path.write_bytes(path.read_bytes().replace(b"the ", b"th\xe9 ", 3))
    assert load_corpus(path).undecodable_files == 1  # one file, whatever the count inside


def test_tsv_with_a_second_test_file_and_named_columns(tmp_path, labelled_rows):
    train = write_csv(tmp_path / "train.tsv", [(l, t) for t, l in labelled_rows[:40]], ("sentiment", "body"), "\t")
    test = write_csv(tmp_path / "test.tsv", [(l, t) for t, l in labelled_rows[40:]], ("sentiment", "body"), "\t")
    corpus = load_corpus(train, options=SourceOptions(text_column="body", label_column="sentiment", test_path=str(test)))
    assert len(corpus.train_texts) == 40 and len(corpus.test_texts) == 24
    assert corpus.source["test_path"] == str(test) and "test_fraction" not in corpus.source


@pytest.mark.parametrize(
    "rows, header, options, message",
    [
        ([("good", "1"), ("bad", "0")], ("text", "stars"), {}, "choose the label column"),
        ([("good", "1"), ("bad", "0")], ("review", "label"), {"label_column": "polarity"}, "no column 'polarity'"),
        ([("good", "1"), ("bad", "sort of")], ("review", "label"), {}, "line 3.*'sort of'"),
        ([], ("review", "label"), {}, "no rows"),
        ([("good", "pos"), ("great", "positive")], ("review", "label"), {}, "only positive reviews"),
    ],
)
def test_malformed_tables_name_the_line_or_column(tmp_path, rows, header, options, message):
    path = write_csv(tmp_path / "bad.csv", rows, header)
    with pytest.raises(DataError, match=message):
        load_corpus(path, options=SourceOptions(**options))


def test_an_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="empty"):
        load_corpus(path)


def test_class_folders_like_text_dataset_from_directory(tmp_path, small_corpus_dir):
    folder = tmp_path / "mine"
    shutil.copytree(small_corpus_dir / "train", folder)
    corpus = load_corpus(folder, options=SourceOptions(test_fraction=0.25))
    assert len(corpus.train_texts) + len(corpus.test_texts) == 48
    assert corpus.source["kind"] == "folder of classes"
    tests = tmp_path / "tests"
    shutil.copytree(small_corpus_dir / "test", tests)
    split = load_corpus(folder, options=SourceOptions(test_path=str(tests)))
    assert len(split.train_texts) == 48 and len(split.test_texts) == 16


def test_a_folder_with_one_class_is_refused(tmp_path):
    (tmp_path / "pos").mkdir()
    (tmp_path / "neg").mkdir()
    (tmp_path / "pos" / "1.txt").write_text("lovely", encoding="utf-8")
    with pytest.raises(DataError, match="only positive"):
        load_corpus(tmp_path)


def test_a_folder_in_neither_layout(tmp_path):
    (tmp_path / "pos").mkdir()
    with pytest.raises(DataError, match="aclImdb layout"):
        load_corpus(tmp_path)


# --- Keras's IMDB arrays, built here in Keras's cached format -------------------------

WORDS = {"the": 1, "film": 2, "was": 3, "great": 4, "awful": 5, "i": 6, "loved": 7, "hated": 8, "it": 9, "zanzibar": 40}


def keras_files(folder: Path) -> tuple[Path, Path]:
    """imdb.npz (word ranks per review, as Keras stores them) and imdb_word_index.json."""
    rank = WORDS
    positive = [rank["the"], rank["film"], rank["was"], rank["great"], rank["i"], rank["loved"], rank["it"]]
    negative = [rank["the"], rank["film"], rank["was"], rank["awful"], rank["i"], rank["hated"], rank["it"], rank["zanzibar"]]
    x_train = np.empty(40, dtype=object)
    x_test = np.empty(10, dtype=object)
    y_train = np.array([i % 2 for i in range(40)])
    y_test = np.array([i % 2 for i in range(10)])
    for array, labels in ((x_train, y_train), (x_test, y_test)):
        for i, label in enumerate(labels):
            array[i] = list(positive if label else negative)
    folder.mkdir(parents=True, exist_ok=True)
    npz = folder / "imdb.npz"
    np.savez(npz, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    index = folder / "imdb_word_index.json"
    index.write_text(json.dumps(WORDS), encoding="utf-8")
    return npz, index


def test_keras_arrays_decode_to_words_with_index_from_and_the_oov_mark(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    npz, index = keras_files(tmp_path / "keras_home" / "datasets")
    # num_words=10 keeps ranks whose shifted index (rank + 3) is below 10: ranks 1..6.
    corpus = load_corpus(KERAS_IMDB, options=SourceOptions(num_words=10, keras_npz=str(npz), keras_word_index=str(index)))
    texts = dict(zip(corpus.train_labels.tolist(), corpus.train_texts))
    assert texts[1] == f"the film was great i {OOV_MARK} {OOV_MARK}"
    assert texts[0] == f"the film was awful i {OOV_MARK} {OOV_MARK} {OOV_MARK}"
    assert corpus.oov_token == OOV_MARK and corpus.source["kind"] == "keras-imdb"
    assert corpus.source["path"] == str(npz) and corpus.source["num_words"] == 10
    # Shuffled as load_data shuffles: one RandomState(113), train then test.
    rng = np.random.RandomState(113)
    order = np.arange(40)
    rng.shuffle(order)
    assert corpus.train_labels.tolist() == [i % 2 for i in order]


def test_keras_source_trains_and_maps_its_oov_mark_like_an_unknown_typed_word(tmp_path, tiny_config):
    from core.training.trainer import train

    npz, index = keras_files(tmp_path)
    corpus = load_corpus(KERAS_IMDB, options=SourceOptions(num_words=200, keras_npz=str(npz), keras_word_index=str(index)))
    model = train(corpus, tiny_config)
    assert OOV_MARK not in model.vocabulary and "zanzibar" in model.vocabulary
    vectors = model.vectorize([OOV_MARK, "qwertyuiop"])
    assert vectors[0, -1] == vectors[1, -1] == 1


def test_keras_source_offline_without_a_cache_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty_keras_home"))
    monkeypatch.setattr("keras.src.utils.file_utils.urlretrieve", _no_network)
    with pytest.raises(DataError, match="needs the internet on first use"):
        load_corpus(KERAS_IMDB)


def _no_network(*args, **kwargs):
    raise OSError("network is unreachable")
