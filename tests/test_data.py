"""Reading the reviews: folders, archives, the download, and every way a copy can be broken."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest

from core.data.download import ARCHIVE_NAME, DATASET_SHA256, DATASET_URL, download_hash, file_sha256
from core.data.loading import load_corpus
from core.errors import DataError


def test_folder_and_archive_give_the_same_corpus(small_corpus_dir, small_corpus_tar):
    folder = load_corpus(small_corpus_dir)
    archive = load_corpus(small_corpus_tar)
    assert len(folder.train_texts) == 48 and len(folder.test_texts) == 16
    assert folder.train_texts == archive.train_texts
    assert np.array_equal(folder.train_labels, archive.train_labels)
    assert folder.train_labels.sum() == 24 and folder.test_labels.sum() == 8
    assert folder.source["kind"] == "folder" and archive.source["kind"] == "archive"
    assert archive.source["train_count"] == 48


def test_labels_match_the_folders(small_corpus_dir):
    corpus = load_corpus(small_corpus_dir)
    by_text = {}
    for cls, label in (("pos", 1), ("neg", 0)):
        for path in (small_corpus_dir / "train" / cls).glob("*.txt"):
            by_text[path.read_text(encoding="utf-8")] = label
    assert [by_text[t] for t in corpus.train_texts] == corpus.train_labels.tolist()


def test_reviews_are_shuffled_so_a_validation_tail_holds_both_classes(small_corpus_dir):
    labels = load_corpus(small_corpus_dir).train_labels
    tail = labels[-int(len(labels) * 0.2) :]
    assert 0 < tail.sum() < len(tail)
    assert load_corpus(small_corpus_dir).train_labels.tolist() == labels.tolist()  # same seed, same order


def test_parent_folder_holding_aclImdb_is_accepted(corpus_copy):
    assert corpus_copy.name == "aclImdb"
    assert len(load_corpus(corpus_copy.parent).train_texts) == 48


def test_missing_path_is_named(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")


def test_folder_without_train_and_test(tmp_path):
    (tmp_path / "train").mkdir()
    with pytest.raises(DataError, match="no test/ folder"):
        load_corpus(tmp_path)


def test_empty_class_folder_is_named(corpus_copy):
    for review in (corpus_copy / "test" / "neg").glob("*.txt"):
        review.unlink()
    with pytest.raises(DataError, match="test/neg/"):
        load_corpus(corpus_copy)


def test_truncated_archive(small_corpus_tar, tmp_path):
    data = small_corpus_tar.read_bytes()
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match="cannot be read"):
        load_corpus(broken)


def test_corrupt_archive(tmp_path):
    corrupt = tmp_path / "corrupt.tar.gz"
    corrupt.write_bytes(gzip.compress(b"this is not a tar archive at all" * 100))
    with pytest.raises(DataError, match="cannot be read|no reviews"):
        load_corpus(corrupt)
    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(os.urandom(4096))
    with pytest.raises(DataError, match="cannot be read"):
        load_corpus(garbage)


def test_non_utf8_reviews_are_decoded_with_replacement_and_counted(corpus_copy):
    (corpus_copy / "train" / "pos" / "900_9.txt").write_bytes(b"Caf\xe9 scenes were lovely \xff\xfe")
    corpus = load_corpus(corpus_copy)
    assert corpus.undecodable_files == 1
    assert any("Caf\ufffd scenes" in text for text in corpus.train_texts)


def test_reading_reports_progress(small_corpus_tar):
    calls = []
    load_corpus(small_corpus_tar, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1] > 0


# --- the download, for real, from a server on this machine ------------------------


class _Server:
    def __init__(self, folder: Path):
        self.requests = 0
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                server.requests += 1
                if self.path.startswith("/truncated/"):
                    self._send_half(folder / self.path.removeprefix("/truncated/"))
                else:
                    super().do_GET()

            def _send_half(self, path: Path):
                """Promise the whole file, send half of it, and hang up: a connection that drops."""
                data = path.read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, name: str, truncated: bool = False) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{'truncated/' if truncated else ''}{name}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def served_archive(tmp_path, small_corpus_tar):
    """The shared IMDB archive where IMDB_DATA names it, else our small one, served on 127.0.0.1."""
    folder = tmp_path / "www"
    folder.mkdir()
    shared = os.environ.get("IMDB_DATA")
    source = Path(shared) if shared and Path(shared).is_file() else small_corpus_tar
    shutil.copy(source, folder / ARCHIVE_NAME)
    return folder, source


def test_download_into_the_keras_cache_then_reuse_it(served_archive, tmp_path, monkeypatch):
    folder, source = served_archive
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    progress = []
    with _Server(folder) as server:
        first = load_corpus(None, url=server.url(ARCHIVE_NAME), download_progress=lambda d, t: progress.append((d, t)))
        assert server.requests == 1
        cached = tmp_path / "keras_home" / "datasets" / ARCHIVE_NAME
        assert cached.read_bytes() == source.read_bytes()
        assert progress[-1] == (source.stat().st_size, source.stat().st_size)
        second = load_corpus("download", url=server.url(ARCHIVE_NAME))
        assert server.requests == 1, "the second run must use the cache"
    assert first.train_texts == second.train_texts
    assert first.source["kind"] == "download" and first.source["url"].startswith("http://127.0.0.1")


def test_url_comes_from_the_environment(served_archive, tmp_path, monkeypatch):
    folder, _ = served_archive
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    with _Server(folder) as server:
        monkeypatch.setenv("IMDB_DATA_URL", server.url(ARCHIVE_NAME))
        assert len(load_corpus(None).test_texts) > 0
        assert server.requests == 1


def test_failed_download_says_what_to_do_and_leaves_no_partial_file(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    with _Server(tmp_path) as server:
        with pytest.raises(DataError, match="Could not download.*local copy"):
            load_corpus(None, url=server.url("missing.tar.gz"))
    assert not list((tmp_path / "keras_home" / "datasets").glob("*"))


def _cache(tmp_path: Path) -> Path:
    return tmp_path / "keras_home" / "datasets"


def test_a_truncated_download_fails_with_one_line_and_leaves_no_partial_file(served_archive, tmp_path, monkeypatch):
    folder, source = served_archive
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    with _Server(folder) as server:
        with pytest.raises(DataError) as caught:
            load_corpus(None, url=server.url(ARCHIVE_NAME, truncated=True))
    message = str(caught.value)
    assert "stopped at" in message and f"{source.stat().st_size:,} bytes" in message and "\n" not in message
    assert not list(_cache(tmp_path).glob("*")), "no .part file and no archive is left behind"


def test_a_download_whose_hash_is_wrong_is_refused_and_not_kept(served_archive, tmp_path, monkeypatch):
    folder, _ = served_archive
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    with _Server(folder) as server:
        monkeypatch.setenv("IMDB_DATA_URL", server.url(ARCHIVE_NAME))
        monkeypatch.setenv("IMDB_DATA_SHA256", "0" * 64)
        with pytest.raises(DataError, match="damaged: its SHA-256 is not the published one"):
            load_corpus(None)
    assert not list(_cache(tmp_path).glob("*"))


def test_a_damaged_cached_archive_is_fetched_again_and_a_good_one_is_used(served_archive, tmp_path, monkeypatch):
    folder, source = served_archive
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    cached = _cache(tmp_path) / ARCHIVE_NAME
    cached.parent.mkdir(parents=True)
    cached.write_bytes(source.read_bytes()[:1000])  # what an interrupted copy leaves
    with _Server(folder) as server:
        monkeypatch.setenv("IMDB_DATA_URL", server.url(ARCHIVE_NAME))
        monkeypatch.setenv("IMDB_DATA_SHA256", file_sha256(source))
        first = load_corpus(None)
        assert server.requests == 1 and cached.read_bytes() == source.read_bytes()
        second = load_corpus(None)
        assert server.requests == 1, "a good cached archive is used as it is"
    assert first.train_texts == second.train_texts


def test_stanford_address_is_checked_against_its_published_hash_whatever_the_environment(monkeypatch):
    monkeypatch.setenv("IMDB_DATA_SHA256", "0" * 64)
    assert download_hash(DATASET_URL) == DATASET_SHA256
    assert download_hash("http://127.0.0.1:1/mirror.tar.gz") == "0" * 64
    monkeypatch.delenv("IMDB_DATA_SHA256")
    assert download_hash("http://127.0.0.1:1/mirror.tar.gz") is None


@pytest.mark.slow
def test_the_real_archive_has_50000_labelled_reviews(imdb_data):
    corpus = load_corpus(imdb_data)
    assert len(corpus.train_texts) == len(corpus.test_texts) == 25_000
    assert corpus.train_labels.sum() == corpus.test_labels.sum() == 12_500
    assert corpus.undecodable_files == 0
