"""A mock exam's results and review: pass or fail, points per section, the syllabus entries
to study next and the time used; then every question with the student's answer, the right
one and the explanation, and every task with its check report and the reference solution.

The list on the left has the summary as its first row and then every question; the
panel on the right shows the row under the cursor.

Given a finished attempt it shows it again (the task reports come from the practice
submissions the exam recorded). Given an unfinished attempt (submitted, or out of time)
it first submits it: the proctor (quizapp.exam) hands it in, grades all the tasks in one
call — in parallel on the grader's warm workers — scores, closes the attempt and feeds
the scheduler, in a worker thread while this screen shows how long grading has taken.
Should the grader itself fail on a task, the attempt stays submitted and unscored, and
r grades it again.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Markdown, Static

from grader.verdict.result import GradeResult
from question_bank import Task
from quizapp.exam import GradingIncomplete
from quizapp.exam.view import (
    grading_failures,
    is_answered,
    response_text,
    result_mark,
    stored_response,
    summary_markdown,
    task_review_head,
    task_review_tail,
    verdict_line,
    written_review,
)
from quizapp.formatting import points
from quizapp.markdown_fit import fit_tables
from quizapp.store import StoreError
from quizapp.student_text import cut, plain

from ..widgets.check_report import CheckReport
from .base import QuizScreen

if TYPE_CHECKING:
    from quizapp.exam import ExamRunner, Results
    from quizapp.store import ExamAttempt


ANSWER_WIDTH = 20  # terminal cells
SECTION_CELLS = 12
SUMMARY = "summary"  # the list's first row: the summary in the right-hand panel


class AttemptGraded(Message, bubble=False):
    """The attempt is handed in, graded and closed."""

    def __init__(self, results: Results) -> None:
        super().__init__()
        self.results = results


class ExamResultsScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back", id="back"),
        Binding("r", "retry", "Grade again", id="exam-retry"),
    ]

    def __init__(
        self,
        attempt: ExamAttempt,
        *,
        submit: bool = False,
        results: Results | None = None,
    ) -> None:
        super().__init__()
        self.attempt = attempt
        self.submit = submit
        self.results = results
        self.grading = False
        self.grading_started = 0.0
        self.failure: str | None = None
        self.markdown: dict[str, str] = {}  # the detail pane's Markdown, before fitting

    @property
    def runner(self) -> ExamRunner:
        runner = self.ctx.exam_runner
        assert runner is not None
        return runner

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="results-head", markup=False)
        with Horizontal(id="results-body"):
            yield DataTable(id="results-questions", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="results-detail"):
                yield Markdown("", id="review-head")
                yield CheckReport(self.t, self.lang, id="review-report")
                yield Markdown("", id="review-tail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.t("exam.results_title")
        self.ticker = self.set_interval(0.2, self.show_progress, pause=True)
        self.query_one("#review-report", CheckReport).display = False
        self.apply_layout()  # and shows the results that came with the screen
        if self.results is not None:
            return
        if self.submit or not self.attempt.finished:
            self.start_grading()
        else:
            try:
                self.show_results(self.runner.results(self.runner.reload(self.attempt)))
            except StoreError as exc:
                self.set_head(exc.text(self.lang), "failed")

    # -- grading ------------------------------------------------------------------------

    def start_grading(self) -> None:
        self.grading, self.failure = True, None
        self.grading_started = time.monotonic()
        self.show_progress()
        self.ticker.resume()
        self.refresh_bindings()
        self.finish_attempt()

    @work(thread=True, exclusive=True, exit_on_error=False, group="exam-finish")
    def finish_attempt(self) -> AttemptGraded:
        proctor = self.ctx.proctor
        assert proctor is not None
        return AttemptGraded(proctor.finish(self.attempt))

    @on(AttemptGraded)
    def graded(self, event: AttemptGraded) -> None:
        self.grading_over()
        self.show_results(event.results)

    def worker_cancelled(self, group: str) -> None:
        self.worker_failed(group, None)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        self.grading_over()
        if isinstance(error, GradingIncomplete):
            self.failure = grading_failures(error, self.ctx.lang)
            self.set_head(self.t("exam.grader_failed", errors=self.failure), "failed")
            return
        self.failure = f"{type(error).__name__}: {error}" if error else "cancelled"
        self.set_head(self.t("exam.grading_failed", error=self.failure), "failed")

    def grading_over(self) -> None:
        self.grading = False
        self.ticker.pause()
        self.refresh_bindings()

    def show_progress(self) -> None:
        if not self.grading:
            return
        tasks = sum(q.kind == "task" for q in self.attempt.questions)
        elapsed = f"{time.monotonic() - self.grading_started:.1f}"
        self.set_head(self.t("exam.grading", tasks=tasks, elapsed=elapsed), "")

    def set_head(self, text: str, style: str) -> None:
        head = self.query_one("#results-head", Static)
        head.update(text)
        head.set_class(style == "passed", "passed")
        head.set_class(style == "failed", "failed")

    # -- showing ----------------------------------------------------------------------------

    def show_results(self, results: Results) -> None:
        self.results = results
        self.attempt = results.attempt
        lang = self.ctx.lang
        self.set_head(verdict_line(results, lang), "passed" if results.attempt.passed else "failed")
        table = self.query_one("#results-questions", DataTable)
        table.clear()
        wide = self.wide
        total = Text(f"{points(results.score)}/{points(results.max_score)}", justify="right")
        summary = ["Σ", Text(self.t("exam.summary_row")), "", total]
        table.add_row(*summary, *([""] if wide else []), key=SUMMARY)
        for question in results.attempt.questions:
            each = self.points_each(question.index)
            cells = [
                str(question.index + 1),
                Text(cut(self.section_title(question.index), SECTION_CELLS)),
                result_mark(question, each),
                # right-aligned and never cut: the list's width goes to the answer column
                Text(f"{points(question.score or 0.0)}/{points(each)}", justify="right"),
            ]
            answer = [Text(self.answer_cell(question))] if wide else []
            table.add_row(*cells, *answer, key=str(question.index))
        self.show_summary()
        table.focus()

    def section_title(self, index: int) -> str:
        assert self.results is not None
        placed = self.runner.questions(self.results.attempt)[index]
        return self.results.blueprint.sections[placed.section].title

    def points_each(self, index: int) -> float:
        assert self.results is not None
        placed = self.runner.questions(self.results.attempt)[index]
        return self.results.blueprint.sections[placed.section].points_each

    def answer_cell(self, question: Any) -> str:
        if question.kind == "task":
            if not is_answered(question):
                return self.t("exam.no_answer")
            return self.t("exam.code_lines", lines=len((question.answer or "").splitlines()))
        item = self.runner.bank.items.get(question.item_id)
        text = response_text(item, stored_response(question), self.ctx.lang)
        return cut(plain(text), ANSWER_WIDTH)  # terminal cells: a Korean syllable takes two

    @on(DataTable.RowHighlighted, "#results-questions")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value == SUMMARY:
            self.show_summary()
        elif event.row_key.value is not None:
            self.show_detail(int(event.row_key.value))

    def show_summary(self) -> None:
        assert self.results is not None
        self.put("review-head", summary_markdown(self.results, self.ctx.lang))
        self.query_one("#review-report", CheckReport).display = False
        self.put("review-tail", self.t("exam.review_hint"))
        self.query_one("#results-detail", VerticalScroll).scroll_home(animate=False)

    def show_detail(self, index: int) -> None:
        assert self.results is not None
        lang = self.ctx.lang
        question = self.results.attempt.questions[index]
        each = self.points_each(index)
        report = self.query_one("#review-report", CheckReport)
        bank = self.runner.bank
        task = bank.tasks.get(question.item_id) if question.kind == "task" else None
        if isinstance(task, Task):
            self.put("review-head", task_review_head(task, question, each, lang))
            graded = self.results.graded.get(index) or self.report_from_history(task, question)
            report.display = True
            if graded is not None:
                report.show_grade(graded)
            else:
                report.show_message(self.t("exam.no_report"))
            self.put("review-tail", task_review_tail(task, question, self.solution(task), lang))
        else:
            item = bank.items.get(question.item_id)
            report.display = False
            self.put("review-tail", "")
            if item is None:
                self.put("review-head", self.t("exam.missing", item=question.item_id))
            else:
                self.put(
                    "review-head",
                    written_review(item, question, self.results.attempt, each, lang, bank.glossary),
                )
        self.query_one("#results-detail", VerticalScroll).scroll_home(animate=False)

    def put(self, name: str, markdown: str) -> None:
        """Show ``markdown`` in the detail pane's part ``name``, fitted to the pane's width
        (a table too wide for it becomes a list, not columns of "…")."""
        self.markdown[name] = markdown
        width = self.query_one("#results-detail", VerticalScroll).scrollable_content_region.width
        self.query_one(f"#{name}", Markdown).update(fit_tables(markdown, width))

    def lay_out(self) -> None:
        table = self.query_one("#results-questions", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        # below the wide layout the list is 34 wide: the answer is read in the detail beside it
        columns = ("number", "section", "mark", "points", "answer")
        for key in columns if self.wide else columns[:-1]:
            table.add_column(self.t(f"exam.col.{key}"), key=key)
        if self.results is not None:
            self.show_results(self.results)
            table.move_cursor(row=row, animate=False)

    def resized(self) -> None:
        self.call_after_refresh(self.refit)

    def refit(self) -> None:
        for name, markdown in self.markdown.items():
            self.put(name, markdown)

    def solution(self, task: Task) -> str:
        try:
            return task.read("solution.py")
        except (OSError, UnicodeDecodeError) as exc:
            return f"# {self.t('task.unreadable', name='solution.py', error=exc)}"

    def report_from_history(self, task: Task, question: Any) -> GradeResult | None:
        """An older attempt's check report: the practice submission the exam recorded."""
        service = self.ctx.service
        if service is None or not is_answered(question):
            return None
        try:
            history = service.practice.history(task.id)
        except StoreError:
            return None
        for submission in history:  # newest first
            if (
                submission.code == question.answer
                and submission.submitted_at >= self.attempt.started_at
            ):
                return submission.result
        return None

    # -- acting -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return not self.grading
        if action == "retry":
            return self.failure is not None and not self.grading
        return True

    def action_close(self) -> None:
        if not self.grading:
            self.app.pop_screen()

    def action_retry(self) -> None:
        if self.failure is not None and not self.grading:
            self.start_grading()
