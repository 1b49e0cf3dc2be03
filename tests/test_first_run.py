"""First run on a bare Linux machine: no display, or a missing Qt library, gives a clear message and exit code 1, not a core dump.

The app is started for real (``python main.py`` in a subprocess) with an
environment where Qt could not open a window; a failed import of a Qt
library is made real with an import hook in the child's ``sitecustomize``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gui.platform_check import (
    apt_line,
    apt_package,
    explain_import_error,
    ldd_missing,
    missing_libraries,
    missing_message,
    requested_platforms,
)

ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the platform check is for Linux")


def start_app(tmp_path: Path, pythonpath: Path | None = None, **environment: str) -> subprocess.CompletedProcess:
    """``python main.py`` as a user would start it, with a fresh home; at most 20 s."""
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"), **environment)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=20, check=False)


@linux_only
def test_no_display_gives_a_message_and_exit_code_1_not_an_abort(tmp_path):
    result = start_app(tmp_path, QT_QPA_PLATFORM="xcb")
    assert result.returncode == 1, f"exit {result.returncode} (-{signal.SIGABRT} is Qt's abort):\n{result.stderr[-2000:]}"
    assert result.stderr.startswith("error: no display to open the window on: DISPLAY is not set")
    assert "python main.py --help" in result.stderr and "qt.qpa" not in result.stderr


@linux_only
def test_an_x_display_nobody_answers_gives_a_message_and_exit_code_1(tmp_path):
    display = next(f":{n}" for n in range(4242, 4300) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    result = start_app(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=display)
    assert result.returncode == 1, f"exit {result.returncode}:\n{result.stderr[-2000:]}"
    # Either the X server (none answers) or, on a machine without them, the plugin's libraries are named.
    assert f'cannot connect to the X display "{display}"' in result.stderr or "sudo apt install" in result.stderr


SITECUSTOMIZE = '''
import sys

class NoEGL:
    """Qt's widgets fail to import as they do on a machine without libEGL."""
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6.QtWidgets":
            raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
        return None

sys.meta_path.insert(0, NoEGL())
'''


def test_a_qt_library_missing_at_import_is_named_with_its_package(tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
    result = start_app(tmp_path, pythonpath=hooks, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr.startswith("error: the Qt libraries could not be loaded: libEGL.so.1 is missing")
    assert "sudo apt install libegl1" in result.stderr and "not built yet" not in result.stderr


def test_a_missing_pyside6_is_named_as_such():
    assert explain_import_error(ModuleNotFoundError("No module named 'PySide6'", name="PySide6")).startswith("error: PySide6 is not installed")
    assert explain_import_error(ImportError("cannot import name 'X' from 'gui.y'")) == "error: the desktop app could not start: cannot import name 'X' from 'gui.y'"


def test_missing_libraries_become_one_apt_line():
    assert apt_package("libxcb-cursor.so.0") == "libxcb-cursor0" and apt_package("libEGL.so.1") == "libegl1"
    assert apt_package("libxcb-util.so.1") == "libxcb-util1" and apt_package("libfoo2.so.3") == "libfoo2-3"  # Debian's rule
    assert apt_line(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libGL.so.1", "libxcb-cursor.so.0"]) == "sudo apt install libxcb-cursor0 libxcb-icccm4 libgl1"
    message = missing_message("xcb", ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert message == (
        'Qt cannot load its "xcb" platform plugin: libxcb-icccm.so.4, libxcb-keysyms.so.1 are missing.\n'
        "On Debian or Ubuntu, install them with:\n  sudo apt install libxcb-icccm4 libxcb-keysyms1"
    )


@linux_only
@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd")
def test_ldd_names_what_a_plugin_cannot_find(tmp_path):
    """A real copy of Qt's xcb plugin, moved away from PySide6's libraries: ldd finds them missing."""
    from importlib.util import find_spec

    plugin = Path(find_spec("PySide6").origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    copy = tmp_path / "libqxcb.so"
    shutil.copyfile(plugin, copy)
    missing = ldd_missing(copy)
    assert "libQt6XcbQpa.so.6" in missing
    assert not any(library.startswith("libQt6") for library in ldd_missing(plugin))
    assert missing_libraries(plugin) == [] or all(not library.startswith("libQt6") for library in missing_libraries(plugin))
    assert "pip install --force-reinstall PySide6" in missing_message("xcb", missing)


def test_the_platforms_qt_would_try_are_read_as_qt_reads_them():
    assert requested_platforms(["-platform", "offscreen"], {"QT_QPA_PLATFORM": "xcb"}) == ["offscreen"]
    assert requested_platforms(["--open", "m.keras"], {"QT_QPA_PLATFORM": "wayland;xcb:foo=1"}) == ["wayland", "xcb"]
    assert requested_platforms([], {"XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert requested_platforms([], {"DISPLAY": ":0"}) == ["xcb"]
