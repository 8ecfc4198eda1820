"""One card at a time: review (due cards), quiz, cram and the mistakes list share this screen.

The session (quizapp.study) decides what comes next, checks answers and
commits every answer or rating before the next card shows; this screen shows
the card, collects the answer and shows the feedback. A task's card opens the
practice editor, whose graded submission is the session's answer; back from the
editor, the session goes on (enter reopens the editor if nothing was submitted).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Button, Footer, Header, Markdown, Static

from question_bank import Flashcard, Task
from quizapp.study.choices import shuffled

from ...render import answer_markdown, page_line, prompt_markdown
from ...student_text import given_answer, list_line, markdown_escape
from ...study.feedback import match_note
from ..widgets.answer import Answered, answer_widget
from .base import QuizScreen

if TYPE_CHECKING:
    from quizapp.study import Outcome, StudyCard, StudySession


Mode = Literal["review", "quiz", "cram", "mistakes"]
RATINGS = (("1", "again"), ("2", "hard"), ("3", "good"), ("4", "easy"))


class StudyScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("space", "reveal", "Show answer", id="reveal"),
        Binding("1", "rate(1)", "Again", show=False, id="rate-again"),
        Binding("2", "rate(2)", "Hard", show=False, id="rate-hard"),
        Binding("3", "rate(3)", "Good", show=False, id="rate-good"),
        Binding("4", "rate(4)", "Easy", show=False, id="rate-easy"),
        Binding("enter", "next", "Next", id="next"),
        Binding("enter", "open_task", "Open editor", id="study-open-task"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("w", "retry_wrong", "Retry wrong", id="retry-wrong"),
    ]

    # switching → (question → (revealed | feedback) | task) → switching … → done
    state: reactive[str] = reactive("switching", init=False)

    def __init__(self, session: StudySession, mode: Mode) -> None:
        super().__init__()
        self.session = session
        self.mode = mode
        self.card: StudyCard | None = None
        self.shown_at = time.monotonic()
        self.wrong: list[Any] = []  # CardRefs answered wrong (or rated Again) in this session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="progress", classes="muted")
        with VerticalScroll(id="card"):
            yield Markdown("", id="question")
            yield Container(id="answer-area")
            yield Static("", id="hint", classes="muted")
            yield Markdown("", id="feedback")
        with Horizontal(id="ratings"):
            for _key, name in RATINGS:
                yield Button(self.t(f"rate.{name}"), id=f"rate-{name}", classes=f"rate {name}")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.t(f"study.mode.{self.mode}")
        self.show_card()

    # -- showing -------------------------------------------------------------------

    def update_progress(self) -> None:
        s = self.session
        again = s.again
        self.query_one("#progress", Static).update(
            self.t(
                "study.progress_again" if again else "study.progress",
                answered=s.answered,
                remaining=s.remaining,
                again=again,
                right=s.right,
                wrong=s.wrong,
            )
        )

    def show_card(self) -> None:
        self.run_worker(self._show_card(), exclusive=True, group="show-card")

    async def _show_card(self) -> None:
        """Show the next card; keys are ignored until it is fully shown, and the progress
        line changes last, so that what the student sees is always what they answer."""
        self.state = "switching"
        self.card = self.session.current()
        await self.query_one("#feedback", Markdown).update("")
        area = self.query_one("#answer-area", Container)
        await area.remove_children()
        area.disabled = False
        area.display = True
        self.query_one("#ratings").display = False
        if self.card is None:
            await self.show_summary()
            self.update_progress()
            return
        content = self.card.content
        question = self.query_one("#question", Markdown)
        where = page_line(content, self.ctx.lang)
        footer = f"\n\n_{where}_" if where else ""
        if isinstance(content, Flashcard):
            front = content.back if self.card.ref.reverse else content.front
            await question.update(front + footer)
            self.query_one("#hint", Static).update(self.t("study.hint.reveal"))
        elif isinstance(content, Task):  # answered in the practice editor
            await question.update(prompt_markdown(content))
            self.query_one("#hint", Static).update(self.t("study.hint.task"))
            self.shown_at = time.monotonic()
            self.state = "task"
            self.update_progress()
            self.action_open_task()
            return
        else:
            await question.update(prompt_markdown(content) + footer)
            seed = f"{self.card.ref.card_id}:{self.session.answered}"
            widget, hint = answer_widget(
                content, lambda item: shuffled(item.choices, seed), self.t, hints="study"
            )
            await area.mount(widget)
            self.query_one("#hint", Static).update(hint)
            self.focus_answer()
        self.shown_at = time.monotonic()
        self.state = "question"
        self.update_progress()

    def focus_answer(self) -> None:
        widgets = list(self.query_one("#answer-area").query("Input, OptionList, SelectionList"))
        if widgets:
            widgets[0].focus()

    def show_ratings(self) -> None:
        intervals = self.session.next_intervals(self.lang)
        from quizapp.study import Rating

        for (key, name), rating in zip(
            RATINGS, (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy), strict=True
        ):
            button = self.query_one(f"#rate-{name}", Button)
            button.label = f"{key} {self.t(f'rate.{name}')} · {intervals.get(rating, '')}"
        self.query_one("#ratings").display = True

    async def show_summary(self) -> None:
        self.state = "done"
        s = self.session
        lines = [
            f"## {self.t('study.summary')}",
            "",
            self.t("study.summary.counts", right=s.right, wrong=s.wrong),
        ]
        bank = self.ctx.bank
        if self.wrong and bank is not None:
            lines += ["", f"**{self.t('study.summary.wrong')}**", ""]
            for ref in self.wrong:
                entry = bank.items.get(ref.item_id) or bank.tasks.get(ref.item_id)
                if entry is not None:  # the question, masked: never the answer, never an id
                    lines.append(f"- {markdown_escape(list_line(entry, 90))}")
            lines += ["", self.t("study.summary.retry")]
        elif s.answered == 0:
            lines = [f"## {self.t('study.empty')}", "", self.t(f"study.empty.{self.mode}")]
        await self.query_one("#question", Markdown).update("\n".join(lines))
        self.query_one("#hint", Static).update(self.t("study.hint.done"))

    def show_feedback(self, outcome: Outcome) -> None:
        assert self.card is not None
        content = self.card.content
        lang = self.ctx.lang
        verdict = (
            self.t("study.right")
            if outcome.correct
            else self.t(
                "study.wrong_answer",
                given=markdown_escape(given_answer(content, outcome.answer, lang)),
            )
        )
        judgement = outcome.judgement
        note = match_note(judgement, self.t) if judgement else None
        inline = bool(note and judgement and judgement.correct and judgement.how != "cloze")
        parts = [f"### {verdict} ({note})" if inline else f"### {verdict}"]
        if note and not inline:  # which blanks were right, or a near miss's explanation
            parts.append(note)
        parts.append(answer_markdown(content, lang))
        explanation = getattr(content, "explanation", None)
        if explanation:
            parts.append(explanation)
        where = page_line(content, lang)
        if where:
            parts.append(f"_{where}_")
        if not self.session.cram:
            parts.append(self.t("study.next_review", interval=outcome.interval_in(lang)))
        feedback = self.query_one("#feedback", Markdown)
        feedback.update("\n\n".join(parts))
        self.query_one("#hint", Static).update(self.t("study.hint.next"))
        # the verdict repeats the answer given: the boxes give their room to the feedback,
        # which shows without scrolling (a cloze's inputs used to push it below the fold)
        area = self.query_one("#answer-area", Container)
        area.disabled = True
        area.display = False
        self.state = "feedback"
        card = self.query_one("#card", VerticalScroll)
        card.focus()
        self.call_after_refresh(card.scroll_to_widget, feedback, animate=False, top=False)

    # -- acting ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show in the footer only the keys that do something in the current state."""
        if action == "reveal":
            return self.state == "question" and isinstance(
                getattr(self.card, "content", None), Flashcard
            )
        if action == "rate":
            return self.state == "revealed"
        if action == "next":
            return self.state == "feedback"
        if action == "open_task":
            return self.state == "task"
        if action == "undo":
            return self.session.can_undo
        if action == "retry_wrong":
            return self.state == "done" and bool(self.wrong)
        return True

    def watch_state(self) -> None:
        self.refresh_bindings()

    def elapsed_ms(self) -> int:
        return round((time.monotonic() - self.shown_at) * 1000)

    @on(Answered)
    def answered(self, event: Answered) -> None:
        event.stop()
        if self.state != "question" or self.card is None:
            return
        outcome = self.session.answer(event.response, self.elapsed_ms())
        if not outcome.correct:
            self.wrong.append(outcome.card)
        self.update_progress()
        self.show_feedback(outcome)

    def action_reveal(self) -> None:
        if (
            self.state != "question"
            or self.card is None
            or not isinstance(self.card.content, Flashcard)
        ):
            return
        content = self.card.content
        back = content.front if self.card.ref.reverse else content.back
        self.query_one("#feedback", Markdown).update(back)
        self.query_one("#hint", Static).update(self.t("study.hint.rate"))
        self.state = "revealed"
        self.show_ratings()

    def action_rate(self, number: int) -> None:
        if self.state != "revealed":
            return
        from quizapp.study import Rating

        outcome = self.session.rate(Rating(number), self.elapsed_ms())
        if outcome.rating == Rating.Again:
            self.wrong.append(outcome.card)
        self.show_card()

    @on(Button.Pressed, ".rate")
    def rate_button(self, event: Button.Pressed) -> None:
        names = [name for _, name in RATINGS]
        self.action_rate(names.index(str(event.button.id).removeprefix("rate-")) + 1)

    def action_open_task(self) -> None:
        """The task's card: the practice editor, whose submission answers it."""
        if self.state != "task" or self.card is None or not isinstance(self.card.content, Task):
            return
        from .task_practice import SessionTaskScreen

        self.app.push_screen(SessionTaskScreen(self.card.content, self.session), self.task_done)

    def task_done(self, outcome: Outcome | None) -> None:
        """Back from the editor: with a counted submission the session goes on; without
        one the task's card stays (enter reopens the editor)."""
        if outcome is None:
            return
        if not outcome.correct:
            self.wrong.append(outcome.card)
        self.show_card()

    def action_next(self) -> None:
        if self.state == "feedback":
            self.show_card()

    def action_undo(self) -> None:
        from quizapp.study import StudyError

        if not self.session.can_undo:
            self.notify(self.t("study.nothing_to_undo"))
            return
        try:
            card = self.session.undo()
        except StudyError as exc:
            self.notify(str(exc), severity="error")
            return
        if card is not None and self.wrong and self.wrong[-1] == card.ref:
            self.wrong.pop()
        self.notify(self.t("study.undone"))
        self.show_card()

    def action_retry_wrong(self) -> None:
        if self.state != "done" or not self.wrong or self.ctx.service is None:
            return
        session = self.ctx.service.session(
            list(dict.fromkeys(self.wrong)), cram=self.session.cram, requeue=False
        )
        self.app.switch_screen(StudyScreen(session, mode=self.mode))
