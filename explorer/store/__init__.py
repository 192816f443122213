"""The SQLite project file: schema, migrations, open/save, transactions (no Qt)."""

from explorer.store.errors import ProjectFileError
from explorer.store.project import ChangeEvent, Project
from explorer.store.schema import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "ChangeEvent", "Project", "ProjectFileError"]
