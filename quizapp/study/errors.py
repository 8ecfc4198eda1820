"""Errors of the study logic that a screen shows to the user as one line."""

from __future__ import annotations


class StudyError(Exception):
    """A study action cannot be done (e.g. undo of a card answered again elsewhere)."""
