"""The command line's own sentences (`quizapp stats`, `bank`, `exam preview`, `export anki`,
…), in Korean and English.

Kept beside :mod:`quizapp.i18n` (which merges them into its ``MESSAGES``). ``--json``
output never goes through here: its keys and values are contracts.
"""

from __future__ import annotations

CLI_MESSAGES: dict[str, dict[str, str]] = {
    # the one-line error prefix of every command ("quizapp: error: …")
    "cli.error": {"ko": "quizapp: 오류: {message}", "en": "quizapp: error: {message}"},
    "cli.did_you_mean": {"ko": " ({word}을(를) 찾나요?)", "en": " (did you mean {word}?)"},
    # usage errors of every command (UsageError.say): ids the bank does not have
    "cli.unknown_task": {
        "ko": "없는 과제 {task!r} (있는 과제: {known})",
        "en": "unknown task {task!r} (known: {known})",
    },
    "cli.unknown_task.bad_bank": {
        "ko": "없는 과제 {task!r} (있는 과제: {known}) — 문제 은행에 문제가 있습니다, "
        "`quizapp bank check` 참고",
        "en": "unknown task {task!r} (known: {known}) — the bank has problems, "
        "see `quizapp bank check`",
    },
    "cli.unknown_exam": {
        "ko": "없는 모의고사 {exam!r} (있는 모의고사: {known})",
        "en": "unknown exam {exam!r} (known: {known})",
    },
    "cli.unknown_blueprint": {
        "ko": "없는 모의고사 구성 {exam!r} (있는 것: {known})",
        "en": "unknown blueprint {exam!r} (known: {known})",
    },
    "cli.unknown_blueprint.bad_bank": {
        "ko": "없는 모의고사 구성 {exam!r} (있는 것: {known}) — 문제 은행에 문제가 있습니다, "
        "`quizapp bank check` 참고",
        "en": "unknown blueprint {exam!r} (known: {known}) — the bank has problems, "
        "see `quizapp bank check`",
    },
    "cli.not_training": {
        "ko": "{task!r}은(는) 학습 과제가 아닙니다 (학습 과제: {known})",
        "en": "{task!r} is not a training task (training tasks: {known})",
    },
    "cli.training_not_verified": {
        "ko": "{task!r}은(는) 학습 과제라 검증할 숨은 테스트가 없습니다 "
        "(bench/bench_training.py가 모범 답안을 측정합니다)",
        "en": "{task!r} is a training task: it has no hidden tests to verify "
        "(bench/bench_training.py measures its reference)",
    },
    "cli.unknown_type": {
        "ko": "{option}: 없는 유형 {type!r} (있는 유형: {known})",
        "en": "{option}: unknown type {type!r} (known: {known})",
    },
    "cli.bad_pages": {"ko": "--pages: {error}", "en": "--pages: {error}"},
    "cli.at_least_one": {
        "ko": "{option} 값은 1 이상이어야 합니다",
        "en": "{option} must be at least 1",
    },
    "cli.at_least_zero": {
        "ko": "{option} 값은 0 이상이어야 합니다",
        "en": "{option} must be 0 or more",
    },
    "cli.one_of_two": {
        "ko": "{first}와 {second} 중 하나만 주세요",
        "en": "give either {first} or {second}, not both",
    },
    "cli.cannot_write": {
        "ko": "{path}에 쓸 수 없습니다: {error}",
        "en": "cannot write {path}: {error}",
    },
    "cli.needs_terminal": {
        "ko": "앱은 터미널에서 실행해야 합니다; 명령은 `quizapp --help` 참고",
        "en": "the app needs a terminal; see `quizapp --help` for commands",
    },
    # exam
    "cli.exam.extra_argument": {
        "ko": "모의고사 ID 뒤에 예상하지 못한 인수 {value!r}",
        "en": "unexpected argument {value!r} after the exam id",
    },
    "cli.exam.preview_only": {
        "ko": "--seed, --json, --markdown은 `quizapp exam preview ID`에서만 씁니다",
        "en": "--seed, --json and --markdown belong to `quizapp exam preview ID`",
    },
    "cli.exam.preview_needs_id": {
        "ko": "exam preview에는 모의고사 ID가 필요합니다: quizapp exam preview ID",
        "en": "exam preview needs a blueprint id: quizapp exam preview ID",
    },
    "cli.exam.markdown_unwritable": {
        "ko": "--markdown: {path}에 쓸 수 없습니다: {error}",
        "en": "--markdown: cannot write {path}: {error}",
    },
    # grade
    "cli.grade.nothing": {
        "ko": "과제 ID와 채점할 파일이나 폴더를 하나 이상 주세요",
        "en": "give a task id and at least one file or folder to grade",
    },
    "cli.grade.one_folder": {
        "ko": "--exam은 반 폴더 하나를 채점합니다: quizapp grade --exam BLUEPRINT FOLDER",
        "en": "--exam grades one class folder: quizapp grade --exam BLUEPRINT FOLDER",
    },
    "cli.class.threshold": {
        "ko": "--threshold는 1에서 100 사이의 백분율입니다",
        "en": "--threshold is a percentage between 1 and 100",
    },
    # bank verify: the table, the coverage and the summary (--json rows stay as they are)
    "cli.verify.col.task": {"ko": "과제", "en": "task"},
    "cli.verify.col.ref": {"ko": "모범", "en": "ref"},
    "cli.verify.col.starter": {"ko": "시작코드", "en": "starter"},
    "cli.verify.col.mistakes": {"ko": "실수", "en": "mistakes"},
    "cli.verify.col.diagnosed": {"ko": "진단", "en": "diagnosed"},
    "cli.verify.col.mutants": {"ko": "변형", "en": "mutants"},
    "cli.verify.col.killed": {"ko": "잡음", "en": "killed"},
    "cli.verify.col.equiv": {"ko": "동등", "en": "equiv"},
    "cli.verify.col.survived": {"ko": "생존", "en": "survived"},
    "cli.verify.col.contract": {"ko": "계약", "en": "contract"},
    "cli.verify.col.time": {"ko": "시간", "en": "time"},
    "cli.verify.survivor": {
        "ko": "살아남은 변형 {id}: {description}",
        "en": "survivor {id}: {description}",
    },
    "cli.verify.coverage": {
        "ko": "계약 범위 (입력 부류: 뽑힌 입력 수; 확인한 부작용):",
        "en": "contract coverage (input class: inputs drawn; effects checked):",
    },
    "cli.verify.classes": {"ko": "부류: ", "en": "classes: "},
    "cli.verify.effects": {"ko": "부작용: ", "en": "effects: "},
    "cli.verify.summary": {
        "ko": "{tasks}, 변형 {mutants}개: 잡음 {killed}, 동등 {equivalent}, 생존 {survived}; {verdict}",
        "en": "{tasks}, {mutants} mutants: {killed} killed, {equivalent} equivalent, "
        "{survived} survived; {verdict}",
    },
    "cli.count.tasks.one": {"ko": "과제 {count}개", "en": "{count} task"},
    "cli.count.tasks.many": {"ko": "과제 {count}개", "en": "{count} tasks"},
    "cli.verify.all_ok": {"ko": "모든 과제 검증됨", "en": "every task verified"},
    "cli.verify.short": {"ko": "과제 {bad}개가 미달", "en": "{bad} task(s) fall short"},
    # export anki / import anki
    "cli.anki.not_apkg": {
        "ko": "{path}: Anki 패키지는 .apkg로 끝납니다",
        "en": "{path}: an Anki package ends in .apkg",
    },
    "cli.anki.no_folder": {
        "ko": "{path}: {folder} 폴더가 없습니다",
        "en": "{path}: folder {folder} does not exist",
    },
    "cli.anki.nothing_chosen": {
        "ko": "--pages, --topic, --types에 맞는 문항이 없습니다",
        "en": "no item matches the given --pages, --topic and --types",
    },
    "cli.anki.unwritable": {
        "ko": "{path}: 쓸 수 없습니다: {error}",
        "en": "{path}: cannot write: {error}",
    },
    "cli.anki.exported": {
        "ko": "{path}에 노트 {notes}개를 {decks}로 저장했습니다 "
        "(지난 내보내기 이후 새로 생기거나 바뀐 것 {changed}개, 그대로인 것 {unchanged}개)",
        "en": "wrote {notes} notes in {decks} to {path} "
        "({changed} new or changed, {unchanged} unchanged since the last export)",
    },
    "cli.count.decks.one": {"ko": "덱 {count}개", "en": "{count} deck"},
    "cli.count.decks.many": {"ko": "덱 {count}개", "en": "{count} decks"},
    "cli.anki.not_yaml": {
        "ko": "--out {out}: 문제 파일은 .yaml로 끝납니다 (BANK_DIR/items/NAME.yaml)",
        "en": "--out {out}: an items file ends in .yaml (BANK_DIR/items/NAME.yaml)",
    },
    "cli.anki.exists": {
        "ko": "--out {out}: 파일이 이미 있습니다; 덮어쓰려면 --force를 주세요",
        "en": "--out {out}: the file exists; pass --force to replace it",
    },
    "cli.anki.no_file": {"ko": "{path}: 파일이 없습니다", "en": "{path}: no such file"},
    "cli.anki.wrong_kind": {
        "ko": "{path}: Anki의 일반 텍스트 내보내기(.txt)나 패키지(.apkg)여야 합니다",
        "en": "{path}: expected Anki's plain-text export (.txt) or a package (.apkg)",
    },
    "cli.anki.out_unwritable": {
        "ko": "--out {out}: 쓸 수 없습니다: {error}",
        "en": "--out {out}: cannot write: {error}",
    },
    "cli.anki.no_new": {
        "ko": "{path}: 새 노트 없음; {summary}",
        "en": "{path}: no new note; {summary}",
    },
    "cli.anki.none_imported": {
        "ko": "{path}: 가져올 수 있는 노트가 없어 아무것도 저장하지 않았습니다",
        "en": "{path}: no note could be imported; nothing written",
    },
    "cli.anki.imported": {
        "ko": "{out}에 문항 {items}개를 저장했습니다 (플래시카드 {cards}, 빈칸 {cloze})",
        "en": "wrote {items} items ({cards} flashcards, {cloze} cloze) to {out}",
    },
    "cli.anki.skipped": {
        "ko": "문제 은행에 이미 있는 {notes} 건너뜀",
        "en": "skipped {notes} already in the bank",
    },
    "cli.count.notes.one": {"ko": "노트 {count}개", "en": "{count} note"},
    "cli.count.notes.many": {"ko": "노트 {count}개", "en": "{count} notes"},
    "cli.anki.changed_review": {
        "ko": "{text} (Anki에서 바뀐 것 {changed}개: {diff} 검토)",
        "en": "{text} ({changed} changed in Anki: review {diff})",
    },
    "cli.anki.changed_hint": {
        "ko": "{text} (Anki에서 바뀐 것 {changed}개: 바뀐 내용은 --update로 봅니다)",
        "en": "{text} ({changed} changed in Anki: pass --update to see the changes)",
    },
    # the config file and environment (SettingsError.say)
    "settings.error.unreadable": {
        "ko": "{path}: 설정 파일을 읽을 수 없습니다: {error}",
        "en": "{path}: cannot read the config file: {error}",
    },
    "settings.error.unknown": {
        "ko": "{path}: 없는 설정 {name!r} (있는 설정: {known})",
        "en": "{path}: unknown setting {name!r} (known: {known})",
    },
    "settings.error.banks": {
        "ko": "{path}: `banks`는 폴더 경로의 목록이어야 합니다",
        "en": "{path}: `banks` must be a list of folder paths",
    },
    "settings.error.lang": {
        "ko": "없는 언어 {lang!r}; 다음 중 하나를 쓰세요: {known}",
        "en": "unknown language {lang!r}; use one of: {known}",
    },
    "settings.error.db": {
        "ko": "{path}: `db`는 데이터베이스 URL 문자열이어야 합니다",
        "en": "{path}: `db` must be a database URL string",
    },
    "settings.error.sandbox": {
        "ko": "{path}: 없는 샌드박스 {sandbox!r}; 다음 중 하나를 쓰세요: {known}",
        "en": "{path}: unknown sandbox {sandbox!r}; use one of: {known}",
    },
    "settings.error.log_level": {
        "ko": "{name}: 없는 기록 수준 {value!r}; 다음 중 하나를 쓰세요: {known}",
        "en": "{name}: unknown log level {value!r}; use one of: {known}",
    },
    "settings.error.log_file": {
        "ko": "기록 파일 {path}에 쓸 수 없습니다: {error}",
        "en": "cannot write the log file {path}: {error}",
    },
    # quizapp stats
    "cli.stats.profile": {"ko": "프로필 {name}", "en": "profile {name}"},
    "cli.stats.reviews": {
        "ko": "복습: 전체 {total}회, 오늘 {today}회; 연속 학습 {streak}; "
        "기억률 (30일) {retention} (복습 {retention_reviews}회 기준)",
        "en": "reviews: {total} in total, {today} today; streak {streak}; "
        "retention (30 days) {retention} of {retention_reviews} reviews",
    },
    "cli.count.days.one": {"ko": "{count}일", "en": "{count} day"},
    "cli.count.days.many": {"ko": "{count}일", "en": "{count} days"},
    "cli.stats.due": {
        "ko": "지금 복습할 것: {due} (필기 {written}, 플래시카드 {flashcards}, 실기 {tasks}); "
        "오늘 새 카드: {new_today}/{limit}, {available}개 더 있음",
        "en": "due now: {due} (written {written}, flashcards {flashcards}, tasks {tasks}); "
        "new today: {new_today} of {limit}, {available} more available",
    },
    "cli.stats.seen": {
        "ko": "본 문항: {seen}/{total}; 오답노트: {mistakes}",
        "en": "items seen: {seen} of {total}; mistakes to revisit: {mistakes}",
    },
    "cli.stats.exam_date": {"ko": "시험일: {date} ({when})", "en": "exam: {date} ({when})"},
    "cli.stats.exam_today": {"ko": "오늘", "en": "today"},
    "cli.stats.exam_in": {"ko": "{days}일 남음", "en": "in {days} days"},
    "cli.stats.exam_ago": {"ko": "{days}일 지남", "en": "{days} days ago"},
    "cli.stats.mastery": {
        "ko": "숙달도 (90% 이상 확률로 기억하는 문항):",
        "en": "mastery (items recalled with ≥ 90% probability):",
    },
    "cli.stats.page": {"ko": "쪽", "en": "p."},
    "cli.stats.exams": {"ko": "모의고사:", "en": "mock exams:"},
    "cli.stats.unfinished": {
        "ko": "#{id} {blueprint}: 진행 중 (시작 {started})",
        "en": "#{id} {blueprint}: unfinished (started {started})",
    },
    "cli.stats.finished": {
        "ko": "#{id} {blueprint}: {score}% {verdict} ({finished})",
        "en": "#{id} {blueprint}: {score}% {verdict} ({finished})",
    },
    "cli.stats.passed": {"ko": "합격", "en": "passed"},
    "cli.stats.failed": {"ko": "불합격", "en": "failed"},
    # quizapp bank check / bank stats, and every command that needs a valid bank
    "cli.bank.folder_missing": {
        "ko": "문제 은행 폴더가 없습니다: {folder}",
        "en": "bank folder not found: {folder}",
    },
    "cli.bank.not_folder": {"ko": "폴더가 아닙니다: {folder}", "en": "not a folder: {folder}"},
    "cli.bank.has_problems": {
        "ko": "문제 은행에 문제가 있습니다; 먼저 고치세요 (quizapp bank check)",
        "en": "the bank has problems; fix them first (quizapp bank check)",
    },
    "cli.bank.problems": {"ko": "{files}에 {problems}", "en": "{problems} in {files}"},
    "cli.count.problems.one": {"ko": "문제 {count}개", "en": "{count} problem"},
    "cli.count.problems.many": {"ko": "문제 {count}개", "en": "{count} problems"},
    "cli.count.files.one": {"ko": "파일 {count}개", "en": "{count} file"},
    "cli.count.files.many": {"ko": "파일 {count}개", "en": "{count} files"},
    "cli.bank.ok": {
        "ko": "정상: {folders}, 필기 문항 {written}개, 플래시카드 {flashcards}개, "
        "실기 과제 {tasks}개, 모의고사 {exams}개, 출제 범위 {syllabus}개{warnings} ({seconds}초)",
        "en": "ok: {folders}, {written} written items, {flashcards} flashcards, "
        "{tasks} tasks, {exams} exams, {syllabus} syllabus entries{warnings} ({seconds} s)",
    },
    "cli.count.folders.one": {"ko": "문제 은행 폴더 {count}개", "en": "{count} bank folder"},
    "cli.count.folders.many": {"ko": "문제 은행 폴더 {count}개", "en": "{count} bank folders"},
    "cli.count.warnings.one": {"ko": "경고 {count}개", "en": "{count} warning"},
    "cli.count.warnings.many": {"ko": "경고 {count}개", "en": "{count} warnings"},
    # quizapp bank stats (question_bank.stats.STATS_WORDS)
    "cli.bank_stats.summary": {
        "ko": "필기 문항 {written}, 플래시카드 {flashcards}, 실기 과제 {tasks}, 모의고사 {exams}",
        "en": "written items {written}, flashcards {flashcards}, tasks {tasks}, exams {exams}",
    },
    "cli.bank_stats.by_type": {"ko": "유형별: ", "en": "by type: "},
    "cli.bank_stats.entry": {"ko": "출제 범위", "en": "syllabus entry"},
    "cli.bank_stats.pages": {"ko": "쪽", "en": "pages"},
    "cli.bank_stats.written": {"ko": "필기", "en": "written"},
    "cli.bank_stats.flashcards": {"ko": "플래시카드", "en": "flashcards"},
    "cli.bank_stats.tasks": {"ko": "실기", "en": "tasks"},
    "cli.bank_stats.other": {"ko": "그 밖의 쪽", "en": "other pages"},
    "cli.bank_stats.beyond": {
        "ko": "시험 범위 밖 (주제별):",
        "en": "beyond the exam scope (by topic):",
    },
    "cli.bank_stats.topic": {
        "ko": "{topic}: 필기 {written}, 플래시카드 {flashcards}",
        "en": "{topic}: written {written}, flashcards {flashcards}",
    },
    # quizapp bank try: the rows that cannot be judged, and its usage errors
    "cli.try.not_json": {
        "ko": "{where}: JSON이 아닙니다 ({error})",
        "en": "{where}: not JSON ({error})",
    },
    "cli.try.bad_line": {
        "ko": '{where}: {{"item": ID, "answer": 텍스트 또는 [텍스트, ...]}} 형식이어야 합니다',
        "en": '{where}: expected {{"item": ID, "answer": TEXT or [TEXT, ...]}}',
    },
    "cli.try.is_task": {
        "ko": "{prefix}{item!r}: 필기 문항이 아니라 실기 과제입니다",
        "en": "{prefix}{item!r}: a task, not a written item",
    },
    "cli.try.unknown": {
        "ko": "{prefix}{item!r}: 없는 문항{hint}",
        "en": "{prefix}{item!r}: unknown item{hint}",
    },
    "cli.try.flashcard": {
        "ko": "{prefix}{item!r}은(는) 플래시카드입니다: 스스로 평가하며 채점하지 않습니다",
        "en": "{prefix}{item!r} is a flashcard: self-rated, not checked",
    },
    "cli.try.cloze_shape": {
        "ko": "빈칸 답은 텍스트 하나 또는 빈칸마다 텍스트 하나씩인 목록입니다",
        "en": "a cloze answer is a text or a list of texts, one per blank",
    },
    "cli.try.cloze_count": {
        "ko": "이 빈칸 문제는 빈칸이 {count}개인데 답은 {got}개입니다 (/로 구분하세요)",
        "en": "this cloze has {count} blanks, got {got} (separate them with /)",
    },
    "cli.try.answer_shape": {
        "ko": "답은 텍스트 또는 텍스트 목록입니다",
        "en": "an answer is a text or a list of texts",
    },
    "cli.try.both": {
        "ko": "ITEM_ID ANSWER... 또는 --file 중 하나만 주세요",
        "en": "give either ITEM_ID ANSWER... or --file, not both",
    },
    "cli.try.no_file": {"ko": "파일이 없습니다: {path}", "en": "file not found: {path}"},
    "cli.try.unreadable": {
        "ko": "{path}을(를) 읽을 수 없습니다: {error}",
        "en": "cannot read {path}: {error}",
    },
    "cli.try.nothing": {
        "ko": "문항 ID와 답을 하나 이상 주거나 --file ANSWERS.jsonl을 주세요",
        "en": "give an item id and at least one answer, or --file ANSWERS.jsonl",
    },
    # the progress store's errors (StoreError.say), wherever they reach the user
    "store.folder_is_file": {
        "ko": "데이터 폴더 {folder}은(는) 폴더가 아니라 파일입니다",
        "en": "the data folder {folder} is a file, not a folder",
    },
    "store.folder_uncreatable": {
        "ko": "데이터 폴더 {folder}을(를) 만들 수 없습니다: {reason}",
        "en": "cannot create the data folder {folder}: {reason}",
    },
    "store.folder_not_folder": {
        "ko": "데이터 폴더 {folder}은(는) 폴더가 아닙니다",
        "en": "the data folder {folder} is not a folder",
    },
    "store.folder_unwritable": {
        "ko": "데이터 폴더 {folder}에 쓸 수 없습니다: {reason}",
        "en": "the data folder {folder} cannot be written: {reason}",
    },
    "store.path_is_folder": {
        "ko": "{path}은(는) 폴더입니다 (진도 저장소가 아님)",
        "en": "{path} is a folder, not a progress store",
    },
    "store.unreadable_file": {
        "ko": "{path}을(를) 읽을 수 없습니다: {reason}",
        "en": "cannot read {path}: {reason}",
    },
    "store.not_sqlite": {
        "ko": "{path}은(는) quizapp 진도 저장소가 아닙니다 (SQLite 데이터베이스가 아님); "
        "파일을 옮기거나 --db로 다른 파일을 고르세요",
        "en": "{path} is not a quizapp progress store (not an SQLite database); "
        "move it away or choose another file with --db",
    },
    "store.unreadable_store": {
        "ko": "{path}을(를) 진도 저장소로 읽을 수 없습니다: {reason}",
        "en": "{path} cannot be read as a progress store: {reason}",
    },
    "store.foreign": {
        "ko": "{path}은(는) 다른 프로그램의 SQLite 데이터베이스입니다 (테이블: {tables}); "
        "--db로 다른 파일을 고르세요",
        "en": "{path} is an SQLite database of another program (tables: {tables}); "
        "choose another file with --db",
    },
    "store.foreign_short": {
        "ko": "{path}은(는) 다른 프로그램의 SQLite 데이터베이스입니다",
        "en": "{path} is an SQLite database of another program",
    },
    "store.read_only": {
        "ko": "{path}에 쓸 수 없습니다 (파일 권한을 확인하세요)",
        "en": "{path} cannot be written (check its permissions)",
    },
    "store.no_driver": {
        "ko": "{driver!r}용 데이터베이스 드라이버가 없습니다 ({reason}); PostgreSQL에는 "
        "`pip install quizapp[postgres]`와 postgresql+psycopg://user:password@host/dbname 같은 "
        "URL이 필요합니다",
        "en": "no database driver for {driver!r} ({reason}); PostgreSQL needs "
        "`pip install quizapp[postgres]` and a URL like "
        "postgresql+psycopg://user:password@host/dbname",
    },
    "store.bad_url": {
        "ko": "데이터베이스 URL {url}을(를) 쓸 수 없습니다: {reason}",
        "en": "cannot use the database URL {url}: {reason}",
    },
    "store.not_url": {
        "ko": "데이터베이스 URL이 아닙니다: {url}; 예: sqlite:///path/progress.db",
        "en": "not a database URL: {url}; e.g. sqlite:///path/progress.db",
    },
    "store.open.read_only": {
        "ko": "{path}에 쓸 수 없습니다: {reason}",
        "en": "{path} cannot be written: {reason}",
    },
    "store.open.not_store": {
        "ko": "{path}은(는) quizapp 진도 저장소가 아닙니다: {reason}",
        "en": "{path} is not a quizapp progress store: {reason}",
    },
    "store.open.failed": {
        "ko": "진도 저장소 {path}을(를) 열 수 없습니다: {reason}",
        "en": "cannot open the progress store {path}: {reason}",
    },
    "store.open.unreachable": {
        "ko": "{path}의 데이터베이스 서버에 연결할 수 없습니다: {reason}",
        "en": "cannot reach the database server at {path}: {reason}",
    },
    "store.open.unusable": {
        "ko": "{path}의 데이터베이스를 쓸 수 없습니다: {reason}",
        "en": "cannot use the database at {path}: {reason}",
    },
    "store.newer_schema": {
        "ko": "{path}은(는) 더 새로운 quizapp이 썼습니다 (스키마 {revision}, 이 앱은 {head}까지 앎); "
        "quizapp을 업데이트하세요",
        "en": "{path} was written by a newer quizapp (schema {revision}, this app knows up to "
        "{head}); update quizapp to use it",
    },
    "store.read_failed": {
        "ko": "진도 저장소를 읽을 수 없습니다: {reason}",
        "en": "cannot read the progress store: {reason}",
    },
    "store.save_failed": {
        "ko": "진도를 저장할 수 없습니다: {reason}",
        "en": "cannot save progress: {reason}",
    },
    "store.busy": {
        "ko": "진도 저장소가 계속 사용 중입니다 (다른 quizapp이 잠그고 있음); "
        "이번 변경은 저장되지 않았습니다, 다시 해 보세요",
        "en": "the progress store stayed busy (another quizapp kept it locked); "
        "this change was not saved, try again",
    },
    "store.empty_profile": {
        "ko": "프로필 이름이 비었습니다; --profile NAME을 쓰세요",
        "en": "the profile name is empty; use --profile NAME",
    },
    "store.long_profile": {
        "ko": "프로필 이름이 {limit}자보다 깁니다",
        "en": "the profile name is longer than {limit} characters",
    },
    "store.profile_deleted": {
        "ko": "앱이 실행되는 동안 프로필이 삭제되었습니다",
        "en": "the profile was deleted while the app was running",
    },
    "store.new_limit": {
        "ko": "하루 새 카드 수는 0에서 {most} 사이여야 합니다 ({limit} 아님)",
        "en": "new cards per day must be between 0 and {most}, not {limit}",
    },
    "store.no_backup": {
        "ko": "{folder}에 {path}의 백업이 없습니다",
        "en": "no backup of {path} in {folder}",
    },
    "store.backup_damaged": {
        "ko": "백업 {path}도 손상되었습니다 ({problem})",
        "en": "the backup {path} is damaged too ({problem})",
    },
    # `import anki`: why a note was skipped, and what of a note did not come along
    "anki.note": {"ko": "노트 {label}", "en": "note {label}"},
    "anki.more": {"ko": "{names} 외 {count}개", "en": "{names} and {count} more"},
    "anki.warn.image": {
        "ko": "{note}: 이미지 {names}는 가져오지 않았습니다 (문제 은행에는 이미지가 없습니다; 대체 텍스트는 남깁니다)",
        "en": "{note}: image {names} not imported (the bank holds no images; its alt text is kept)",
    },
    "anki.warn.sound": {
        "ko": "{note}: 소리 {names}는 가져오지 않았습니다 (문제 은행에는 소리가 없습니다)",
        "en": "{note}: sound {names} not imported (the bank holds no audio)",
    },
    "anki.warn.mathjax": {
        "ko": "{note}: MathJax {names}는 텍스트로 남겼습니다; quizapp은 수식을 그리지 않고 그대로 보여 줍니다",
        "en": "{note}: MathJax {names} kept as text; quizapp shows it unrendered",
    },
    "anki.warn.cloze_numbers": {
        "ko": "{note}: Anki는 빈칸 번호 {listed}를 카드 {count}장으로 묻지만, quizapp은 빈칸 묶음 {count}개를 한 카드에서 함께 묻습니다",
        "en": "{note}: Anki asks cloze numbers {listed} as {count} cards; quizapp asks its {count} blank groups together on one card",
    },
    "anki.skip.empty_field": {
        "ko": "'{field}' 필드가 비어 있습니다",
        "en": "empty field '{field}'",
    },
    "anki.skip.unknown_type": {
        "ko": "모르는 노트 유형 {name} ('Basic'과 'Cloze' 노트만 가져옵니다)",
        "en": "unknown note type {name} (only Basic and Cloze notes are imported)",
    },
    "anki.skip.nested_cloze": {
        "ko": "빈칸 안의 빈칸({snippet})은 지원하지 않습니다",
        "en": "a cloze deletion inside another one ({snippet}) is not supported",
    },
    "anki.skip.same_guid": {
        "ko": "{line}번째 줄과 같은 노트(GUID)입니다",
        "en": "the same note (GUID) as line {line}",
    },
    "anki.skip.not_in_collection": {
        "ko": "노트 유형 {mid}가 컬렉션에 없습니다",
        "en": "note type {mid} is not in the collection",
    },
    "anki.skip.unknown_header": {
        "ko": "모르는 헤더 {header}는 무시했습니다",
        "en": "unknown header {header} ignored",
    },
    "anki.skip.no_separator": {
        "ko": "'#separator:' 헤더가 없습니다: 예전 Anki처럼 탭으로 구분한 HTML로 읽었습니다",
        "en": "no '#separator:' header: read as tab-separated HTML, as older Anki wrote",
    },
    "anki.skip.short_row": {
        "ko": "이 줄은 열이 {count}개인데 '#{column}'은 {wanted}번째 열입니다",
        "en": "the row has {count} columns but '#{column}' is {wanted}",
    },
}
