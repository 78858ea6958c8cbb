"""What a comparison sheet says, block by block in the order it says it: plain text with emphasis, no layout.

The PDF layout (sheet_layout.py) and the Word export (sheet_docx.py) both write these blocks and nothing
else, so the two never drift apart: a section, a line or a label added here appears in both. Colours are
named by tone ("muted", "alert", or a side), and each writer maps them to the one palette.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from db.models import Side
from desktop.moments import day_label, moment_label
from desktop.printing.sheet_brief import ChangeLine, SheetChanges, SheetFollowUp
from desktop.printing.sheet_data import NOTE_KIND_LABELS, SheetData, SheetNote, SheetRow, SheetStatement, SideSummary

QUOTE_OPEN, QUOTE_CLOSE = "\u201c", "\u201d"
QUOTE_MARKS = {"ru": ("\u00ab", "\u00bb"), "ja": ("\u300c", "\u300d")}  # «…» and 「…」 as each language writes them
BULLET = "\u2022 "
DOT = " \u00b7 "
SUMMARY_QUOTE_LIMIT = 220
CHANGE_QUOTE_LIMIT = 300


def tr(text: str) -> str:
    """Translated in the sheet's context (works without a running application: the text comes back)."""
    return QCoreApplication.translate("ComparisonSheet", text)


@dataclass(frozen=True)
class Run:
    """Emphasis over part of a paragraph's text."""

    start: int
    length: int
    bold: bool = False
    italic: bool = False
    tone: str = ""  # "" (the paragraph's), "ink", "muted", "alert", "side"
    side: Side | None = None  # for tone "side"


@dataclass(frozen=True)
class Para:
    text: str
    runs: tuple[Run, ...] = ()
    scale: float = 1.0  # relative to the quote size the user chose
    italic: bool = False
    tone: str = "ink"
    indent: bool = False
    bar: Side | None = None  # a quote: a bar in the side's colour beside it


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: a section of the sheet, 2: a part of a section


@dataclass(frozen=True)
class Title:
    kicker: str
    title: str
    description: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StatementText:
    meta: Para
    quote: Para
    source: Para | None
    notes: tuple[Para, ...]
    footnoted: bool  # the notes go to the foot of the page (PDF) or after the table (Word), marked in the quote


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    cells: tuple[tuple[StatementText, ...], ...]  # one per side, in column order


@dataclass(frozen=True)
class Comparison:
    sides: tuple[Side, ...]
    rows: tuple[ComparisonRow, ...]
    empty_message: str  # printed instead of the table when there are no rows


Block = Title | Heading | Para | Comparison


def sheet_blocks(sheet: SheetData) -> list[Block]:
    """Everything one issue's sheet prints below the page frame, in order."""
    blocks: list[Block] = [title(sheet), Heading(tr("Summary"), 1)]
    for side in sheet.summary:
        blocks += side_position(side)
    if sheet.without_side:
        text = tr("{n} statement(s) by media and experts on this issue are not shown in the sides' columns.")
        blocks.append(Para(text.format(n=sheet.without_side), scale=0.95, italic=True, tone="muted"))
    undated = sheet.undated_row
    if undated is not None:
        text = tr("{n} statement(s) whose date is not known are listed at the end, under \u201cDate unknown\u201d.")
        count = sum(len(cell) for cell in undated.cells)
        blocks.append(Para(text.format(n=count), scale=0.95, italic=True, tone="muted"))
    if sheet.unreviewed_left_out:  # a fresh import must not vanish from the sheet silently
        text = tr("{n} statement(s) nobody has reviewed yet are left out of this sheet: mark them reviewed, or "
                  "print with unreviewed statements included.")  # fmt: skip
        blocks.append(Para(text.format(n=sheet.unreviewed_left_out), scale=0.95, italic=True, tone="alert"))
    blocks.append(Heading(tr("Shifts in position"), 2))
    if not sheet.shifts:
        blocks.append(Para(tr("No shift in position is marked in this period."), tone="muted"))
    for shift in sheet.shifts:
        head = f"{shift.side_name}, {shift.date_label}, {shift.speaker}"
        blocks.append(bullet(head, shift.note, tone="alert"))
    if sheet.changes is not None:
        blocks += changes(sheet.changes)
    if sheet.follow_ups:
        blocks.append(Heading(tr("Open follow-ups"), 1))
        blocks += [follow_up(task) for task in sheet.follow_ups]
    blocks.append(Heading(tr("Comparison"), 1))
    if sheet.dated_rows or undated is None:
        blocks.append(comparison(sheet, sheet.dated_rows))
    if undated is not None:
        blocks.append(Heading(tr("Date unknown"), 1))
        note = tr(
            "Imported without a date: none in the text and no publication date found. Give the date in"
            " Positions: the details of any of them date all undated statements of its source at once."
        )
        blocks.append(Para(note, scale=0.95, italic=True, tone="muted"))
        blocks.append(comparison(sheet, [undated]))
    if sheet.sources:
        blocks.append(Heading(tr("Sources"), 1))
        for source in sheet.sources:
            label = f"[S{source.number}]"
            blocks.append(Para(f"{label} {source.citation()}", (Run(0, len(label), bold=True),), scale=0.9))
    return blocks


