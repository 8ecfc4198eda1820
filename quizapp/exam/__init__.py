"""Mock exams without a user interface: drawing questions from a blueprint, the clock,
answers, scoring, and feeding the results to the scheduler.

Plain Python over the store and the bank (no Textual, no torch); grading of
practical tasks is passed in as a function so that the grader's worker pool is
the caller's to own.
"""

from .draw import Question, draw_questions, shuffled_choices
from .runner import ExamRunner, Graded, GradeFn, Results, SectionScore

__all__ = [
    "ExamRunner",
    "GradeFn",
    "Graded",
    "Question",
    "Results",
    "SectionScore",
    "draw_questions",
    "shuffled_choices",
]
