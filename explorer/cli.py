"""Command-line entry point: opens the GUI, or works headless (info, export, report ...).

User errors print one line to stderr and exit with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer import __version__

COMMANDS = ("info", "export", "new", "report", "import", "gui")
IMAGE_FORMATS = ("png", "svg", "pdf")
GRAPH_FORMATS = ("gexf", "graphml", "csv", "json")


class UserError(Exception):
    """An error to report in one line, without a traceback."""


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
        "--format", required=True, choices=GRAPH_FORMATS + IMAGE_FORMATS, help="output format"
    )
    export.add_argument("-o", "--output", required=True, help="output file, or - for stdout")
    _add_view_options(export)
    export.add_argument("--scenario", help="apply this saved scenario (images and graphs)")
    export.add_argument(
        "--side-by-side", action="store_true",
        help="images: the baseline and --scenario side by side in one picture",
    )
    export.add_argument("--width", type=int, help="image width in pixels")
    export.add_argument("--dpi", type=int, help="image resolution (PNG)")

    report = sub.add_parser("report", help="strategic-balance report, optionally a what-if")
    report.add_argument("project", nargs="?", help="project file; default: the bundled dataset")
    _add_view_options(report)
    report.add_argument("--scenario", help="compare with this saved scenario")
    report.add_argument(
        "--remove", action="append", default=[], metavar="ACTOR[@ALLIANCE]",
        help="what if ACTOR were removed (or left ALLIANCE); repeatable",
    )
    report.add_argument(
        "--dissolve", action="append", default=[], metavar="ALLIANCE",
        help="what if ALLIANCE were dissolved; repeatable",
    )
    report.add_argument(
        "--weight", action="append", default=[], metavar="METRIC=W",
        help="weight of one capability-index metric (milex_usd_bn, personnel_k, "
        "population_m, gdp_usd_bn; default 1 each, 0 leaves it out); repeatable",
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

    imp = sub.add_parser("import", help="import a graph file into a new project")
    imp.add_argument("file", help="GEXF, GraphML, CSV, JSON, or COW/ATOP member file")
    imp.add_argument("-o", "--output", required=True, help="the new project file (.sbx)")
    imp.add_argument(
        "--format", choices=("gexf", "graphml", "csv", "json", "cow", "atop"),
        help="input format (default: from the extension)",
    )
    return parser


def _add_view_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="memberships and ties in force that day")
    parser.add_argument(
        "--region", action="append", default=[], metavar="R", help="only actors in region R; repeatable"
    )


def _normalise_argv(argv: list[str]) -> list[str]:
    """``balance-explorer PROJECT`` means ``balance-explorer gui PROJECT``."""
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return ["gui", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(_normalise_argv(list(sys.argv[1:] if argv is None else argv)))
    try:
        return _dispatch(args)
    except UserError as exc:
        print(f"balance-explorer: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # only known user-facing error types are reported plainly
        message = _user_message(exc)
        if message is None:
            raise
        print(f"balance-explorer: {message}", file=sys.stderr)
        return 2


def _user_message(exc: Exception) -> str | None:
    from explorer.analysis.errors import UnknownName
    from explorer.dataset import DatasetError
    from explorer.io.errors import ImportFormatError
    from explorer.model.errors import ValidationError
    from explorer.store import ProjectFileError

    known = (ProjectFileError, ValidationError, DatasetError, ImportFormatError, UnknownName)
    if isinstance(exc, known):
        return str(exc)
    if isinstance(exc, (FileExistsError, FileNotFoundError, PermissionError, IsADirectoryError)):
        return str(exc)
    return None


def _dispatch(args: argparse.Namespace) -> int:
    handler = {
        "gui": _cmd_gui,
        "info": _cmd_info,
        "new": _cmd_new,
        "export": _cmd_export,
        "report": _cmd_report,
        "import": _cmd_import,
    }[args.command]
    return handler(args)


def _open(path: str | None):
    from explorer.project_files import open_project

    return open_project(path)


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
        for name, count in project.counts().items():
            print(f"{name.capitalize() + ':':<16}{count}")
        print(f"{'Regions:':<16}{len(doc.regions)}")
        print(f"{'Sources:':<16}{len(doc.sources)}")
        figures = sum(len(a.capabilities) for a in doc.actors.values())
        print(f"{'Figures:':<16}{figures}")
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from explorer.dataset import empty_document, load_dataset
    from explorer.store import Project

    output = Path(args.output)
    if output.exists():
        raise UserError(f"'{output}' already exists; choose another name.")
    doc = empty_document() if args.empty else load_dataset()
    if args.title:
        doc.title = args.title
    Project.create(output, doc).close()
    print(f"Created {output}")
    return 0


def _write_text(output: str, text: str) -> None:
    if output == "-":
        sys.stdout.write(text)
        return
    import os
    import tempfile

    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, target)


def _cmd_export(args: argparse.Namespace) -> int:
    with _open(args.project) as project:
        if args.format == "json" and not (args.as_of or args.region or args.scenario):
            from explorer.io.json_document import document_to_json

            _write_text(args.output, document_to_json(project.document(), project.schema_version))
            return 0
        if args.output == "-" and args.format != "json":
            raise UserError(f"--format {args.format} needs a file name for -o.")
        if args.format in IMAGE_FORMATS:
            from explorer.ui.image_export import export_image_cli

            export_image_cli(project, args)
            return 0
        from explorer.io import export_graph

        doc = _view_document(project, args)
        export_graph(doc, args.output, args.format)
    return 0


def _view_document(project, args: argparse.Namespace):
    """The document as seen through the CLI's --scenario option."""
    doc = project.document()
    if getattr(args, "scenario", None):
        from explorer.analysis.report import resolve_names
        from explorer.analysis.whatif import apply_scenario

        name = resolve_names(doc, [args.scenario], "scenario")[0]
        doc = apply_scenario(doc, doc.scenarios[name])
    return doc


