"""Pan and zoom frame rate of the canvas on a large graph (issue #21: ≥ 30 fps at 50,000
nodes), measured offscreen.

    python tests/benchmarks/bench_pan.py [NODES ...]

A frame is one view change as the mouse handlers make it (``setRange`` then
``sigRangeChangedManually``) plus a full render of the view into a 1400 x 900 image.
Above 20,000 edges the edges are left out while the view moves (sigma.js's
hide-edges-on-move) and drawn again when it rests; the "at rest" line times that.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZES = (10_000, 50_000)


def frames(canvas, rects, paint_ms) -> float:
    times = []
    for rect in rects:
        t0 = time.perf_counter()
        canvas.vb.setRange(rect, padding=0)
        canvas.vb.sigRangeChangedManually.emit([True, True])
        paint_ms(canvas.view, 1)
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def bench(n: int, tmp: Path) -> None:
    import bench_render as br

    from explorer.store import Project
    from explorer.ui.canvas import GraphCanvas
    from explorer.ui.session import ProjectSession

    session = ProjectSession(Project.create(tmp / f"pan{n}.sbx", br.make_document(n)))
    canvas = GraphCanvas(session)
    canvas.pause_layout()
    canvas.resize(br.WIDTH, br.HEIGHT)
    canvas.view.setAntialiasing(False)
    canvas.step_layout(3)
    canvas.fit_to_view()
    r = canvas.vb.viewRect()
    pans = [r.translated(r.width() * 0.02 * i, 0) for i in range(1, 10)]
    zooms = [QRectF(r.center().x() - r.width() * (0.5 - 0.04 * i),
                    r.center().y() - r.height() * (0.5 - 0.04 * i),
                    r.width() * (1 - 0.08 * i), r.height() * (1 - 0.08 * i))
             for i in range(1, 10)]
    pan, zoom = frames(canvas, pans, br.paint_ms), frames(canvas, zooms, br.paint_ms)
    canvas.edges.set_interacting(False)
    rest = br.paint_ms(canvas.view, 3)
    edges = len(canvas.model().edges)
    print(f"{canvas.model().n_nodes:>6} nodes {edges:>7} edges | pan {pan:6.1f} ms/frame "
          f"({1000 / pan:5.1f} fps) | zoom {zoom:6.1f} ms/frame ({1000 / zoom:5.1f} fps) | "
          f"at rest, all edges drawn: {rest:7.1f} ms (target ≥ 30 fps while moving)")
    from results import emit

    slower = max(pan, zoom)
    emit(f"pan / zoom, {canvas.model().n_nodes:,} nodes / {edges:,} edges (bench_pan)",
         f"{1000 / pan:.1f} / {1000 / zoom:.1f} fps", "—", "", "≥ 30 fps", 1000 / slower >= 30)
    canvas.shutdown()
    session.close()


def main(argv: list[str]) -> None:
    app = QApplication.instance() or QApplication([])
    from explorer.scene import sprite_blit
    from explorer.scene.label_placement import KERNELS as LABEL_KERNELS

    # compiled stamping of big graphs' nodes and label placement, as the window has them
    for thread in (sprite_blit.warm_up_in_background(),
                   LABEL_KERNELS.warm_up_in_background()):
        if thread is not None:
            thread.join()
    sizes = tuple(int(a) for a in argv) or SIZES
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            bench(n, Path(tmp))
    app.processEvents()


if __name__ == "__main__":
    main(sys.argv[1:])
