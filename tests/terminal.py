"""A real terminal for end-to-end tests: one tmux session running a command."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """Start ``command`` in a new tmux session; read its screen, send it keys."""

    def __init__(self, name: str, command: str, width: int = 130, height: int = 40) -> None:
        self.name = name
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command],
            check=True,
        )

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        out = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return out.stdout

    def first_of(self, *texts: str, timeout: float = 60.0) -> str:
        """Wait until one of ``texts`` is on the screen; return the one that is."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            for text in texts:
                if text in shown:
                    return text
            time.sleep(0.1)
        raise AssertionError(f"none of {texts!r} appeared; the screen:\n{self.screen()}")

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """Wait until ``text`` is on the screen; return the whole screen."""
        self.first_of(text, timeout=timeout)
        return self.screen()

    def pid(self) -> int:
        out = subprocess.run(
            ["tmux", "display-message", "-p", "-t", self.name, "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(out.stdout.strip())

    def alive(self) -> bool:
        return (
            subprocess.run(["tmux", "has-session", "-t", self.name], capture_output=True).returncode
            == 0
        )

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)
