"""The interface's words in Korean and English (`--lang ko|en`).

Bank content is written in Korean and shown as it is; only the app's own
labels are translated. Keys are grouped by screen; a missing translation falls
back to English, a missing key is a bug (KeyError in tests).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .i18n_class import CLASS_MESSAGES
from .i18n_cli import CLI_MESSAGES
from .i18n_plan import PLAN_MESSAGES

if TYPE_CHECKING:
    from question_bank.said import Said

Translate = Callable[..., str]  # a bound translate: t("key", **values) in the interface language

MESSAGES: dict[str, dict[str, str]] = {
    # app-wide
    "app.title": {"ko": "AI Essential 학습", "en": "AI Essential study"},
    "app.loading": {"ko": "문제 은행을 불러오는 중…", "en": "Loading the question bank…"},
    "app.quit_title": {"ko": "종료할까요?", "en": "Do you want to quit?"},
    "app.quit_hint": {"ko": "종료하려면 ctrl+q를 누르세요", "en": "Press ctrl+q to quit the app"},
    "key.open": {"ko": "열기", "en": "Open"},
    # footer labels: key.<binding id> (see quizapp/tui/keys.py)
    "key.back": {"ko": "뒤로", "en": "Back"},
    "key.browse": {"ko": "둘러보기", "en": "Browse"},
    "key.close": {"ko": "닫기", "en": "Close"},
    "key.palette": {
        "ko": "명령 팔레트 (모든 화면으로 이동)",
        "en": "Command palette (go to any screen)",
    },
    "key.palette-short": {"ko": "명령", "en": "palette"},
    "key.exams": {"ko": "모의고사", "en": "Exam"},
    "key.exam-start": {"ko": "시작/이어서", "en": "Start/resume"},
    "key.exam-last-results": {"ko": "지난 결과", "en": "Last results"},
    "key.exam-next": {"ko": "다음", "en": "Next"},
    "key.exam-previous": {"ko": "이전", "en": "Previous"},
    "key.exam-flag": {"ko": "검토 표시", "en": "Flag"},
    "key.exam-next-letter": {"ko": "다음 문항 (입력 중이 아닐 때)", "en": "Next (when not typing)"},
    "key.exam-previous-letter": {
        "ko": "이전 문항 (입력 중이 아닐 때)",
        "en": "Previous (when not typing)",
    },
    "key.exam-flag-letter": {"ko": "검토 표시 (입력 중이 아닐 때)", "en": "Flag (when not typing)"},
    "key.exam-list": {"ko": "목록", "en": "List"},
    "key.exam-open-task": {"ko": "편집기 열기", "en": "Open editor"},
    "key.exam-submit": {"ko": "시험 제출", "en": "Submit exam"},
    "key.exam-escape": {"ko": "입력 끝내기", "en": "Stop typing"},
    "key.exam-save": {"ko": "저장", "en": "Save"},
    "key.exam-retry": {"ko": "다시 채점", "en": "Grade again"},
    "key.exam-confirm-yes": {"ko": "제출", "en": "Submit"},
    "key.exam-confirm-no": {"ko": "계속 풀기", "en": "Keep going"},
    "key.confirm-yes": {"ko": "예", "en": "Yes"},
    "key.confirm-no": {"ko": "아니요", "en": "No"},
    "key.external-editor": {"ko": "$EDITOR로 편집", "en": "$EDITOR"},
    "key.filter": {"ko": "페이지 필터", "en": "Filter by pages"},
    "key.help": {"ko": "도움말", "en": "Help"},
    "key.history": {"ko": "제출 기록", "en": "History"},
    "key.mistakes": {"ko": "오답노트", "en": "Mistakes"},
    "key.next": {"ko": "다음", "en": "Next"},
    "key.practice": {"ko": "실기", "en": "Practice"},
    "key.quit": {"ko": "종료", "en": "Quit"},
    "key.quiz": {"ko": "퀴즈", "en": "Quiz"},
    "key.rate-again": {"ko": "다시", "en": "Again"},
    "key.rate-easy": {"ko": "쉬움", "en": "Easy"},
    "key.rate-good": {"ko": "알맞음", "en": "Good"},
    "key.rate-hard": {"ko": "어려움", "en": "Hard"},
    "key.retry-all": {"ko": "모두 다시", "en": "Retry all"},
    "key.retry-wrong": {"ko": "틀린 것 다시", "en": "Retry wrong"},
    "key.reveal": {"ko": "답 보기", "en": "Show answer"},
    "key.review": {"ko": "복습", "en": "Review"},
    "key.run": {"ko": "실행", "en": "Run"},
    "key.search": {"ko": "검색", "en": "Search"},
    "key.solution": {"ko": "모범 답안", "en": "Solution"},
    "key.stats": {"ko": "통계", "en": "Stats"},
    "key.submit": {"ko": "제출", "en": "Submit"},
    "key.task-regrade": {"ko": "다시 채점", "en": "Grade again"},
    "key.task-pane-prompt": {"ko": "문제", "en": "Task"},
    "key.task-pane-report": {"ko": "결과", "en": "Result"},
    "key.study-open-task": {"ko": "편집기 열기", "en": "Open editor"},
    "key.submit-choices": {"ko": "제출", "en": "Submit"},
    "key.pick-choice": {"ko": "보기 선택", "en": "Pick a choice"},
    "key.pick-true": {"ko": "참 (O)", "en": "True (O)"},
    "key.pick-false": {"ko": "거짓 (X)", "en": "False (X)"},
    "key.toggle-choice": {"ko": "보기 선택/해제", "en": "Toggle a choice"},
    "key.undo": {"ko": "되돌리기", "en": "Undo"},
    "key.use-code": {"ko": "이 코드 쓰기", "en": "Use this code"},
    # bank errors
    "errors.title": {"ko": "문제 은행에 오류가 있습니다", "en": "The question bank has problems"},
    "errors.intro": {
        "ko": "아래 {count}개 문제를 고친 뒤 다시 실행하세요 (`quizapp bank check`로 확인).",
        "en": "Fix the {count} problems below and start again (check with `quizapp bank check`).",
    },
    # browse
    "browse.title": {"ko": "문제 은행 둘러보기", "en": "Browse the bank"},
    "browse.search": {
        "ko": "검색어 (문제, 답, 해설)",
        "en": "Search text (prompt, answer, explanation)",
    },
    "browse.pages": {"ko": "페이지 (예: 17-26,50)", "en": "Pages (e.g. 17-26,50)"},
    "browse.tag": {"ko": "태그", "en": "Tag"},
    "browse.type": {"ko": "유형", "en": "Type"},
    "browse.any_type": {"ko": "모든 유형", "en": "Any type"},
    "browse.count": {"ko": "{shown} / {total}개", "en": "{shown} of {total}"},
    "browse.bad_pages": {"ko": "페이지 형식 오류: {error}", "en": "Bad pages: {error}"},
    "col.id": {"ko": "ID", "en": "ID"},
    "col.type": {"ko": "유형", "en": "Type"},
    "col.pages": {"ko": "페이지", "en": "Pages"},
    "col.text": {"ko": "내용", "en": "Text"},
    # item view
    "item.answer": {"ko": "정답", "en": "Answer"},
    "item.answers": {"ko": "정답(모두)", "en": "Answers (all)"},
    "item.accepted": {"ko": "인정되는 답", "en": "Accepted answers"},
    "item.tolerance": {"ko": "허용 오차", "en": "Tolerance"},
    "item.explanation": {"ko": "해설", "en": "Explanation"},
    "item.pages": {"ko": "교재 쪽", "en": "Textbook pages"},
    "item.topic": {"ko": "주제", "en": "Topic"},
    "item.back": {"ko": "뒷면", "en": "Back"},
    "item.reverse": {"ko": "앞뒤 양방향 학습", "en": "Studied both ways"},
    "item.choices": {"ko": "보기", "en": "Choices"},
    "item.true": {"ko": "참 (O)", "en": "True"},
    "item.false": {"ko": "거짓 (X)", "en": "False"},
    "item.task_prompt": {"ko": "실기 과제", "en": "Practical task"},
    "item.points": {"ko": "배점", "en": "Points"},
    # Anki export
    "anki.also_accepted": {"ko": "다른 정답", "en": "Also accepted"},
    # types
    "type.single_choice": {"ko": "단일 선택", "en": "Single choice"},
    "type.multiple_choice": {"ko": "복수 선택", "en": "Multiple choice"},
    "type.true_false": {"ko": "O/X", "en": "True/false"},
    "type.short_answer": {"ko": "단답형", "en": "Short answer"},
    "type.numeric": {"ko": "수치", "en": "Numeric"},
    "type.cloze": {"ko": "빈칸", "en": "Cloze"},
    "type.flashcard": {"ko": "플래시카드", "en": "Flashcard"},
    "type.task": {"ko": "실기 과제", "en": "Practical task"},
    # command palette
    "cmd.home": {"ko": "홈", "en": "Home"},
    "cmd.home.help": {"ko": "홈 화면으로", "en": "Back to the home screen"},
    "cmd.review": {"ko": "복습", "en": "Review"},
    "cmd.review.help": {"ko": "오늘 복습할 카드와 새 카드", "en": "Today's due and new cards"},
    "cmd.quiz": {"ko": "퀴즈", "en": "Quiz"},
    "cmd.quiz.help": {
        "ko": "시험 범위 전체에서 10문제",
        "en": "Ten questions over the whole scope",
    },
    "cmd.quiz_learn_new": {"ko": "퀴즈: 새 카드로 학습", "en": "Quiz: learn new cards"},
    "cmd.quiz_learn_new.help": {
        "ko": "10문제 — 처음 푸는 카드는 오늘의 새 카드 한도에 포함 (보통 퀴즈는 포함하지 않음)",
        "en": "Ten questions — first answers count against today's new-card limit (a quiz's do not)",
    },
    "cmd.quiz_type": {"ko": "퀴즈: {type}만", "en": "Quiz: {type} only"},
    "cmd.quiz_type.help": {"ko": "이 유형으로만 10문제", "en": "Ten questions of this type"},
    "cmd.quiz_entry": {"ko": "퀴즈: {title} (p. {pages})", "en": "Quiz: {title} (p. {pages})"},
    "cmd.quiz_entry.help": {"ko": "이 범위에서 10문제", "en": "Ten questions on these pages"},
    "cmd.practice": {"ko": "실기 연습", "en": "Practice"},
    "cmd.practice.help": {
        "ko": "파이토치 코드 작성과 채점",
        "en": "Write PyTorch code, graded by hidden tests",
    },
    "cmd.exams": {"ko": "모의고사", "en": "Mock exams"},
    "cmd.exams.help": {"ko": "시간 제한 모의고사", "en": "Timed mock exams"},
    "cmd.mistakes": {"ko": "오답노트", "en": "Mistakes"},
    "cmd.mistakes.help": {"ko": "틀린 문제 다시 풀기", "en": "Retry what you got wrong"},
    "cmd.stats": {"ko": "통계", "en": "Statistics"},
    "cmd.stats.help": {"ko": "복습 기록, 기억률, 숙달도", "en": "Reviews, retention, mastery"},
    "cmd.browse": {"ko": "문제 은행 둘러보기", "en": "Browse the bank"},
    "cmd.browse.help": {"ko": "문제 검색", "en": "Search items by text, page, tag, type"},
    "cmd.help": {"ko": "도움말", "en": "Help"},
    "cmd.help.help": {"ko": "모든 화면의 키", "en": "The keys of every screen"},
    # Textual's palette and system commands (quizapp/tui/palette.py)
    "palette.placeholder": {"ko": "명령 검색…", "en": "Search for commands…"},
    "palette.themes_placeholder": {"ko": "테마 검색…", "en": "Search for themes…"},
    "palette.no_matches": {"ko": "일치하는 명령이 없습니다", "en": "No matches found"},
    "palette.theme": {"ko": "테마", "en": "Theme"},
    "palette.theme.help": {"ko": "화면 테마 바꾸기", "en": "Change the current theme"},
    "palette.quit": {"ko": "종료", "en": "Quit"},
    "palette.quit.help": {"ko": "앱 종료", "en": "Quit the application"},
    "palette.keys": {"ko": "키 안내", "en": "Keys"},
    "palette.keys.show": {
        "ko": "지금 화면에서 쓸 수 있는 키 보기",
        "en": "Show a summary of the keys available here",
    },
    "palette.keys.hide": {"ko": "키 안내 닫기", "en": "Hide the keys panel"},
    "palette.maximize": {"ko": "최대화", "en": "Maximize"},
    "palette.maximize.help": {"ko": "선택한 부분을 화면 가득", "en": "Maximize the focused widget"},
    "palette.minimize": {"ko": "원래 크기", "en": "Minimize"},
    "palette.minimize.help": {"ko": "원래 크기로 되돌리기", "en": "Restore the normal size"},
    "palette.screenshot": {"ko": "화면 저장", "en": "Screenshot"},
    "palette.screenshot.help": {
        "ko": "지금 화면을 SVG 파일로 저장",
        "en": "Save an SVG 'screenshot' of the current screen",
    },
    # settings (the study plan inside the app)
    "settings.title": {"ko": "설정", "en": "Settings"},
    "settings.exam_date": {
        "ko": "시험일 (YYYY-MM-DD, 비우면 미설정)",
        "en": "Exam date (YYYY-MM-DD; empty: none)",
    },
    "settings.exam_date.hint": {
        "ko": "enter로 저장 — 시험일 뒤로 잡힐 복습을 시험 전날로 당깁니다",
        "en": "enter saves — reviews that would fall after it are pulled forward to its eve",
    },
    "settings.new_per_day": {"ko": "하루 새 카드 수", "en": "New cards per day"},
    "settings.new_per_day.hint": {"ko": "enter로 저장 (0–1000)", "en": "enter saves (0–1000)"},
    "settings.bad_date": {
        "ko": "날짜가 아닙니다: {value!r} — YYYY-MM-DD로 쓰세요 (저장하지 않음)",
        "en": "Not a date: {value!r} — write YYYY-MM-DD (nothing saved)",
    },
    "settings.bad_number": {
        "ko": "숫자가 아닙니다: {value!r} (저장하지 않음)",
        "en": "Not a number: {value!r} (nothing saved)",
    },
    "settings.saved_date": {
        "ko": "시험일을 {date}로 저장했습니다",
        "en": "Exam date set to {date}",
    },
    "settings.cleared_date": {"ko": "시험일을 지웠습니다", "en": "Exam date cleared"},
    "settings.saved_limit": {
        "ko": "하루 새 카드 {limit}장으로 저장했습니다",
        "en": "New cards per day set to {limit}",
    },
    "cmd.settings": {"ko": "설정", "en": "Settings"},
    "cmd.settings.help": {
        "ko": "시험일과 하루 새 카드 수",
        "en": "Exam date and new cards per day",
    },
    "key.settings": {"ko": "설정", "en": "Settings"},
    "help.section.settings": {"ko": "설정", "en": "Settings"},
    # home
    "home.coverage": {"ko": "시험 범위 숙달도", "en": "Coverage of the exam scope"},
    "home.col.entry": {"ko": "범위", "en": "Syllabus entry"},
    "home.col.mastery": {"ko": "숙달도", "en": "Mastery"},
    "home.exams": {"ko": "최근 모의고사", "en": "Last mock exams"},
    "home.exam_running": {
        "ko": "⏱ 모의고사 진행 중: {title} — 남은 시간 {left} (시계는 계속 흐릅니다) · e → s: 이어서 풀기",
        "en": "⏱ Mock exam running: {title} — {left} left (the clock keeps running) · e → s: resume",
    },
    "home.exam_time_up": {
        "ko": "⏱ 모의고사 시간 종료: {title} — 저장된 답으로 채점합니다 · e: 모의고사 목록",
        "en": "⏱ Mock exam out of time: {title} — graded with the saved answers · e: the exam list",
    },
    "home.no_attempts": {"ko": "아직 없음 — e로 시작", "en": "None yet — press e"},
    "home.due": {
        "ko": "복습할 카드 {total}장\n필기 {written} · 카드 {flashcards} · 실기 {tasks}\n새 카드 {new}장 대기",
        "en": "{total} cards due\nwritten {written} · flashcards {flashcards} · tasks {tasks}\n{new} new waiting",
    },
    "home.today": {
        "ko": "오늘 {reviews}개 복습 · 연속 {streak}일\n30일 기억률 {retention}\n오답노트 {mistakes}개",
        "en": "{reviews} reviews today · streak {streak} d\n30-day retention {retention}\n{mistakes} mistakes to revisit",
    },
    "home.exam_date": {"ko": "시험일 {date}\nD-{days}", "en": "Exam on {date}\nin {days} days"},
    "home.no_exam_date": {
        "ko": "시험일 미설정\no: 설정에서 정하기",
        "en": "No exam date\no: set it in the settings",
    },
    "home.keys": {
        "ko": "r 복습 · q 퀴즈\np 실기 · e 모의고사\nm 오답노트 · s 통계\nb 둘러보기 · o 설정\n? 도움말",
        "en": "r review · q quiz\np practice · e exam\nm mistakes · s stats\nb browse · o settings\n? help",
    },
    # study
    "study.mode.review": {"ko": "복습", "en": "Review"},
    "study.mode.quiz": {"ko": "퀴즈", "en": "Quiz"},
    "study.mode.cram": {"ko": "벼락치기 (일정 변경 없음)", "en": "Cram (schedule untouched)"},
    "study.mode.mistakes": {"ko": "오답노트", "en": "Mistakes"},
    "study.progress": {
        "ko": "답함 {answered} · 남음 {remaining} · ✓ {right} · ✗ {wrong}",
        "en": "answered {answered} · left {remaining} · ✓ {right} · ✗ {wrong}",
    },
    "study.progress_again": {
        "ko": "답함 {answered} · 남음 {remaining} · 다시 볼 카드 {again} · ✓ {right} · ✗ {wrong}",
        "en": "answered {answered} · left {remaining} · coming back {again} · ✓ {right} · ✗ {wrong}",
    },
    "study.hint.reveal": {
        "ko": "space: 답 보기 · u: 되돌리기",
        "en": "space: show the answer · u: undo",
    },
    "study.hint.rate": {
        "ko": "1 다시 · 2 어려움 · 3 알맞음 · 4 쉬움",
        "en": "1 again · 2 hard · 3 good · 4 easy",
    },
    "study.hint.single": {"ko": "숫자 키로 선택", "en": "press the choice's number"},
    "study.hint.multiple": {
        "ko": "숫자 키로 고르고 enter로 제출",
        "en": "toggle with number keys, enter to submit",
    },
    "study.hint.true_false": {
        "ko": "1 또는 o: 참 · 2 또는 x: 거짓",
        "en": "1 or o: true · 2 or x: false",
    },
    "study.hint.typed": {"ko": "답을 입력하고 enter", "en": "type the answer and press enter"},
    "study.hint.cloze": {
        "ko": "빈칸마다 입력, enter로 다음 빈칸/제출",
        "en": "fill each blank; enter moves on and submits",
    },
    "study.hint.next": {"ko": "enter: 다음 · u: 되돌리기", "en": "enter: next · u: undo"},
    "study.hint.task": {
        "ko": "enter: 편집기에서 풀기 (ctrl+s로 제출하면 다음 카드로) · esc: 나가기",
        "en": "enter: solve it in the editor (submitting with ctrl+s moves on) · esc: leave",
    },
    "study.hint.done": {
        "ko": "w: 틀린 문제 다시 · esc: 돌아가기",
        "en": "w: retry the wrong ones · esc: back",
    },
    "study.type_answer": {"ko": "답 입력", "en": "Your answer"},
    "study.type_number": {"ko": "숫자 입력", "en": "A number"},
    "study.blank": {"ko": "빈칸", "en": "Blank"},
    "study.right": {"ko": "✓ 정답", "en": "✓ Right"},
    "study.wrong_answer": {"ko": "✗ 오답 (입력: {given})", "en": "✗ Wrong (you answered: {given})"},
    # what the answer matcher accepted and why (question_bank.answers)
    "match.spelling": {
        "ko": "{typed} → {matched}: 띄어쓰기·대소문자·문장부호는 보지 않습니다",
        "en": "{typed} → {matched}: spacing, case and punctuation do not count",
    },
    "match.ending": {
        "ko": "{typed} → {matched}: 답 뒤의 조사·어미는 보지 않습니다",
        "en": "{typed} → {matched}: a particle after the answer does not count",
    },
    "match.glossary": {"ko": "{pairs}", "en": "{pairs}"},
    "match.number": {"ko": "{typed} → {value}", "en": "{typed} → {value}"},
    "match.both": {
        "ko": "{typed}: 두 표기 모두 맞습니다",
        "en": "{typed}: both forms are right",
    },
    "match.rejected": {"ko": "{answer}: {why}", "en": "{answer}: {why}"},
    "match.empty": {"ko": "답을 입력하지 않았습니다", "en": "no answer given"},
    "match.blank_right": {"ko": "빈칸 {n} ✓", "en": "blank {n} ✓"},
    "match.blank_wrong": {"ko": "빈칸 {n} ✗", "en": "blank {n} ✗"},
    "match.col.item": {"ko": "문항", "en": "item"},
    "match.col.answer": {"ko": "답", "en": "answer"},
    "match.col.matched": {"ko": "맞춘 정답", "en": "matched"},
    "match.col.note": {"ko": "설명", "en": "note"},
    "match.summary": {"ko": "{total}개 중 {right}개 정답", "en": "{right} of {total} accepted"},
    "study.next_review": {"ko": "다음 복습: {interval} 후", "en": "Next review in {interval}"},
    "study.summary": {"ko": "결과", "en": "Summary"},
    "study.summary.counts": {
        "ko": "맞힘 {right} · 틀림 {wrong}",
        "en": "right {right} · wrong {wrong}",
    },
    "study.summary.wrong": {"ko": "틀린 문제", "en": "Wrong answers"},
    "study.summary.retry": {
        "ko": "`w`를 눌러 틀린 문제만 다시 풉니다.",
        "en": "Press `w` to retry only these.",
    },
    "study.empty": {"ko": "할 것이 없습니다", "en": "Nothing to do"},
    "study.empty.review": {
        "ko": "지금 복습할 카드가 없습니다. 내일 다시 오세요!",
        "en": "No cards are due now. Come back tomorrow!",
    },
    "study.empty.quiz": {"ko": "조건에 맞는 문제가 없습니다.", "en": "No items match this quiz."},
    "study.empty.cram": {"ko": "조건에 맞는 문제가 없습니다.", "en": "No items match this quiz."},
    "study.empty.mistakes": {"ko": "오답노트가 비었습니다.", "en": "No mistakes to revisit."},
    "study.nothing_to_undo": {"ko": "되돌릴 것이 없습니다", "en": "Nothing to undo"},
    "study.undone": {"ko": "마지막 답을 되돌렸습니다", "en": "Last answer undone"},
    "rate.again": {"ko": "다시", "en": "Again"},
    "rate.hard": {"ko": "어려움", "en": "Hard"},
    "rate.good": {"ko": "알맞음", "en": "Good"},
    "rate.easy": {"ko": "쉬움", "en": "Easy"},
    # mistakes
    "mistakes.title": {"ko": "오답노트", "en": "Mistakes"},
    "mistakes.count": {
        "ko": "{count}개 — enter: 하나 풀기 · r: 모두 다시 풀기",
        "en": "{count} items — enter: retry one · r: retry all",
    },
    "mistakes.none": {"ko": "틀린 문제가 없습니다.", "en": "Nothing answered wrong."},
    # stats
    "stats.title": {"ko": "통계", "en": "Statistics"},
    "stats.card.reviews": {
        "ko": "복습 {total}회\n오늘 {today}회 · 연속 {streak}일",
        "en": "{total} reviews\n{today} today · streak {streak} d",
    },
    "stats.card.memory": {
        "ko": "30일 기억률 {retention}\n본 문제 {seen} / {total}",
        "en": "30-day retention {retention}\n{seen} of {total} items seen",
    },
    "stats.card.todo": {
        "ko": "복습할 카드 {due}장\n새 카드 {new}장 · 오답 {mistakes}개",
        "en": "{due} cards due\n{new} new · {mistakes} mistakes",
    },
    "stats.practice": {
        "ko": "실기 과제 {total}개: 통과 {passed} · 시도 {tried} · 복습할 과제 {due} · 제출 {attempts}회",
        "en": "{total} practical tasks: {passed} passed · {tried} tried · {due} due · {attempts} submissions",
    },
    "stats.card.exams": {
        "ko": "모의고사 {count}회\n최고 {best} · 최근 {last}",
        "en": "{count} mock exams\nbest {best} · last {last}",
    },
    "stats.card.no_exams": {
        "ko": "모의고사 기록 없음\n`e`에서 구성 보기",
        "en": "No mock exams yet\nsee them with `e`",
    },
    "stats.reviews": {
        "ko": "하루 복습 수 (최근 30일) — 초록 맞음 · 빨강 틀림",
        "en": "Reviews per day (last 30 days) — green right · red wrong",
    },
    "stats.retention": {
        "ko": "주별 기억률 (최근 12주, 복습 단계 카드)",
        "en": "Retention per week (last 12 weeks, cards in review)",
    },
    "stats.mastery": {
        "ko": "범위별 숙달도 (기억 확률 90% 이상인 문제의 비율)",
        "en": "Mastery by syllabus entry (share of items recalled at ≥ 90%)",
    },
    "stats.scores": {
        "ko": "모의고사 점수 — 초록 합격 · 빨강 불합격 · 노란 선 합격선",
        "en": "Mock exam scores — green passed · red failed · yellow line: pass mark",
    },
    "stats.no_reviews": {
        "ko": "아직 복습 기록이 없습니다. 홈에서 r(복습)이나 q(퀴즈)로 시작하세요.",
        "en": "No reviews yet. Start with r (review) or q (quiz) on the home screen.",
    },
    "stats.no_retention": {
        "ko": "아직 기억률을 잴 카드가 없습니다. 처음 배운 카드를 다시 복습할 때부터 계산합니다.",
        "en": "Nothing to measure yet: retention counts from a card's first review after learning it.",
    },
    "stats.no_syllabus": {
        "ko": "문제 은행에 시험 범위(syllabus.yaml)가 없습니다.",
        "en": "The bank has no syllabus (syllabus.yaml).",
    },
    "stats.no_exams": {"ko": "아직 끝낸 모의고사가 없습니다.", "en": "No finished mock exams yet."},
    "stats.error": {
        "ko": "통계를 불러오지 못했습니다: {error}",
        "en": "Cannot load the statistics: {error}",
    },
    # exams
    "exams.title": {"ko": "모의고사", "en": "Mock exams"},
    "exams.hint": {
        "ko": "enter: 구성 보기 (거기서 enter로 시작) · s: 시작(확인 후)/이어서 · v: 지난 결과 다시 보기 · esc: 뒤로",
        "en": "enter: see how it is built (enter again starts it) · s: start (asks first)/resume · v: review the last results · esc: back",
    },
    "exams.start_note": {
        "ko": "enter 또는 s: 시작 — {minutes}분 타이머는 앱을 닫아도 멈추지 않습니다.",
        "en": "enter or s: start — the {minutes}-minute clock keeps running even if the app is closed.",
    },
    "exams.start_confirm": {
        "ko": "{minutes}분 · {sections} · 총 {points}점 · 합격선 {pass_percent}%\n지금 시작할까요? 시작하면 앱을 닫아도 시계가 멈추지 않습니다.\ny: 시작 · n/esc: 취소",
        "en": "{minutes} minutes · {sections} · {points} points · pass mark {pass_percent}%\nStart now? Once started, the clock keeps running even if the app is closed.\ny: start · n/esc: cancel",
    },
    "exams.start_yes": {"ko": "시작 (y)", "en": "Start (y)"},
    "exams.start_no": {"ko": "취소 (n)", "en": "Cancel (n)"},
    "exams.resume_note": {
        "ko": "진행 중인 응시가 있습니다 (남은 시간 {left}) — enter 또는 s: 이어서 풀기",
        "en": "An attempt is running ({left} left) — enter or s: resume it",
    },
    "exams.no_results": {
        "ko": "이 모의고사는 아직 끝낸 기록이 없습니다",
        "en": "No finished attempt of this exam yet",
    },
    "exams.running": {"ko": "진행 중 (남은 {left})", "en": "running ({left} left)"},
    "exams.time_up": {"ko": "시간 종료 — 열면 제출", "en": "time up — opening submits it"},
    "exams.to_grade": {"ko": "제출됨 — 열면 채점", "en": "submitted — opening grades it"},
    "exams.attempts_running": {
        "ko": "{count}회 · 최고 {best} · {now}",
        "en": "{count} · best {best} · {now}",
    },
    "exams.running_note": {
        "ko": "응시 중: {title} — {now} · s: 이어서 풀기",
        "en": "In progress: {title} — {now} · s: resume",
    },
    "exams.none": {
        "ko": "문제 은행에 모의고사 구성(exams/*.yaml)이 없습니다.",
        "en": "The bank has no mock exam blueprints (exams/*.yaml).",
    },
    "exams.col.title": {"ko": "시험", "en": "Exam"},
    "exams.col.minutes": {"ko": "시간", "en": "Time"},
    "exams.col.points": {"ko": "총점", "en": "Points"},
    "exams.col.pass": {"ko": "합격선", "en": "Pass mark"},
    "exams.col.attempts": {"ko": "지난 기록", "en": "Attempts"},
    "exams.minutes": {"ko": "{minutes}분", "en": "{minutes} min"},
    "exams.attempts": {
        "ko": "{count}회 · 최고 {best} · 최근 {last}",
        "en": "{count} · best {best} · last {last}",
    },
    "exams.col.sections": {"ko": "구성", "en": "Sections"},
    "exams.kind_count": {"ko": "{kind} {count}", "en": "{kind} {count}"},
    "exams.no_attempts": {"ko": "없음", "en": "none"},
    "exams.summary": {
        "ko": "{minutes}분 · {questions}문항 · 총 {points}점 · 합격선 {pass_percent}%",
        "en": "{minutes} minutes · {questions} questions · {points} points · pass mark {pass_percent}%",
    },
    "exams.sections": {"ko": "구성", "en": "Sections"},
    "exams.col.section": {"ko": "구역", "en": "Section"},
    "exams.col.kind": {"ko": "종류", "en": "Kind"},
    "exams.col.count": {"ko": "문항 수", "en": "Questions"},
    "exams.col.each": {"ko": "문항당", "en": "Points each"},
    "exams.col.draws": {"ko": "출제 범위", "en": "Drawn from"},
    "exams.kind.written": {"ko": "필기", "en": "Written"},
    "exams.kind.practical": {"ko": "실기", "en": "Practical"},
    "exams.kind.tensor": {"ko": "실기: 텐서", "en": "Practical: tensors"},
    "exams.kind.batch": {"ko": "실기: 배치", "en": "Practical: batching"},
    "exams.kind.model": {"ko": "실기: 모델 구현", "en": "Practical: model"},
    "exams.kind.loop": {"ko": "실기: 학습 루프", "en": "Practical: training loop"},
    "exams.kind.training": {"ko": "실기: 학습 문제", "en": "Practical: training"},
    "exams.draws.stratified": {
        "ko": "시험 범위의 모든 항목에서 고르게",
        "en": "spread over every syllabus entry",
    },
    "exams.draws.weights": {"ko": "가중치 {weights}", "en": "weights {weights}"},
    "exams.draws.distinct": {
        "ko": "같은 계열은 한 번만",
        "en": "one per family",
    },
    "exams.draws.scope": {"ko": "전체 범위", "en": "the whole bank"},
    "exams.draws.pages": {"ko": "쪽 {pages}", "en": "pages {pages}"},
    "exams.draws.types": {"ko": "유형 {types}", "en": "types {types}"},
    "exams.draws.tasks": {"ko": "과제 {tasks} 중 {count}개", "en": "{count} of the tasks {tasks}"},
    "exams.draws.all_tasks": {"ko": "과제 {tasks}", "en": "the tasks {tasks}"},
    "exams.past": {"ko": "지난 응시 기록", "en": "Past attempts"},
    "exams.col.date": {"ko": "날짜", "en": "Date"},
    "exams.col.score": {"ko": "점수", "en": "Score"},
    "exams.col.result": {"ko": "결과", "en": "Result"},
    "exams.passed": {"ko": "합격", "en": "passed"},
    "exams.failed": {"ko": "불합격", "en": "failed"},
    "exams.unfinished": {"ko": "미완료", "en": "unfinished"},
    "exams.error": {
        "ko": "기록을 불러오지 못했습니다: {error}",
        "en": "Cannot load past attempts: {error}",
    },
    # exam: sitting (countdown, questions, editor), submitting, results and review
    # exam preview (`quizapp exam preview ID --markdown FILE`)
    "preview.header": {
        "ko": "시험 시간 {minutes}분 · 총점 {points}점 · 합격 {passing}% · 시드 {seed}",
        "en": "{minutes} minutes · {points} points · pass at {passing}% · seed {seed}",
    },
    "preview.question": {
        "ko": "문제 {number} ({points}점)",
        "en": "Question {number} ({points} points)",
    },
    "preview.key": {"ko": "정답 및 해설", "en": "Answer key"},
    "preview.answer": {"ko": "문제 {number}", "en": "Question {number}"},
    "preview.solution": {"ko": "모범 답안", "en": "Reference solution"},
    "preview.written": {"ko": "시험지를 {path}에 저장했습니다", "en": "Wrote the paper to {path}"},
    "exam.countdown": {"ko": "남은 시간 {left}", "en": "Time left {left}"},
    "exam.position": {
        "ko": "문항 {number}/{total} · {section} · {points}점 │ 답함 {answered}/{total} · 검토 표시 {flagged}",
        "en": "Question {number}/{total} · {section} · {points} pts │ answered {answered}/{total} · flagged {flagged}",
    },
    "exam.hint.single": {
        "ko": "숫자 키로 고르면 바로 저장됩니다 (제출 전까지 바꿀 수 있음) · n/→ 다음 · p/← 이전 · f 검토 표시 · l 문항 목록",
        "en": "press a choice's number: it is saved at once (change it until you submit) · n/→ next · p/← previous · f flag · l list",
    },
    "exam.hint.multiple": {
        "ko": "숫자 키(또는 space)로 고르면 바로 저장됩니다 · n/→ 다음 · p/← 이전 · f 검토 표시 · l 문항 목록",
        "en": "toggle with number keys (or space): saved at once · n/→ next · p/← previous · f flag · l list",
    },
    "exam.hint.true_false": {
        "ko": "1 또는 o: 참 · 2 또는 x: 거짓 (바로 저장) · n/→ 다음 · p/← 이전 · f 검토 표시 · l 문항 목록",
        "en": "1 or o: true · 2 or x: false (saved at once) · n/→ next · p/← previous · f flag · l list",
    },
    "exam.hint.typed": {
        "ko": "답을 입력하고 enter로 저장 (다른 문항으로 가도 저장) · 입력 중에도 PgDn 다음 · PgUp 이전 · ctrl+f 검토 표시",
        "en": "type and press enter to save (moving on saves it too) · while typing too: PgDn next · PgUp previous · ctrl+f flag",
    },
    "exam.hint.cloze": {
        "ko": "빈칸마다 입력, enter로 다음 빈칸 · 마지막 빈칸에서 enter로 저장 · 입력 중에도 PgDn 다음 · PgUp 이전 · ctrl+f 검토 표시",
        "en": "fill each blank, enter moves on and saves on the last · while typing too: PgDn next · PgUp previous · ctrl+f flag",
    },
    "exam.hint.task": {
        "ko": "enter 또는 ctrl+e: 코드 편집기 열기 (작성한 코드는 저장되고, 숨은 테스트는 제출할 때 채점)",
        "en": "enter or ctrl+e: open the code editor (your code is saved; hidden tests run at submission)",
    },
    "exam.saved": {"ko": "저장된 답: {answer}", "en": "Saved answer: {answer}"},
    "exam.not_answered": {"ko": "아직 답하지 않았습니다", "en": "Not answered yet"},
    "exam.code_saved": {"ko": "저장된 코드: {lines}줄", "en": "Saved code: {lines} lines"},
    "exam.code_none": {"ko": "아직 코드를 작성하지 않았습니다", "en": "No code written yet"},
    "exam.flagged": {"ko": "검토 표시", "en": "flagged for review"},
    "exam.not_saved": {
        "ko": "답을 저장하지 못했습니다: {error}",
        "en": "The answer could not be saved: {error}",
    },
    "exam.closed": {"ko": "시험이 이미 제출되었습니다", "en": "The exam is already submitted"},
    "exam.first": {"ko": "첫 문항입니다", "en": "This is the first question"},
    "exam.last": {
        "ko": "마지막 문항입니다 — ctrl+s로 제출",
        "en": "This is the last question — ctrl+s submits",
    },
    "exam.leave.title": {"ko": "모의고사 진행 중", "en": "A mock exam is running"},
    "exam.leave.quit": {
        "ko": "{title}: 남은 시간 {left}\n앱을 닫아도 시계는 계속 흐릅니다. 답은 모두 저장되어 있고, 다시 실행하면 홈에서 이어서 풀 수 있습니다.\ny: 종료 · n/esc: 계속 풀기",
        "en": "{title}: {left} left\nThe clock keeps running while the app is closed. Every answer is saved; start again and resume from home.\ny: quit · n/esc: keep going",
    },
    "exam.leave.home": {
        "ko": "{title}: 남은 시간 {left}\n홈으로 나가도 시계는 계속 흐릅니다. 답은 모두 저장되어 있고, 홈이나 모의고사 목록에서 이어서 풀 수 있습니다.\ny: 나가기 · n/esc: 계속 풀기",
        "en": "{title}: {left} left\nThe clock keeps running if you leave. Every answer is saved; resume from home or the exam list.\ny: leave · n/esc: keep going",
    },
    "exam.leave.quit_yes": {"ko": "종료 (y)", "en": "Quit (y)"},
    "exam.leave.home_yes": {"ko": "나가기 (y)", "en": "Leave (y)"},
    "exam.editor_label": {
        "ko": "{title} · 문항 {number}/{total} · esc: 문제로 돌아가기",
        "en": "{title} · question {number}/{total} · esc: back to the question",
    },
    "exam.missing": {
        "ko": "이 문항({item})은 문제 은행에서 사라졌습니다. 점수에 포함되지 않습니다.",
        "en": "This question ({item}) is no longer in the bank; it scores nothing.",
    },
    "exam.time_up": {
        "ko": "시간이 끝났습니다 — 저장된 답으로 제출합니다",
        "en": "Time is up — submitting what was saved",
    },
    "exam.settling": {
        "ko": "시간이 끝난 모의고사를 제출하는 중입니다. 잠시 후 다시 시도하세요.",
        "en": "Submitting a mock exam whose time ran out; try again in a moment.",
    },
    "exam.other_running": {
        "ko": "다른 모의고사가 진행 중입니다: {title} (남은 시간 {left}). 먼저 끝내세요 (목록에서 s로 이어서).",
        "en": "Another mock exam is running: {title} ({left} left). Finish it first (s on the list resumes it).",
    },
    "exam.expired_grading": {
        "ko": "시간이 끝났거나 제출 후 채점이 끝나지 않은 모의고사 {count}개를 저장된 답으로 채점합니다…",
        "en": "Grading {count} mock exam(s) that ran out of time or were submitted but not graded, with the saved answers…",
    },
    "exam.expired_failed": {
        "ko": "시간이 끝난 모의고사를 채점하지 못했습니다: {error}",
        "en": "Could not grade the mock exam whose time ran out: {error}",
    },
    "exam.confirm.title": {"ko": "시험을 제출할까요?", "en": "Submit the exam?"},
    "exam.confirm.left": {"ko": "남은 시간 {left}", "en": "{left} left"},
    "exam.confirm.unanswered": {
        "ko": "답하지 않은 문항 {count}개: {numbers}",
        "en": "{count} unanswered: {numbers}",
    },
    "exam.confirm.all_answered": {
        "ko": "모든 문항에 답했습니다.",
        "en": "Every question is answered.",
    },
    "exam.confirm.flagged": {
        "ko": "검토 표시한 문항 {count}개: {numbers}",
        "en": "{count} flagged for review: {numbers}",
    },
    "exam.confirm.question": {
        "ko": "제출하면 바꿀 수 없습니다. y: 제출 · n/esc: 계속 풀기",
        "en": "Nothing can change after submitting. y: submit · n/esc: keep going",
    },
    "exam.confirm.yes": {"ko": "제출 (y)", "en": "Submit (y)"},
    "exam.confirm.no": {"ko": "계속 풀기 (n)", "en": "Keep going (n)"},
    "exam.results_title": {"ko": "모의고사 결과", "en": "Mock exam results"},
    "exam.summary_row": {"ko": "요약", "en": "Summary"},
    "exam.review_hint": {
        "ko": "_↑↓: 문항마다 내 답, 정답, 해설 (실기는 채점 보고서와 모범 답안) · esc: 뒤로_",
        "en": "_↑↓: each question with your answer, the right one and the explanation (tasks: check report and reference solution) · esc: back_",
    },
    "exam.grading": {
        "ko": "제출했습니다. 실기 {tasks}문항을 채점하는 중… {elapsed}초",
        "en": "Submitted. Grading {tasks} task(s)… {elapsed} s",
    },
    "exam.grading_failed": {
        "ko": "채점하지 못했습니다 (답은 저장되어 있습니다): {error} — r: 다시 채점",
        "en": "Grading failed (your answers are saved): {error} — r: grade again",
    },
    "exam.grader_failed": {
        "ko": "채점기가 실패했습니다 — 학생의 잘못이 아니며, 이 문항들은 0점이 아니라 아직 채점되지 않았습니다: {errors} — r: 다시 채점",
        "en": "The grader failed — not your doing; these tasks are not scored zero but not graded yet: {errors} — r: grade again",
    },
    "exam.task_failed": {"ko": "{number}번 문항: {error}", "en": "question {number}: {error}"},
    "exam.pending_failed": {
        "ko": "제출한 모의고사를 채점하지 못했습니다 (채점기 오류, 답은 저장됨; 시험 목록에서 다시 열면 다시 채점합니다): {error}",
        "en": "Could not grade a submitted mock exam (grader error; answers saved; open it from the exam list to grade again): {error}",
    },
    "exam.verdict": {
        "ko": "{verdict} · {score}/{max}점 ({percent}) · 합격선 {pass_percent}%",
        "en": "{verdict} · {score}/{max} points ({percent}) · pass mark {pass_percent}%",
    },
    "exam.passed": {"ko": "✓ 합격", "en": "✓ Passed"},
    "exam.failed": {"ko": "✗ 불합격", "en": "✗ Failed"},
    "exam.time_used": {"ko": "걸린 시간 {used} / {limit}", "en": "Time used {used} of {limit}"},
    "exam.sections": {"ko": "구역별 점수", "en": "Points per section"},
    # the practical part per task kind: "배치 10/10 · 학습 문제 9/15 (RMSLE 0.1700, 목표 0.16 이하)"
    "exam.by_kind": {"ko": "실기 유형별", "en": "Practical part by kind"},
    "exam.kind_points": {"ko": "{kind} {score}/{max}", "en": "{kind} {score}/{max}"},
    "exam.kind_metric": {
        "ko": "({metric_name} {metric}, 목표 {target})",
        "en": "({metric_name} {metric}, target {target})",
    },
    "task_kind.tensor": {"ko": "텐서", "en": "tensors"},
    "task_kind.batch": {"ko": "배치", "en": "batching"},
    "task_kind.model": {"ko": "모델 구현", "en": "model"},
    "task_kind.loop": {"ko": "학습 루프", "en": "training loop"},
    "task_kind.training": {"ko": "학습 문제", "en": "training"},
    "task_kind.practical": {"ko": "기타 실기", "en": "other tasks"},
    "exam.study_next": {
        "ko": "범위별 점수 — 위에서부터 다시 공부하세요",
        "en": "Score per syllabus entry — study the top ones next",
    },
    "exam.col.score": {"ko": "점수", "en": "Points"},
    "exam.col.number": {"ko": "#", "en": "#"},
    "exam.col.section": {"ko": "구역", "en": "Section"},
    "exam.col.mark": {"ko": "결과", "en": "Result"},
    "exam.col.points": {"ko": "점수", "en": "Points"},
    "exam.col.answer": {"ko": "내 답", "en": "Your answer"},
    "exam.question": {"ko": "문항", "en": "Question"},
    "exam.your_answer": {"ko": "내 답", "en": "Your answer"},
    "exam.points": {"ko": "{score}/{max}점", "en": "{score}/{max} points"},
    "exam.no_answer": {"ko": "(답 없음)", "en": "(no answer)"},
    "exam.code_lines": {"ko": "코드 {lines}줄", "en": "{lines} lines of code"},
    "exam.your_code": {"ko": "내 코드", "en": "Your code"},
    "exam.no_code": {"ko": "작성한 코드가 없습니다", "en": "No code was written"},
    "exam.solution": {"ko": "모범 답안", "en": "Reference solution"},
    "exam.no_report": {
        "ko": "이 과제의 채점 보고서를 찾을 수 없습니다.",
        "en": "No check report was found for this task.",
    },
    # practice (task list, editor, history, reference solution, check report)
    "practice.title": {"ko": "실기 연습", "en": "Practice"},
    "practice.pages": {
        "ko": "페이지로 거르기 (예: 17-26,105)",
        "en": "Filter by pages (e.g. 17-26,105)",
    },
    "practice.col.due": {"ko": "복습", "en": "Due"},
    "practice.col.task": {"ko": "과제", "en": "Task"},
    "practice.col.status": {"ko": "상태", "en": "Status"},
    "practice.col.best": {"ko": "최고 점수", "en": "Best"},
    "practice.col.attempts": {"ko": "제출", "en": "Tries"},
    "practice.status.new": {"ko": "미시도", "en": "not tried"},
    "practice.status.failed": {"ko": "실패", "en": "failed"},
    "practice.status.passed": {"ko": "통과", "en": "passed"},
    "practice.count": {
        "ko": "과제 {shown}개 · 복습할 과제 {due}개 · 통과 {passed}개 — enter: 열기 · ctrl+f: 페이지 필터",
        "en": "{shown} tasks · {due} due · {passed} passed — enter: open · ctrl+f: filter by pages",
    },
    "practice.none": {
        "ko": "이 페이지에는 실기 과제가 없습니다.",
        "en": "No tasks on these pages.",
    },
    "practice.unknown_task": {"ko": "알 수 없는 과제: {task}", "en": "Unknown task: {task}"},
    "task.idle": {
        "ko": "ctrl+s 제출 · ctrl+r 실행 · f2 문제 읽기/편집기로 · ctrl+g 제출 기록 · ctrl+l 모범 답안 · ctrl+o $EDITOR · esc 뒤로",
        "en": "ctrl+s submit · ctrl+r run · f2 read the task/back to the editor · ctrl+g history · ctrl+l reference solution · ctrl+o $EDITOR · esc back",
    },
    "task.points": {"ko": "배점 {points}점", "en": "{points} points"},
    "task.exam_idle": {
        "ko": "모의고사: 코드는 입력하는 대로 저장되고 숨은 테스트는 시험을 제출할 때 채점됩니다 · ctrl+s 저장 · ctrl+r 실행 · ctrl+o $EDITOR · esc 문제로",
        "en": "Mock exam: your code is saved as you type; hidden tests run when the exam is submitted · ctrl+s save · ctrl+r run · ctrl+o $EDITOR · esc back",
    },
    "task.exam_saved": {"ko": "저장했습니다", "en": "Saved"},
    "task.exam_ran_ok": {
        "ko": "실행 완료 ({time}) — 숨은 테스트는 시험을 제출할 때 채점됩니다",
        "en": "Ran in {time} — the hidden tests run when the exam is submitted",
    },
    "task.grading": {
        "ko": "채점 중… {elapsed}초 (esc: 취소)",
        "en": "grading… {elapsed} s (esc to cancel)",
    },
    "task.running": {
        "ko": "실행 중… {elapsed}초 (esc: 취소)",
        "en": "running… {elapsed} s (esc to cancel)",
    },
    "task.training": {
        "ko": "학습 중… CPU {cpu} / 예산 {budget}초 · 실제 경과 {elapsed}초 · esc 취소",
        "en": "training… CPU {cpu} of the {budget} s budget · {elapsed} s wall clock · esc stops",
    },
    "task.trying": {
        "ko": "학습 데이터 일부로 학습해 보는 중… CPU {cpu}초 · 경과 {elapsed}초 (채점 아님, esc: 취소)",
        "en": "quick training run on a slice… CPU {cpu} s · {elapsed} s elapsed (not scored, esc to cancel)",
    },
    "training.idle": {
        "ko": "ctrl+s 학습·채점 · ctrl+r 데이터 일부로 빠르게 학습해 보기 (채점 아님) · ctrl+g 제출 기록 · ctrl+l 모범 답안 · esc 뒤로",
        "en": "ctrl+s train and score · ctrl+r quick training run on a slice (not scored) · ctrl+g history · ctrl+l reference solution · esc back",
    },
    "training.attempts": {
        "ko": "내 시도 ({count}회) — 시도별 {metric}",
        "en": "My attempts ({count}) — {metric} per attempt",
    },
    "training.no_attempts": {
        "ko": "아직 시도가 없습니다 — ctrl+s로 학습하고 채점하세요.",
        "en": "No attempts yet — ctrl+s trains and scores.",
    },
    "task.cancelling": {"ko": "취소하는 중…", "en": "cancelling…"},
    "task.cancelled.grade": {
        "ko": "채점을 취소했습니다 (기록되지 않음)",
        "en": "Grading cancelled (nothing recorded)",
    },
    "task.cancelled.run": {"ko": "실행을 취소했습니다", "en": "Run cancelled"},
    "task.busy": {
        "ko": "이미 채점(실행) 중입니다 — esc로 취소할 수 있습니다",
        "en": "Already grading or running — esc cancels it",
    },
    "task.graded": {"ko": "{verdict} · {score}점 · {time}", "en": "{verdict} · {score} · {time}"},
    "task.graded_training": {
        "ko": "{verdict} · {score}점 · 학습 CPU {cpu} / {budget}초",
        "en": "{verdict} · {score} · training CPU {cpu} / {budget} s",
    },
    "task.next_review": {"ko": "다음 복습: {interval} 후", "en": "next review in {interval}"},
    "task.ran_ok": {
        "ko": "실행 완료 ({time}) — 채점하려면 ctrl+s",
        "en": "Ran in {time} — ctrl+s to grade",
    },
    "task.ran_failed": {
        "ko": "실행 중 오류 ({time})",
        "en": "The run ended with an error ({time})",
    },
    "task.not_recorded": {
        "ko": "채점 결과를 저장하지 못했습니다: {error}",
        "en": "The result could not be recorded: {error}",
    },
    "task.grader_failed": {"ko": "채점기 오류: {error}", "en": "Grader error: {error}"},
    "task.grader_failed_retry": {
        "ko": "채점기가 실패했습니다 (코드의 문제가 아니며 기록하지 않았습니다): {error} — f5: 다시 채점",
        "en": "The grader failed (not your code; nothing was recorded): {error} — f5: grade again",
    },
    "task.back_to_session": {"ko": "esc: 학습으로 돌아가기", "en": "esc: back to the session"},
    "task.save_failed": {
        "ko": "초안을 저장하지 못했습니다: {error}",
        "en": "The draft could not be saved: {error}",
    },
    "task.unreadable": {
        "ko": "{name}을(를) 읽을 수 없습니다: {error}",
        "en": "Cannot read {name}: {error}",
    },
    "task.solution_locked": {
        "ko": "모범 답안은 한 번 이상 제출(ctrl+s)한 뒤에 볼 수 있습니다",
        "en": "The reference solution opens after your first submission (ctrl+s)",
    },
    "task.code_restored": {
        "ko": "기록의 코드를 편집기에 넣었습니다 (ctrl+z로 되돌리기)",
        "en": "Code from the history is in the editor (ctrl+z undoes it)",
    },
    "task.no_editor": {
        "ko": "외부 편집기가 없습니다: EDITOR 환경 변수를 설정하세요 (예: export EDITOR=nano)",
        "en": "No external editor: set EDITOR (e.g. export EDITOR=nano)",
    },
    "task.no_suspend": {
        "ko": "이 환경에서는 외부 편집기를 열 수 없습니다",
        "en": "The external editor cannot be opened here",
    },
    "task.editor_failed": {
        "ko": "외부 편집기 오류: {error}",
        "en": "External editor failed: {error}",
    },
    "task.reloaded": {"ko": "편집한 코드를 불러왔습니다", "en": "Reloaded the edited code"},
    "history.title": {"ko": "제출 기록 — {title}", "en": "Submissions — {title}"},
    "history.col.when": {"ko": "제출 시각", "en": "Submitted"},
    "history.col.result": {"ko": "결과", "en": "Result"},
    "history.col.score": {"ko": "점수", "en": "Score"},
    "history.col.time": {"ko": "채점 시간", "en": "Time"},
    "history.count": {
        "ko": "제출 {count}회 — ↑↓: 코드와 채점 결과 보기 · u: 이 코드를 편집기로 · esc: 뒤로",
        "en": "{count} submissions — ↑↓: show code and checks · u: use this code · esc: back",
    },
    "history.empty": {
        "ko": "아직 제출한 적이 없습니다 (ctrl+s로 제출).",
        "en": "No submissions yet (ctrl+s submits).",
    },
    "solution.title": {"ko": "모범 답안 — {title}", "en": "Reference solution — {title}"},
    "solution.hint": {"ko": "esc: 닫기", "en": "esc: close"},
    # quizapp profile
    "profile.name": {"ko": "프로필 {name}", "en": "profile {name}"},
    "profile.exam_date": {"ko": "시험일: {date}", "en": "exam date: {date}"},
    "profile.no_exam_date": {"ko": "미설정", "en": "not set"},
    "profile.new_per_day": {"ko": "하루 새 카드: {limit}장", "en": "new cards per day: {limit}"},
    "profile.profiles": {
        "ko": "이 저장소의 프로필: {names}",
        "en": "profiles in this store: {names}",
    },
    # quizapp doctor
    "doctor.python": {"ko": "파이썬", "en": "Python"},
    "doctor.platform": {"ko": "플랫폼", "en": "Platform"},
    "doctor.torch": {"ko": "torch", "en": "torch"},
    "doctor.sandbox": {"ko": "채점 샌드박스", "en": "Grading sandbox"},
    "doctor.confinement": {"ko": "샌드박스가 막는 것", "en": "What the sandbox confines"},
    "doctor.data_dir": {"ko": "데이터 폴더", "en": "Data folder"},
    "doctor.database": {"ko": "데이터베이스", "en": "Database"},
    "doctor.banks": {"ko": "문제 은행", "en": "Question banks"},
    "doctor.terminal": {"ko": "터미널", "en": "Terminal"},
    "doctor.lang": {"ko": "인터페이스 언어", "en": "Interface language"},
    "doctor.backups": {"ko": "백업", "en": "Backups"},
    "doctor.restored": {
        "ko": "{day} 백업을 {path}에 복원했습니다",
        "en": "Restored the backup of {day} to {path}",
    },
    "doctor.damaged_kept": {
        "ko": "손상된 파일은 {path}(으)로 옮겨 두었습니다",
        "en": "The damaged file was moved to {path}",
    },
    "doctor.restore_failed": {"ko": "복원할 수 없습니다: {error}", "en": "Cannot restore: {error}"},
    "doctor.restore_not_sqlite": {
        "ko": "--restore는 SQLite 진도 파일에만 쓸 수 있습니다 (서버 데이터베이스는 서버에서 복원하세요)",
        "en": "--restore works on an SQLite progress file only (restore a server database on the server)",
    },
    "doctor.ok": {"ko": "문제 없음", "en": "No problems found"},
    "doctor.problem": {"ko": "문제", "en": "Problem"},
    "report.passed": {"ko": "✓ 통과", "en": "✓ Passed"},
    "report.failed": {"ko": "✗ 실패", "en": "✗ Failed"},
    "report.passed_word": {"ko": "통과", "en": "passed"},
    "report.failed_word": {"ko": "실패", "en": "failed"},
    "report.summary": {
        "ko": "{verdict} · {score}점 · 검사 {checks}/{total} 통과 · {time}",
        "en": "{verdict} · {score} · {checks}/{total} checks passed · {time}",
    },
    "report.error": {"ko": "오류", "en": "Error"},
    "report.grader_failed": {
        "ko": "✗ 채점기 오류 — 코드의 문제가 아니며, 실패로 기록하지 않았습니다",
        "en": "✗ The grader failed — not your code; nothing was recorded as a failure",
    },
    "report.diagnoses": {"ko": "살펴볼 점", "en": "Where to look"},
    "report.same_reason": {
        "ko": "✗ 같은 이유로 검사 {count}개 더 실패",
        "en": "✗ {count} more checks failed for the same reason",
    },
    "report.stdout": {"ko": "출력 (stdout)", "en": "Output (stdout)"},
    "report.stderr": {"ko": "오류 출력 (stderr)", "en": "Errors (stderr)"},
    "report.no_output": {"ko": "(출력 없음)", "en": "(no output)"},
    "report.run_ok": {"ko": "▶ 실행 완료 · {time}", "en": "▶ Ran without error · {time}"},
    "report.run_failed": {
        "ko": "✗ 실행 중 오류 · {time}",
        "en": "✗ The run ended with an error · {time}",
    },
    "metric.accuracy": {"ko": "정확도", "en": "accuracy"},
    "metric.rmsle": {"ko": "RMSLE", "en": "RMSLE"},
    # how a target reads: "0.95" for accuracy, "≤ 0.16" for a lower-is-better metric
    "metric.target_at_most": {"ko": "{target} 이하", "en": "≤ {target}"},
    # training tasks: one line of a training run's measures
    "training.line": {
        "ko": "{metric_name} {metric} (목표 {target}) · 학습 CPU {cpu} / {budget}초 · 파라미터 {parameters}개",
        "en": "{metric_name} {metric} (target {target}) · training CPU {cpu} / {budget} s · {parameters} parameters",
    },
    # leaderboard (training tasks)
    "board.title": {"ko": "리더보드 — {task}", "en": "Leaderboard — {task}"},
    "board.empty": {
        "ko": "아직 기록이 없습니다 (학습 문제를 제출하면 올라갑니다).",
        "en": "No attempts yet (submit a training task to appear here).",
    },
    "board.col.rank": {"ko": "순위", "en": "rank"},
    "board.col.profile": {"ko": "프로필", "en": "profile"},
    "board.col.metric": {"ko": "정확도", "en": "accuracy"},
    "board.col.cpu": {"ko": "CPU 시간", "en": "CPU time"},
    "board.col.parameters": {"ko": "파라미터 수", "en": "parameters"},
    "board.col.date": {"ko": "날짜", "en": "date"},
    # fatal
    "fatal.title": {"ko": "시작할 수 없습니다", "en": "quizapp cannot start"},
    "fatal.hint": {"ko": "q: 종료", "en": "q: quit"},
    "fatal.damaged": {
        "ko": "진도 데이터베이스가 손상되었습니다 ({path}: {problem}). `quizapp doctor --restore`로 {day} 백업을 복원하세요 (손상된 파일은 지우지 않고 보관합니다).",
        "en": "The progress database is damaged ({path}: {problem}). Restore the backup of {day} with `quizapp doctor --restore` (the damaged file is kept).",
    },
    "fatal.damaged_no_backup": {
        "ko": "진도 데이터베이스가 손상되었습니다 ({path}: {problem}). 백업이 아직 없습니다: 파일을 다른 곳으로 옮기면 새로 시작합니다.",
        "en": "The progress database is damaged ({path}: {problem}). There is no backup yet: move the file away to start afresh.",
    },
    # help
    "help.title": {"ko": "도움말", "en": "Help"},
    "help.col.key": {"ko": "키", "en": "key"},
    "help.col.action": {"ko": "동작", "en": "action"},
    "help.section.anywhere": {"ko": "어디서나", "en": "Anywhere"},
    "help.section.home": {"ko": "홈", "en": "Home"},
    "help.section.study": {"ko": "복습 · 퀴즈", "en": "Review · quiz"},
    "help.section.mistakes": {"ko": "오답노트", "en": "Mistakes"},
    "help.section.practice": {"ko": "실기 과제 목록", "en": "Practice: task list"},
    "help.section.task": {"ko": "실기 편집기", "en": "Practice: editor"},
    "help.section.history": {"ko": "제출 기록", "en": "Submission history"},
    "help.section.solution": {"ko": "모범 답안", "en": "Reference solution"},
    "help.section.exams": {"ko": "모의고사 목록", "en": "Mock exams"},
    "help.section.blueprint": {"ko": "모의고사 구성", "en": "Mock exam layout"},
    "help.section.exam": {"ko": "모의고사 응시", "en": "Sitting a mock exam"},
    "help.section.exam-submit": {"ko": "모의고사 제출 확인", "en": "Submitting a mock exam"},
    "help.section.confirm": {
        "ko": "확인 (모의고사 시작·나가기)",
        "en": "Confirming (starting or leaving an exam)",
    },
    "help.section.exam-results": {"ko": "모의고사 결과", "en": "Mock exam results"},
    "help.section.stats": {"ko": "통계", "en": "Stats"},
    "help.section.browse": {"ko": "문제 은행 둘러보기", "en": "Browse the bank"},
    "help.section.item": {"ko": "문항 보기", "en": "One item"},
    "help.section.class": {"ko": "우리 반", "en": "The class"},
}

MESSAGES.update(CLASS_MESSAGES)
MESSAGES.update(CLI_MESSAGES)
MESSAGES.update(PLAN_MESSAGES)


def translate(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang`` (English when not translated), with ``{values}`` filled."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def both_languages(key: str, **values: object) -> Said:
    """``key`` in English that also carries its Korean wording, for text made before the
    language is known (an Anki note's warning); values may be worded in both too."""
    from question_bank.said import in_lang, said

    en = translate(key, "en", **{k: in_lang(v, "en") for k, v in values.items()})
    ko = translate(key, "ko", **{k: in_lang(v, "ko") for k, v in values.items()})
    return said(en, ko)


def count_text(key: str, count: int, lang: str) -> str:
    """``count`` with its noun: ``cli.count.<key>.one`` or ``.many`` (English plurals)."""
    return translate(f"cli.count.{key}.{'one' if count == 1 else 'many'}", lang, count=count)
