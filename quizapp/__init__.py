"""quizapp: an offline terminal study companion for the AI Essential course exam."""

__version__ = "0.1.0"
