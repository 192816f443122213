"""One lock around every launch of a parallel numba kernel.

numba's fallback threading layer ("workqueue", used where neither TBB nor OpenMP is
installed) aborts the process when two threads launch parallel kernels at once: the
layout of an image export in a worker thread and the canvas stamping nodes, say. Each
parallel launch holds this lock; serial kernels need none.
"""

from __future__ import annotations

import threading

PARALLEL_LAUNCH = threading.Lock()
