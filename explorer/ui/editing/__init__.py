"""Shared pieces of the editing widgets: inline field errors, small editors, pushing.

The inspector, the data tables and the create/delete dialogs all edit through commands
pushed on the session; this package holds what they have in common.
"""
