"""The command palette (ctrl+p): every screen, and a quiz per syllabus entry."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from .app import QuizApp


def open_class_report(app: QuizApp) -> None:
    """The class screen (its own file; the app needs no action for it)."""
    if app.ready():
        from .screens.classroom import ClassScreen

        app.push_screen(ClassScreen())


QUIZ_TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "short_answer",
    "numeric",
    "cloze",
    "flashcard",
)


class ScreenCommands(Provider):
    def commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("QuizApp", self.app)  # the only app this provider is given to
        t = app.t
        found: list[tuple[str, Callable[[], object], str]] = [
            (t("cmd.home"), partial(app.pop_to_home), t("cmd.home.help")),
            (t("cmd.review"), app.action_review, t("cmd.review.help")),
            (t("cmd.quiz"), app.action_quiz, t("cmd.quiz.help")),
            (
                t("cmd.quiz_learn_new"),
                partial(app.open_quiz, None, 10, learn_new=True),
                t("cmd.quiz_learn_new.help"),
            ),
            (t("cmd.practice"), app.action_practice, t("cmd.practice.help")),
            (t("cmd.exams"), app.action_exams, t("cmd.exams.help")),
            (t("cmd.mistakes"), app.action_mistakes, t("cmd.mistakes.help")),
            (t("cmd.stats"), app.action_stats, t("cmd.stats.help")),
            (t("cmd.browse"), app.action_browse, t("cmd.browse.help")),
            (t("cmd.settings"), app.action_settings, t("cmd.settings.help")),
            (t("cmd.help"), app.action_help, t("cmd.help.help")),
            (t("cmd.class"), partial(open_class_report, app), t("cmd.class.help")),
        ]
        if app.bank is not None:
            from question_bank import format_pages
            from quizapp.study import CardFilter

            for item_type in QUIZ_TYPES:  # a quiz of one question type, chosen in the app
                found.append(
                    (
                        t("cmd.quiz_type", type=t(f"type.{item_type}")),
                        partial(app.open_quiz, CardFilter(types=frozenset({item_type})), 10),
                        t("cmd.quiz_type.help"),
                    )
                )

            for entry in app.bank.syllabus:
                pages = format_pages(entry.pages)
                card_filter = CardFilter(pages=tuple(entry.pages))
                found.append(
                    (
                        t("cmd.quiz_entry", title=entry.title, pages=pages),
                        partial(app.open_quiz, card_filter, 10),
                        t("cmd.quiz_entry.help"),
                    )
                )
        return found

    async def discover(self) -> Hits:
        for name, run, help_text in self.commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
