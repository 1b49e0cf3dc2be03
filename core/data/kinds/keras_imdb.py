"""Keras's own IMDB dataset (``keras.datasets.imdb``): pre-tokenised arrays, decoded back to words.

Fetched once into the Keras cache by ``keras.utils.get_file`` (or read from
local copies named in the options), then decoded with ``get_word_index()``,
so that the model vectorises words as it does for every other source.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from core.data.corpus import Corpus, record_source
from core.data.download import in_keras_cache
from core.data.sources import NUM_WORDS, SourceKind, SourceOptions, SourceRequest
from core.errors import QT_TRANSLATE_NOOP, DataError

#: The word that asks for Keras's own IMDB arrays (keras.datasets.imdb).
KERAS_IMDB = "keras-imdb"
KERAS_IMDB_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
KERAS_IMDB_HASH = "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f"
KERAS_WORD_INDEX_HASH = "bfafd718b763782e994055a2d397834f"
#: Stands where Keras's arrays have their out-of-vocabulary mark (2). It is
#: never put in the vocabulary, so it vectorises to our OOV index, exactly
#: as an unknown word in a typed review does.
OOV_MARK = "oovmarkxq"


def read(request: SourceRequest) -> Corpus:
    options = request.options
    corpus = Corpus(*load_keras_imdb(options, request.seed), oov_token=OOV_MARK)
    corpus = record_source(corpus, "Keras IMDB (keras.datasets.imdb)", KERAS_IMDB, KERAS_IMDB)
    if options.keras_npz:
        corpus.source["path"] = str(Path(options.keras_npz).expanduser())
    else:
        corpus.source["url"] = KERAS_IMDB_URL + "imdb.npz"
    corpus.source["num_words"] = options.num_words
    return corpus


KIND = SourceKind(
    id="keras",
    label=QT_TRANSLATE_NOOP("core", "Keras's IMDB dataset (keras.datasets.imdb)"),
    read=read,
    word=KERAS_IMDB,
    options=(NUM_WORDS,),
    cached=lambda: in_keras_cache("imdb.npz", "imdb_word_index.json"),
    origin=KERAS_IMDB_URL + "imdb.npz",  # the file keras.datasets.imdb fetches
    hint=QT_TRANSLATE_NOOP("core", "The tutorial's keras.datasets.imdb, decoded back to words. Needs the internet on first use."),
    download_name=QT_TRANSLATE_NOOP("core", "Keras's IMDB dataset"),
    cli_help=f"'{KERAS_IMDB}' (Keras's own arrays)",
)


def keras_imdb_files(options: SourceOptions) -> tuple[Path, Path]:
    """imdb.npz and its word index: the given paths, or Keras's cache (downloading once)."""
    if options.keras_npz and options.keras_word_index:
        return Path(options.keras_npz), Path(options.keras_word_index)
    import keras  # noqa: PLC0415

    try:
        npz = keras.utils.get_file("imdb.npz", origin=KERAS_IMDB_URL + "imdb.npz", file_hash=KERAS_IMDB_HASH)
        index = keras.utils.get_file("imdb_word_index.json", origin=KERAS_IMDB_URL + "imdb_word_index.json",
                                     file_hash=KERAS_WORD_INDEX_HASH)
    except Exception as exc:  # noqa: BLE001 - get_file raises several kinds on a failed download
        raise DataError(
            QT_TRANSLATE_NOOP("core", "Keras's IMDB dataset is not cached and could not be downloaded ({reason}). "
                              "It needs the internet on first use; the aclImdb archive, CSV and folder sources work offline."),
            reason=(str(exc).splitlines() or [type(exc).__name__])[0][:200],
        ) from None
    return Path(npz), Path(index)


def load_keras_imdb(options: SourceOptions, seed: int = 113):
    """``keras.datasets.imdb.load_data(num_words=...)`` decoded back to words.

    Keras stores word ranks (1 = most frequent); ``load_data`` shifts them by
    ``index_from=3`` to leave 0 for padding, 1 for the start mark and 2 for
    out-of-vocabulary, and maps every index at or above ``num_words`` to 2.
    We decode each rank with ``get_word_index()`` and write :data:`OOV_MARK`
    where ``load_data`` would put 2; the start mark carries no word and is
    left out, as a typed review has none.
    """
    npz_path, index_path = keras_imdb_files(options)
    try:
        with np.load(npz_path, allow_pickle=True) as arrays:
            x_train, y_train, x_test, y_test = (arrays[k] for k in ("x_train", "y_train", "x_test", "y_test"))
        word_index = json.loads(Path(index_path).read_text(encoding="utf-8"))
    except (OSError, KeyError, ValueError) as exc:
        raise DataError(QT_TRANSLATE_NOOP("core", "Keras's IMDB files cannot be read ({reason}); delete them from the Keras cache to fetch them again."),
                        reason=str(exc)) from None
    words = {rank: word for word, rank in word_index.items()}
    index_from = 3

    def decode(ranks) -> str:
        return " ".join(words.get(r, OOV_MARK) if r + index_from < options.num_words else OOV_MARK for r in ranks)

    rng = np.random.RandomState(seed)  # load_data's own shuffle
    order_train = np.arange(len(x_train))
    rng.shuffle(order_train)
    order_test = np.arange(len(x_test))
    rng.shuffle(order_test)
    return (
        [decode(x_train[i]) for i in order_train],
        np.asarray(y_train)[order_train].astype("int32"),
        [decode(x_test[i]) for i in order_test],
        np.asarray(y_test)[order_test].astype("int32"),
    )
