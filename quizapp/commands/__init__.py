"""Subcommands of the ``quizapp`` command line, one module each, imported on use.

:data:`COMMANDS` lists them in the order of ``quizapp --help``, each with the line that
page shows (as pip's ``commands_dict``) and the function of its module that adds its
options and sets its ``run`` (``"tui:quiz_arguments"``). The command line
(:func:`quizapp.cli.build_parser`) adds a command's options only when that command is
parsed or its help is shown, so that ``quizapp --help`` and the app's start import no
command module but the one that runs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, its line in the help, and ``module:function`` that adds
    its options to its parser."""

    name: str
    help: str
    define: str


@dataclass(frozen=True)
class Group:
    """A command with actions of its own (`bank check`, `export anki`); alone, it prints
    its help."""

    name: str
    help: str
    metavar: str
    actions: tuple[Command, ...]


COMMANDS: tuple[Command | Group, ...] = (
    Command(
        "review", "review due flashcards and items (spaced repetition)", "tui:review_arguments"
    ),
    Command("quiz", "a quiz by pages, topic or type", "tui:quiz_arguments"),
    Command(
        "practice",
        "write PyTorch code for a practical task, graded by hidden tests",
        "tui:practice_arguments",
    ),
    Command(
        "exam",
        "timed mock exams; `exam preview ID` prints a paper without starting one",
        "exam:add_arguments",
    ),
    Group(
        "bank",
        "check or count the question bank",
        "ACTION",
        (
            Command(
                "check",
                "validate the bundled bank and the given folders; print every problem as path:line",
                "bank:check_arguments",
            ),
            Command(
                "verify",
                "check that the hidden tests pass the reference and catch the catalogued "
                "mistakes and the reference's mutants",
                "verify:add_arguments",
            ),
            Command(
                "try",
                "judge typed answers as review, quiz and the exam would (a cloze: one text per "
                "blank, separated by /)",
                "bank_try:add_arguments",
            ),
            Command(
                "stats",
                "count items, flashcards, tasks and exams per syllabus entry",
                "bank:stats_arguments",
            ),
        ),
    ),
    Group(
        "export",
        "export the bank for another program",
        "FORMAT",
        (
            Command(
                "anki",
                "an Anki package (.apkg): a deck per syllabus entry, page tags, stable note ids",
                "anki:export_arguments",
            ),
        ),
    ),
    Group(
        "import",
        "import questions from another program",
        "FORMAT",
        (
            Command(
                "anki",
                "Anki notes (plain-text export .txt or package .apkg) as a bank items file",
                "anki:import_arguments",
            ),
        ),
    ),
    Command(
        "stats",
        "your progress: reviews, due cards, streak, retention, mastery, mock exams",
        "stats:add_arguments",
    ),
    Command(
        "plan",
        "the predicted exam score on your exam date and tonight's plan to raise it most",
        "plan:add_arguments",
    ),
    Command(
        "profile",
        "show or set the study plan (exam date, new cards per day)",
        "profile:add_arguments",
    ),
    Command(
        "leaderboard",
        "training tasks: every profile's best metric (accuracy, or lowest RMSLE), ranked",
        "leaderboard:add_arguments",
    ),
    Group(
        "class",
        "the teacher's view: class report, similar code",
        "ACTION",
        (
            Command(
                "report",
                "every profile of the store in use: reviews, retention, mastery, task scores, "
                "mock exams; then what the class finds hard",
                "classroom:report_arguments",
            ),
            Command(
                "similar",
                "pairs of submissions with alike code (winnowing, as MOSS), to read by hand",
                "classroom:similar_arguments",
            ),
        ),
    ),
    Command(
        "grade",
        "grade files or folders against a practical task's hidden tests",
        "grade:add_arguments",
    ),
    Command(
        "doctor",
        "what this machine offers: Python, torch, the grader's sandbox, banks, terminal "
        "(for bug reports)",
        "doctor:add_arguments",
    ),
)
