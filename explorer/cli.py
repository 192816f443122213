"""Command-line entry point: opens the GUI, or works headless (info, export, report ...).

User errors print one line to stderr and exit with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer import __version__
from explorer.cli_progress import StderrProgress
from explorer.errors import UserError

COMMANDS = ("info", "export", "new", "report", "brief", "animate", "import", "gui")
IMAGE_FORMATS = ("png", "svg", "pdf")



def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="balance-explorer",
        description="Strategic Balance Explorer: the world's alliances as a live network. "
        "Run without a command to open the program (on PROJECT, or the bundled default).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the program (the default when no command is given)")
    gui.add_argument("project", nargs="?", help="project file (.sbx); default: bundled project")

    info = sub.add_parser("info", help="print a summary of a project")
    info.add_argument("project", nargs="?", help="project file; default: the bundled dataset")

    new = sub.add_parser("new", help="create a project from the bundled dataset (or empty)")
    new.add_argument("-o", "--output", required=True, help="the new project file (.sbx)")
    new.add_argument("--empty", action="store_true", help="create an empty project instead")
    new.add_argument("--title", help="the project's title")

    export = sub.add_parser("export", help="export a project as JSON, a graph file or an image")
    export.add_argument("project", nargs="?", help="project file; default: the bundled dataset")
    export.add_argument(
        "--format", required=True, choices=_graph_formats() + IMAGE_FORMATS, help="output format"
    )
    export.add_argument("-o", "--output", required=True, help="output file, or - for stdout")
    _add_view_options(export)
    export.add_argument("--scenario", help="apply this saved scenario (images and graphs)")
    _add_change_options(export)
    export.add_argument(
        "--side-by-side", action="store_true",
        help="images: the baseline and --scenario side by side in one picture",
    )
    export.add_argument(
        "--layout", choices=("force", "map"),
        help="force-directed or world map (default: the layout the project was last shown"
        " in); graph files in map layout get x = longitude, y = latitude",
    )
    export.add_argument("--width", type=int, help="image width in pixels")
    export.add_argument("--dpi", type=int, help="image resolution (PNG)")

    report = sub.add_parser("report", help="strategic-balance report, optionally a what-if")
    report.add_argument("project", nargs="?", help="project file; default: the bundled dataset")
    _add_view_options(report)
    report.add_argument("--scenario", help="compare with this saved scenario")
    _add_change_options(report)
    _add_against_option(report)
    report.add_argument(
        "--weight", action="append", default=[], metavar="METRIC=W",
        help="weight of one capability-index metric (milex_usd_bn, population_m, "
        "urban_population_m, energy_mtoe: default 1; personnel_k, gdp_usd_bn, gdp_ppp_bn: "
        "default 0; 0 leaves it out); repeatable",
    )
    report.add_argument("--format", choices=("text", "json"), default="text")
    report.add_argument(
        "--blocs", choices=("user", "detected", "alliance"), default="alliance",
        help="the bloc view the summary and tables lead with (default: alliance, the blocs "
        "of actors joined by defence pacts)",
    )
    report.add_argument(
        "--glossary", action="store_true",
        help="text format: end with what every measure means (JSON always includes it)",
    )

    brief = sub.add_parser(
        "brief", help="a briefing to hand on (PDF or HTML): summary, pictures, tables, sources"
    )
    brief.add_argument("project", nargs="?", help="project file; default: the bundled dataset")
    brief.add_argument("-o", "--output", required=True, help="FILE.pdf or FILE.html")
    brief.add_argument("--format", choices=("pdf", "html"), help="default: from the extension")
    _add_view_options(brief)
    brief.add_argument("--scenario", help="compare with this saved scenario")
    _add_change_options(brief)
    _add_against_option(brief)
    brief.add_argument(
        "--blocs", choices=("user", "detected", "alliance"), default="alliance",
        help="the bloc view the summary and tables lead with (default: alliance)",
    )
    brief.add_argument(
        "--no-pictures", action="store_true",
        help="leave the pictures out (e.g. on a machine without the drawing libraries)",
    )

    animate = sub.add_parser(
        "animate", help="history in motion: an animated GIF or MP4, one frame per step")
    animate.add_argument("project", nargs="?", help="project file; default: the bundled dataset")
    animate.add_argument("-o", "--output", required=True, help="FILE.gif or FILE.mp4")
    animate.add_argument("--from", dest="start", required=True, metavar="DATE",
                         help="first frame: YYYY (its last day), YYYY-MM or YYYY-MM-DD")
    animate.add_argument("--to", dest="end", default="latest", metavar="DATE",
                         help="last frame: a date, or latest (the default: the latest data)")
    animate.add_argument("--step", default="1y", help="between frames: e.g. 1y, 6m, 10d"
                         " (default 1y)")
    animate.add_argument("--layout", choices=("force", "map"),
                         help="default: the layout the project was last shown in")
    animate.add_argument("--chart", choices=("graph", "race", "both"), default="graph",
                         help="the network, the bar chart race of shares, or both side by side")
    animate.add_argument("--region", action="append", default=[], metavar="R",
                         help="only actors in region R; repeatable")
    animate.add_argument("--scenario", help="apply this saved scenario")
    _add_change_options(animate)
    animate.add_argument("--fps", type=float, default=1.0,
                         help="frames per second (default 1: a year per second)")
    animate.add_argument("--width", type=int, default=1200, help="frame width in pixels")

    imp = sub.add_parser("import", help="import a graph file into a new project")
    imp.add_argument("file", help="GEXF, GraphML, CSV, JSON, or COW/ATOP member file")
    imp.add_argument("-o", "--output", required=True, help="the new project file (.sbx)")
    imp.add_argument(
        "--format", choices=_import_formats(),
        help="input format (default: from the extension)",
    )
    return parser


def _graph_formats() -> tuple[str, ...]:
    from explorer.io import writable

    return tuple(f.name for f in writable())


def _import_formats() -> tuple[str, ...]:
    from explorer.io import readable

    return tuple(f.name for f in readable())


def _add_view_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="memberships and ties in force that day")
    parser.add_argument(
        "--region", action="append", default=[], metavar="R", help="only actors in region R; repeatable"
    )


def _add_against_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--against", metavar="NAME",
        help="compare with this saved scenario instead of the baseline",
    )


def _add_change_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--remove", action="append", default=[], metavar="ACTOR[@ALLIANCE]",
        help="what if ACTOR were removed (or left ALLIANCE); repeatable",
    )
    parser.add_argument(
        "--dissolve", action="append", default=[], metavar="ALLIANCE",
        help="what if ALLIANCE were dissolved; repeatable",
    )


def _normalise_argv(argv: list[str]) -> list[str]:
    """``balance-explorer PROJECT`` means ``balance-explorer gui PROJECT``."""
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return ["gui", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(_normalise_argv(list(sys.argv[1:] if argv is None else argv)))
    try:
        status = _dispatch(args)
        sys.stdout.flush()
        return status
    except UserError as exc:
        print(f"balance-explorer: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_closed_stdout()
        return 0
    except Exception as exc:  # only known user-facing error types are reported plainly
        if _interrupted(exc):
            return 130
        from explorer.services import user_message

        message = user_message(exc)
        if message is None:
            raise
        print(f"balance-explorer: {message}", file=sys.stderr)
        return 2


def _interrupted(exc: BaseException) -> bool:
    """True when Ctrl+C is behind ``exc``: a KeyboardInterrupt raised while compiled code
    ran Python (numba loading its cache or compiling) comes out as a SystemError "returned
    a result with an exception set", with the interrupt as its cause."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _quiet_closed_stdout() -> None:
    """``balance-explorer info | head -1``: the reader left; say nothing more."""
    import os

    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _dispatch(args: argparse.Namespace) -> int:
    handler = {
        "gui": _cmd_gui,
        "info": _cmd_info,
        "new": _cmd_new,
        "export": _cmd_export,
        "report": _cmd_report,
        "brief": _cmd_brief,
        "animate": _cmd_animate,
        "import": _cmd_import,
    }[args.command]
    return handler(args)