def title(sheet: SheetData) -> Title:
    sides = ", ".join(side.name for side in sheet.sides) or tr("none")
    reviewed = tr("reviewed and unreviewed") if sheet.options.include_unreviewed else tr("reviewed only")
    if sheet.unreviewed_left_out:
        reviewed += tr(" ({n} unreviewed left out)").format(n=sheet.unreviewed_left_out)
    fields = [
        (tr("Period"), sheet.date_range_label()),
        (tr("Sides"), sides),
        (tr("Rows by"), sheet.options.granularity),
        (tr("Statements"), reviewed),
    ]
    if sheet.changes is not None:
        fields.append((tr("Changes since"), since_label(sheet.changes)))
    fields += [(tr("Generated"), generated_label(sheet)), (tr("Database"), sheet.database_name)]
    return Title(tr("COMPARISON SHEET"), sheet.issue_title, sheet.issue_description, tuple(fields))


def generated_label(sheet: SheetData) -> str:
    return moment_stamp(sheet.generated_at)


def moment_stamp(moment: dt.datetime) -> str:
    """`2 Dec 2026, 02:46 UTC`: when a sheet was made, on the page and in its fields."""
    return f"{moment.day} {moment:%b %Y, %H:%M} {moment.tzname() or ''}".strip()


def side_position(summary: SideSummary) -> list[Para]:
    """The side's position: the user's summary with the dates it rests on, or else its latest statement."""
    name = summary.side.name
    text = f"{name}: {summary.count} " + (tr("statement") if summary.count == 1 else tr("statements"))
    head = Run(0, len(name), bold=True, tone="side", side=summary.side)
    position = summary.position
    if position is None:
        if summary.latest is not None:
            quote = clip(summary.latest.quote, SUMMARY_QUOTE_LIMIT)
            latest = f"{summary.latest.date_label}, {summary.latest.speaker}"
            text += f"; {tr('latest')} {latest}: {QUOTE_OPEN}{quote}{QUOTE_CLOSE}"
        return [Para(text, (head,))]
    label = tr("Position")
    out = [Para(f"{text}. {label}:", (head, Run(len(text) + 2, len(label), bold=True)))]
    out.append(Para(position.body, indent=True, bar=summary.side))
    basis = tr("Written by {author}, {day}").format(author=position.author, day=day_label(position.written_on))
    if position.rests_on:
        dates = ", ".join(f"{r.date_label} ({r.speaker})" for r in position.rests_on)
        basis += DOT + tr("rests on the statements of {dates}").format(dates=dates)
    out.append(Para(basis, scale=0.85, italic=True, tone="muted", indent=True))
    return out


def since_label(found: SheetChanges) -> str:
    if found.since_review:
        when = moment_label(found.since) if found.since else tr("never")
        return tr("your last review ({when})").format(when=when)
    return moment_label(found.since) if found.since else ""


def changes(found: SheetChanges) -> list[Block]:
    blocks: list[Block] = [Heading(tr("Changes since {since}").format(since=since_label(found)), 1)]
    if found.since is None:
        text = tr("This issue has not been marked as reviewed yet. Mark it reviewed in the window when you have "
                  "gone through it; the next sheet then lists what changed since.")  # fmt: skip
        return [*blocks, Para(text, italic=True, tone="muted")]
    counts = tr("{new} new statement(s), {shifts} shift(s) in position, {notes} new or edited annotation(s).").format(
        new=found.new_count, shifts=len(found.shifts), notes=len(found.annotations)
    )
    blocks.append(Para(counts, scale=0.95))
    if found.new_statements:
        blocks.append(Heading(tr("New statements"), 2))
        blocks += [change(line) for line in found.new_statements]
        more = found.new_count - len(found.new_statements)
        if more > 0:
            blocks.append(Para(tr("… and {n} more, in the comparison below.").format(n=more), tone="muted"))
    if found.shifts:
        blocks.append(Heading(tr("Shifts in position"), 2))
        blocks += [change(line) for line in found.shifts]
    if found.annotations:
        blocks.append(Heading(tr("New and edited annotations"), 2))
        blocks += [change(line) for line in found.annotations]
    return blocks


