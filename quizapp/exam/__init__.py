"""Mock exams without a user interface: drawing questions from a blueprint, the clock,
answers, scoring, and feeding the results to the scheduler.

Plain Python over the store and the bank (no Textual, no torch); grading of
practical tasks is passed in as a function so that the grader's worker pool is
the caller's to own.
"""

from .draw import Question, draw_questions, shuffled_choices
from .proctor import Busy, Grade, Opening, Proctor, Settled, Sit
from .runner import ExamRunner, GradeFn, GradingIncomplete, Results, SectionScore

__all__ = [
    "Busy",
    "ExamRunner",
    "Grade",
    "GradeFn",
    "GradingIncomplete",
    "Opening",
    "Proctor",
    "Question",
    "Results",
    "SectionScore",
    "Settled",
    "Sit",
    "draw_questions",
    "shuffled_choices",
]
