"""A cache of the loaded bank, so that commands and the app start without re-parsing YAML.

The key is a fingerprint of every file in the bank folders (path, size,
modification time) and of this package's own source, so any edit to the bank
or to the bank engine makes a new entry. Only banks without problems are
cached; `quizapp bank check` never reads the cache. A cache that cannot be
read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .bank import content_dir
from .bank_type import Bank
from .loader import bundled_bank_dir, load_banks
from .problems import Problem

KEEP = 4  # entries kept per cache folder


def fingerprint(folders: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parent
    content = content_dir()  # fingerprinted as a folder of its own (``folders``)
    for root in [package, *folders]:
        digest.update(f"root {root}\n".encode())
        if not root.exists():
            continue
        skip_bank = root == package
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            if skip_bank and Path(dirpath) == package:
                dirnames[:] = [d for d in dirnames if d != "__pycache__" and package / d != content]
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def load_banks_cached(
    folders: Sequence[Path], cache_dir: Path | None
) -> tuple[Bank, list[Problem]]:
    """Like :func:`load_banks` with the bundled bank, served from ``cache_dir`` when unchanged."""
    if cache_dir is None:
        return load_banks(folders)
    roots = [bundled_bank_dir(), *(Path(f) for f in folders)]
    path = cache_dir / f"bank-{fingerprint(roots)}.pickle"
    try:
        with path.open("rb") as handle:
            bank = pickle.load(handle)
        if isinstance(bank, Bank):
            return bank, []
    except Exception:  # a missing, stale or corrupt cache is simply rebuilt
        pass
    bank, problems = load_banks(folders)
    if not problems:
        _store(path, bank)
    return bank, problems


def _store(path: Path, bank: Bank) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bank-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(bank, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        old = sorted(path.parent.glob("bank-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-KEEP]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass
