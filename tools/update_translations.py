"""Refresh the translation sources and build the compiled translations.

    python tools/update_translations.py            # lupdate, then lrelease
    python tools/update_translations.py --release  # lrelease only

``pyside6-lupdate`` collects every marked string of ``core/`` and ``gui/``
into ``resources/i18n/studio_<lang>.ts`` (strings that are gone are dropped,
translations of strings that stay are kept); translate the new ones with Qt
Linguist (``pyside6-linguist``) or any .ts editor, then run this again:
``pyside6-lrelease`` writes ``gui/translations/studio_<lang>.qm``, which the
app loads and the package ships. ``chart_tr(context, text)`` is read like
``translate(context, text)`` (its source text is the English fallback for
charts without a CJK font).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "i18n"
COMPILED = ROOT / "gui" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (a virtualenv's bin/), else the one on PATH."""
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files")
    args = parser.parse_args(argv)
    files = sorted(str(path.relative_to(ROOT)) for folder in ("core", "gui") for path in (ROOT / folder).rglob("*.py"))
    COMPILED.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = SOURCES / f"studio_{language}.ts"
        if not args.release:
            subprocess.run(
                [tool("pyside6-lupdate"), "-tr-function-alias", "translate+=chart_tr", "-locations", "none", "-no-obsolete",
                 "-source-language", "en", "-target-language", language, *files, "-ts", str(ts.relative_to(ROOT))],
                cwd=ROOT, check=True,
            )
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(COMPILED / f"studio_{language}.qm")], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
