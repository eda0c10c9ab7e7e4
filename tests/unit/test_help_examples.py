"""Every example in every `--help` runs through the parser, and names what exists."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

import pytest

from mockint import cli
from mockint.banks import load_catalog
from tests.conftest import FIXTURES


def examples(text: str) -> Iterator[str]:
    """The command lines under ``examples:`` (continuations joined, comments dropped)."""
    if "examples:" not in text:
        return
    body = text.split("examples:", 1)[1].split("\n\n", 1)[0]
    joined = re.sub(r"\\\\?\n\s*", " ", body)
    for line in joined.splitlines():
        line = line.split(" #", 1)[0].split("| ", 1)[-1].strip()
        if line.startswith("mockint"):
            # What follows a run of two spaces is the example's description.
            yield re.split(r"\s{2,}", line, maxsplit=1)[0]


def all_examples() -> list[str]:
    texts = [cli.EPILOG] + [getattr(m, "DESCRIPTION", "") for m in cli.COMMANDS.values()]
    # A command with actions (`banks list|show|validate`) has each action's --help too.
    texts += [d for m in cli.COMMANDS.values() for _, d in getattr(m, "ACTIONS", {}).values()]
    return [line for text in texts for line in examples(text)]


def test_every_banks_action_has_examples() -> None:
    from mockint.commands import banks

    lines = [shlex.split(line)[:3] for line in all_examples()]
    for action in banks.ACTIONS:
        assert ["mockint", "banks", action] in lines, action


def test_every_command_has_examples() -> None:
    commands = {shlex.split(line)[1] for line in all_examples() if len(shlex.split(line)) > 1}
    missing = set(cli.COMMANDS) - commands
    assert not missing, f"commands without a --help example: {sorted(missing)}"


@pytest.mark.parametrize("line", all_examples())
def test_help_example_parses_and_names_real_banks_and_questions(line: str) -> None:
    argv = shlex.split(line)[1:]
    if "--job" in argv:  # a job exists once `mockint job POSTING` made it
        name = argv[argv.index("--job") + 1].removeprefix("job-")
        posting = FIXTURES / "postings" / f"{name}.txt"
        assert cli.main(["job", str(posting), "--name", name]) == 0
    args = cli.build_parser().parse_args(argv)
    module = getattr(args, "_module", None)
    validate = getattr(module, "validate", None)
    if validate:
        validate(args)
    catalog = load_catalog(include_user=False)
    for name in ("bank", "question", "mark", "unmark"):
        value = getattr(args, name, None)
        if value and name == "bank":
            catalog.bank(value)  # raises MockintError for a bank that does not exist
        elif value:
            catalog.question(value)
    if argv[:2] == ["banks", "show"]:
        catalog.bank(args.name)
