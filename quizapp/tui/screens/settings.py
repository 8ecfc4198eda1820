"""설정: the study plan of the profile in use, inside the app — the exam date (reviews that
would fall after it are pulled forward) and the number of new cards per day. The same
store calls as `quizapp profile`; a bad value is one line under its box, nothing saved."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Input, Static

from quizapp.store import StoreError

from .base import QuizScreen


class SettingsScreen(QuizScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def compose(self) -> ComposeResult:
        t = self.t
        yield Header()
        with Vertical(id="settings"):
            yield Static(t("settings.exam_date"), classes="section-title")
            yield Input(placeholder="YYYY-MM-DD", id="settings-exam-date")
            yield Static(t("settings.exam_date.hint"), classes="muted")
            yield Static(t("settings.new_per_day"), classes="section-title")
            yield Input(type="integer", id="settings-new-per-day")
            yield Static(t("settings.new_per_day.hint"), classes="muted")
            yield Static("", id="settings-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.t("settings.title")
        store = self.ctx.store
        assert store is not None
        info = store.profiles.info()
        self.query_one("#settings-exam-date", Input).value = (
            info.exam_date.isoformat() if info.exam_date else ""
        )
        self.query_one("#settings-new-per-day", Input).value = str(info.daily_new_limit)
        self.query_one("#settings-exam-date", Input).focus()

    def say(self, text: str, error: bool = False) -> None:
        message = self.query_one("#settings-message", Static)
        message.update(text)
        message.set_class(error, "error")

    @on(Input.Submitted, "#settings-exam-date")
    def save_exam_date(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        try:
            chosen = date.fromisoformat(text) if text else None
        except ValueError:
            self.say(self.t("settings.bad_date", value=text), error=True)
            return
        store = self.ctx.store
        assert store is not None
        try:
            store.profiles.set_exam_date(chosen)
        except StoreError as exc:
            self.say(exc.text(self.lang), error=True)
            return
        self.say(
            self.t("settings.saved_date", date=chosen.isoformat())
            if chosen
            else self.t("settings.cleared_date")
        )
        self.query_one("#settings-new-per-day", Input).focus()

    @on(Input.Submitted, "#settings-new-per-day")
    def save_new_per_day(self, event: Input.Submitted) -> None:
        store = self.ctx.store
        assert store is not None
        try:
            limit = int(event.value.strip())
            store.profiles.set_daily_new_limit(limit)
        except ValueError:
            self.say(self.t("settings.bad_number", value=event.value.strip()), error=True)
            return
        except StoreError as exc:
            self.say(exc.text(self.lang), error=True)
            return
        self.say(self.t("settings.saved_limit", limit=limit))
