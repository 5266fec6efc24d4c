"""What the PAS checklist rules share: the issue record, the Bundle view, the rule registry.
The rules are in pas_conformance.py (Bundle, Claim) and pas_conformance_parties.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

PAS_SD = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/"
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Json = dict[str, Any]


@dataclass(frozen=True)
class Issue:
    rule: str
    expression: str
    message: str


class Doc:
    """The Bundle with its entries indexed by fullUrl."""

    def __init__(self, bundle: Json) -> None:
        self.bundle = bundle
        self.entries: list[Json] = [e for e in bundle.get("entry") or [] if isinstance(e, dict)]
        self.by_url: dict[str, Json] = {}
        for e in self.entries:
            self.by_url.setdefault(str(e.get("fullUrl")), e.get("resource") or {})
        first = self.entries[0].get("resource") if self.entries else None
        self.claim: Json = first if isinstance(first, dict) else {}

    def get(self, reference: Any, *types: str) -> Json | None:
        res = self.by_url.get(str((reference or {}).get("reference")))
        if res is None or (types and res.get("resourceType") not in types):
            return None
        return res

    def of_type(self, rtype: str) -> list[Json]:
        return [r for r in self.by_url.values() if r.get("resourceType") == rtype]


Check = Callable[[Doc], Iterator[tuple[str, str]]]
RULES: dict[str, Check] = {}


def rule(rule_id: str) -> Callable[[Check], Check]:
    def add(fn: Check) -> Check:
        RULES[rule_id] = fn
        return fn
    return add


def codes(cc: Any, system: str) -> list[str]:
    return [str(c.get("code")) for c in (cc or {}).get("coding") or []
            if c.get("system") == system and c.get("code")]


def ext(el: Json, name: str) -> Json | None:
    return next((e for e in el.get("extension") or [] if e.get("url") == PAS_SD + name), None)


