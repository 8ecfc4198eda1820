"""Judging in the app's process, from plain data only: verdicts, comparisons, diagnoses.

No torch here: everything comes from the sandbox as plain JSON data.
"""
