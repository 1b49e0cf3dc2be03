"""Print pyproject's dependencies pinned at their floors, for a pip install of the oldest versions we claim.

    python tools/floor_requirements.py                 # the dependencies
    python tools/floor_requirements.py --extra test    # and the test extra's

Each ``name>=X`` becomes ``name==X``; other parts of the requirement (an
upper bound, an excluded version, a marker) are dropped, since ``==X``
already says everything. A dependency without a ``>=`` floor is an error:
CI installs these pins to check that the floors are true, so every
dependency must have one.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A PEP 508 requirement: its name (and extras), then its version clauses.
_REQUIREMENT = re.compile(r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?P<extras>\[[^\]]*\])?\s*(?P<clauses>[^;]*)")
_FLOOR = re.compile(r">=\s*(?P<version>[^,\s]+)")


def floor_pin(requirement: str) -> str:
    """``'keras>=3.14,<4'`` -> ``'keras==3.14'``."""
    match = _REQUIREMENT.match(requirement)
    floor = _FLOOR.search(match.group("clauses")) if match else None
    if floor is None:
        raise SystemExit(f"error: {requirement!r} has no '>=' floor; give it one, so CI can check it.")
    return f"{match.group('name')}{match.group('extras') or ''}=={floor.group('version')}"


def floor_pins(pyproject: Path, extras: list[str]) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in extras:
        try:
            requirements += project["optional-dependencies"][extra]
        except KeyError:
            raise SystemExit(f"error: pyproject has no optional dependency group {extra!r}.") from None
    return [floor_pin(requirement) for requirement in requirements]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", action="append", default=[], help="also pin this optional dependency group (repeatable)")
    parser.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    args = parser.parse_args(argv)
    sys.stdout.write("".join(pin + "\n" for pin in floor_pins(args.pyproject, args.extra)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
