"""The question bank: its format, loading with line numbers, validation and counts.

Knows nothing of Textual, the store or torch; see docs/bank-format.md.
"""

from .bank_type import Bank
from .blueprints import Blueprint, Section
from .loader import bundled_bank_dir, load_bank, load_banks
from .models import (
    ITEM_TYPES,
    WRITTEN_TYPES,
    Cloze,
    Flashcard,
    Item,
    MultipleChoice,
    Numeric,
    ShortAnswer,
    SingleChoice,
    SyllabusEntry,
    TrueFalse,
)
from .pages import PageRange, format_pages, overlaps, parse_page, parse_pages_arg
from .problems import BankError, Location, Problem
from .tasks import Task, TrainingTask

__all__ = [
    "ITEM_TYPES",
    "WRITTEN_TYPES",
    "Bank",
    "BankError",
    "Blueprint",
    "Cloze",
    "Flashcard",
    "Item",
    "Location",
    "MultipleChoice",
    "Numeric",
    "PageRange",
    "Problem",
    "Section",
    "ShortAnswer",
    "SingleChoice",
    "SyllabusEntry",
    "Task",
    "TrainingTask",
    "TrueFalse",
    "bundled_bank_dir",
    "format_pages",
    "load_bank",
    "load_banks",
    "overlaps",
    "parse_page",
    "parse_pages_arg",
]
