"""An order's pharmacy preparation time, for scheduling (``order.signed`` ``prep_minutes``).

One hood prepares an order's lines one after another, so the order's preparation is the sum of
its lines': each infusion line takes its drug's catalog ``prep_minutes`` (hood time for one
admixture); a push is drawn up at the chair and takes none. A drug the catalog does not know
makes the total unknown (None): scheduling then keeps its fixed preparation lead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from orders.domain.catalog import Catalog


class _Line(Protocol):
    @property
    def drug_code(self) -> str: ...
    @property
    def mode(self) -> str: ...


def order_prep_minutes(lines: Iterable[_Line], catalog: Catalog) -> int | None:
    total = 0
    for line in lines:
        drug = catalog.drug(line.drug_code)
        if drug is None:
            return None
        if line.mode == "infusion":
            total += drug.prep_minutes
    return total
