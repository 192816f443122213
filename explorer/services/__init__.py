"""The operations both front ends call: the command line and the window share one
implementation of new project, import, graph and image export and the report.

No Qt here: image export takes the renderer (``explorer.ui.export``) as an argument.

Names are loaded on first use (PEP 562): ``import_to_new_project`` needs the readers and
the store only, and loading every service (the analysis and networkx with them) took
a second of each ``import`` command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.model.lazy_names import lazy_getattr

#: public name -> the module that defines it
_HOME = {
    "user_message": "errors",
    "export_document_json": "exports",
    "export_graph_file": "exports",
    "export_image": "images",
    "ImportSummary": "projects",
    "import_file": "projects",
    "import_to_new_project": "projects",
    "new_project": "projects",
    "make_report": "reports",
    "ViewRequest": "view_options",
    "resolve_view": "view_options",
}

__all__ = [
    "ImportSummary",
    "ViewRequest",
    "export_document_json",
    "export_graph_file",
    "export_image",
    "import_file",
    "import_to_new_project",
    "make_report",
    "new_project",
    "resolve_view",
    "user_message",
]

if TYPE_CHECKING:
    from explorer.services.errors import user_message
    from explorer.services.exports import export_document_json, export_graph_file
    from explorer.services.images import export_image
    from explorer.services.projects import (
        ImportSummary,
        import_file,
        import_to_new_project,
        new_project,
    )
    from explorer.services.reports import make_report
    from explorer.services.view_options import ViewRequest, resolve_view


__getattr__ = lazy_getattr(__name__, _HOME, globals())
