"""Sitting a mock exam: one question at a time beside the question list, under a countdown.

The runner (quizapp.exam) owns the attempt: every answer, flag and piece of code
is stored the moment it is given, and the time left is always the stored start
plus the blueprint's minutes minus now, so a resumed attempt shows the true time.
This screen shows the question, collects the answer (no feedback until the
results), moves between questions and hands the attempt to the results screen when
the student submits or the time is up.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from rich.markdown import Markdown as RichMarkdown
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, OptionList, SelectionList, Static

from question_bank import Task
from quizapp.exam.view import (
    format_clock,
    is_answered,
    question_mark,
    response_text,
    shown_choices,
    stored_response,
)
from quizapp.render import prompt_markdown
from quizapp.store import StoreError

from ..widgets.answer import Answered, MultiChoiceList, answer_widget
from ..widgets.countdown import Countdown
from ..widgets.exam_answer import KEEP, pending, prefill
from .base import QuizScreen
from .task import TaskScreen
from .task_exam import ExamEditing, ExamTaskScreen

if TYPE_CHECKING:
    from question_bank import Blueprint
    from quizapp.exam import ExamRunner, Question
    from quizapp.store import ExamAttempt, ExamQuestion


class ExamSitScreen(QuizScreen[None]):
    # Page down/up and ctrl+f work everywhere, a text box included (priority: before the
    # focused widget; Input and OptionList would otherwise take page down/up to scroll).
    # The letters (and arrows) are typed as text in a box, so they are for when not typing.
    # ctrl+s first: the footer shows keys in this order, and at 80 columns it cuts the last.
    # Its action is not "submit": Textual's footer shows one key per action name, and a
    # multiple-choice list's enter ("submit") would take ctrl+s's place there.
    BINDINGS = [
        Binding("ctrl+s", "submit_exam", "Submit", id="exam-submit"),
        Binding("pagedown", "move(1)", "Next", id="exam-next", priority=True),
        Binding("pageup", "move(-1)", "Previous", id="exam-previous", priority=True),
        Binding("ctrl+f", "flag", "Flag", id="exam-flag", priority=True),
        Binding("n,right", "move(1)", "Next", show=False, id="exam-next-letter"),
        Binding("p,left", "move(-1)", "Previous", show=False, id="exam-previous-letter"),
        Binding("f", "flag", "Flag", show=False, id="exam-flag-letter"),
        Binding("l,g", "question_list", "Questions", id="exam-list"),
        Binding("enter,ctrl+e", "open_task", "Open editor", id="exam-open-task"),
        Binding("escape", "escape", "Stop typing", show=False, id="exam-escape"),
    ]

    def __init__(self, attempt: ExamAttempt) -> None:
        super().__init__()
        self.attempt = attempt
        self.index = 0
        self.switching = True  # a question is being drawn: answers wait
        self.finishing = False
        self.widget: Widget | None = None  # the current written question's answer widget
        self.answer_widgets: dict[int, Widget] = {}  # made once per question, kept hidden
        self.key_hints: dict[int, str] = {}
        self.queued = 0  # moves pressed while a question was being drawn
        self.marks: dict[int, str] = {}  # the question list's lines as shown
        self.started = False  # shown once (later resumes are back from a dialog or the editor)
        self.editing = False  # the task editor is open over this screen
        self.leaving = False  # going home or quitting, the clock running

    # -- plumbing ---------------------------------------------------------------------

    @property
    def runner(self) -> ExamRunner:
        runner = self.ctx.exam_runner
        assert runner is not None
        return runner

    @property
    def blueprint(self) -> Blueprint:
        return self.runner.blueprint(self.attempt.blueprint)

    @property
    def question(self) -> ExamQuestion:
        return self.attempt.questions[self.index]

    def placed(self, index: int) -> Question:
        return self.runner.questions(self.attempt)[index]

    def points_each(self, index: int) -> float:
        return self.blueprint.sections[self.placed(index).section].points_each

    def content(self, question: ExamQuestion) -> Any:
        bank = self.runner.bank
        if question.kind == "task":
            return bank.tasks.get(question.item_id)
        return bank.items.get(question.item_id)

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="exam-bar"):
            yield Static("", id="exam-position", markup=False)
            yield Countdown(self.time_left, self.t("exam.countdown"), id="exam-countdown")
        with Horizontal(id="exam-body"):
            yield OptionList(id="exam-questions")
            with Vertical(id="exam-main"):
                with VerticalScroll(id="exam-card"):
                    yield Static("", id="exam-question")
                    yield Container(id="exam-answer")
                # below the question, never scrolled away: a task's prompt can be long
                yield Static("", id="exam-hint", classes="muted", markup=False)
                yield Static("", id="exam-saved", markup=False)
        yield Footer()

    def time_left(self) -> timedelta:
        return self.runner.remaining(self.attempt)

    def on_mount(self) -> None:
        self.sub_title = self.blueprint.title
        listing = self.query_one("#exam-questions", OptionList)
        self.marks = {q.index: question_mark(q) for q in self.attempt.questions}
        listing.add_options([self.marks[q.index] for q in self.attempt.questions])
        unanswered = [q.index for q in self.attempt.questions if not is_answered(q)]
        self.index = unanswered[0] if unanswered else 0
        self.ctx.exams.watch(self.attempt)

    def on_screen_resume(self) -> None:
        """First shown, or back from the editor: read the attempt again and show the question.
        Back from a dialog (help, leave, submit) nothing changed: what is typed stays."""
        if self.finishing or self.leaving or (self.started and not self.editing):
            return
        self.started, self.editing = True, False
        self.reload()
        self.show(self.index)

    # -- showing ----------------------------------------------------------------------------

    def show(self, index: int) -> None:
        self.switching = True
        self.run_worker(self._show(index), exclusive=True, group="exam-show")

    async def _show(self, index: int) -> None:
        """Show question ``index``: its text first (one Static, not a widget per Markdown
        block), then its answer widget — made once per question and kept (hidden) while
        elsewhere, so coming back mounts nothing. Moves asked for meanwhile are queued."""
        if self.finishing or self.leaving or not self.is_attached:
            return
        self.index = index
        question = self.question
        content = self.content(question)
        area = self.query_one("#exam-answer", Container)
        if self.widget is not None:
            self.widget.display = False
        self.widget = None
        text = self.query_one("#exam-question", Static)
        hint = self.query_one("#exam-hint", Static)
        if content is None:  # removed from the bank since the attempt started
            text.update(RichMarkdown(self.t("exam.missing", item=question.item_id)))
            hint.update("")
            self.set_focus(self.query_one("#exam-card"))
        elif isinstance(content, Task):
            text.update(RichMarkdown(prompt_markdown(content)))
            hint.update(self.t("exam.hint.task"))
            self.set_focus(self.query_one("#exam-card"))
        else:
            text.update(RichMarkdown(prompt_markdown(content)))
            widget = self.answer_widgets.get(index)
            if widget is None:
                seed = self.attempt.seed
                widget, key_hint = answer_widget(
                    content, lambda item: shown_choices(item, seed), self.t, hints="exam"
                )
                self.answer_widgets[index] = widget
                self.key_hints[index] = key_hint
                await area.mount(widget)
                prefill(widget, stored_response(question))
            widget.display = True
            self.widget = widget
            hint.update(self.key_hints[index])
            self.focus_answer()
        self.query_one("#exam-card", VerticalScroll).scroll_home(animate=False)
        self.query_one("#exam-questions", OptionList).highlighted = index
        self.update_status()
        if self.queued:  # keys pressed while this question was drawn: none is lost
            self.call_later(self.move_queued)
            return
        self.switching = False
        self.refresh_bindings()

    def move_queued(self) -> None:
        step, self.queued = self.queued, 0
        target = max(0, min(len(self.attempt.questions) - 1, self.index + step))
        self.switching = False
        if target != self.index:
            self.commit_pending()
            self.show(target)
        else:
            self.refresh_bindings()

    def focus_answer(self) -> None:
        """Focus the answer widget now (not later, as ``focus()`` does): a key pressed
        right after moving on goes to the new question."""
        if self.widget is None:
            return
        if self.widget.can_focus:
            self.set_focus(self.widget)
            return
        fields = list(self.widget.query(Input))
        if fields:
            self.set_focus(fields[0])

    def update_status(self) -> None:
        """The position line, the question list's marks and the saved-answer line."""
        questions = self.attempt.questions
        answered = sum(is_answered(q) for q in questions)
        flagged = sum(q.flagged for q in questions)
        placed = self.placed(self.index)
        section = self.blueprint.sections[placed.section]
        self.query_one("#exam-position", Static).update(
            self.t(
                "exam.position",
                number=self.index + 1,
                total=len(questions),
                section=section.title,
                points=f"{section.points_each:g}",
                answered=answered,
                flagged=flagged,
            )
        )
        listing = self.query_one("#exam-questions", OptionList)
        for question in questions:
            mark = question_mark(question)
            if self.marks.get(question.index) != mark:  # redraw only the lines that changed
                self.marks[question.index] = mark
                listing.replace_option_prompt_at_index(question.index, mark)
        self.query_one("#exam-saved", Static).update(self.saved_text(self.question))

    def saved_text(self, question: ExamQuestion) -> str:
        flag = "  ⚑ " + self.t("exam.flagged") if question.flagged else ""
        if question.kind == "task":
            if not is_answered(question):
                return self.t("exam.code_none") + flag
            lines = len((question.answer or "").splitlines())
            return self.t("exam.code_saved", lines=lines) + flag
        if not is_answered(question):
            return self.t("exam.not_answered") + flag
        given = response_text(self.content(question), stored_response(question), self.lang)
        return self.t("exam.saved", answer=given) + flag

    # -- storing ---------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.attempt = self.runner.reload(self.attempt)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)

    def store(self, index: int, response: Any) -> bool:
        """Store an answer now; the question list and status follow what was stored."""
        if self.finishing:
            return False
        try:
            self.runner.answer(self.attempt, index, response)
        except StoreError as exc:
            self.notify(
                self.t("exam.not_saved", error=exc.text(self.lang)), severity="error", markup=False
            )
            return False
        self.reload()
        if index == self.index and not self.switching:
            self.update_status()
        return True

    def commit_pending(self) -> None:
        """Store what the current widget holds but was not confirmed with enter (typed text,
        ticked choices), when it differs from what is stored."""
        if self.widget is None or self.switching or self.finishing:
            return
        now = pending(self.widget)
        if now is KEEP:
            return
        stored = stored_response(self.question)
        if isinstance(self.widget, MultiChoiceList):
            if sorted(now or []) != sorted(stored or []):
                self.store(self.index, now or [])
        elif now != stored:
            self.store(self.index, now if now is not None else "")

    @on(Answered)
    def answered(self, event: Answered) -> None:
        event.stop()
        if self.switching or self.finishing:
            return
        if self.store(self.index, event.response) and isinstance(self.focused, Input):
            self.set_focus(self.query_one("#exam-card"))  # the letter keys move on again

    @on(SelectionList.SelectedChanged)
    def ticked(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.commit_pending()

    def save_code(self, index: int, code: str) -> None:
        """The editor's save: the code is the task's answer (raises StoreError)."""
        if self.finishing:
            raise StoreError(self.t("exam.closed"))
        self.runner.answer(self.attempt, index, code)
        self.reload()

    # -- acting ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_task":
            return self.question.kind == "task" and not self.switching
        return True

    def action_move(self, step: int) -> None:
        if self.switching:
            self.queued += step  # applied as soon as the question being drawn is shown
            return
        target = self.index + step
        if not 0 <= target < len(self.attempt.questions):
            key = "exam.last" if step > 0 else "exam.first"
            self.notify(self.t(key), timeout=2)
            return
        self.commit_pending()
        self.show(target)

    def action_flag(self) -> None:
        if self.switching or self.finishing:
            return
        try:
            self.runner.flag(self.attempt, self.index, not self.question.flagged)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", markup=False)
            return
        self.reload()
        self.update_status()

    def action_question_list(self) -> None:
        listing = self.query_one("#exam-questions", OptionList)
        listing.highlighted = self.index
        self.set_focus(listing)

    @on(OptionList.OptionSelected, "#exam-questions")
    def jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.switching:
            return
        self.commit_pending()
        self.show(event.option_index)

    def action_open_task(self) -> None:
        question = self.question
        task = self.content(question)
        if question.kind != "task" or not isinstance(task, Task) or self.switching:
            return
        index = self.index
        label = self.t(
            "exam.editor_label",
            title=self.blueprint.title,
            number=index + 1,
            total=len(self.attempt.questions),
        )
        editing = ExamEditing(
            code=question.answer if is_answered(question) else None,
            save=lambda code: self.save_code(index, code),
            remaining=self.time_left,
            label=label,
            points=self.points_each(index),
        )
        self.editing = True
        self.app.push_screen(ExamTaskScreen(task, editing))

    def action_escape(self) -> None:
        if isinstance(self.focused, Input):
            self.commit_pending()
            self.set_focus(self.query_one("#exam-card"))
            return
        self.ctx.exams.confirm_leaving(quit_app=False)

    def save_before_leaving(self) -> None:
        """Leaving with the clock running: keep what the editor or the widget holds."""
        self.leaving = True
        for screen in self.app.screen_stack:
            if isinstance(screen, TaskScreen):
                screen.flush_draft()
        self.commit_pending()

    def action_submit_exam(self) -> None:
        if self.switching or self.finishing:
            return
        from .exam_submit import ExamSubmitScreen, confirm_text

        self.commit_pending()
        self.reload()
        unanswered = self.runner.unanswered(self.attempt)
        flagged = [q.index for q in self.attempt.questions if q.flagged]
        left = format_clock(self.time_left())
        text = confirm_text(unanswered, flagged, left, self.t)
        self.app.push_screen(ExamSubmitScreen(text), self.confirmed)

    def confirmed(self, submit: bool | None) -> None:
        if submit:
            self.finish()

    # -- the end ------------------------------------------------------------------------------

    @on(Countdown.Expired)
    def expired(self, event: Countdown.Expired) -> None:
        event.stop()
        self.call_after_refresh(self.time_up)

    def time_up(self) -> None:
        """Submit by itself: save what the editor or the current widget holds, close
        anything over this screen, and go to the results."""
        if self.finishing or not self.is_attached:
            return
        while self.app.screen is not self and self in self.app.screen_stack:
            top = self.app.screen
            if isinstance(top, TaskScreen):
                top.flush_draft()
            self.app.pop_screen()
        self.commit_pending()
        self.notify(self.t("exam.time_up"), severity="warning")
        self.finish()

    def finish(self) -> None:
        if self.finishing:
            return
        self.commit_pending()
        self.finishing = True
        self.ctx.exams.hand_in(self.attempt)
