"""What a kind of data source is: its options, how it is read, and what the app says about it.

Every source the engine reads (Stanford's aclImdb copy and its download, a
CSV/TSV file, a folder with ``pos/`` and ``neg/``, Keras's IMDB arrays, ...)
is one :class:`SourceKind`, declared in its own module under
``core.data.kinds`` and listed in :mod:`core.data.registry`. The command
line's help, the app's data panel and its background loader read these
descriptions instead of knowing the kinds, so a new kind is one module.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from core.data.corpus import SHUFFLE_SEED
from core.errors import QT_TRANSLATE_NOOP, DataError

if TYPE_CHECKING:  # for annotations only (neither module imports this one)
    from core.data.corpus import Corpus, Progress
    from core.data.preview import TablePreview


@dataclass
class SourceOptions:
    """How to read a source beyond its path."""

    text_column: str | None = None  # CSV/TSV: the review text (default: 'review' or 'text')
    label_column: str | None = None  # CSV/TSV: the label (default: 'label', 'sentiment' or 'class')
    test_path: str | None = None  # a second file or folder with the test reviews
    test_fraction: float = 0.2  # else this stratified share of the first is held out for testing
    split_seed: int = 113
    num_words: int = 10_000  # Keras's arrays: the tutorial's num_words
    keras_npz: str | None = None  # Keras's arrays: a local imdb.npz instead of the cached download
    keras_word_index: str | None = None  # ... and a local imdb_word_index.json

    def __post_init__(self) -> None:
        if not 0.0 < self.test_fraction < 1.0:
            raise DataError(QT_TRANSLATE_NOOP("core", "test_fraction must be between 0 and 1 (exclusive); got {value!r}."), value=self.test_fraction)


# The options a kind may ask for, named as the fields of SourceOptions they fill.
# The app has a control for each; a kind lists the ones it reads.
TEXT_COLUMN = "text_column"
LABEL_COLUMN = "label_column"
TEST_SPLIT = "test_fraction"
TEST_PATH = "test_path"
SEED = "split_seed"
NUM_WORDS = "num_words"
OPTIONS = (TEXT_COLUMN, LABEL_COLUMN, TEST_SPLIT, TEST_PATH, SEED, NUM_WORDS)
#: A table's options: its two columns, and a test set split off (with a seed) or read from a second file.
TABLE_OPTIONS = (TEXT_COLUMN, LABEL_COLUMN, TEST_SPLIT, SEED, TEST_PATH)


@dataclass(frozen=True)
class SourceRequest:
    """One read: the source string, its options, and where to report progress."""

    source: str  # a path, or the kind's word ("download", "keras-imdb")
    options: SourceOptions
    progress: Progress | None = None  # the reading
    download_progress: Progress | None = None  # a download, if one happens
    url: str | None = None  # where to download from, for kinds that download
    seed: int = SHUFFLE_SEED  # the shuffle of sources that come split (aclImdb, Keras's arrays)

    @property
    def path(self) -> Path:
        return Path(self.source).expanduser()


@dataclass(frozen=True)
class SourceKind:
    """One kind of data source, described as data.

    Texts for people are marked ``QT_TRANSLATE_NOOP("core", ...)``: the app
    translates them, the command line prints its own English ``cli_help``.
    """

    #: A short stable name ("table"); the app keeps it in its kind box.
    id: str
    #: The kind box's entry.
    label: str
    #: Reads the source into a :class:`~core.data.corpus.Corpus`.
    read: Callable[[SourceRequest], Corpus]
    #: The file endings it reads, lowercase (".csv"); a path with one is this kind.
    suffixes: tuple[str, ...] = ()
    #: It reads a folder (chosen with a folder dialog).
    folders: bool = False
    #: Claims a path by its contents, before any suffix is looked at (a folder with pos/ and neg/).
    recognise: Callable[[Path], bool] | None = None
    #: The word that names this source instead of a path ("download"); None for a kind read from a path.
    word: str | None = None
    #: Of the OPTIONS, those this kind reads; the app shows a control for each.
    options: tuple[str, ...] = ()
    #: A cheap first look at a table (columns and first rows): ``preview(path, options, rows)``.
    preview: Callable[[str, SourceOptions, int], TablePreview] | None = None
    #: For a kind that downloads: whether its files are in the cache already (reading needs no internet).
    cached: Callable[[], bool] | None = None
    #: Where a worded kind's data comes from (a URL), shown for a model whose record names only the word.
    origin: str = ""
    #: Texts of the app (each optional): the path's placeholder, a hint under the box, the File… and
    #: Folder… buttons' tooltips and dialog titles, the file dialog's name for the files, and what is
    #: not downloaded yet ("The IMDB archive (84 MB)").
    placeholder: str = ""
    hint: str = ""
    file_tip: str = ""
    file_title: str = ""
    file_types: str = ""
    folder_tip: str = ""
    folder_title: str = ""
    download_name: str = ""
    #: The command line's words for ``--data`` ("a .csv/.tsv of labelled reviews"), and for the group
    #: of options it reads ("CSV/TSV files"), in English.
    cli_help: str = ""
    cli_name: str = ""

    def __post_init__(self) -> None:
        unknown = set(self.options) - set(OPTIONS)
        if unknown:
            raise ValueError(f"source kind {self.id!r}: unknown options {sorted(unknown)}; known are {list(OPTIONS)}")

    @property
    def has_path(self) -> bool:
        """Read from a path the person chooses (else named by its word)."""
        return self.word is None

    def is_cached(self) -> bool:
        """Reading it needs no download (a local kind always)."""
        return self.cached is None or self.cached()

    def claims_suffix(self, path: Path) -> bool:
        name = path.name.lower()
        return any(name.endswith(suffix) and len(name) > len(suffix) for suffix in self.suffixes)

    def options_from(self, values: dict[str, Any]) -> SourceOptions:
        """SourceOptions with the values of this kind's options; the others keep their defaults."""
        known = {f.name for f in fields(SourceOptions)}
        return SourceOptions(**{name: value for name, value in values.items() if name in self.options and name in known})
