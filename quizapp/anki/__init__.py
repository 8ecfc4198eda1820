"""Anki interop: export the bank as an ``.apkg`` package, import Anki notes into a bank.

Export writes with ``genanki``; import reads Anki's "Notes in Plain Text" export
(``.txt``) and ``.apkg`` packages (their SQLite collection, with the standard
library's ``sqlite3``). Neither direction touches review history.
"""
