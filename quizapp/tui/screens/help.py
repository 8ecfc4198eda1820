"""Keys of every screen, in the interface language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from .base import QuizModalScreen

HELP = {
    "ko": """\
# 도움말

| 화면 | 키 | 동작 |
|---|---|---|
| 어디서나 | `?` | 이 도움말 |
| | `ctrl+p` | 명령 팔레트 (모든 화면으로 이동) |
| | `escape` | 뒤로 |
| | `ctrl+q` | 종료 |
| 홈 | `r` `q` `p` `e` | 복습 · 퀴즈 · 실기 연습 · 모의고사 |
| | `m` `s` `b` | 오답노트 · 통계 · 문제 은행 둘러보기 |
| 복습 | `space` | 답 보기 |
| | `1` `2` `3` `4` | 다시 · 어려움 · 알맞음 · 쉬움 (버튼에 다음 간격) |
| | `u` | 마지막 평가 되돌리기 |
| 퀴즈 | `1`–`9` | 보기 선택 (복수 선택은 여러 개, `enter`로 제출) |
| | `enter` | 답 제출 / 다음 문제 |
| 실기 | `ctrl+r` | 코드 실행 (채점 없이 출력 확인) |
| | `ctrl+s` | 제출 (숨겨진 테스트로 채점) |
| | `ctrl+o` | `$EDITOR`로 열기 |
| | `ctrl+g` | 제출 기록 (`u`: 그 코드 쓰기) |
| | `ctrl+l` | 모범 답안 (한 번 이상 제출한 뒤) |
| | `ctrl+f` | 과제 목록을 페이지로 거르기 |
| | `escape` | 채점 중이면 취소, 아니면 뒤로 |
| 모의고사 목록 | `s` | 시작 또는 이어 보기 (`enter`: 구성 보기) |
| | `v` | 마지막 응시 결과 다시 보기 |
| 모의고사 | `n` `→` / `p` `←` | 다음 / 이전 문제 |
| | `f` | 검토 표시 |
| | `l` `g` | 문제 목록으로 이동 |
| | `enter` `ctrl+e` | 실기 문제를 편집기에서 열기 |
| | `ctrl+s` | 제출 (남은 문제를 알려 주고 확인) |
| 둘러보기 | `ctrl+f` | 검색창으로 |
| | `enter` | 항목 열기 |
""",
    "en": """\
# Help

| screen | key | action |
|---|---|---|
| anywhere | `?` | this help |
| | `ctrl+p` | command palette (go to any screen) |
| | `escape` | back |
| | `ctrl+q` | quit |
| home | `r` `q` `p` `e` | review · quiz · practice · mock exam |
| | `m` `s` `b` | mistakes · stats · browse the bank |
| review | `space` | show the answer |
| | `1` `2` `3` `4` | Again · Hard · Good · Easy (buttons show the next interval) |
| | `u` | undo the last rating |
| quiz | `1`–`9` | pick a choice (several for multiple choice, then `enter`) |
| | `enter` | submit / next question |
| practice | `ctrl+r` | run the code (output only, no grading) |
| | `ctrl+s` | submit to the hidden tests |
| | `ctrl+o` | open in `$EDITOR` |
| | `ctrl+g` | submission history (`u`: use that code) |
| | `ctrl+l` | reference solution (after at least one submission) |
| | `ctrl+f` | filter the task list by pages |
| | `escape` | cancel a running grade, else back |
| exam list | `s` | start or resume (`enter`: see the layout) |
| | `v` | review the last finished attempt |
| mock exam | `n` `→` / `p` `←` | next / previous question |
| | `f` | flag for review |
| | `l` `g` | to the question list |
| | `enter` `ctrl+e` | open a practical task in the editor |
| | `ctrl+s` | submit (names the unanswered questions, asks to confirm) |
| browse | `ctrl+f` | to the search box |
| | `enter` | open the item |
""",
}


class HelpScreen(QuizModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP.get(self.lang, HELP["en"]))
