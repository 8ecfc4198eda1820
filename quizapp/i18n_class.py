"""The teacher's words (class report, similarity, gradebook), in Korean and English.

Kept beside :mod:`quizapp.i18n` (which merges them into its ``MESSAGES``) so the
class commands' many lines do not crowd the student's screens' messages.
"""

from __future__ import annotations

CLASS_MESSAGES: dict[str, dict[str, str]] = {
    # class report
    "class.title": {
        "ko": "반 보고서 — 학생 {students}명 (활동 {active}명), {when}",
        "en": "Class report — {students} students ({active} active), {when}",
    },
    "class.col.profile": {"ko": "학생", "en": "Student"},
    "class.col.reviews": {"ko": "복습", "en": "Reviews"},
    "class.col.retention": {"ko": "기억률(30일)", "en": "Retention 30d"},
    "class.col.mastery": {"ko": "평균 숙달", "en": "Mean mastery"},
    "class.col.tasks": {"ko": "실기 최고점", "en": "Best task scores"},
    "class.col.exams": {"ko": "모의고사", "en": "Mock exams"},
    "class.col.last": {"ko": "최근 활동", "en": "Last activity"},
    "class.exams_value": {"ko": "{count}회, 최고 {best}", "en": "{count}, best {best}"},
    "class.never": {"ko": "없음", "en": "never"},
    "class.summary": {"ko": "반 전체 요약", "en": "Class summary"},
    "class.weakest_entries": {
        "ko": "숙달이 가장 낮은 단원 (활동한 학생 평균):",
        "en": "Weakest syllabus entries (mean over active students):",
    },
    "class.weakest_pages": {
        "ko": "숙달이 가장 낮은 교재 쪽:",
        "en": "Weakest textbook pages:",
    },
    "class.failed_checks": {
        "ko": "가장 많은 학생이 실패하는 검사 (과제별 마지막 제출 기준):",
        "en": "Checks most students fail (each student's latest submission per task):",
    },
    "class.failed_check_row": {
        "ko": "{task} · {check}: {students}/{submitted}명",
        "en": "{task} · {check}: {students} of {submitted} students",
    },
    "class.did_not_run": {"ko": "실행되지 않음", "en": "did not run"},
    "class.diagnoses": {
        "ko": "가장 흔한 실수 유형:",
        "en": "Most common diagnosed mistakes:",
    },
    "class.diagnosis_row": {
        "ko": "{id}: {students}명 — {message}",
        "en": "{id}: {students} students — {message}",
    },
    "class.hardest_items": {
        "ko": "정답률이 가장 낮은 문항 (응답 {min}회 이상):",
        "en": "Items with the lowest success rate (at least {min} answers):",
    },
    "class.item_row": {
        "ko": "{item} ({kind}): 정답률 {success}, 응답 {answers}회, 학생 {students}명",
        "en": "{item} ({kind}): {success} right, {answers} answers by {students} students",
    },
    "class.nothing": {"ko": "  (아직 자료 없음)", "en": "  (no data yet)"},
    "class.no_profiles": {
        "ko": "이 저장소에는 아직 학생 프로필이 없습니다",
        "en": "this store has no student profiles yet",
    },
    "class.csv_written": {"ko": "{path}에 저장했습니다", "en": "written to {path}"},
    # similarity
    "similar.too_short": {
        "ko": "{task}: 모범 답안이 시작 코드보다 {have}개의 지문만 더 있어 (필요: {need}개) "
        "유사도를 판단하기에 너무 짧습니다",
        "en": "{task}: its solutions are too short to tell apart (the reference adds "
        "{have} fingerprints to the starter, {need} are needed); no similarity computed",
    },
    "similar.header": {
        "ko": "{task}: 제출 {files}개, 유사도 {threshold} 이상인 쌍 {pairs}개 "
        "(판정이 아니라 직접 살펴볼 목록입니다)",
        "en": "{task}: {files} submissions, {pairs} pairs at or above {threshold} similarity "
        "(a list to look at, not a verdict)",
    },
    "similar.pair": {
        "ko": "{a} ↔ {b}: {percent} ({a_share} / {b_share} 공유)",
        "en": "{a} ↔ {b}: {percent} ({a_share} of the first, {b_share} of the second shared)",
    },
    "similar.fragment": {
        "ko": "    {a}줄 {a_lines} ~ {b}줄 {b_lines}",
        "en": "    {a} lines {a_lines} ~ {b} lines {b_lines}",
    },
    "similar.unreadable": {
        "ko": "{file}: 토큰으로 나눌 수 없어 건너뜁니다 ({error})",
        "en": "{file}: skipped, cannot be tokenized ({error})",
    },
    # quizapp grade --exam
    "grade.exam_written": {
        "ko": "필기 구역 '{title}'은 파일로 채점하지 않습니다",
        "en": "the written section '{title}' is not graded from files",
    },
    "grade.exam_drawn": {
        "ko": "구역 '{title}'은 {pool}개 중 {count}개를 무작위로 뽑습니다: 학생이 낸 그 구역의 "
        "과제를 모두 채점하고 가장 좋은 {count}개를 합산합니다",
        "en": "section '{title}' draws {count} of {pool} tasks at random: every task of it "
        "a student handed in is graded, and the best {count} count",
    },
    # TUI class screen
    "cmd.class": {"ko": "반 보고서", "en": "Class report"},
    "cmd.class.help": {
        "ko": "이 저장소의 모든 학생: 숙달, 실기, 모의고사, 어려운 문항",
        "en": "Every student in this store: mastery, tasks, mock exams, hardest items",
    },
    "class.screen_title": {"ko": "반 보고서", "en": "Class report"},
    "class.single_profile": {
        "ko": "이 저장소에는 프로필이 하나뿐입니다 — 반 보고서는 여러 학생이 함께 쓰는 "
        "저장소(--db)에서 볼 수 있습니다.",
        "en": "This store has only one profile — the class report is for a store that "
        "several students share (--db).",
    },
    "class.error": {
        "ko": "반 보고서를 만들 수 없습니다: {error}",
        "en": "Class report failed: {error}",
    },
    # the class folder a teacher grades (BadInput.say)
    "class.input.not_utf8": {
        "ko": "{name}: UTF-8 텍스트가 아닙니다",
        "en": "{name}: not UTF-8 text",
    },
    "class.input.unreadable": {
        "ko": "{name}을(를) 읽을 수 없습니다: {error}",
        "en": "cannot read {name}: {error}",
    },
    "class.input.no_py": {
        "ko": "{path}: 이 폴더에 .py 파일이 없습니다",
        "en": "{path}: no .py files in this folder",
    },
    "class.input.not_file": {
        "ko": "파일도 폴더도 아닙니다: {path}",
        "en": "not a file or folder: {path}",
    },
    "class.input.missing": {"ko": "파일이 없습니다: {path}", "en": "file not found: {path}"},
    "class.input.no_practical": {
        "ko": "모의고사 구성 {blueprint!r}에는 채점할 실기 부분이 없습니다",
        "en": "blueprint {blueprint!r} has no practical section to grade",
    },
    "class.input.no_folder": {"ko": "폴더가 없습니다: {path}", "en": "folder not found: {path}"},
    "class.input.not_folder": {"ko": "폴더가 아닙니다: {path}", "en": "not a folder: {path}"},
    "class.input.no_students": {
        "ko": "{path}: .py 파일이 든 학생 폴더가 없습니다 (FOLDER/<학생>/<과제>.py)",
        "en": "{path}: no student folders with .py files (FOLDER/<student>/<task>.py)",
    },
}
