"""Bytes that are not UTF-8, on stdin or in an argument, are replaced, counted and reported; never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.cli.text_input import clean_text, decode_counting, read_text
from tests.legacy_model_file import legacy_model_file

ROOT = Path(__file__).resolve().parent.parent
MODEL = legacy_model_file()
# A strict UTF-8 locale for Python's streams (what en_US.UTF-8 gives where it is installed), and UTF-8 mode.
LOCALES = {
    "C.UTF-8, strict streams": {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict", "PYTHONUTF8": "0"},
    "PYTHONUTF8=1": {"LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"},
}


def classify(arguments: list, stdin: bytes, locale: dict) -> subprocess.CompletedProcess:
    inherited = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LANG", "PYTHONIOENCODING", "PYTHONUTF8")}
    env = {**inherited, **locale, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "main.py", "classify", "--model", str(MODEL), *arguments],
                          cwd=ROOT, input=stdin, capture_output=True, env=env, timeout=300)


@pytest.mark.parametrize("locale", LOCALES.values(), ids=LOCALES.keys())
def test_bytes_that_are_not_utf8_on_stdin_are_replaced_and_counted(locale):
    result = classify([], b"A great film \xff\xfe, I loved it\nAwful \xc3\nFine\n", locale)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr
    assert "warning: 3 byte(s) of the reviews given were not valid UTF-8" in stderr
    lines = result.stdout.decode("utf-8").splitlines()  # strictly: the output is valid UTF-8
    assert [line.split("\t")[2] for line in lines] == ["A great film \ufffd\ufffd, I loved it", "Awful \ufffd", "Fine"]


@pytest.mark.parametrize("locale", LOCALES.values(), ids=LOCALES.keys())
def test_a_surrogate_escaped_argument_is_replaced_and_counted(locale):
    result = classify([b"A bad \xff byte", "A fine film."], b"", locale)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr
    assert "warning: 1 byte(s) of the reviews given were not valid UTF-8" in stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert [line.split("\t")[2] for line in lines] == ["A bad \ufffd byte", "A fine film."]


def test_clean_input_gives_no_warning():
    result = classify(["Café au lait, a lovely film."], b"", LOCALES["C.UTF-8, strict streams"])
    assert result.returncode == 0 and b"warning" not in result.stderr
    assert "Café au lait" in result.stdout.decode("utf-8")


def test_a_stream_without_bytes_is_cleaned_too():
    assert read_text(io.StringIO("ok \udcff\n")) == ("ok \ufffd\n", 1)
    assert read_text(io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfok \xff\n"), encoding="utf-8")) == ("ok \ufffd\n", 1)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_decoding_replaces_as_python_does_and_counts_every_bad_byte(data):
    text, bad = decode_counting(data)
    assert text == data.decode("utf-8", "replace")
    assert (bad == 0) == _valid(data)
    # What was replaced is exactly the bytes that a surrogateescape decoding could not read.
    assert bad == sum(1 for ch in data.decode("utf-8", "surrogateescape") if "\udc80" <= ch <= "\udcff")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_an_argument_comes_back_as_its_bytes_would_decode(data):
    """What Python makes of a command-line argument (surrogateescape), cleaned, is the bytes decoded with replacement."""
    assert clean_text(data.decode("utf-8", "surrogateescape")) == decode_counting(data)


def _valid(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
