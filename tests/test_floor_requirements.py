"""CI's floor check: pyproject's floors become pins, and ``-m "not qt"`` picks exactly the tests that need no Qt."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("floor_requirements", ROOT / "tools" / "floor_requirements.py")
floor_requirements = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(floor_requirements)
floor_pin, floor_pins = floor_requirements.floor_pin, floor_requirements.floor_pins


@pytest.mark.parametrize("requirement, pin", [
    ("keras>=3.14,<4", "keras==3.14"),
    ("PySide6-Essentials>=6.7,!=6.12.0", "PySide6-Essentials==6.7"),
    ("numpy >= 2.0", "numpy==2.0"),
    ("pytest-qt>=4.4; python_version >= '3.11'", "pytest-qt==4.4"),
    ("uvicorn[standard]>=0.30", "uvicorn[standard]==0.30"),
])
def test_a_floor_becomes_a_pin(requirement, pin):
    assert floor_pin(requirement) == pin


def test_a_dependency_without_a_floor_is_an_error():
    with pytest.raises(SystemExit, match="no '>=' floor"):
        floor_pin("keras<4")


def test_every_dependency_of_the_project_has_a_floor():
    pins = floor_pins(ROOT / "pyproject.toml", ["test"])
    names = [pin.split("==")[0].lower() for pin in pins]
    assert {"keras", "tensorflow", "numpy", "matplotlib", "pyside6-essentials", "pytest", "hypothesis"} <= set(names)


def test_not_qt_selects_the_engine_tests_and_leaves_the_gui_tests_out():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "not qt", "-p", "no:cacheprovider",
         "tests/test_gui_model_files.py", "tests/test_allow_list.py", "tests/test_i18n.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    selected = {line.split("::")[0] for line in result.stdout.splitlines() if "::" in line}
    assert selected == {"tests/test_allow_list.py"}, result.stdout[-2000:]
