"""Which field of a record holds a release's title, date, text, web address and id."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

ROLES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "publication_date", "pubdate"),
    "text": ("text", "body", "content", "article"),
    "url": ("url", "link"),
    "id": ("id",),
}
"""Each role and the usual names of its field, most usual first (matched ignoring case)."""


class FieldSpecError(ValueError):
    """A ``--fields`` value that cannot be read; the message says why in one sentence."""


@dataclass(frozen=True, slots=True)
class FieldMap:
    """The fields to read each role from: the user's names first, then the usual ones."""

    chosen: Mapping[str, str] = field(default_factory=dict)
    """Role -> field name given with ``--fields``."""

    def names(self, role: str) -> tuple[str, ...]:
        """The field names to try for ``role``, in order."""
        if role in self.chosen:
            # A field the user named is the only one: falling back to another
            # could read the wrong column without a word.
            return (self.chosen[role],)
        return ROLES[role]

    def pick(self, record: Mapping[str, object], role: str) -> object:
        """The value of ``record``'s field for ``role`` (names matched ignoring case), or None."""
        for name in self.names(role):
            if name in record:
                return record[name]
        folded = {key.casefold(): key for key in record if isinstance(key, str)}
        for name in self.names(role):
            key = folded.get(name.casefold())
            if key is not None:
                return record[key]
        return None

    def describe(self, role: str) -> str:
        """The field names for ``role`` as a message shows them ("text/body/content/…")."""
        return "/".join(self.names(role)[:3]) + ("/…" if len(self.names(role)) > 3 else "")


def parse_fields(spec: str) -> FieldMap:
    """Read ``title=headline,text=body`` into a :class:`FieldMap`; raise FieldSpecError."""
    chosen: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        role, equals, name = part.partition("=")
        role, name = role.strip().lower(), name.strip()
        if not equals or not name:
            raise FieldSpecError(f"expected ROLE=FIELD, got {part.strip()!r}")
        if role not in ROLES:
            raise FieldSpecError(f"unknown role {role!r}; the roles are {', '.join(ROLES)}")
        if role in chosen:
            raise FieldSpecError(f"{role} is named twice")
        chosen[role] = name
    if not chosen:
        raise FieldSpecError("no field named; expected e.g. title=headline,text=body")
    return FieldMap(chosen)
