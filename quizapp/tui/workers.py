"""One place for what thread workers hand back (as harlequin does it): a worker returns a
typed message, posted to the screen (or widget) that started it, which handles it with
``@on``; a worker that raised, or was cancelled, comes to ``worker_failed`` /
``worker_cancelled`` (by default the error is shown as a notification)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from textual.widget import Widget

    _Node = Widget
else:
    _Node = object


class WorkerFailures(_Node):
    """Mixed into a screen or widget: the one ``Worker.StateChanged`` handler of its
    workers (the message does not bubble, so only this node's own workers come here)."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker: Worker[object] = event.worker
        if event.state == WorkerState.SUCCESS:
            if isinstance(worker.result, Message):
                self.post_message(worker.result)
        elif event.state == WorkerState.ERROR:
            self.worker_failed(worker.group, worker.error)
        elif event.state == WorkerState.CANCELLED:
            self.worker_cancelled(worker.group)

    def worker_failed(self, group: str, error: BaseException | None) -> None:
        self.notify(str(error), severity="error", markup=False)

    def worker_cancelled(self, group: str) -> None:
        """A cancelled worker hands nothing back; a screen may need to know."""
