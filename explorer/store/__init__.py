"""The SQLite project file: schema, migrations, open/save, transactions (no Qt)."""

from explorer.store.errors import (
    OutsideChange,
    ProjectFileError,
    ReadOnlyProject,
    WriteRefused,
)
from explorer.store.lock import ProjectLocked
from explorer.store.project import ChangeEvent, Project
from explorer.store.schema import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "ChangeEvent", "OutsideChange", "Project",
           "ProjectFileError", "ProjectLocked", "ReadOnlyProject", "WriteRefused"]
