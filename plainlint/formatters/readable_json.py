"""JSON that people can read and that is still quick to write for thousands of findings.

The outer levels are indented; values from level `flat_from` down are written
on one line each. `json.dumps(indent=...)` would do the same work in pure
Python, one value at a time, which takes longer than the check itself when
every result comes from the cache.

A number that is not finite (NaN, infinity) is written as null: JSON has no such
numbers, and strict readers refuse the `NaN` that Python's json module would write.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # the C version, when it is there
from typing import Any

STEP = "  "
# One encoder, made once, not per value; it refuses NaN rather than write invalid JSON.
_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def readable_json(value: Any, flat_from: int, level: int = 0) -> str:
    """`value` as JSON, indented down to level `flat_from`, one line per value below it."""
    if level >= flat_from or not isinstance(value, (dict, list)) or not value:
        return _one_line(value)
    inner = STEP * (level + 1)
    if isinstance(value, dict):
        items = [
            f"{inner}{encode_basestring(str(key))}: {readable_json(item, flat_from, level + 1)}"
            for key, item in value.items()
        ]
        opening, closing = "{", "}"
    else:
        items = [f"{inner}{readable_json(item, flat_from, level + 1)}" for item in value]
        opening, closing = "[", "]"
    return f"{opening}\n" + ",\n".join(items) + f"\n{STEP * level}{closing}"


def _one_line(value: Any) -> str:
    """`value` on one line, as `json.dumps(value, ensure_ascii=False)` writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return float.__repr__(value) if math.isfinite(value) else "null"
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        inside = ", ".join(f"{encode_basestring(k)}: {_one_line(v)}" for k, v in value.items())
        return "{" + inside + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_one_line(item) for item in value) + "]"
    return _ENCODE(_finite(value))


def _finite(value: Any) -> Any:
    """`value` with every NaN or infinity inside it made None, for the general encoder."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value
