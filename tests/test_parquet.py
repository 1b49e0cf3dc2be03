"""The Parquet kind, added only through the registry: read by core, trained on by the CLI, shown by the data panel.

The files are written here with pyarrow from our small review corpus; the
same reviews as a CSV give the same corpus, since the column choices are a CSV's.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from core.cli.commands import build_parser, run
from core.data.loading import load_corpus
from core.data.registry import kind_for
from core.data.sources import SourceOptions
from core.errors import DataError

TIMEOUT = 90_000


def review_rows(small_corpus_dir: Path) -> list[tuple[str, str]]:
    """Every review of the small corpus with "positive"/"negative", sorted by file."""
    return [(f.read_text(encoding="utf-8"), "positive" if f.parent.name == "pos" else "negative") for f in sorted(small_corpus_dir.glob("*/*/*.txt"))]


def write_parquet(path: Path, columns: dict) -> Path:
    pq.write_table(pa.table(columns), path)
    return path


@pytest.fixture
def reviews_parquet(tmp_path, small_corpus_dir) -> Path:
    rows = review_rows(small_corpus_dir)
    return write_parquet(tmp_path / "reviews.parquet", {"id": list(range(len(rows))), "review": [t for t, _ in rows],
                                                        "sentiment": [label for _, label in rows]})


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# --- core ----------------------------------------------------------------------------


def test_a_parquet_file_reads_like_the_same_reviews_in_a_csv(reviews_parquet, tmp_path, small_corpus_dir):
    assert kind_for(str(reviews_parquet)).id == "parquet" and kind_for("x.PQ").id == "parquet"
    corpus = load_corpus(reviews_parquet)  # the text and label columns guessed, as for a CSV
    assert corpus.source == {"name": "your reviews (reviews.parquet)", "kind": "parquet", "path": str(reviews_parquet),
                             "train_count": 52, "test_count": 12, "train_positive": 26, "test_positive": 6,
                             "test_fraction": 0.2, "split_seed": 113}
    table = tmp_path / "reviews.csv"
    with open(table, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([("review", "sentiment"), *review_rows(small_corpus_dir)])
    same = load_corpus(table)
    assert corpus.train_texts == same.train_texts and corpus.test_texts == same.test_texts
    assert corpus.train_labels.tolist() == same.train_labels.tolist() and corpus.undecodable_files == 0


def test_named_columns_labels_of_every_type_and_a_second_test_file(tmp_path):
    train = write_parquet(tmp_path / "train.pq", {"body": ["good", "bad", "fine", "awful"], "stars": [1, 0, 1.0, 0.0]})
    test = write_parquet(tmp_path / "test.pq", {"body": ["great", "dull", None], "stars": [True, False, None]})  # the last row is empty
    progress = []
    corpus = load_corpus(train, progress=lambda done, total: progress.append((done, total)),
                         options=SourceOptions(text_column="body", label_column="stars", test_path=str(test)))
    assert sorted(zip(corpus.train_texts, corpus.train_labels.tolist())) == [("awful", 0), ("bad", 0), ("fine", 1), ("good", 1)]
    assert list(zip(corpus.test_texts, corpus.test_labels.tolist())) == [("great", 1), ("dull", 0)]
    assert corpus.source["test_path"] == str(test) and progress[-1] == (4, 4)


@pytest.mark.parametrize(
    "columns, options, message",
    [
        ({"review": ["good", "bad"], "label": ["1", "0"]}, {"label_column": "polarity"}, "has no column 'polarity'; its columns are review, label"),
        ({"text": ["good", "bad"], "stars": ["1", "0"]}, {}, "choose the label column (the columns are text, stars)"),
        ({"words": ["good", "bad"], "label": ["1", "0"]}, {}, "choose the text column (the columns are words, label)"),
        ({"review": ["good", "bad", "so-so"], "label": ["pos", "neg", "sort of"]}, {}, "bad.parquet, row 3: the label 'sort of' is not one of"),
        ({"review": ["good", "great"], "label": ["pos", "positive"]}, {}, "only positive reviews"),
        ({"review": pa.array([], pa.string()), "label": pa.array([], pa.string())}, {}, "bad.parquet has no rows."),
    ],
)
def test_malformed_parquet_files_name_the_row_or_column(tmp_path, columns, options, message):
    path = write_parquet(tmp_path / "bad.parquet", columns)
    with pytest.raises(DataError) as caught:
        load_corpus(path, options=SourceOptions(**options))
    assert message in str(caught.value)


def test_a_file_that_is_not_parquet_or_is_missing_says_so(tmp_path):
    fake = tmp_path / "notes.parquet"
    fake.write_text("review,label\ngood,1\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"notes.parquet cannot be read as a Parquet file \("):
        load_corpus(fake)
    with pytest.raises(DataError, match="does not exist"):
        load_corpus(tmp_path / "missing.parquet")


def test_the_preview_has_the_columns_the_first_rows_and_the_guessed_columns(reviews_parquet, small_corpus_dir):
    preview = kind_for(str(reviews_parquet)).preview(str(reviews_parquet), SourceOptions(), 3)
    rows = review_rows(small_corpus_dir)
    assert preview.columns == ["id", "review", "sentiment"]
    assert preview.rows == [[str(i), text, label] for i, (text, label) in enumerate(rows[:3])]
    assert (preview.text_column, preview.label_column) == ("review", "sentiment")


def test_without_pyarrow_one_line_says_how_to_install_it(reviews_parquet, monkeypatch):
    """pyarrow made unimportable (as if not installed): the read, and the CLI, say what to run."""
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(DataError) as caught:
        load_corpus(reviews_parquet)
    assert "needs pyarrow" in str(caught.value) and "pip install" in str(caught.value) and "\n" not in str(caught.value)
    code, _, stderr = call("train", "--data", str(reviews_parquet), "--epochs", "1")
    assert code == 1 and stderr.splitlines()[-1] == f"error: {caught.value}"
    assert len([line for line in stderr.splitlines() if line.startswith("error:")]) == 1


# --- the command line ------------------------------------------------------------------


def test_the_cli_offers_parquet_and_trains_on_it(reviews_parquet, tmp_path):
    help_text = " ".join(build_parser().command_parsers["train"].format_help().split())
    assert "a .parquet file of labelled reviews" in help_text and "Parquet files" in help_text
    out = tmp_path / "from_parquet.keras"
    code, stdout, stderr = call("train", "--data", str(reviews_parquet), "--epochs", "1", "--vocab-size", "200", "--max-length", "40",
                                "--embedding-dim", "8", "--units", "8", "--batch-size", "16", "--out", str(out))
    assert code == 0, stderr
    assert "Read train 52 (26 positive / 26 negative), test 12 (6 positive / 6 negative)" in stderr and "Epoch 1/1" in stderr
    assert "test loss" in stdout and out.exists()


# --- the data panel ------------------------------------------------------------------


def test_the_data_panel_offers_previews_and_loads_a_parquet_file(qtbot, reviews_parquet, small_corpus_dir):
    from gui.panels.data_source import DataSourcePanel

    panel = DataSourcePanel()
    qtbot.addWidget(panel)
    panel.show()
    index = panel.kind_combo.findData("parquet")
    assert index >= 0 and panel.kind_combo.itemText(index) == "Your reviews: a Parquet file"
    with qtbot.waitSignal(panel.inspected, timeout=TIMEOUT) as seen:
        panel.kind_combo.setCurrentIndex(index)
        panel.path_edit.setText(str(reviews_parquet))
    assert panel.kind() == "parquet" and panel.columns_row.isVisible() and panel.file_button.isVisible() and not panel.folder_button.isVisible()

    # The columns from the file, the guessed ones chosen; its first rows; the counts and the balance.
    assert [panel.text_combo.itemText(i) for i in range(panel.text_combo.count())] == ["id", "review", "sentiment"]
    assert (panel.text_combo.currentText(), panel.label_combo.currentText()) == ("review", "sentiment")
    table = panel.preview_table
    assert table.isVisible() and (table.rowCount(), table.columnCount()) == (5, 3)
    first_text, first_label = review_rows(small_corpus_dir)[0]
    assert table.item(0, 1).toolTip() == first_text and table.item(0, 2).text() == first_label
    assert "Train: 52 reviews: 26 positive (50%) / 26 negative" in panel.status.text()
    assert "Test: 12 reviews: 6 positive (50%) / 6 negative" in panel.status.text() and not panel.status.property("error")
    assert panel.corpus() is seen.args[0].corpus and panel.corpus().source["kind"] == "parquet"
    assert panel.options() == SourceOptions(text_column="review", label_column="sentiment")

    # Other columns chosen: read again with them (ids 0 and 1 pass as labels, 2 does not).
    with qtbot.waitSignal(panel.inspection_failed, timeout=TIMEOUT) as failed:
        panel.label_combo.setCurrentText("id")
    assert "reviews.parquet, row 3: the label '2' is not one of" in failed.args[0] and panel.status.property("error")
    panel.set_source(str(reviews_parquet))  # a path alone picks its kind
    assert panel.kind() == "parquet"
    panel.shutdown()
