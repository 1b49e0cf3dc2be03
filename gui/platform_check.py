"""Can Qt open a window here? Asked before the QApplication starts, so a bare Linux desktop gets a message, not a core dump.

When no platform plugin can be initialised, Qt aborts the process
(``qFatal``: "could not connect to display", or "xcb-cursor0 or
libxcb-cursor0 is needed", the latter even when other libraries are the
ones missing). On Linux, for the platforms Qt would try (``-platform``, else
``QT_QPA_PLATFORM``, else Wayland in a Wayland session and X11), this module
checks, in a few milliseconds and without importing Qt:

- that there is a display: ``DISPLAY`` set and an X server answering
  (``xcb_connect`` through ctypes, as Qt does it), or a Wayland socket;
- that the plugin that PySide6 ships loads (``dlopen`` through ctypes; if
  it does not, ``ldd`` names each missing library), with the Debian/Ubuntu
  packages that provide them in one ``sudo apt install`` line.

The first platform that passes wins; only when every one fails is the
problem returned. Anything it cannot check (another OS, another platform
such as ``offscreen``, no ``ldd``) passes: Qt then decides, as before.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import Mapping, Sequence

#: Debian/Ubuntu packages of the libraries Qt's display plugins load that a bare system may lack.
APT_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
_LDD_MISSING = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_LIBRARY = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")
_SO_NAME = re.compile(r"^(lib.+?)\.so\.(\d+)")


def apt_package(library: str) -> str:
    """The Debian/Ubuntu package of a shared library, e.g. libxcb-cursor.so.0 -> libxcb-cursor0.

    Known names come from :data:`APT_PACKAGES`; others follow Debian's
    naming rule (the name, lowercase, then the major version, after a hyphen
    when the name ends in a digit).
    """
    if library in APT_PACKAGES:
        return APT_PACKAGES[library]
    match = _SO_NAME.match(library)
    if not match:
        return library
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def apt_line(libraries: Sequence[str]) -> str:
    """The one command that installs the packages of ``libraries``."""
    return "sudo apt install " + " ".join(dict.fromkeys(apt_package(library) for library in libraries))


def missing_in_ldd_output(output: str) -> list[str]:
    """The libraries ``ldd`` reported as "not found", each once, in order."""
    return list(dict.fromkeys(_LDD_MISSING.findall(output)))


def library_named_in(message: str) -> str | None:
    """The shared library an ImportError message names (``libEGL.so.1: cannot open shared object file``), if any."""
    match = _LIBRARY.search(message)
    return match.group(1) if match else None


def requested_platforms(argv: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order, as it chooses them."""
    value = None
    for index, argument in enumerate(argv):
        if argument in ("-platform", "--platform") and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith(("-platform=", "--platform=")):
            value = argument.split("=", 1)[1]
    if value is None:
        value = environ.get("QT_QPA_PLATFORM", "")
    if not value:
        wayland = environ.get("XDG_SESSION_TYPE") == "wayland" or bool(environ.get("WAYLAND_DISPLAY"))
        value = "wayland;xcb" if wayland else "xcb"
    return [name.split(":", 1)[0].strip() for name in value.split(";") if name.strip()]


def _plugins(name: str) -> list[Path]:
    """The plugin files Qt would try for platform ``name``: ``QT_QPA_PLATFORM_PLUGIN_PATH``'s first, then PySide6's own."""
    folders = [Path(os.environ["QT_QPA_PLATFORM_PLUGIN_PATH"])] if os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") else []
    spec = find_spec("PySide6")  # the package's location, without importing Qt
    if spec is not None and spec.origin is not None:
        folders.append(Path(spec.origin).parent / "Qt" / "plugins" / "platforms")
    files = [f"libq{name}.so"] + (["libqwayland.so", "libqwayland-generic.so"] if name.startswith("wayland") else [])
    return [folder / file for folder in folders for file in files if (folder / file).exists()]


