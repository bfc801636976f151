"""Settings for work that builds hundreds of thousands of Python objects at once.

Python's cyclic garbage collector runs whenever enough new container objects have
been allocated, and its full passes walk every object alive. An import of 100,000
rows keeps millions of small dicts, lists and strings alive until it ends, so the
collector walks them again and again for nothing: the objects made by reading,
matching and writing hold no reference cycles. Measured on a 100,000-row import,
pausing it took the run from 27.7 s to 21.8 s (``benchmarks/bench_import_export.py``).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (reference counting still frees
    everything as usual). Nested or concurrent blocks — an import in the window's
    worker thread while another runs — turn it back on when the last one ends,
    and only if it was on before the first began."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
