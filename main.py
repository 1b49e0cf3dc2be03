"""IMDB Sentiment Studio: ``python main.py`` opens the app; ``python main.py train|evaluate|classify`` is the command line."""

from __future__ import annotations

import sys

from core.cli.commands import COMMANDS


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
    except ImportError:
        sys.stderr.write(
            "The desktop app is not built yet. Use the command line meanwhile:\n"
            "  python main.py train --data PATH --out model.keras\n"
            "  python main.py classify --model model.keras \"A review\"\n"
        )
        return 1
    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
