"""The command line in Korean (`--lang ko`, or a Korean locale): argparse's own words, every
command's help, and the one-line usage errors.

The parsers are built in English (each command's beside it in :mod:`quizapp.commands`);
for Korean their texts are swapped from :data:`HELP_KO` once built (a command's own options
when they are added, on parsing it), and argparse's built-in phrases
("usage:", "options", "the following arguments are required: …") come from
:data:`ARGPARSE_KO` through argparse's gettext hook. The language is known before
parsing: ``--lang`` on the command line, else the configured or locale default.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

ARGPARSE_KO = {
    "usage: ": "사용법: ",
    "positional arguments": "위치 인수",
    "options": "옵션",
    "optional arguments": "옵션",
    "show this help message and exit": "이 도움말을 보이고 끝냅니다",
    "show program's version number and exit": "버전을 보이고 끝냅니다",
    "the following arguments are required: %s": "다음 인수가 필요합니다: %s",
    "unrecognized arguments: %s": "알 수 없는 인수: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "잘못된 선택: %(value)r (다음 중 하나: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "인수 %(argument_name)s: %(message)s",
    "expected one argument": "값이 하나 필요합니다",
    "expected at most one argument": "값은 하나까지입니다",
    "expected at least one argument": "값이 하나 이상 필요합니다",
    "invalid %(type)s value: %(value)r": "잘못된 %(type)s 값: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "모호한 옵션: %(option)s (후보: %(matches)s)"
    ),
    "not allowed with argument %s": "%s 인수와 함께 쓸 수 없습니다",
    "ignored explicit argument %r": "무시된 인수 %r",
    "one of the arguments %s is required": "다음 인수 중 하나가 필요합니다: %s",
}

HELP_KO = {
    "Offline study companion for the AI Essential exam: questions, flashcards, spaced "
    "repetition, PyTorch practice and mock exams.": (
        "AI Essential 시험을 위한 오프라인 학습 도우미: 문제, 플래시카드, 간격 반복 복습, "
        "파이토치 실기 연습과 모의고사."
    ),
    "Run `quizapp COMMAND --help` for the options of one command.": (
        "명령 하나의 옵션은 `quizapp 명령 --help`로 봅니다."
    ),
    "add a bank folder to the bundled bank (repeatable)": (
        "기본 문제 은행에 문제 은행 폴더 추가 (여러 번 가능)"
    ),
    "data folder (default: $QUIZAPP_HOME or the user data folder)": (
        "데이터 폴더 (기본: $QUIZAPP_HOME 또는 사용자 데이터 폴더)"
    ),
    "SQLAlchemy URL of the progress store (default: SQLite in the data folder)": (
        "진도 저장소의 SQLAlchemy URL (기본: 데이터 폴더의 SQLite)"
    ),
    "language of the interface (default: from the locale)": "화면 언어 (기본: 시스템 로캘)",
    "whose progress (default: the user name)": "누구의 진도인지 (기본: 사용자 이름)",
    "log debug records: on stderr, or from the app to quizapp.log in the data folder "
    "(also $QUIZAPP_LOG=debug)": (
        "디버그 기록 남기기: 표준 오류에, 앱에서는 데이터 폴더의 quizapp.log에 "
        "(`QUIZAPP_LOG=debug`로도 가능)"
    ),
    "append log records to this file instead (also $QUIZAPP_LOG_FILE)": (
        "기록을 대신 이 파일에 덧붙이기 (`QUIZAPP_LOG_FILE`로도 가능)"
    ),
    "review due flashcards and items (spaced repetition)": "복습할 카드와 문제 (간격 반복)",
    "a quiz by pages, topic or type": "쪽, 주제, 유형으로 고른 퀴즈",
    "write PyTorch code for a practical task, graded by hidden tests": (
        "실기 과제의 파이토치 코드 작성 (숨은 테스트로 채점)"
    ),
    "timed mock exams; `exam preview ID` prints a paper without starting one": (
        "시간 제한 모의고사; `exam preview ID`는 시작하지 않고 시험지를 만듭니다"
    ),
    "check or count the question bank": "문제 은행 검사와 집계",
    "export the bank for another program": "다른 프로그램용으로 문제 은행 내보내기",
    "import questions from another program": "다른 프로그램의 문제 가져오기",
    "your progress: reviews, due cards, streak, retention, mastery, mock exams": (
        "내 진도: 복습, 복습할 카드, 연속 학습, 기억률, 숙달도, 모의고사"
    ),
    "show or set the study plan (exam date, new cards per day)": (
        "학습 계획 보기/설정 (시험일, 하루 새 카드 수)"
    ),
    "training tasks: every profile's best metric (accuracy, or lowest RMSLE), ranked": (
        "학습 과제: 프로필별 최고 성적 (정확도, 또는 가장 낮은 RMSLE) 순위"
    ),
    "the teacher's view: class report, similar code": "교사용: 반 보고서, 비슷한 코드",
    "grade files or folders against a practical task's hidden tests": (
        "파일이나 폴더를 실기 과제의 숨은 테스트로 채점"
    ),
    "what this machine offers: Python, torch, the grader's sandbox, banks, terminal "
    "(for bug reports)": (
        "이 컴퓨터의 환경: 파이썬, torch, 채점 샌드박스, 문제 은행, 터미널 (버그 보고용)"
    ),
    "e.g. 17-26 or 83-88,90": "예: 17-26 또는 83-88,90",
    "a topic, e.g. 손실함수": "주제, 예: 손실함수",
    "item type (repeatable or comma-separated): written, single_choice, …, flashcard": (
        "문제 유형 (여러 번 또는 쉼표로): written, single_choice, …, flashcard"
    ),
    "how many questions (default 10)": "문제 수 (기본 10)",
    "practise without changing the schedule": "복습 일정을 바꾸지 않고 연습",
    "count cards seen for the first time against today's new-card limit": (
        "처음 푸는 카드를 오늘의 새 카드 한도에 포함 (새 카드로 학습)"
    ),
    "open this task directly": "이 과제를 바로 열기",
    "start (or resume) this blueprint": "이 모의고사를 시작 (또는 이어서)",
    "preview: the seed to draw with": "미리 보기: 문제를 뽑을 시드",
    "preview: print the questions as JSON": "미리 보기: 문제를 JSON으로 출력",
    "preview: write the questions and the answer key": "미리 보기: 문제와 정답을 파일로 저장",
    "validate the bundled bank and the given folders; print every problem as path:line": (
        "기본 문제 은행과 주어진 폴더 검사; 문제마다 경로:줄 출력"
    ),
    "check that the hidden tests pass the reference and catch the catalogued mistakes "
    "and the reference's mutants": (
        "숨은 테스트가 모범 답안을 통과시키고, 알려진 실수와 변형(뮤턴트)을 잡는지 확인"
    ),
    "judge typed answers as review, quiz and the exam would (a cloze: one text per "
    "blank, separated by /)": (
        "입력한 답을 복습·퀴즈·시험과 똑같이 채점 (빈칸 문제: 빈칸마다 답 하나, /로 구분)"
    ),
    "a written item's id": "필기 문항의 ID",
    "answers to judge": "채점할 답",
    'one {"item": ID, "answer": TEXT or [TEXT, ...]} per line': (
        '한 줄에 {"item": ID, "answer": 텍스트 또는 [텍스트, ...]} 하나'
    ),
    "one JSON object per answer": "답마다 JSON 객체 하나",
    "count items, flashcards, tasks and exams per syllabus entry": (
        "범위별 문제, 플래시카드, 과제, 모의고사 수"
    ),
    "more bank folders to check": "더 검사할 문제 은행 폴더",
    "only these tasks": "이 과제만",
    "one JSON object per task, one per line": "과제마다 JSON 객체 한 줄",
    "print one JSON object": "JSON 객체 하나로 출력",
    "an Anki package (.apkg): a deck per syllabus entry, page tags, stable note ids": (
        "Anki 패키지 (.apkg): 범위마다 덱, 쪽 태그, 바뀌지 않는 노트 ID"
    ),
    "the package to write": "만들 패키지 파일",
    "Anki notes (plain-text export .txt or package .apkg) as a bank items file": (
        "Anki 노트 (텍스트 내보내기 .txt 또는 .apkg)를 문제 은행 파일로"
    ),
    "Anki's 'Notes in Plain Text' .txt or an .apkg": "Anki의 '일반 텍스트 노트' .txt 또는 .apkg",
    "the items file to write": "만들 문제 파일",
    "replace --out if it exists": "--out 파일이 있으면 덮어쓰기",
    "for notes of items already in the bank that were edited in Anki, write "
    "what changed as a diff beside --out (NAME.changes.diff) to review": (
        "문제 은행에 이미 있는 문항을 Anki에서 고친 노트는 바뀐 내용을 --out 옆에 "
        "diff로 저장 (NAME.changes.diff, 검토용)"
    ),
    "the predicted exam score on your exam date and tonight's plan to raise it most": (
        "시험일의 예상 점수와 그 점수를 가장 많이 올릴 오늘 밤 학습 계획"
    ),
    "the minutes you have tonight (default 30)": "오늘 밤 공부할 수 있는 시간(분) (기본 30)",
    "reviews that would fall after it are pulled forward to its eve": (
        "시험일 뒤로 잡힐 복습을 시험 전날로 당깁니다"
    ),
    "forget the exam date": "시험일 지우기",
    "new cards per day (default 20)": "하루 새 카드 수 (기본 20)",
    "one training task (default: all)": "학습 과제 하나 (기본: 전부)",
    "one JSON object per row, one per line": "행마다 JSON 객체 한 줄",
    "every profile of the store in use: reviews, retention, mastery, task scores, mock "
    "exams; then what the class finds hard": (
        "저장소의 모든 프로필: 복습, 기억률, 숙달도, 과제 점수, 모의고사; 이어서 반이 어려워하는 것"
    ),
    "pairs of submissions with alike code (winnowing, as MOSS), to read by hand": (
        "코드가 비슷한 제출 쌍 (MOSS처럼 winnowing), 직접 읽어 볼 목록"
    ),
    "also write one row per student (- for stdout)": "학생마다 한 행도 저장 (- 는 표준 출력)",
    "the task the files answer": "파일들이 푼 과제",
    "a folder of submissions (.py, recursive)": "제출 폴더 (.py, 하위 폴더 포함)",
    "list pairs at least this similar (default 60)": "이 이상 비슷한 쌍만 (기본 60)",
    "one JSON object per pair": "쌍마다 JSON 객체 하나",
    "a task id, e.g. cnn-fashion": "과제 ID, 예: cnn-fashion",
    "Python files, or folders (every .py inside)": "파이썬 파일 또는 폴더 (안의 모든 .py)",
    "one JSON object per file, one per line": "파일마다 JSON 객체 한 줄",
    "parallel workers (default: every core)": "병렬 작업 수 (기본: 모든 코어)",
    "write a gradebook: a row per file (per student with --exam)": (
        "성적표 저장: 파일마다 한 행 (--exam이면 학생마다)"
    ),
    "grade a class folder FOLDER/<student>/<task_id>.py against a blueprint's tasks": (
        "반 폴더 FOLDER/<학생>/<과제_ID>.py를 모의고사의 실기 과제로 채점"
    ),
    "also print what each file printed while graded (for teachers; cut to a few KB)": (
        "채점 중 각 파일의 출력도 표시 (교사용; 몇 KB로 자름)"
    ),
    "put the newest daily backup of a damaged SQLite progress store in its place "
    "(the damaged file is renamed, never deleted)": (
        "손상된 SQLite 진도 파일 자리에 가장 최근의 일일 백업을 복원 "
        "(손상된 파일은 이름을 바꿔 보관, 지우지 않음)"
    ),
}

ERROR_KO = {
    "error": "오류",
    "see": "참고",
    "interrupted": "중단됨",
}


def early_lang(argv: Sequence[str]) -> str | None:
    """``--lang`` as given on the command line (before the command), if any."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


