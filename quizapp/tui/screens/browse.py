"""Browse the bank: search by text, page, tag and type; open any item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from question_bank import ITEM_TYPES, format_pages, parse_pages_arg
from quizapp.formatting import clip
from quizapp.student_text import list_line

from ...bank_search import TASK_TYPE, Query, all_tags, build_index, entries, entry_type, search
from .base import QuizScreen
from .item import ItemScreen

if TYPE_CHECKING:
    from question_bank import Bank

MIN_TEXT = 20  # terminal cells (a Korean character takes two)
MAX_PAGES = 16
SCROLLBAR = 2


class BrowseScreen(QuizScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("ctrl+f", "focus_search", "Search", id="search"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank
        self.index = build_index(bank)
        self.shown: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Input(placeholder=self.t("browse.search"), id="text")
            yield Input(placeholder=self.t("browse.pages"), id="pages")
            types = [(self.t(f"type.{t}"), t) for t in [*ITEM_TYPES, TASK_TYPE]]
            yield Select(types, prompt=self.t("browse.any_type"), id="type")
            tags = [(tag, tag) for tag in all_tags(entries(self.bank))]
            yield Select(tags, prompt=self.t("browse.tag"), id="tag")
        yield Static("", id="count", classes="muted")
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.t("browse.title")
        self.apply_layout()
        self.query_one("#text", Input).focus()

    def lay_out(self) -> None:
        """Below the wide layout the list leaves out the ids (the item screen shows it)."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        if self.wide:
            table.add_column(self.t("col.id"), key="id")
        table.add_column(self.t("col.type"), key="type")
        table.add_column(self.t("col.pages"), key="pages")
        table.add_column(self.t("col.text"), key="text")
        self.refresh_results()

    def query_from_inputs(self) -> Query | None:
        pages_text = self.query_one("#pages", Input).value.strip()
        pages: tuple[Any, ...] = ()
        if pages_text:
            try:
                pages = tuple(parse_pages_arg(pages_text))
            except ValueError as exc:
                self.query_one("#count", Static).update(self.t("browse.bad_pages", error=exc))
                return None
        kind = self.query_one("#type", Select).value
        tag = self.query_one("#tag", Select).value
        return Query(
            text=self.query_one("#text", Input).value,
            pages=pages,
            tag=tag if isinstance(tag, str) else "",
            type=kind if isinstance(kind, str) else "",
        )

    def refresh_results(self) -> None:
        query = self.query_from_inputs()
        if query is None:
            return
        self.shown = search(self.bank, query, self.index)
        table = self.query_one(DataTable)
        table.clear()
        rows = [
            (
                *([entry.id] if self.wide else []),
                self.t(f"type.{entry_type(entry)}"),
                clip(format_pages(entry.pages or []), MAX_PAGES),
                list_line(entry),  # as a student reads it: no markers, blanks masked
            )
            for entry in self.shown
        ]
        room = self.text_room(table, rows)
        for entry, (*cells, text) in zip(self.shown, rows, strict=True):
            # Text, not str: the table reads a str as markup, and `x[i]` is not italics
            table.add_row(*cells, Text(clip(text, room)), key=entry.id)
        total = len(self.index)
        self.query_one("#count", Static).update(
            self.t("browse.count", shown=len(self.shown), total=total)
        )

    def text_room(self, table: DataTable[Any], rows: list[tuple[str, ...]]) -> int:
        """Cells left for the text column once the other columns (as wide as their widest
        cell) and the cell padding and scroll bar are placed: the table never needs
        scrolling sideways."""
        used = 0
        for index, column in enumerate(list(table.columns.values())[:-1]):
            widest = max((cell_len(row[index]) for row in rows), default=0)
            used += max(widest, cell_len(str(column.label))) + 2 * table.cell_padding
        return max(MIN_TEXT, self.app.size.width - used - 2 * table.cell_padding - SCROLLBAR)

    def resized(self) -> None:
        self.refresh_results()  # the text column's room

    @on(Input.Changed)
    @on(Select.Changed)
    def filters_changed(self) -> None:
        self.refresh_results()

    @on(Input.Submitted)
    def go_to_results(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def open_item(self, event: DataTable.RowSelected) -> None:
        ident = event.row_key.value
        entry = self.bank.items.get(ident or "") or self.bank.tasks.get(ident or "")
        if entry is not None:
            self.app.push_screen(ItemScreen(entry))

    def action_focus_search(self) -> None:
        self.query_one("#text", Input).focus()
