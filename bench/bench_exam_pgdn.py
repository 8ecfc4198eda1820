"""Moving between mock exam questions: how long PgDn takes, and whether fast presses are kept.

Starts the bundled 28-question mock exam in the real app (Textual's headless driver,
80×24 by default) and measures:

- per move: from the PgDn key event until the next question is fully shown (its
  answer widget mounted and focused); median, 90th percentile and worst over the
  whole paper, forward (first visits) then back;
- a burst: N presses sent at once (no waiting between them), then how many
  questions the screen actually moved (every press should count).

Target: a move under 100 ms; no press lost.
Run: ``python bench/bench_exam_pgdn.py [--size 80x24] [--burst 25]``. Prints numbers;
asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import tempfile
import time

from textual import events

from quizapp.settings import resolve
from quizapp.tui.app import Start, make_app
from quizapp.tui.screens.exam_sit import ExamSitScreen

BLUEPRINT = "ai-essential-mock"


async def until(pilot: object, condition: object, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out")
        await asyncio.sleep(0.001)


async def run(size: tuple[int, int], burst: int) -> None:
    with tempfile.TemporaryDirectory() as data:
        settings = resolve(data_dir=data, lang="ko", profile="bench")
        app = make_app(settings, start=Start("exam", exam_id=BLUEPRINT), warm_grader=False)
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ExamSitScreen))
            screen = app.screen
            assert isinstance(screen, ExamSitScreen)
            await until(pilot, lambda: not screen.switching)
            total = len(screen.attempt.questions)
            moves: list[float] = []
            for key, step in (("pagedown", 1), ("pageup", -1)):
                way: list[float] = []
                for _ in range(total - 1):
                    target = screen.index + step
                    started = time.perf_counter()
                    app.post_message(events.Key(key, None))  # as a terminal sends it
                    await until(pilot, lambda t=target: screen.index == t and not screen.switching)
                    way.append((time.perf_counter() - started) * 1000)
                print(f"{key}: median {statistics.median(way):.0f} ms, worst {max(way):.0f} ms")
                moves += way
            moves.sort()
            p90 = moves[int(len(moves) * 0.9) - 1]
            print(
                f"PgDn/PgUp over {total} questions at {size[0]}x{size[1]}: "
                f"median {statistics.median(moves):.0f} ms, p90 {p90:.0f} ms, "
                f"worst {moves[-1]:.0f} ms ({len(moves)} moves)"
            )
            start_index = screen.index
            started = time.perf_counter()
            for _ in range(burst):  # as a terminal sends them: all at once, no waiting
                app.post_message(events.Key("pagedown", None))
            expected = min(total - 1, start_index + burst)
            with contextlib.suppress(RuntimeError):  # reported below as moves short
                await until(
                    pilot, lambda: screen.index == expected and not screen.switching, timeout=30
                )
            await pilot.pause(0.5)
            print(
                f"burst of {burst} PgDn presses: moved {screen.index - start_index} "
                f"(expected {expected - start_index}) in {time.perf_counter() - started:.2f} s"
                f"{' (still drawing!)' if screen.switching else ''}"
            )
            print("target: a move under 100 ms; no press lost")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--burst", type=int, default=25)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    asyncio.run(run((width, height), args.burst))


if __name__ == "__main__":
    main()