_ENGLISH = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]


def speak_english() -> None:
    """argparse's own phrases back in English (a Korean run earlier in this process)."""
    argparse._, argparse.ngettext = _ENGLISH  # type: ignore[attr-defined]


def _ko_gettext(text: str) -> str:
    return ARGPARSE_KO.get(text, text)


def _ko_ngettext(singular: str, plural: str, n: int) -> str:
    return ARGPARSE_KO.get(singular if n == 1 else plural, singular if n == 1 else plural)


def speak_korean(parser: argparse.ArgumentParser) -> None:
    """The parser's help and argparse's own phrases in Korean (in place)."""
    argparse._ = _ko_gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ko_ngettext  # type: ignore[attr-defined]
    seen: set[int] = set()

    def walk(node: argparse.ArgumentParser) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        later = getattr(node, "when_defined", None)
        if isinstance(later, list):  # a command whose options are added when it is parsed
            later.append(translate)
        translate(node)

    def translate(node: argparse.ArgumentParser) -> None:
        node.description = HELP_KO.get(node.description or "", node.description)
        node.epilog = HELP_KO.get(node.epilog or "", node.epilog)
        for group in node._action_groups:  # titled when the parser was made
            group.title = ARGPARSE_KO.get(group.title or "", group.title)
        for action in node._actions:
            if action.help:
                action.help = HELP_KO.get(action.help, ARGPARSE_KO.get(action.help, action.help))
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        choice.help = HELP_KO.get(choice.help, choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)
