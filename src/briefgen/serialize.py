"""Turn a Brief into JSON/YAML and back, validating every field on the way in.

The mapping is derived from the dataclasses' type hints, so the JSON form, the
loader's checks and the published JSON Schema can never disagree. A wrong value
is reported with its path: ``figures[3].value: expected number``.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
import types
import typing
from typing import Any, Union, cast

from . import model
from .errors import BriefFormatError
from .model import READABLE_VERSIONS, SCHEMA_VERSION, Brief

_NUMBER = (int, float)
MAX_ITEMS = 1000  # participants, areas, commitments, figures or quotes in one brief: time to render stays bounded
MAX_TEXT = 20_000  # characters of any text but the source's own (an event, a name, a quote)
MAX_NUMBER = 10**18  # larger magnitudes are no fact of a meeting; they would print hundreds of digits
_SURROGATE = re.compile("[\ud800-\udfff]")  # not encodable as UTF-8: only inside strings, where \\u works


def to_dict(obj: object) -> Any:
    """Plain JSON-ready data for a model object (dataclasses → dicts, tuples → lists)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple):
        return [to_dict(x) for x in cast(tuple[object, ...], obj)]
    return obj


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as a dict, `schema_version` first."""
    data = to_dict(brief)
    return {"schema_version": data.pop("schema_version"), **data}


def dump_json(brief: Brief, *, line: bool = False) -> str:
    """The brief's versioned JSON form (UTF-8 text, stable key order; a lone surrogate stays a \\u escape).

    `line`: all on one line, for a JSON Lines stream of several briefs.
    """
    text = json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=None if line else 1, allow_nan=False) + "\n"
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dump_yaml(brief: Brief) -> str:
    """The brief as YAML, for people who prefer to correct it in that form."""
    import yaml

    return yaml.safe_dump(brief_to_dict(brief), allow_unicode=True, sort_keys=False, width=100)


def load_brief(text: str, fmt: str = "json") -> Brief:
    """Parse and validate a brief file's text; raise BriefFormatError naming the bad field."""
    try:
        if fmt == "json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as e:  # json.JSONDecodeError, yaml.YAMLError: both mean "not parseable"
        raise BriefFormatError(f"not valid {fmt.upper()}: {' '.join(str(e).split())}") from None
    return brief_from_dict(data)


def brief_from_dict(data: object) -> Brief:
    """Build a Brief from plain data, checking the schema version and every type."""
    if not isinstance(data, dict):
        raise BriefFormatError("expected an object at the top level")
    fields = cast(dict[str, object], data)
    version = fields.get("schema_version")
    if version not in READABLE_VERSIONS:
        expected = " or ".join(map(str, READABLE_VERSIONS))
        raise BriefFormatError(f"schema_version: expected {expected}, got {version!r}")
    brief = _build(Brief, {**fields, "schema_version": SCHEMA_VERSION}, "")
    _check_offsets(brief, len(brief.source.text), "")
    return brief


def _check_offsets(obj: object, length: int, path: str) -> None:
    """Every item with `start`/`end` must point at a stretch of the source text (0 ≤ start ≤ end ≤ its length)."""
    if isinstance(obj, tuple):
        for i, item in enumerate(cast(tuple[object, ...], obj)):
            _check_offsets(item, length, f"{path}[{i}]")
        return
    if not dataclasses.is_dataclass(obj):
        return
    start, end = getattr(obj, "start", None), getattr(obj, "end", None)  # ints wherever present: _build checked
    if start is not None and end is not None and not 0 <= start <= end <= length:
        raise BriefFormatError(
            f"{_join(path, 'start')}: offsets {start}..{end} do not point into the source text (0..{length})"
        )
    for f in dataclasses.fields(obj):
        _check_offsets(getattr(obj, f.name), length, _join(path, f.name))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, dict(vars(model)))  # once per class: a brief of 20 000 items loads in a second


def _build(cls: type[Any], value: object, path: str) -> Any:
    if not isinstance(value, dict):
        raise BriefFormatError(f"{path or '(top)'}: expected object")
    data = cast(dict[str, object], value)
    hints = _hints(cls)
    unknown = set(data) - set(hints)
    if unknown:
        raise BriefFormatError(f"{_join(path, sorted(unknown)[0])}: unknown field")
    kwargs: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        where = _join(path, f.name)
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise BriefFormatError(f"{where}: missing")
            continue
        kwargs[f.name] = _convert(hints[f.name], data[f.name], where)
    return cls(**kwargs)


def _convert(tp: Any, value: object, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = typing.get_args(tp)
        if value is None and type(None) in options:
            return None
        (inner,) = [o for o in options if o is not type(None)]
        return _convert(inner, value, path)
    if origin is tuple:
        if not isinstance(value, list):
            raise BriefFormatError(f"{path}: expected list")
        items = cast(list[object], value)
        (item_type, _) = typing.get_args(tp)
        if len(items) > MAX_ITEMS and "." not in path and "[" not in path:
            raise BriefFormatError(f"{path}: {len(items)} items (the limit is {MAX_ITEMS}): split the text")
        return tuple(_convert(item_type, v, f"{path}[{i}]") for i, v in enumerate(items))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build(tp, value, path)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, _NUMBER):
            raise BriefFormatError(f"{path}: expected number")
        return float(_bounded(value, path))
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise BriefFormatError(f"{path}: expected integer")
        return _bounded(value, path)
    if tp is bool:
        if not isinstance(value, bool):
            raise BriefFormatError(f"{path}: expected true or false")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise BriefFormatError(f"{path}: expected string")
        if len(value) > MAX_TEXT and path != "source.text":
            raise BriefFormatError(f"{path}: {len(value)} characters (the limit is {MAX_TEXT})")
        return value
    raise TypeError(f"no conversion for {tp!r}")  # a model field of a type this module lacks


def _bounded(value: int | float, path: str) -> int | float:
    """A finite number of at most MAX_NUMBER in magnitude (NaN, Infinity and 1e400 are refused, never rendered)."""
    if (isinstance(value, float) and not math.isfinite(value)) or abs(value) > MAX_NUMBER:
        raise BriefFormatError(f"{path}: expected a finite number between -1e18 and 1e18, got {value!r:.40}")
    return value


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the brief's JSON form, derived from the model."""
    defs: dict[str, Any] = {}

    def schema_of(tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            inner = [schema_of(o) for o in typing.get_args(tp) if o is not type(None)]
            return {"anyOf": [*inner, {"type": "null"}]}
        if origin is tuple:
            return {"type": "array", "items": schema_of(typing.get_args(tp)[0])}
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            name = tp.__name__
            if name not in defs:
                defs[name] = {}  # placeholder against recursion
                hints = _hints(tp)
                fields = dataclasses.fields(tp)
                defs[name] = {
                    "type": "object",
                    "description": (tp.__doc__ or "").strip().splitlines()[0],
                    "properties": {f.name: schema_of(hints[f.name]) for f in fields},
                    "required": [
                        f.name
                        for f in fields
                        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
                    ],
                    "additionalProperties": False,
                }
            return {"$ref": f"#/$defs/{name}"}
        return {float: {"type": "number"}, int: {"type": "integer"}, bool: {"type": "boolean"}, str: {"type": "string"}}[tp]

    root = schema_of(Brief)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://briefgen.invalid/schema/brief-v{SCHEMA_VERSION}.json",
        "title": "briefgen Brief",
        **root,
        "$defs": defs,
    }
    defs["Brief"]["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    return schema
