"""Errors shown to the user in one line, without a traceback, by every front end."""

from __future__ import annotations


class UserError(Exception):
    """An error to report in one line, without a traceback (bad option, existing file …)."""
