"""Where things live and which options are in force: command line > environment > config file.

The data folder is ``--data-dir``, else ``$QUIZAPP_HOME``, else the platform's
user data folder. It may hold ``config.toml``::

    banks = ["~/my-bank"]            # extra bank folders, added to the bundled one
    db = "postgresql+psycopg://…"    # progress elsewhere than progress.db
    lang = "ko"
    profile = "kim"
    sandbox = "portable"             # the grader's sandbox: auto (default), linux or portable

``$QUIZAPP_SANDBOX`` overrides ``sandbox``: ``auto`` picks ``linux`` where the
kernel offers what it needs and ``portable`` elsewhere (grader/workers/backends.py).
"""

from __future__ import annotations

import getpass
import locale
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError

APP_NAME = "quizapp"
CONFIG_FILE = "config.toml"
DB_FILE = "progress.db"
LANGS = ("ko", "en")
SANDBOXES = ("auto", "linux", "portable")  # grader.sandbox.choice.CHOICES (kept light)


class SettingsError(UserError):
    """A setting cannot be used; the message is one line for the user.

    Made with :meth:`say` it carries an i18n key (``settings.error.*``); ``str()`` is English.
    """


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    banks: list[Path] = field(default_factory=list)
    db_url: str | None = None
    lang: str = "ko"
    profile: str = "default"
    sandbox: str = "auto"

    @property
    def database_url(self) -> str:
        """The SQLAlchemy URL of the progress store (SQLite in the data folder by default)."""
        return self.db_url or f"sqlite:///{self.data_dir / DB_FILE}"


def default_data_dir() -> Path:
    env = os.environ.get("QUIZAPP_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_lang() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "ko" if code.lower().startswith("ko") else "en"


def default_profile() -> str:
    try:
        return getpass.getuser() or "default"
    except (KeyError, OSError):
        return "default"


def read_config(data_dir: Path) -> dict[str, object]:
    path = data_dir / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError.say("settings.error.unreadable", path=path, error=exc) from None
    import tomllib  # only with a config file: the first frame does not wait for it otherwise

    try:
        config = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: {exc}") from None
    known = {"banks", "db", "lang", "profile", "sandbox"}
    unknown = sorted(set(config) - known)
    if unknown:
        raise SettingsError.say(
            "settings.error.unknown", path=path, name=unknown[0], known=", ".join(sorted(known))
        )
    return config


def resolve(
    *,
    data_dir: str | None = None,
    banks: list[str] | None = None,
    db: str | None = None,
    lang: str | None = None,
    profile: str | None = None,
) -> Settings:
    """Combine command-line values with the environment and the config file."""
    folder = Path(data_dir).expanduser() if data_dir else default_data_dir()
    config = read_config(folder)
    config_banks = config.get("banks", [])
    if not isinstance(config_banks, list) or not all(isinstance(b, str) for b in config_banks):
        raise SettingsError.say("settings.error.banks", path=folder / CONFIG_FILE)
    all_banks = [Path(b).expanduser() for b in config_banks] + [
        Path(b).expanduser() for b in banks or []
    ]
    chosen_lang = lang or config.get("lang") or default_lang()
    if chosen_lang not in LANGS:
        raise SettingsError.say("settings.error.lang", lang=chosen_lang, known=", ".join(LANGS))
    db_url = db or config.get("db")
    if db_url is not None and not isinstance(db_url, str):
        raise SettingsError.say("settings.error.db", path=folder / CONFIG_FILE)
    chosen_profile = profile or config.get("profile") or default_profile()
    sandbox = os.environ.get("QUIZAPP_SANDBOX") or config.get("sandbox") or "auto"
    if sandbox not in SANDBOXES:
        where = "QUIZAPP_SANDBOX" if os.environ.get("QUIZAPP_SANDBOX") else folder / CONFIG_FILE
        raise SettingsError.say(
            "settings.error.sandbox", path=where, sandbox=sandbox, known=", ".join(SANDBOXES)
        )
    return Settings(
        data_dir=folder,
        banks=all_banks,
        db_url=db_url,
        lang=str(chosen_lang),
        profile=str(chosen_profile),
        sandbox=str(sandbox),
    )
