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
