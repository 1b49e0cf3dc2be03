"""The IMDB reviews (or your own), read through the kind of source that claims them.

:func:`load_corpus` is the one way in: the CLI, the app's loader and the
training code all call it. Which reader runs is decided by
:func:`core.data.registry.kind_for`; each kind lives in ``core.data.kinds``.
"""

from __future__ import annotations

import os

from core.data.corpus import SHUFFLE_SEED, Corpus, Progress
from core.data.download import DOWNLOAD
from core.data.registry import kind_for
from core.data.sources import SourceOptions, SourceRequest
from core.errors import QT_TRANSLATE_NOOP, DataError

#: The environment variable naming a local copy to use.
DATA_ENV = "IMDB_DATA"


def default_source() -> str | None:
    """The data source named by the environment, if any."""
    return os.environ.get(DATA_ENV) or None


def load_corpus(
    source: str | os.PathLike | None = None,
    *,
    progress: Progress | None = None,
    download_progress: Progress | None = None,
    url: str | None = None,
    seed: int = SHUFFLE_SEED,
    options: SourceOptions | None = None,
) -> Corpus:
    """Read the labelled reviews from ``source``.

    ``source`` is one of:

    - ``None`` or ``"download"``: Stanford's archive, fetched once into the Keras cache;
    - a folder in the ``aclImdb`` layout (``train/`` and ``test/``, each with
      ``pos/`` and ``neg/``), or the ``.tar.gz`` of it, read in place;
    - a folder with ``pos/`` and ``neg/`` subfolders (one review per file);
    - a ``.csv`` or ``.tsv`` file with a text column and a label column;
    - ``"keras-imdb"``: Keras's own pre-tokenised IMDB arrays, decoded to words;
    - any other kind registered in :mod:`core.data.registry`.

    ``options`` names the columns and the test set of your own reviews, or
    Keras's ``num_words``. ``progress`` follows the reading;
    ``download_progress`` the download, if one happens.
    """
    source = DOWNLOAD if source is None else str(source)
    kind = kind_for(source)
    request = SourceRequest(source, options or SourceOptions(), progress, download_progress, url, seed)
    if kind.has_path and not request.path.exists():
        raise DataError(
            QT_TRANSLATE_NOOP("core", "The data path {path!r} does not exist. Choose the aclImdb folder or "
                              "its .tar.gz, a CSV file, a folder with pos/ and neg/, or leave the path empty to download the dataset."),
            path=str(request.path),
        )
    return kind.read(request)
