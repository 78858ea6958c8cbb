"""The README's command table and the argparse parser agree, both ways (as sqlite-utils tests its docs).

Every subcommand and every option of the parser appears in the command's row of the table, and the table
names no command or option the parser does not have. Issue 12 item 8: the table had drifted from the code.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from desktop.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\|\s*`(positions[^`]*)`\s*\|")
OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")


def subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    """Every runnable command by its full name ("import", "annotations export"), with its parser."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{prefix} {name}".strip()
                nested = subcommands(sub, full)
                found.update(nested or {full: sub})
    return found


def parser_words(parser: argparse.ArgumentParser) -> set[str]:
    """Long options (and short ones that have no long form) and positional names of one command."""
    words = set()
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        if action.option_strings:
            long = [o for o in action.option_strings if o.startswith("--")]
            words.update(long or action.option_strings)
        else:
            words.add(str(action.metavar or action.dest))
    return words


def readme_rows() -> dict[str, str]:
    """Command name -> the usage written in the README's table ("" is `positions` alone: the window)."""
    commands = set(subcommands(build_parser()))
    rows: dict[str, str] = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if not match:
            continue
        usage = match[1]
        words = [w for w in usage.split()[1:] if w.isidentifier() and w.islower()]
        two, one = " ".join(words[:2]), (words[0] if words else "")
        name = two if two in commands else one
        rows[name] = f"{rows.get(name, '')} {usage}".strip()
    return rows


def test_every_command_is_in_the_readme_and_every_row_is_a_command() -> None:
    parser_commands = set(subcommands(build_parser()))
    rows = readme_rows()
    assert sorted(parser_commands - set(rows)) == [], "commands missing from the README table"
    assert sorted(set(rows) - parser_commands - {""}) == [], "README rows for commands that do not exist"


@pytest.mark.parametrize("command", sorted(subcommands(build_parser())))
def test_the_readme_row_lists_exactly_the_commands_options(command: str) -> None:
    sub = subcommands(build_parser())[command]
    usage = readme_rows().get(command, "")
    documented = {w for w in OPTION.findall(usage)}
    options = {w for w in parser_words(sub) if w.startswith("-")}
    assert sorted(options - documented) == [], f"options of `positions {command}` missing from the README"
    assert sorted(documented - options) == [], f"options in the README that `positions {command}` lacks"
    positionals = {w for w in parser_words(sub) if not w.startswith("-")}
    for name in positionals:
        assert re.search(rf"\b{re.escape(name)}\b", usage), f"`positions {command}` argument {name} not in README"


def test_the_window_row_lists_the_global_options() -> None:
    documented = set(OPTION.findall(readme_rows().get("", "")))
    assert {w for w in parser_words(build_parser()) if w.startswith("-")} <= documented
