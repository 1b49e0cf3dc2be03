"""Stanford's IMDB archive, downloaded once into the Keras cache, and what that cache holds.

Keras caches its downloads under ``KERAS_HOME`` (else ``~/.keras``, else
``/tmp/.keras`` when that is not writable), in ``datasets/``. We stream the
archive there ourselves (with progress), then hand it to
``keras.utils.get_file``, which finds it cached.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path

from core.data.corpus import Progress
from core.errors import QT_TRANSLATE_NOOP, DataError

#: Stanford's archive, the source of keras.datasets.imdb.
DATASET_URL = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"
ARCHIVE_NAME = "aclImdb_v1.tar.gz"
#: The environment variable naming another download address.
URL_ENV = "IMDB_DATA_URL"
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


def download_dataset(url: str | None = None, progress: Progress | None = None) -> Path:
    """Fetch Stanford's archive into the Keras cache, once, and return its path.

    The bytes are streamed to ``<keras cache>/datasets`` with progress, then
    handed to ``keras.utils.get_file``, which finds them cached; a second call
    downloads nothing.
    """
    url = download_url(url)
    folder = keras_cache_dir() / "datasets"
    target = folder / ARCHIVE_NAME
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            with urllib.request.urlopen(url, timeout=30) as response, open(partial, "wb") as out:
                total = int(response.headers.get("Content-Length") or 0)
                done = 0
                while chunk := response.read(1 << 20):
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
            if total and done != total:
                raise DataError(QT_TRANSLATE_NOOP("core", "The download of {url} stopped at {done:,} of {total:,} bytes. Try again."),
                                url=url, done=done, total=total)
            os.replace(partial, target)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            partial.unlink(missing_ok=True)
            reason = getattr(exc, "reason", exc)
            raise DataError(
                QT_TRANSLATE_NOOP("core", "Could not download the IMDB dataset from {url} ({reason}). Check the internet "
                                  "connection, or choose a local copy (the aclImdb folder or its .tar.gz)."),
                url=url, reason=str(reason),
            ) from None
    import keras  # noqa: PLC0415 - heavy; only needed once a download is asked for

    return Path(keras.utils.get_file(fname=ARCHIVE_NAME, origin=url, cache_dir=str(folder.parent), cache_subdir="datasets"))
