"""Study logic without a user interface: FSRS scheduling, the due queue, quiz, cram and
mistake sessions with answer checking and undo, task practice, mastery and statistics.

Imports neither Textual nor torch; the TUI screens and the CLI call into it.
"""

from fsrs import Rating

from question_bank.answers.check import Response, check_answer, expected_text, logged_response

from .cards import REVERSE_SUFFIX, CardFilter, CardRef, Catalogue
from .days import StudyDay
from .errors import StudyError
from .mastery import Mastery
from .practice import PracticeResult, TaskPractice
from .progress import progress_stats
from .queue import DueQueue, StudyPlan
from .scheduler import StudyScheduler, format_interval
from .service import StudyService
from .session import Outcome, StudyCard, StudySession

__all__ = [
    "REVERSE_SUFFIX",
    "CardFilter",
    "CardRef",
    "Catalogue",
    "DueQueue",
    "Mastery",
    "Outcome",
    "PracticeResult",
    "Rating",
    "Response",
    "StudyCard",
    "StudyDay",
    "StudyError",
    "StudyPlan",
    "StudyScheduler",
    "StudyService",
    "StudySession",
    "TaskPractice",
    "check_answer",
    "expected_text",
    "format_interval",
    "logged_response",
    "progress_stats",
]
