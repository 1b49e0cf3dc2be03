"""Stanford's IMDB archive, downloaded once into the Keras cache, checked against its SHA-256.

Keras caches its downloads under ``KERAS_HOME`` (else ``~/.keras``, else
``/tmp/.keras`` when that is not writable), in ``datasets/``. We stream the
archive there ourselves (with progress, into a ``.part`` file that never
survives a failure), then hand it to ``keras.utils.get_file(file_hash=...)``,
which finds it cached and checks it. A cached copy whose hash is wrong
(truncated, damaged, or from another address) is fetched again.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import urllib.error
import urllib.request
from pathlib import Path

from core.data.corpus import Progress
from core.errors import QT_TRANSLATE_NOOP, DataError

#: Stanford's archive, the source of keras.datasets.imdb.
DATASET_URL = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"
#: The published SHA-256 of Stanford's archive (84,125,825 bytes), as TFDS and other loaders record it.
DATASET_SHA256 = "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe"
ARCHIVE_NAME = "aclImdb_v1.tar.gz"
#: The environment variable naming another download address.
URL_ENV = "IMDB_DATA_URL"
#: The SHA-256 of the archive at that other address; never consulted for Stanford's own.
HASH_ENV = "IMDB_DATA_SHA256"
#: The word that asks for the download instead of a local copy.
DOWNLOAD = "download"


def keras_cache_dir() -> Path:
    """Keras's cache folder (``KERAS_HOME`` or ``~/.keras``), as get_file picks it."""
    base = Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras").expanduser()
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    if not os.access(base, os.W_OK):
        base = Path("/tmp") / ".keras"
    return base


def in_keras_cache(*names: str) -> bool:
    """Whether every file of ``names`` is in a Keras datasets cache; creates nothing (it only looks)."""
    home = Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras").expanduser()
    return any(all((folder / name).is_file() for name in names) for folder in (home / "datasets", Path("/tmp/.keras/datasets")))


def download_url(url: str | None = None) -> str:
    """The address to download from: as given, else ``$IMDB_DATA_URL``, else Stanford's."""
    return url or os.environ.get(URL_ENV) or DATASET_URL


def download_hash(url: str) -> str | None:
    """The SHA-256 the archive at ``url`` must have: Stanford's published one, else ``$IMDB_DATA_SHA256``.

    An address of your own (a mirror, a test server) has no known hash unless
    you give it; then only its size is checked.
    """
    if url == DATASET_URL:
        return DATASET_SHA256
    return (os.environ.get(HASH_ENV) or "").strip().lower() or None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def download_dataset(url: str | None = None, progress: Progress | None = None) -> Path:
    """Fetch Stanford's archive into the Keras cache, once, and return its path.

    The bytes are streamed to ``<keras cache>/datasets`` with progress, then
    handed to ``keras.utils.get_file``, which finds them cached and checks
    their hash; a second call downloads nothing, unless the cached copy is
    damaged.
    """
    url = download_url(url)
    expected = download_hash(url)
    folder = keras_cache_dir() / "datasets"
    target = folder / ARCHIVE_NAME
    if target.exists() and expected and file_sha256(target) != expected:
        target.unlink()  # truncated or damaged: fetch it again
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        _fetch(url, target, expected, progress)
    import keras  # noqa: PLC0415 - heavy; only needed once a download is asked for

    return Path(keras.utils.get_file(fname=ARCHIVE_NAME, origin=url, file_hash=expected,
                                     cache_dir=str(folder.parent), cache_subdir="datasets"))


def _fetch(url: str, target: Path, expected: str | None, progress: Progress | None) -> None:
    """Stream ``url`` into ``target`` through a ``.part`` file, which is removed on every failure."""
    partial = target.with_name(target.name + ".part")
    done = total = 0
    try:
        digest = hashlib.sha256()
        with urllib.request.urlopen(url, timeout=30) as response, open(partial, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0)
            while chunk := response.read(1 << 20):
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
        if total and done != total:
            raise http.client.IncompleteRead(b"", total - done)
        if expected and digest.hexdigest() != expected:
            raise DataError(QT_TRANSLATE_NOOP("core", "The download of {url} is damaged: its SHA-256 is not the published "
                                              "one. Try again, or choose a local copy."), url=url)
        os.replace(partial, target)
    except http.client.IncompleteRead:
        raise DataError(QT_TRANSLATE_NOOP("core", "The download of {url} stopped at {done:,} of {total:,} bytes. Try again."),
                        url=url, done=done, total=total) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = str(getattr(exc, "reason", exc)).strip().splitlines() or [type(exc).__name__]
        raise DataError(
            QT_TRANSLATE_NOOP("core", "Could not download the IMDB dataset from {url} ({reason}). Check the internet "
                              "connection, or choose a local copy (the aclImdb folder or its .tar.gz)."),
            url=url, reason=reason[0][:200],
        ) from None
    finally:
        partial.unlink(missing_ok=True)
