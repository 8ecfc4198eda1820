from tests.store.helpers import db_url, pg_url

__all__ = ["db_url", "pg_url"]
