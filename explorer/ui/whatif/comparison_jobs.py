"""The What-if dock's background work: the scenario's comparison with its reference and
the removal impact, computed in a worker once the view has rested, and what they found."""

from __future__ import annotations

from collections.abc import Callable

from explorer.analysis.view import ViewFilter
from explorer.analysis.whatif import Comparison, compare
from explorer.model.entities import Scenario
from explorer.ui.whatif.comparison import ComparisonResult
from explorer.ui.whatif.impact_view import ImpactResult

#: the view rests this long before a comparison starts; REST_MS_LARGE above LARGE_ACTORS
REST_MS = 40
REST_MS_LARGE = 300
LARGE_ACTORS = 2_000


class ComparisonJobs:
    """Mixin of :class:`WhatIfPanel`: its comparison and impact jobs."""

    def _on_tab(self, index: int) -> None:
        if index == 1 and self._impact_dirty:
            self._schedule_impact()

    # ----- comparison ---------------------------------------------------------------------

    def _comparison_job(self) -> tuple[Scenario, ViewFilter, Callable[[], ComparisonResult]] | None:
        scenario = self.current_scenario()
        if scenario is None:
            return None
        doc, view = self.doc, self.session.view_filter  # immutable snapshot and view
        weights = self.session.weights
        ref = self.reference_name()
        reference = doc.scenarios[ref] if ref else None

        def job() -> ComparisonResult:
            return ComparisonResult(scenario, view, compare(doc, scenario, view, weights,
                                                            reference=reference))

        return scenario, view, job

    def _schedule_comparison(self) -> None:
        self._runner.invalidate("comparison")  # anything running now is already stale
        self.busy.setVisible(True)
        self._comparison_timer.setInterval(self._rest_ms())
        self._comparison_timer.start()

    def _rest_ms(self) -> int:
        """How long the view must rest before a comparison starts: a big project's takes
        seconds of a worker thread that shares Python's lock with the window, so one
        started at every step of a dragged date would slow every step that follows."""
        actors = self.session.project.counts()["actors"]
        return REST_MS_LARGE if actors > LARGE_ACTORS else REST_MS

    def _request_comparison(self) -> None:
        self._comparison_timer.stop()
        if self.session.closed:
            return
        spec = self._comparison_job()
        if spec is None:
            self._runner.invalidate("comparison")
            self._set_result(None)
            return
        self.busy.setVisible(True)
        self.status.setText(f"Computing “{spec[0].name}” against the baseline…")
        self._runner.submit("comparison", spec[2])

    def compute_now(self) -> Comparison | None:
        """Compute and show the comparison synchronously; returns it (None: no scenario)."""
        self._comparison_timer.stop()
        if self._refresh_timer.isActive():
            self._refresh_timer.stop()
            self._refresh_pickers()
        self._runner.invalidate("comparison")
        spec = self._comparison_job()
        result = spec[2]() if spec is not None else None
        self._set_result(result)
        return result.comparison if result else None

    def wait_idle(self, msecs: int = 10000) -> bool:
        """Wait for the worker pool to finish its jobs (results arrive as queued events)."""
        return self._runner.wait(msecs)

    @property
    def comparison(self) -> Comparison | None:
        result = self.comparison_view.result
        return result.comparison if result else None

    def _on_job_finished(self, kind: str, result) -> None:
        if kind == "comparison":
            self._set_result(result)
        else:
            self._set_impact(result)

    def _on_job_failed(self, kind: str, message: str) -> None:
        first = message.splitlines()[0]
        if kind == "comparison":
            self.comparison_view.show_failure(first)
        else:
            self.impact_view.show_failure(first)
        self.computeFailed.emit(message)

    def _set_result(self, result: ComparisonResult | None) -> None:
        self.comparison_view.set_result(result)
        self.comparisonReady.emit(result.comparison if result else None)
        self.session.comparisonReady.emit(result.comparison if result else None)

    def ratio_figure(self, c: Comparison) -> tuple[str, float | None, float | None]:
        return self.comparison_view.ratio_figure(c)

    def figures(self) -> dict[str, tuple]:
        """(baseline, scenario, delta) per figure key as shown in the table (for tests)."""
        return self.comparison_view.figures()

    def broker_rows(self) -> list[tuple]:
        """(actor, baseline rank, scenario rank, change) per row as shown (for tests)."""
        return self.comparison_view.broker_rows()

    # ----- removal impact -----------------------------------------------------------------

    def _schedule_impact(self) -> None:
        if self._syncing:
            return
        self._impact_dirty = True
        if self.tabs.currentIndex() != 1:
            return  # computed when the tab is shown
        self._runner.invalidate("impact")
        self.impact_busy.setVisible(True)
        self._impact_timer.setInterval(self._rest_ms())
        self._impact_timer.start()

    def _request_impact(self) -> None:
        self._impact_timer.stop()
        if self.session.closed:
            return
        job = self.impact_view.job()
        if job is None:
            self._runner.invalidate("impact")
            self._set_impact(None)
            return
        self.impact_status.setText("Computing…")
        self._runner.submit("impact", job)

    def compute_impact_now(self) -> list[tuple[str, float | None]] | None:
        self._impact_timer.stop()
        self._runner.invalidate("impact")
        job = self.impact_view.job()
        result = job() if job is not None else None
        self._set_impact(result)
        return result.rows if result else None

    def _set_impact(self, result: ImpactResult | None) -> None:
        self._impact_dirty = False
        self.impact_view.set_impact(result)
        self.impactReady.emit(result.rows if result else None)

    def impact_rows(self) -> list[tuple[str, float | None]]:
        return self.impact_view.impact_rows()
