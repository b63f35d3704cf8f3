"""Checks that parsed JSON has the shape a state file promises: one definition of each.

Parsed JSON is untrusted; these answer "is this usable as X?" without
recursion (a value may be nested thousands deep) and with explicit bounds,
so that nothing read from disk reaches the rest of the program unchecked.
"""

from __future__ import annotations

from typing import Any

MAX_OFFSET = 2**31 - 1
"""Largest character offset stored (a release is at most a few MB)."""
MAX_NAME = 16 * 1024
"""Longest id or key stored (a relative path of a few KB)."""


def is_int(value: Any, low: int = 0, high: int = MAX_OFFSET) -> bool:
    """True for an integer (not a bool) from ``low`` to ``high``."""
    return type(value) is int and low <= value <= high


def is_name(value: Any, limit: int = MAX_NAME) -> bool:
    """True for a string of at most ``limit`` characters (an id, a key, a path)."""
    return type(value) is str and len(value) <= limit


def is_optional_name(value: Any, limit: int = MAX_NAME) -> bool:
    """True for None or a string of at most ``limit`` characters."""
    return value is None or is_name(value, limit)


def depth_at_most(value: Any, limit: int) -> bool:
    """True when lists and objects in ``value`` nest at most ``limit`` deep (iterative)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= limit:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True
