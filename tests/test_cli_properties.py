"""Any argument list gives a parsed config or a clean usage error, never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.cli.commands import UsageError, parse
from core.errors import ConfigError
from core.models.config import TrainingConfig

FLAGS = ["--units", "--epochs", "--dropout", "--cell", "--bidirectional", "--no-bidirectional", "--learning-rate",
         "--batch-size", "--validation-split", "--early-stopping", "--patience", "--vocab-size", "--max-length",
         "--optimizer", "--pooling", "--preset", "--seed", "--data", "--out", "--help-me", "--help", "-h", "-x", "--"]
VALUES = st.one_of(
    st.sampled_from(["0", "1", "-3", "0.5", "1e9", "nan", "inf", "lstm", "gru", "adam", "GRU", "", " ", "Tutorial LSTM"]),
    st.text(max_size=12),
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
ARGUMENTS = st.lists(st.one_of(st.sampled_from(FLAGS), VALUES), max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.just("train"), st.sampled_from(["evaluate", "classify", "bogus", ""])), ARGUMENTS)
def test_any_argument_list_parses_or_fails_cleanly(command, arguments):
    try:
        args, config = parse([command, *arguments])
    except UsageError as error:
        assert "usage:" in str(error)
    except ConfigError as error:
        assert str(error).strip() and "\n" not in str(error).strip()
    except SystemExit as exit_:  # --help printed the help text
        assert exit_.code == 0 and ("--help" in arguments or "-h" in arguments)
    else:
        if args.command == "train":
            assert isinstance(config, TrainingConfig)
            config.validate()
        else:
            assert config is None
