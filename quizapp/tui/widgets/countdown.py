"""The exam's countdown: the time left, redrawn every second from the stored deadline.

It never counts ticks: each redraw asks ``remaining()`` (the runner's deadline minus
the app's clock), so a resumed attempt, a slow frame or a suspended laptop all show
the true time. When the time is up it posts :class:`Countdown.Expired` once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual.message import Message
from textual.widgets import Static

from quizapp.exam.view import format_clock

WARN_AT = timedelta(minutes=5)
URGENT_AT = timedelta(minutes=1)


class Countdown(Static):
    DEFAULT_CSS = """
    Countdown { width: auto; padding: 0 1; text-style: bold; }
    Countdown.warn { color: $warning; }
    Countdown.urgent { color: $error; text-style: bold reverse; }
    """

    class Expired(Message):
        """The attempt's time is up."""

    def __init__(
        self, remaining: Callable[[], timedelta], label: str, *, id: str | None = None
    ) -> None:
        super().__init__("", markup=False, id=id)
        self.remaining = remaining
        self.label = label  # "남은 시간 {left}"
        self.left = timedelta(0)
        self.expired = False

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        self.left = self.remaining()
        self.update(self.label.format(left=format_clock(self.left)))
        self.set_class(URGENT_AT < self.left <= WARN_AT, "warn")
        self.set_class(self.left <= URGENT_AT, "urgent")
        if self.left <= timedelta(0) and not self.expired:
            self.expired = True
            self.post_message(self.Expired())
