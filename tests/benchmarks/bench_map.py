"""The map view and history in motion on the default project (issue #18), beside the
force view's figures:

* map repaint: one full render of the canvas (1400 x 900) in the map layout, against the
  force layout's (budget 16 ms);
* playback: frames per second while the date steps a year at a time, each step a new
  model, its grow-in/shrink-out and a repaint (target ≥ 10 fps), in both layouts;
* animated export: the 77 yearly frames 1949 → latest written as a GIF (target ≤ 60 s),
  map and force.

    python tests/benchmarks/bench_map.py [--quick]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, a 20-frame GIF")
    args = parser.parse_args()
    import bench_render as br
    from results import emit

    from explorer.analysis.view import ViewFilter
    from explorer.dataset import load_dataset
    from explorer.services.animation import plan_animation
    from explorer.store import Project
    from explorer.ui.canvas import GraphCanvas
    from explorer.ui.export.animation import write_animation
    from explorer.ui.session import ProjectSession

    QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    project = Project.create(tmp / "default.sbx", load_dataset())
    session = ProjectSession(project)
    canvas = GraphCanvas(session)
    canvas.resize(br.WIDTH, br.HEIGHT)
    canvas.show()
    canvas.pause_layout()
    canvas.step_layout(600)
    canvas.fit_to_view()
    repeats = 5 if args.quick else 25
    app = QApplication.instance()

    def repaint_ms() -> float:
        app.processEvents()
        return br.paint_ms(canvas.view, repeats)

    force_ms = repaint_ms()
    canvas.set_layout_kind("map", animate=False)
    canvas.fit_to_view()
    map_ms = repaint_ms()
    n = canvas.model().n_nodes
    print(f"default project, {n} nodes, {br.WIDTH} x {br.HEIGHT}, median of {repeats}")
    print(f"{'repaint':<28}{'force':>10}{'map':>10}{'budget':>10}  map/budget")
    print(f"{'one full frame (ms)':<28}{force_ms:>10.1f}{map_ms:>10.1f}{16:>10}"
          f"  {map_ms / 16:.2f} {'OK' if map_ms <= 16 else 'OVER'}")
    emit(f"map repaint, default project, {n} nodes, {br.WIDTH} × {br.HEIGHT} (bench_map)",
         f"{map_ms:.1f} ms", f"our force view {force_ms:.1f} ms", "", "≤ 16 ms", map_ms <= 16)

    years = list(range(1949, 2026)) if not args.quick else list(range(1980, 2000))

    def playback_fps(kind: str) -> float:
        canvas.set_layout_kind(kind, animate=False)
        canvas.pause_layout()
        times = []
        for year in years:
            t0 = time.perf_counter()
            session.set_view_filter(dataclasses.replace(ViewFilter(), as_of=f"{year}-12-31"))
            canvas.model()  # the rebuild a step triggers
            app.processEvents()
            br.paint_ms(canvas.view, 1)
            times.append(time.perf_counter() - t0)
        canvas.appear.stop()
        return 1.0 / statistics.median(times)

    fps_force = playback_fps("force")
    fps_map = playback_fps("map")
    print(f"{'playback, a year a step':<28}{'force':>10}{'map':>10}{'target':>10}")
    print(f"{'frames per second':<28}{fps_force:>10.1f}{fps_map:>10.1f}{'>= 10':>10}"
          f"  {'OK' if min(fps_force, fps_map) >= 10 else 'UNDER'}")
    emit("playback, a year a step (new model, grow-in, repaint; bench_map)",
         f"{fps_map:.1f} fps map, {fps_force:.1f} fps force", "—", "", "≥ 10 fps",
         min(fps_force, fps_map) >= 10)

    start = "1949" if not args.quick else "2006"
    print(f"{'animated GIF, ' + start + ' -> latest':<28}{'frames':>10}{'seconds':>10}"
          f"{'target':>10}")
    for kind in ("map", "force"):
        t0 = time.perf_counter()
        plan = plan_animation(project, None, start, "latest", "1y", kind)
        out = write_animation(plan, tmp / f"history_{kind}.gif", width=1200)
        took = time.perf_counter() - t0
        size = out.stat().st_size / 1e6
        print(f"{'  ' + kind + f' ({size:.1f} MB)':<28}{len(plan.dates):>10}{took:>10.1f}"
              f"{'<= 60':>10}  {'OK' if took <= 60 else 'OVER'}")
        emit(f"animated GIF, {len(plan.dates)} yearly frames, {kind} layout, 1200 px (bench_map)",
             f"{took:.1f} s", "—", "", "≤ 60 s", took <= 60)
    canvas.shutdown()
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