def _missing_for(name: str) -> list[str]:
    """What platform ``name``'s plugin lacks: none if one of its files loads (or none can be checked)."""
    found = [missing_libraries(plugin) for plugin in _plugins(name)]
    return [] if not found or not all(found) else found[-1]


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the system does not have.

    The plugin is loaded first (Qt loads it next anyway): that takes a few
    milliseconds and almost always works. Only if it fails does ``ldd`` name
    every missing library; if ``ldd`` names none, the plugin passes and Qt decides.
    """
    try:
        ctypes.CDLL(str(plugin))
        return []
    except OSError:
        return ldd_missing(plugin)


def ldd_missing(library: Path) -> list[str]:
    """The libraries ``ldd`` cannot find for ``library`` (none if there is no ``ldd``)."""
    import subprocess  # only on this slow path

    try:
        done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, timeout=10, env=dict(os.environ, LC_ALL="C"))
    except (OSError, subprocess.SubprocessError):
        return []
    return missing_in_ldd_output(done.stdout)


def _x_server_error(display: str) -> bool:
    """True if no X server answers at ``display``; False if one does or libxcb cannot be asked."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
    xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(xcb.xcb_connection_has_error(connection))
    finally:
        xcb.xcb_disconnect(connection)


def _is_pyside_own(library: str) -> bool:
    """Libraries that come in the PySide6 wheel, not from the system."""
    return library.startswith(("libQt6", "libicu", "libpyside6", "libshiboken6"))


def missing_message(name: str, missing: Sequence[str]) -> str:
    """What to say when platform ``name``'s plugin lacks ``missing``: the system's part as one apt line."""
    lines = [f'Qt cannot load its "{name}" platform plugin: {", ".join(missing)} {"is" if len(missing) == 1 else "are"} missing.']
    system = [library for library in missing if not _is_pyside_own(library)]
    if system:
        lines.append(f"On Debian or Ubuntu, install {'it' if len(system) == 1 else 'them'} with:\n  {apt_line(system)}")
    if len(system) < len(missing):
        lines.append("PySide6's own libraries are incomplete: pip install --force-reinstall PySide6")
    return "\n".join(lines)


def _xcb_problem(environ: Mapping[str, str]) -> str | None:
    display = environ.get("DISPLAY", "")
    if not display:
        return "no display to open the window on: DISPLAY is not set (Qt platform \"xcb\", X11)."
    missing = _missing_for("xcb")
    if missing:
        return missing_message("xcb", missing)
    if _x_server_error(display):
        return f'cannot connect to the X display "{display}" (DISPLAY): is its X server running, and may this user open windows on it?'
    return None


def _wayland_problem(name: str, environ: Mapping[str, str]) -> str | None:
    socket = environ.get("WAYLAND_DISPLAY") or "wayland-0"
    path = Path(socket) if socket.startswith("/") else Path(environ.get("XDG_RUNTIME_DIR") or "/nonexistent") / socket
    if not path.exists():
        return f"no Wayland display to open the window on: {path} does not exist (Qt platform \"{name}\")."
    missing = _missing_for(name)
    return missing_message(name, missing) if missing else None


def platform_problem(argv: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> str | None:
    """Why Qt could not open a window here, or None if it can (or if this cannot be checked)."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    problems = []
    for name in requested_platforms(argv, environ):
        if name == "xcb":
            problem = _xcb_problem(environ)
        elif name.startswith("wayland"):
            problem = _wayland_problem(name, environ)
        else:
            return None  # offscreen, vnc, eglfs, ...: Qt's own business
        if problem is None:
            return None
        problems.append(problem)
    return "\n".join(problems) if problems else None


def explain_import_error(exc: ImportError) -> str:
    """A one-paragraph message for a failed import of the Qt layer, naming the library at fault."""
    if isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] in ("PySide6", "shiboken6"):
        return f"error: PySide6 is not installed in this Python ({sys.executable}). Install the app with: pip install -e ."
    library = library_named_in(str(exc))
    if library:
        return f"error: the Qt libraries could not be loaded: {library} is missing ({exc}).\nOn Debian or Ubuntu, install it with:\n  {apt_line([library])}"
    return f"error: the desktop app could not start: {exc}"