def _open(path: str | None):
    from explorer.project_files import open_project

    project = open_project(path)
    if path is not None:
        # every command reads the whole project first: seconds at 100,000 actors
        with StderrProgress(f"Reading {Path(path).name}") as progress:
            project.document(progress)
    return project


def _cmd_gui(args: argparse.Namespace) -> int:
    from explorer.ui.app import run_gui

    return run_gui(args.project)


def _cmd_info(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        doc = project.document()
        where = args.project or "bundled default dataset"
        print(f"Project:        {doc.title}")
        print(f"File:           {where}")
        print(f"Schema version: {project.schema_version}")
        print(f"Data as of:     {doc.vintage or 'not recorded'}")
        for name, count in project.counts().items():
            print(f"{name.capitalize() + ':':<16}{count}")
        print(f"{'Regions:':<16}{len(doc.regions)}")
        print(f"{'Sources:':<16}{len(doc.sources)}")
        figures = sum(len(a.capabilities) for a in doc.actors.values())
        print(f"{'Figures:':<16}{figures}")
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from explorer.services import new_project

    output = new_project(args.output, empty=args.empty, title=args.title)
    print(f"Created {output}")
    return 0


def _request(args: argparse.Namespace):
    from explorer.services import ViewRequest

    return ViewRequest(
        as_of=getattr(args, "as_of", None),
        regions=tuple(getattr(args, "region", None) or ()),
        scenario=getattr(args, "scenario", None),
        removes=tuple(getattr(args, "remove", None) or ()),
        dissolves=tuple(getattr(args, "dissolve", None) or ()),
        against=getattr(args, "against", None),
    )


def _cmd_export(args: argparse.Namespace) -> int:
    from explorer import services

    with _open(args.project) as project:
        request = _request(args)
        plain = not (args.as_of or args.region or args.scenario or args.remove or args.dissolve)
        if args.format == "json" and plain:
            if args.output == "-":
                sys.stdout.write(services.exports.document_json(project))
            else:
                services.export_document_json(project, args.output)
            return 0
        if args.output == "-" and args.format != "json":
            raise UserError(f"--format {args.format} needs a file name for -o.")
        label = f"Exporting {Path(args.output).name}"
        if args.format in IMAGE_FORMATS:
            from explorer.ui.export.renderer import render_page

            with StderrProgress(label) as progress:
                services.export_image(
                    project, args.output, args.format, request, render_page,
                    width=args.width, dpi=args.dpi, side_by_side=args.side_by_side,
                    layout=args.layout, progress=progress,
                )
            return 0
        with StderrProgress(label) as progress:
            services.export_graph_file(project, args.output, args.format, request,
                                       args.layout, progress=progress)
    return 0


def _cmd_animate(args: argparse.Namespace) -> int:
    from explorer.services.animation import check_output, plan_animation

    check_output(args.output)
    with _open(args.project) as project:
        plan = plan_animation(project, _request(args), args.start, args.end, args.step,
                              args.layout)
    from explorer.ui.export.animation import write_animation

    total = len(plan.dates)

    def progress(done: int, count: int) -> bool:
        if sys.stderr.isatty():
            print(f"\rframe {done}/{count}", end="" if done < count else "\n",
                  file=sys.stderr, flush=True)
        elif done == count or done % 10 == 0:
            print(f"frame {done}/{count}", file=sys.stderr, flush=True)
        return True

    path = write_animation(plan, args.output, chart=args.chart, width=args.width,
                           fps=args.fps, progress=progress)
    print(f"Wrote {path} ({total} frames, {plan.layout} layout)")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from explorer.cli_progress import StageProgress
    from explorer.services import make_report
    from explorer.services.reports import make_report_stages

    request = _request(args)
    with _open(args.project) as project:
        weights = _parse_weights(args.weight)
        # stages that run over half a second are named on stderr; stdout is the report
        with StageProgress("Computing report", make_report_stages(request)) as progress:
            text = make_report(project, request, weights, args.format,
                               headline=args.blocs, glossary=args.glossary, progress=progress)
        sys.stdout.write(text)
    return 0


def _cmd_brief(args: argparse.Namespace) -> int:
    from explorer.services.briefing import brief_format, export_briefing

    fmt = brief_format(args.output, args.format)
    render = write_pdf = None
    if not args.no_pictures or fmt == "pdf":
        from explorer.ui.export.briefing_pdf import write_briefing_pdf
        from explorer.ui.export.renderer import render_page

        render = None if args.no_pictures else render_page
        write_pdf = write_briefing_pdf
    with _open(args.project) as project:
        path = export_briefing(project, args.output, _request(args), render, write_pdf,
                               fmt=fmt, headline=args.blocs)
    print(f"Wrote {path}")
    return 0


def _parse_weights(items: list[str]) -> dict[str, float] | None:
    """``["milex_usd_bn=2", …]`` -> checked weights; UserError naming a bad item."""
    from explorer.analysis.capability import check_weights

    if not items:
        return None
    weights: dict[str, float] = {}
    for item in items:
        metric, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError
            weights[metric.strip()] = float(value)
        except ValueError:
            raise UserError(f"--weight '{item}': write METRIC=NUMBER, e.g. milex_usd_bn=2.") from None
    try:
        checked = check_weights(weights)
    except ValueError as exc:
        raise UserError(f"--weight: {exc}") from None
    if not any(checked.values()):
        raise UserError("--weight: at least one metric needs a weight above 0.")
    return checked


def _cmd_import(args: argparse.Namespace) -> int:
    from explorer.services import import_to_new_project

    with StderrProgress(f"Importing {Path(args.file).name}") as progress:
        summary = import_to_new_project(args.file, args.output, args.format, progress)
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    counts = summary.counts
    print(
        f"Imported {counts['actors']} actors, {counts['alliances']} alliances, "
        f"{counts['memberships']} memberships, {counts['ties']} ties into {summary.path}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
