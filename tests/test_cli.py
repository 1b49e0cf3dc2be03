"""The command line, run in-process through core.cli.commands.run and once as a real process."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli.commands import UsageError, parse, run
from core.errors import ConfigError
from core.models.config import TrainingConfig
from core.models.families.recurrent import RecurrentConfig

ROOT = Path(__file__).resolve().parent.parent


def call(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def model_path(tmp_path_factory, trained_small_model):
    return trained_small_model.save(tmp_path_factory.mktemp("cli") / "small.keras")


def test_every_hyperparameter_has_a_flag():
    _, config = parse(["train", "--cell", "gru", "--bidirectional", "--units", "64", "--dropout", "0.25", "--early-stopping",
                       "--patience", "3", "--optimizer", "rmsprop", "--learning-rate", "0.002", "--epochs", "4", "--batch-size", "64",
                       "--validation-split", "0.1", "--vocab-size", "5000", "--max-length", "100", "--embedding-dim", "16",
                       "--recurrent-layers", "2", "--pooling", "max", "--seed", "7", "--no-restore-best-weights"])
    assert config == TrainingConfig(model=RecurrentConfig(cell="gru", bidirectional=True, units=64, dropout=0.25, embedding_dim=16,
                                                          recurrent_layers=2, pooling="max"),
                                    early_stopping=True, patience=3, optimizer="rmsprop", learning_rate=0.002, epochs=4, batch_size=64,
                                    validation_split=0.1, vocab_size=5000, max_length=100, seed=7, restore_best_weights=False)


def test_defaults_presets_and_config_files(tmp_path):
    assert parse(["train"])[1] == TrainingConfig()
    assert parse(["train", "--preset", "GRU"])[1].model.cell == "gru"
    config_file = tmp_path / "c.json"
    config_file.write_text(TrainingConfig(model=RecurrentConfig(units=48)).to_json())
    assert parse(["train", "--config", str(config_file), "--epochs", "3"])[1] == TrainingConfig(model=RecurrentConfig(units=48), epochs=3)


def test_usage_errors_and_range_errors():
    with pytest.raises(UsageError):
        parse(["train", "--units", "many"])
    with pytest.raises(ConfigError, match="units must be from 1 to 1024"):
        parse(["train", "--units", "5000"])
    code, _, err = call("train", "--cell", "rnn")
    assert code == 2 and "invalid choice" in err
    code, _, err = call("train", "--dropout", "2")
    assert code == 1 and err == "error: dropout must be from 0 to 0.9; got 2.0.\n"


def test_train_then_classify_from_arguments_stdin_and_a_file(small_corpus_dir, tmp_path, model_path):
    out = tmp_path / "m.keras"
    code, stdout, stderr = call("train", "--data", str(small_corpus_dir), "--epochs", "1", "--vocab-size", "200",
                                "--max-length", "40", "--batch-size", "16", "--out", str(out))
    assert code == 0, stderr
    assert "Epoch 1/1" in stderr and "test loss" in stdout and out.exists()

    code, stdout, _ = call("classify", "--model", str(model_path),
                           "Saw it with friends. The film was wonderful. The cast was superb too. I loved it.",
                           "Saw it with friends. The film was awful. The cast was dull too. I hated it.")
    assert code == 0
    lines = [line.split("\t") for line in stdout.splitlines()]
    assert [line[0] for line in lines] == ["positive", "negative"]
    assert 0.5 <= float(lines[0][1]) <= 1 and 0 <= float(lines[1][1]) < 0.5

    code, stdout, _ = call("classify", "--model", str(model_path), stdin="The film was superb. I loved it.\n\nThe film was bad.\n")
    assert code == 0 and len(stdout.splitlines()) == 2

    reviews = tmp_path / "reviews.txt"
    reviews.write_text("one review\nanother review\n", encoding="utf-8")
    code, stdout, _ = call("classify", "--model", str(model_path), "--file", str(reviews))
    assert code == 0 and len(stdout.splitlines()) == 2


def test_evaluate(small_corpus_dir, model_path):
    code, stdout, _ = call("evaluate", "--model", str(model_path), "--data", str(small_corpus_dir))
    assert code == 0 and "accuracy" in stdout and "confusion matrix" in stdout


def test_empty_reviews_are_refused(model_path):
    code, _, err = call("classify", "--model", str(model_path), "  ")
    assert code == 1 and "empty" in err
    code, _, err = call("classify", "--model", str(model_path), stdin="\n \n")
    assert code == 1 and "no reviews" in err


def test_a_missing_data_path(tmp_path):
    code, _, err = call("train", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "m.keras"))
    assert code == 1 and "does not exist" in err


@pytest.mark.parametrize("kind", ["missing", "not a model", "truncated"])
def test_bad_model_files_give_one_line_and_no_traceback(kind, tmp_path, model_path):
    path = tmp_path / "bad.keras"
    if kind == "not a model":
        path.write_text("just text")
    elif kind == "truncated":
        path.write_bytes(model_path.read_bytes()[:5000])
    result = subprocess.run([sys.executable, "main.py", "classify", "--model", str(path), "hello"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "bad.keras" in lines[0]


def test_classify_a_labelled_csv_into_a_results_file(model_path, tmp_path):
    reviews = tmp_path / "reviews.csv"
    reviews.write_text(
        "review,sentiment\n"
        '"Saw it with friends. The film was wonderful. The cast was superb too. I loved it.",pos\n'
        '"Saw it with friends. The film was awful. The cast was dull too. I hated it.",neg\n',
        encoding="utf-8",
    )
    out = tmp_path / "results.csv"
    code, stdout, stderr = call("classify", "--model", str(model_path), "--file", str(reviews),
                                "--text-column", "review", "--label-column", "sentiment", "--out", str(out))
    assert code == 0, stderr
    assert "accuracy 1.0000" in stdout
    assert out.read_text(encoding="utf-8").splitlines()[0] == "text,label,probability,true_label"


def test_classify_csv_errors_name_the_column(model_path, tmp_path):
    reviews = tmp_path / "reviews.csv"
    reviews.write_text("body\nhello\n", encoding="utf-8")
    code, _, err = call("classify", "--model", str(model_path), "--file", str(reviews), "--text-column", "review")
    assert code == 1 and "no column 'review'" in err
    code, _, err = call("classify", "--model", str(model_path), "--text-column", "review", "hi")
    assert code == 2
    assert err.startswith("usage: main.py classify") and err.endswith("main.py classify: error: --text-column and --label-column go with --file.\n")


def test_argument_conflicts_print_the_usage_like_argparse(model_path, tmp_path):
    reviews = tmp_path / "r.txt"
    reviews.write_text("fine\n", encoding="utf-8")
    code, _, err = call("classify", "--model", str(model_path), "--file", str(reviews), "hi")
    assert code == 2 and err.startswith("usage: main.py classify") and "error: give reviews as arguments or --file, not both." in err
    code, _, err = call("train", "--fast", "--preset", "GRU")
    assert code == 2 and err.startswith("usage: main.py train") and "error: --fast is the Fast preset" in err


def test_classify_warns_about_bytes_that_are_not_utf8(model_path, tmp_path):
    reviews = tmp_path / "r.txt"
    reviews.write_bytes(b"caf\xe9 was great\nfine\n")
    code, out, err = call("classify", "--model", str(model_path), "--file", str(reviews))
    assert code == 0 and len(out.splitlines()) == 2
    assert err == f"warning: {reviews} has 1 byte sequence(s) that are not valid UTF-8; they were read as replacement characters.\n"


def test_ctrl_c_outside_a_training_ends_with_a_line_and_130(model_path):
    class InterruptedInput(io.StringIO):
        def read(self, *args):  # Ctrl+C while reviews are piped in
            raise KeyboardInterrupt

        __iter__ = readline = read

    out, err = io.StringIO(), io.StringIO()
    try:
        code = run(["classify", "--model", str(model_path)], stdin=InterruptedInput(), stdout=out, stderr=err)
    except KeyboardInterrupt:
        pytest.fail("Ctrl+C escaped run(): the user would see a traceback")
    assert code == 130 and err.getvalue() == "\naborted (Ctrl+C).\n" and out.getvalue() == ""


def test_fast_flag_is_the_fast_preset():
    from core.models.config import preset

    assert parse(["train", "--fast"])[1] == preset("Fast")
    assert parse(["train", "--fast", "--epochs", "3"])[1] == preset("Fast").replace(epochs=3)
    with pytest.raises(UsageError):
        parse(["train", "--fast", "--preset", "GRU"])