def _cmd_report(args: argparse.Namespace) -> int:
    import json

    from explorer.analysis.report import build_report, changes_from_cli, format_text, resolve_names
    from explorer.analysis.view import ViewFilter
    from explorer.model.entities import Scenario
    from explorer.model.validation import check_date

    with _open(args.project) as project:
        doc = project.document()
        check_date(args.as_of, "as-of date")
        regions = frozenset(resolve_names(doc, args.region, "region")) if args.region else frozenset()
        view = ViewFilter(as_of=args.as_of, regions=regions)
        scenario = None
        if args.scenario:
            name = resolve_names(doc, [args.scenario], "scenario")[0]
            scenario = doc.scenarios[name]
        changes = changes_from_cli(doc, args.remove, args.dissolve)
        if changes:
            base = list(scenario.changes) if scenario else []
            title = scenario.name if scenario else "; ".join(c.describe() for c in changes)
            scenario = Scenario(title, tuple(base + changes))
        weights = _parse_weights(args.weight)
        report = build_report(doc, view, scenario=scenario, weights=weights, headline=args.blocs)
        if args.format == "json":
            sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(format_text(report, glossary=args.glossary))
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
    from explorer.store import Project

    output = Path(args.output)
    if output.exists():
        raise UserError(f"'{output}' already exists; choose another name.")
    result = import_any(args.file, args.format)
    project = Project.create(output, result.document)
    with project:
        if result.positions:
            project.set_positions({f"actor:{k}": (x, y, False) for k, (x, y) in result.positions.items()})
        counts = project.counts()
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"Imported {counts['actors']} actors, {counts['alliances']} alliances, "
        f"{counts['memberships']} memberships, {counts['ties']} ties into {output}"
    )
    return 0


def import_any(path: str, fmt: str | None, progress=None):
    """Import a graph file, or a COW / ATOP member file, as an ImportResult."""
    from explorer.io import import_atop_members, import_cow_members, import_graph

    if fmt == "cow":
        return import_cow_members(path, progress=progress)
    if fmt == "atop":
        return import_atop_members(path, progress=progress)
    return import_graph(path, fmt, progress=progress)


if __name__ == "__main__":
    sys.exit(main())
