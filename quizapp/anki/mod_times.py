"""When each exported note last changed, kept between exports (``anki-export.json``
in the data folder), so that Anki sees an unchanged note as unchanged.

Anki's importer replaces a note it already has only when the package's copy has a
later modification time. Stamping every note with the time of the export would
count all of them as updated and overwrite what the student edited in Anki; a note
keeps the time of the export that last changed its content instead.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

STATE_FILE = "anki-export.json"


class ModTimes:
    """GUID → (content hash, modification time in seconds)."""

    def __init__(self, path: Path, now: float | None = None) -> None:
        self.path = path
        self.now = int(now if now is not None else time.time())
        self.seen: dict[str, tuple[str, int]] = _read(path)
        self.changed = 0
        self.unchanged = 0

    def stamp(self, guid: str, content: str) -> int:
        known = self.seen.get(guid)
        if known is not None and known[0] == content:
            self.unchanged += 1
            return known[1]
        self.changed += 1
        # never earlier than the time it had: Anki would take a later edit as older
        mod = max(self.now, known[1] + 1) if known is not None else self.now
        self.seen[guid] = (content, mod)
        return mod

    def save(self) -> None:
        """Written after the package (a failed export leaves the record as it was)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.partial")
        data = {guid: [content, mod] for guid, (content, mod) in sorted(self.seen.items())}
        try:
            partial.write_text(json.dumps(data, indent=0), encoding="utf-8")
            os.replace(partial, self.path)
        finally:
            partial.unlink(missing_ok=True)


def _read(path: Path) -> dict[str, tuple[str, int]]:
    """The record, or an empty one when it is missing or unreadable (then every note
    counts as changed once, which is what a first export does anyway)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    found: dict[str, tuple[str, int]] = {}
    for guid, value in data.items():
        if (
            isinstance(value, list)
            and len(value) == 2
            and isinstance(value[0], str)
            and isinstance(value[1], int)
        ):
            found[str(guid)] = (value[0], value[1])
    return found
