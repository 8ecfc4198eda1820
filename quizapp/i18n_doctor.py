"""``quizapp doctor`` in Korean: its field names and the grader's and the checks' English
descriptions, as a table. The report itself (``--json``) stays in English, for tools and
bug reports; only the text a person reads under ``--lang ko`` goes through here."""

from __future__ import annotations

import re
from typing import Any

#: Field names of the report's groups, and of the sandbox's confinements.
LABELS_KO = {
    "version": "버전",
    "executable": "실행 파일",
    "system": "시스템",
    "release": "릴리스",
    "machine": "머신",
    "installed": "설치됨",
    "build": "빌드",
    "gpu_available": "GPU 사용 가능",
    "error": "오류",
    "count": "개수",
    "latest": "최근",
    "folder": "폴더",
    "folders": "폴더",
    "valid": "유효",
    "problems": "문제 수",
    "tasks": "과제 수",
    "tty": "터미널 여부",
    "columns": "열",
    "lines": "행",
    "colour": "색",
    "gpu_hidden": "GPU 숨김",
    "time_limit": "시간 제한",
    "output_cap_mb": "출력 상한 (MB)",
    "working_folder": "작업 폴더",
    "environment": "환경 변수",
    "process_tree_killed": "끝나면 프로세스 트리 종료",
    "landlock_abi": "Landlock ABI",
    "file_reads_confined": "파일 읽기 제한",
    "file_writes_confined": "파일 쓰기 제한",
    "network_confined": "네트워크 제한",
    "read_list": "읽을 수 있는 곳",
    "seccomp": "seccomp",
    "signals_confined": "시그널 제한",
    "sockets": "소켓",
    "kernel_sent_signals": "커널이 보내는 시그널",
    "subreaper": "서브리퍼 (남은 프로세스 거두기)",
    "resource_limits": "자원 한도",
    "memory_watch": "메모리 감시",
    "disk_watch": "디스크 감시",
    "training_cpu": "학습 CPU 시간 측정",
    "code_in_warm_worker": "미리 띄운 워커 안의 학생 코드",
    "job_object": "Windows 작업 개체",
}

#: Whole values, as the grader and the checks write them.
VALUES_KO = {
    "wall clock, watched by the app": "실제 경과 시간, 앱이 지켜봄",
    "a fresh temporary folder per run": "실행마다 새 임시 폴더",
    "scrubbed": "필요한 것만 남김",
    "the interpreter, the standard library, site-packages, the grader package and the "
    "loader's files of /etc: no checkout (.git, tests), bank or data folder": "인터프리터, "
    "표준 라이브러리, site-packages, `grader` 패키지, 로더가 쓰는 /etc 파일뿐: 체크아웃(`tests`, "
    "`.git`), 문제 은행, 데이터 폴더는 못 읽음",
    "not confined (no Landlock)": "제한 없음 (Landlock 없음)",
    "not confined": "제한 없음",
    "Unix socket pairs only: no UDP, no other family, no connect (seccomp)": "유닉스 소켓 쌍만: "
    "UDP, 다른 종류, connect 모두 막음 (seccomp)",
    "no TCP (Landlock)": "TCP 막음 (Landlock)",
    "fcntl F_SETOWN/F_SETOWN_EX/F_SETSIG and ioctl FIOSETOWN/SIOCSPGRP refused (seccomp)": "fcntl "
    "F_SETOWN/F_SETOWN_EX/F_SETSIG와 ioctl FIOSETOWN/SIOCSPGRP 거부 (seccomp)",
    "scoped (Landlock)": "범위 제한 (Landlock)",
    "/proc, every process of the run: anonymous and shared memory, memory files (memfd)": "/proc, "
    "실행의 모든 프로세스: 익명·공유 메모리, 메모리 파일(memfd)",
    "working folder: files, every folder, files deleted while open": "작업 폴더: 파일, 모든 "
    "하위 폴더, 열린 채 지운 파일",
    "the whole process tree, measured by the app (/proc)": "프로세스 트리 전체, 앱이 잼 (/proc)",
    "never: each run's code goes straight to its child": "없음: 실행마다 코드가 자식 "
    "프로세스로 바로 감",
    "psutil, every process of the worker's tree": "`psutil`, 워커 트리의 모든 프로세스",
    "working folder: files and every folder": "작업 폴더: 파일과 모든 하위 폴더",
    "the worker's tree, measured by the app (psutil); a process that leaves the tree (double "
    "fork) takes its time with it": "워커 트리, 앱이 잼 (`psutil`); 트리를 벗어난 프로세스"
    "(이중 `fork`)의 시간은 빠짐",
    "never: every run has a fresh worker": "없음: 실행마다 새 워커",
    "data": "데이터",
    "cpu": "CPU",
    "file size": "파일 크기",
    "core": "코어 덤프",
    "open files": "열린 파일 수",
    "available": "사용 가능",
    "unknown": "알 수 없음",
    "256 colours": "256색",
    "none (NO_COLOR)": "없음 (NO_COLOR)",
    "(not a database URL)": "(데이터베이스 URL이 아님)",
    "this Python lacks os.pidfd_open or os.fork": "이 파이썬에는 os.pidfd_open이나 os.fork가 "
    "없습니다",
    "/proc is not mounted": "/proc이 마운트되어 있지 않습니다",
    "the kernel refuses prctl (no child subreaper)": "커널이 prctl을 거부합니다 (남은 프로세스를 "
    "거둘 서브리퍼 없음)",
}

#: Values with a part that varies: (pattern, Korean with the groups as {1}, {2}, …).
PATTERNS_KO = [
    (r"torch is not installed: (.*)", 'torch가 설치되어 있지 않습니다: "{1}"'),
    (r"torch does not import: (.*)", 'torch를 import할 수 없습니다: "{1}"'),
    (r"bank folder not found: (.*)", "문제 은행 폴더가 없습니다: {1}"),
    (
        r"the bank has (\d+) problems \(see `quizapp bank check`\)",
        "문제 은행에 문제가 {1}개 있습니다 (`quizapp bank check`로 보세요)",
    ),
    (r"the linux sandbox cannot run here: (.*)", "linux 샌드박스를 여기서 쓸 수 없습니다: {1}"),
    (r"unknown sandbox (.*); use one of: (.*)", "없는 샌드박스 {1}; 다음 중 하나를 쓰세요: `{2}`"),
    (r"it needs Linux \(this is (.*)\)", "리눅스가 필요합니다 (이 시스템: {1})"),
    (
        r"the kernel refuses pidfd_open \((.*); Linux 5\.3 or later is needed\)",
        '커널이 pidfd_open을 거부합니다 ("{1}"; 리눅스 5.3 이상이 필요합니다)',
    ),
]


def word_ko(value: Any) -> str:
    """One plain value of the report (not a group) as a Korean reader sees it."""
    if isinstance(value, bool):
        return "예" if value else "아니요"
    if value is None:
        return "없음"
    text = str(value)
    if text in VALUES_KO:
        return VALUES_KO[text]
    for pattern, korean in PATTERNS_KO:
        found = re.fullmatch(pattern, text, flags=re.DOTALL)
        if found:
            parts = [word_ko(part) for part in found.groups()]
            return korean.format(None, *parts)
    return text
