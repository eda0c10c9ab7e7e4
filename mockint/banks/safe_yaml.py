"""Reading a bank file's bytes and YAML safely (steps 1 and 2 of :mod:`mockint.banks`):
plain data plus where each value starts, or located problems.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml

from mockint.banks.problems import MAX_PROBLEMS, Problem, _Abort, _Doc, _field_name, _Mark, _Path

MAX_FILE_BYTES = 1_000_000
"""Bank files are text written by hand; anything bigger is a mistake or an attack."""
MAX_DEPTH = 20
"""Deepest nesting of lists/mappings accepted (a bank needs 4)."""

# libyaml when the wheel has it: several times faster than the pure-Python parser.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
# A date is just text in a bank ("2024-05-01" as a tag); never turn it into a datetime.
_AS_TEXT_TAGS = {"tag:yaml.org,2002:timestamp"}
_SEQ_TAGS = {None, "!", "tag:yaml.org,2002:seq"}
_MAP_TAGS = {None, "!", "tag:yaml.org,2002:map"}


def _read_text(path: Path, doc: _Doc) -> str:
    try:
        # A FIFO would block the read forever and a device never ends: regular files only.
        mode = path.stat().st_mode if path.exists() else stat.S_IFREG
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a folder fails to open below
            msg = "not a regular file (a FIFO or device): give a bank's .yaml file"
            doc.problems.append(Problem(doc.path, None, None, "", msg))
            raise _Abort
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        doc.problems.append(Problem(doc.path, None, None, "", f"cannot read: {exc.strerror}"))
        raise _Abort from None
    if len(raw) > MAX_FILE_BYTES:
        size = max(path.stat().st_size, len(raw))
        msg = f"file is {size / 1e6:.1f} MB; bank files are limited to 1 MB (split it up)"
        doc.problems.append(Problem(doc.path, None, None, "", msg))
        raise _Abort
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        msg = f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        doc.problems.append(Problem(doc.path, line, col, "", msg))
        raise _Abort from None


# ----- YAML


def _parse_yaml(text: str, doc: _Doc) -> Any:
    """Plain data from one YAML document, recording marks and structural problems in ``doc``;
    raises _Abort when nothing trustworthy can be built."""
    try:
        _check_events(text, doc)
        if doc.problems:
            raise _Abort
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        doc.problems.append(_yaml_problem(exc, text, doc.path))
        raise _Abort from None
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
        doc.problems.append(
            Problem(doc.path, 1, 1, "", "file is empty; a bank needs bank:, title: and questions:")
        )
        raise _Abort
    return _build(node, (), doc)


def _check_events(text: str, doc: _Doc) -> None:
    """Refuse what must never reach the composer: aliases and anchors (an alias bomb expands
    exponentially), nesting deeper than MAX_DEPTH (libyaml slows down badly on deep nesting,
    and the walk is recursive), and a second document. Streams, so a bomb costs nothing."""
    depth = 0
    documents = 0
    for event in yaml.parse(text, Loader=_Loader):
        where = _pos(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            _add_at(doc, where, f"aliases (*{event.anchor}) are not allowed; write the value out")
            if len(doc.problems) >= MAX_PROBLEMS:
                return
        elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            _add_at(doc, where, f"anchors (&{event.anchor}) are not allowed; write values out")
            if len(doc.problems) >= MAX_PROBLEMS:
                return
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                _add_at(doc, where, f"nested more than {MAX_DEPTH} levels deep")
                return
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                _add_at(doc, where, "one bank per file: found a second YAML document (---)")
                return


def _add_at(doc: _Doc, where: _Mark, message: str) -> None:
    doc.problems.append(Problem(doc.path, where[0], where[1], "", message))


def _yaml_problem(exc: yaml.YAMLError, text: str, path: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    else:  # ReaderError: a character position instead of a mark
        pos = min(int(getattr(exc, "position", 0) or 0), len(text))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    if "mapping values are not allowed" in message:
        message += "; put text that contains ': ' in quotes"
    return Problem(path, line, col, "", message)


def _build(node: yaml.Node, at: _Path, doc: _Doc) -> Any:
    """Turn a node into plain data. Depth is bounded by _check_events, so recursion is safe."""
    doc.marks[at] = _pos(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        if node.tag not in _MAP_TAGS:
            doc.add(at, _tag_message(node.tag))
            doc.unreadable.add(at)
        return _build_mapping(node, at, doc)
    if isinstance(node, yaml.SequenceNode):
        if node.tag not in _SEQ_TAGS:
            doc.add(at, _tag_message(node.tag))
            doc.unreadable.add(at)
        return [_build(item, (*at, i), doc) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node, at, doc)


def _tag_message(tag: str) -> str:
    return f"YAML tag '{tag}' is not supported: write plain text, numbers and lists"


def _pos(mark: Any) -> _Mark:
    """1-based (line, column) of a 0-based yaml Mark."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _build_mapping(node: yaml.MappingNode, at: _Path, doc: _Doc) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_mark = _pos(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode):
            msg = "keys must be plain words like 'text:', not lists or mappings"
            doc.problems.append(Problem(doc.path, *key_mark, _field_name(at), msg))
            continue
        # The key as written: `on:`/`yes:` stay text, so typos are reported by their spelling.
        key = key_node.value
        here = (*at, key)
        if key in out:
            # SafeLoader would silently keep the last one; the first stays, the rest are errors.
            first_line = doc.key_marks[here][0]
            msg = f"duplicate key '{key}' (first at line {first_line}); remove one"
            doc.problems.append(Problem(doc.path, *key_mark, _field_name(here), msg))
            continue
        doc.key_marks[here] = key_mark
        out[key] = _build(value_node, here, doc)
    return out


def _scalar(node: yaml.ScalarNode, at: _Path, doc: _Doc) -> Any:
    tag = str(node.tag)
    if tag in _AS_TEXT_TAGS:
        return node.value
    if tag not in _SCALAR_TAGS:
        doc.add(at, _tag_message(tag))
        doc.unreadable.add(at)
        return node.value
    if tag == _STR:
        return node.value
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, OverflowError, yaml.YAMLError):
        # e.g. an integer of 5,000 digits: Python refuses to convert it.
        doc.add(at, f"cannot read the value '{node.value[:40]}'")
        doc.unreadable.add(at)
        return node.value


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
