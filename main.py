"""IMDB Sentiment Studio: ``python main.py`` opens the app; ``python main.py train|evaluate|classify`` is the command line."""

from __future__ import annotations

import sys

from core.training.memory import limit_heap_arenas

limit_heap_arenas()  # before any thread starts (see core.training.memory)

from core.cli.commands import COMMANDS  # noqa: E402 - after the allocator is set up

#: Said when the window cannot open: the engine still works.
COMMAND_LINE_HINT = "The command line needs no display: python main.py --help\n"


def cli_main(argv: list[str] | None = None) -> int:
    """The command line (``train``, ``evaluate``, ``classify``)."""
    from core.cli.commands import run

    return run(sys.argv[1:] if argv is None else argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return cli_main(argv)
    try:
        from gui.app import run_app
    except ImportError as exc:  # PySide6 missing, or a Qt library it loads (libEGL.so.1, ...)
        from gui.platform_check import explain_import_error

        sys.stderr.write(explain_import_error(exc) + "\n" + COMMAND_LINE_HINT)
        return 1
    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
