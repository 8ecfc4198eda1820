"""Subcommands of the ``quizapp`` command line, one module each, imported on use."""
