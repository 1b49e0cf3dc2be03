"""The Qt layer of IMDB Sentiment Studio: it only draws and forwards to ``core``.

Nothing here imports TensorFlow at module level: the window must paint
before the seconds-long import happens, which is done on the worker thread
(or on first use of a model).
"""

import sys

import PySide6

if sys.version_info < (3, 12) and PySide6.__version_info__[:3] == (6, 12, 0):
    # PySide6 6.12.0 on CPython 3.11 drops one reference to None on every call
    # of a method that returns nothing (QLabel.setText, QProgressBar.setValue,
    # ...). Once None's count reaches zero Python aborts ("none_dealloc:
    # deallocating None"), after some thousands of calls in a fresh process.
    # Python 3.12 made None immortal; until then these spare references keep
    # the count far from zero (16 MB; hours of per-batch progress updates).
    _NONE_RESERVE = [None] * 2_000_000
