"""Freed memory goes back to the system between trainings."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from core.training.memory import release_memory


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and trims glibc's heap")
def test_release_memory_returns_freed_small_blocks_to_the_system():
    blocks = [np.ones(2_000, dtype=np.float64) for _ in range(40_000)]  # ~640 MB of heap, in 16 kB blocks
    held = rss_mb()
    del blocks[: len(blocks) - 1]  # all but the last, so the heap top cannot simply shrink
    release_memory()
    assert rss_mb() < held - 300


ARENA_PROBE = """
import ctypes, sys, threading
if sys.argv[1] == "app":
    import main  # noqa: F401 - main.py limits the arenas as it is imported
import numpy as np

def churn(barrier):
    barrier.wait()
    for _ in range(300):
        blocks = [np.ones(5_000) for _ in range(20)]  # malloc'd by many threads at once
        del blocks

barrier = threading.Barrier(8)
threads = [threading.Thread(target=churn, args=(barrier,)) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype = ctypes.c_void_p
stream = libc.fopen(sys.argv[2].encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(stream))
libc.fclose(ctypes.c_void_p(stream))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's arenas")
def test_the_app_limits_glibcs_heap_arenas(tmp_path):
    import os
    import re
    import subprocess
    from pathlib import Path

    from core.training.memory import ARENAS

    root = Path(__file__).resolve().parent.parent
    env = {key: value for key, value in os.environ.items() if key != "MALLOC_ARENA_MAX"}

    def heaps(mode: str) -> int:
        report = tmp_path / f"{mode}.xml"
        subprocess.run([sys.executable, "-c", ARENA_PROBE, mode, str(report)], cwd=root, env=env, timeout=120, check=True)
        return len(re.findall(r"<heap nr=", report.read_text()))

    assert heaps("app") <= ARENAS  # eight threads allocating at once share the allowed arenas
    assert heaps("plain") > ARENAS  # without main.py, glibc gives them more: the probe can tell
