"""The operations both front ends call: the command line and the window share one
implementation of new project, import, graph and image export and the report.

No Qt here: image export takes the renderer (``explorer.ui.export``) as an argument.
"""

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
