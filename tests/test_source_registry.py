"""The registry of data-source kinds, without Qt: which kind claims a source, what each kind declares, and a kind added at run time."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from core.cli.commands import build_parser
from core.data.corpus import Corpus
from core.data.download import ARCHIVE_NAME
from core.data.labelled import labelled_corpus
from core.data.loading import load_corpus
from core.data.registry import FALLBACK, kind_by_id, kind_for, kinds, location_of, register, unregister
from core.data.sources import OPTIONS, SEED, TEST_PATH, TEST_SPLIT, SourceKind, SourceOptions, SourceRequest
from core.data.tables import parse_label
from core.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
BUILT_IN = ["aclimdb", "download", "table", "classes", "keras"]


def ids() -> list[str]:
    return [kind.id for kind in kinds()]


def test_the_built_in_kinds_come_in_the_apps_order_with_unique_ids_and_words():
    order = [i for i in ids() if i in BUILT_IN]
    assert order == BUILT_IN
    assert len(set(ids())) == len(ids())
    words = [kind.word for kind in kinds() if kind.word is not None]
    assert sorted(words) == sorted(set(words)) and {"download", "keras-imdb"} <= set(words)
    assert FALLBACK is kind_by_id("aclimdb") and kind_by_id("no such kind") is FALLBACK


def test_every_kind_declares_what_the_app_and_the_command_line_need():
    for kind in kinds():
        assert kind.label and kind.cli_help and callable(kind.read), kind.id
        assert set(kind.options) <= set(OPTIONS), kind.id
        if kind.has_path:
            assert kind.suffixes or kind.folders, f"{kind.id}: a path kind is chosen as a file or a folder"
            assert kind.placeholder, kind.id
            assert all(s.startswith(".") and s == s.lower() for s in kind.suffixes), kind.id
            if kind.suffixes:
                assert kind.file_title and kind.file_tip and kind.file_types, kind.id
            if kind.folders:
                assert kind.folder_title and kind.folder_tip, kind.id
        else:
            assert not kind.suffixes and not kind.folders and not kind.recognise, kind.id
        if kind.cached is not None:
            assert kind.download_name, f"{kind.id}: the app names what is not downloaded yet"
        if {"text_column", "label_column"} & set(kind.options):
            assert kind.preview is not None, f"{kind.id}: columns are chosen from a preview"


def test_every_text_of_a_kind_is_translated():
    """The texts are marked in core (context "core") and the Chinese translation has each of them."""
    root = ET.parse(ROOT / "resources" / "i18n" / "studio_zh_CN.ts").getroot()
    core = next(c for c in root.iter("context") if c.findtext("name") == "core")
    translated = {m.findtext("source") for m in core.iter("message") if (m.find("translation").text or "").strip()}
    for kind in kinds():
        texts = [kind.label, kind.placeholder, kind.hint, kind.file_tip, kind.file_title, kind.file_types,
                 kind.folder_tip, kind.folder_title, kind.download_name]
        assert [t for t in texts if t and t not in translated] == [], kind.id


def test_a_source_is_claimed_by_its_word_then_a_folders_contents_then_its_ending(tmp_path, small_corpus_dir):
    assert kind_for("download").id == "download" and kind_for("keras-imdb").id == "keras"
    for name in ("reviews.csv", "REVIEWS.TSV", "x.tab", str(tmp_path / "missing" / "r.csv")):
        assert kind_for(name).id == "table", name
    classes = tmp_path / "mine.csv"  # a folder with pos/ and neg/ is read as one, whatever its name
    (classes / "pos").mkdir(parents=True)
    (classes / "neg").mkdir()
    assert kind_for(str(classes)).id == "classes"
    assert kind_for(str(small_corpus_dir)).id == "aclimdb"
    for other in ("", "aclImdb_v1.tar.gz", "archive.tgz", str(tmp_path / "nowhere"), "reviews.csv.bak", ".csv"):
        assert kind_for(other) is FALLBACK, other


def test_a_kind_keeps_only_its_own_options():
    values = {"text_column": "body", "label_column": "stars", "test_path": "t.csv", "test_fraction": 0.3, "split_seed": 7, "num_words": 500}
    assert kind_by_id("table").options_from(values) == SourceOptions(text_column="body", label_column="stars", test_path="t.csv",
                                                                     test_fraction=0.3, split_seed=7)
    assert kind_by_id("classes").options_from(values) == SourceOptions(test_path="t.csv", test_fraction=0.3, split_seed=7)
    assert kind_by_id("keras").options_from(values) == SourceOptions(num_words=500)
    assert kind_by_id("aclimdb").options_from(values) == kind_by_id("download").options_from(values) == SourceOptions()


def test_a_kind_with_an_unknown_option_is_refused():
    with pytest.raises(ValueError, match="unknown options"):
        SourceKind(id="bad", label="Bad", read=lambda request: None, options=("colour",))


def test_the_download_kinds_look_in_the_keras_cache_without_creating_it(tmp_path, monkeypatch):
    home = tmp_path / "keras_home"
    monkeypatch.setenv("KERAS_HOME", str(home))
    download, keras_arrays = kind_by_id("download"), kind_by_id("keras")
    if any(Path("/tmp/.keras/datasets", name).is_file() for name in (ARCHIVE_NAME, "imdb.npz")):
        pytest.skip("this machine has the datasets in /tmp/.keras, which Keras falls back to")
    assert not download.is_cached() and not keras_arrays.is_cached() and not home.exists()
    (home / "datasets").mkdir(parents=True)
    (home / "datasets" / ARCHIVE_NAME).write_bytes(b"")
    (home / "datasets" / "imdb.npz").write_bytes(b"")
    assert download.is_cached() and not keras_arrays.is_cached()  # it needs its word index too
    (home / "datasets" / "imdb_word_index.json").write_text("{}")
    assert keras_arrays.is_cached()
    assert all(kind.is_cached() for kind in kinds() if kind.has_path)


def test_where_a_records_reviews_came_from():
    assert location_of({"kind": "table", "path": "/data/r.csv"}) == "/data/r.csv"
    assert location_of({"kind": "download", "path": "/cache/a.tar.gz", "url": "https://example.org/a.tar.gz"}) == "https://example.org/a.tar.gz"
    # An older Keras record names only the word: the file keras.datasets.imdb fetches stands for it.
    assert location_of({"kind": "keras-imdb", "path": "keras-imdb"}).endswith("tf-keras-datasets/imdb.npz")
    assert location_of({}) == ""


# --- a kind added at run time: JSON lines, read for real -----------------------------------


def read_json_lines(path: Path, options: SourceOptions, progress) -> tuple[list[str], np.ndarray, int]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = [parse_label(str(row["label"]), f"{path.name}, line {n}") for n, row in enumerate(rows, 1)]
    return [row["text"] for row in rows], np.array(labels, dtype="int32"), 0


def read_jsonl(request: SourceRequest) -> Corpus:
    return labelled_corpus(request, read_json_lines, "json lines")


JSONL = SourceKind(id="jsonl", label="Your reviews: JSON lines", read=read_jsonl, suffixes=(".jsonl",), options=(TEST_SPLIT, SEED, TEST_PATH),
                   placeholder="a .jsonl file", file_tip="Choose it", file_title="Choose a .jsonl file", file_types="JSON lines",
                   cli_help="a .jsonl of labelled reviews", cli_name="JSON lines files")


@pytest.fixture
def jsonl_kind():
    register(JSONL)
    yield JSONL
    unregister(JSONL.id)


def test_a_kind_registered_at_run_time_is_read_by_load_corpus_and_offered_by_the_command_line(jsonl_kind, tmp_path, small_corpus_dir):
    reviews = sorted(small_corpus_dir.glob("*/*/*.txt"))
    path = tmp_path / "reviews.jsonl"
    path.write_text("".join(json.dumps({"text": f.read_text(encoding="utf-8"), "label": f.parent.name}) + "\n" for f in reviews), encoding="utf-8")
    assert kind_for(str(path)) is jsonl_kind and ids()[-1] == "jsonl"
    corpus = load_corpus(path, options=SourceOptions(test_fraction=0.25, split_seed=3))
    assert (len(corpus.train_texts), len(corpus.test_texts)) == (48, 16)
    assert corpus.train_labels.sum() == 24 and corpus.test_labels.sum() == 8
    assert corpus.source["kind"] == "json lines" and corpus.source["name"] == "your reviews (reviews.jsonl)"
    with pytest.raises(DataError, match="does not exist"):
        load_corpus(tmp_path / "missing.jsonl")

    train = build_parser().command_parsers["train"].format_help()
    assert "a .jsonl of labelled reviews" in " ".join(train.split())
    assert "JSON lines files" in " ".join(train.split())


def test_a_taken_id_or_word_is_refused(jsonl_kind):
    with pytest.raises(ValueError, match="already registered"):
        register(JSONL)
    with pytest.raises(ValueError, match="already registered"):
        register(SourceKind(id="another", label="Another", read=read_jsonl, word="download"))
    assert ids().count("jsonl") == 1
