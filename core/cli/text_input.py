"""Reviews from standard input and from arguments, whatever their bytes.

A pipe can carry bytes that are not UTF-8, and an argument can too: Python
hands those to us as lone surrogates (``surrogateescape``), which a strict
UTF-8 stream refuses to print, and a strict locale's stdin refuses to read.
Either way the command line would end in a traceback. Here every such byte
becomes U+FFFD, as ``errors="replace"`` would make it, and is counted, so
that the command can say how many it replaced instead of changing the
text silently.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import Iterable, TextIO

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_counting(data: bytes) -> tuple[str, int]:
    """``data`` decoded as UTF-8 with replacement, and how many bytes were replaced."""
    pieces, bad, start = [], 0, 0
    while True:
        try:
            pieces.append(data[start:].decode("utf-8"))
            return "".join(pieces), bad
        except UnicodeDecodeError as error:
            pieces.append(data[start:start + error.start].decode("utf-8"))
            pieces.append("\ufffd")
            bad += error.end - error.start
            start += error.end


def clean_text(text: str) -> tuple[str, int]:
    """Text with lone surrogates (bytes that were not UTF-8) replaced; and the count of those bytes."""
    if not _LONE_SURROGATE.search(text):
        return text, 0
    # A surrogate that stands for no byte (not U+DC80..U+DCFF) counts as one bad byte, 0xFF,
    # which no UTF-8 sequence contains; the others go back to the bytes they stand for.
    text = _LONE_SURROGATE.sub(lambda match: match.group() if "\udc80" <= match.group() <= "\udcff" else "\udcff", text)
    return decode_counting(text.encode("utf-8", "surrogateescape"))


def clean_arguments(arguments: Iterable[str]) -> tuple[list[str], int]:
    """Each argument cleaned; and the count of bytes replaced in all of them."""
    cleaned, bad = [], 0
    for argument in arguments:
        text, count = clean_text(argument)
        cleaned.append(text)
        bad += count
    return cleaned, bad


def read_text(stream: TextIO) -> tuple[str, int]:
    """All of ``stream``, read as bytes where it has them (so no locale can refuse them); and the bad-byte count."""
    buffer = getattr(stream, "buffer", None)
    if isinstance(buffer, (io.BufferedIOBase, io.RawIOBase)):
        return decode_counting(buffer.read().removeprefix(codecs.BOM_UTF8))
    return clean_text(stream.read())


def replacing_output(stream: TextIO) -> None:
    """Let ``stream`` print any text: a character its encoding lacks becomes '?' instead of an error."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        stream.reconfigure(errors="replace")
