"""Every test run is headless and isolated from the developer's own settings and files."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Fresh QSettings, recovery folder and default working copy for the whole run, so a
# developer's own configuration never leaks into a test and tests never touch it.
_home = tempfile.mkdtemp(prefix="sbx-test-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_home, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_home, "data")