def change(line: ChangeLine) -> Para:
    parts = [p for p in (line.side_name, line.date_label, line.speaker) if p]
    head = ", ".join(parts)
    if line.kind != "statement":
        kind = tr(NOTE_KIND_LABELS.get(line.kind, line.kind))
        head = f"{kind}{DOT}{line.author}{DOT}{head}" if line.author else f"{kind}{DOT}{head}"
    text = clip(line.text, CHANGE_QUOTE_LIMIT) if line.kind == "statement" else line.text
    return bullet(head, text, tone="alert" if line.kind == "shift" else "ink")


def follow_up(task: SheetFollowUp) -> Para:
    due = tr("due {day}").format(day=day_label(task.due_on)) if task.due_on else tr("no due date")
    flag = f"{DOT}{tr('OVERDUE')}" if task.overdue else ""
    about = ", ".join(p for p in (task.side_name, task.date_label, task.speaker) if p)
    head = f"{due}{flag}"
    text = f"{BULLET}{head} \u2014 {about}: {task.body} ({task.author})"
    runs = [Run(len(BULLET), len(head), bold=True, tone="alert" if task.overdue else "ink")]
    return Para(text, tuple(runs))


def bullet(head: str, body: str, *, tone: str = "ink") -> Para:
    return Para(f"{BULLET}{head}: {body}", (Run(len(BULLET), len(head), bold=True, tone=tone),))


def note_heading(note: SheetNote) -> str:
    head = f"{tr(NOTE_KIND_LABELS.get(note.kind, note.kind))}{DOT}{note.author or tr('unknown')}{DOT}{note.written_on}"
    if note.due_on:
        head += DOT + tr("due {day}").format(day=day_label(note.due_on))
    if note.done:
        head += DOT + tr("done")
    elif note.overdue:
        head += DOT + tr("OVERDUE")
    return head


def note_para(note: SheetNote, *, indent: bool = True) -> Para:
    head = f"[{note.number}] {note_heading(note)}"
    tone = "alert" if note.kind in ("shift", "contradiction") or note.overdue else "muted"
    return Para(f"{head}: {note.body}", (Run(0, len(head), bold=True, tone=tone),), scale=0.85, indent=indent)


def comparison(sheet: SheetData, rows_of: Sequence[SheetRow]) -> Comparison:
    footnoted = sheet.options.footnotes
    rows = tuple(
        ComparisonRow(row.label, tuple(
            tuple(statement(st, sheet.sides[column], footnoted) for st in cell)
            for column, cell in enumerate(row.cells)
        ))
        for row in rows_of
    )  # fmt: skip
    empty = tr("No statements on this issue match these options ({period}; sides: {sides}).").format(
        period=sheet.date_range_label(), sides=", ".join(x.name for x in sheet.sides) or tr("none")
    )
    return Comparison(tuple(sheet.sides), rows, empty)


def statement(st: SheetStatement, side: Side, footnoted: bool) -> StatementText:
    meta = f"{st.date_label}  {st.speaker}"
    runs = [Run(0, len(st.date_label), bold=True, tone="side", side=side),
            Run(len(st.date_label) + 2, len(st.speaker), bold=True)]  # fmt: skip
    if st.role:
        runs.append(Run(len(meta) + 2, len(st.role), italic=True, tone="muted"))
        meta += f", {st.role}"
    if not st.reviewed:
        runs.append(Run(len(meta) + 3, len(tr("unreviewed")), italic=True, tone="alert"))
        meta += f"{DOT}{tr('unreviewed')}"
    prefix = ""
    if st.kind != "direct_quote":
        prefix = (tr("Reported") if st.kind == "reported" else tr("Characterised")) + ": "
    opening, closing = QUOTE_MARKS.get(st.language, (QUOTE_OPEN, QUOTE_CLOSE))
    text = prefix + (f"{opening}{st.quote}{closing}" if st.kind == "direct_quote" else st.quote)
    quote_runs = [Run(0, len(prefix), italic=True, tone="muted")] if prefix else []
    footnoted = footnoted and bool(st.notes)
    if footnoted:
        marks = "".join(f"[{n.number}]" for n in st.notes)
        quote_runs.append(Run(len(text) + 1, len(marks), bold=True, tone="alert"))
        text += f" {marks}"
    source = st.outlet or ""
    numbers = [n for n in (st.source_number, *st.more_source_numbers) if n is not None]  # every outlet that said it
    if numbers:
        source = f"{source} [{', '.join(f'S{n}' for n in numbers)}]".strip()
    return StatementText(
        meta=Para(meta, tuple(runs), scale=0.92),
        quote=Para(text, tuple(quote_runs), indent=True, bar=side),
        source=Para(source, scale=0.85, italic=True, tone="muted", indent=True) if source else None,
        notes=tuple(note_para(note, indent=not footnoted) for note in st.notes),
        footnoted=footnoted,
    )


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
