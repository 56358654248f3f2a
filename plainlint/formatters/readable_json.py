"""JSON that people can read and that is still quick to write for thousands of findings.

The outer levels are indented; values deeper than `flat_from` are written on
one line each by the fast C encoder (`indent=` would switch it off).
"""

from __future__ import annotations

import json
from typing import Any

STEP = "  "


def readable_json(value: Any, flat_from: int, level: int = 0) -> str:
    """`value` as JSON, indented down to level `flat_from`, one line per value below it."""
    if level >= flat_from or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False)
    inner = STEP * (level + 1)
    if isinstance(value, dict):
        items = [
            f"{inner}{json.dumps(key, ensure_ascii=False)}: "
            f"{readable_json(item, flat_from, level + 1)}"
            for key, item in value.items()
        ]
        opening, closing = "{", "}"
    else:
        items = [f"{inner}{readable_json(item, flat_from, level + 1)}" for item in value]
        opening, closing = "[", "]"
    return f"{opening}\n" + ",\n".join(items) + f"\n{STEP * level}{closing}"
