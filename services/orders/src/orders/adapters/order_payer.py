"""The order's payer at rest: the payer id and plan stay readable in ``orders.payer``; the
member id (PHI) is sealed with the PHI envelope (``phi_crypto``) in the ``member_*`` columns,
bound to the order id, and never written in clear."""

from __future__ import annotations

from typing import Any

from orders.adapters.codec import Row
from orders.adapters.phi_crypto import PhiCipher, Sealed, order_payer_aad
from orders.domain.values import Payer

CLEAR_COLUMNS = {"member_key_id": None, "member_data_key": None, "member_sealed": None}


def payer_columns(cipher: PhiCipher, order_id: object, payer: Payer | None) -> dict[str, Any]:
    """``payer`` without the member id, and the member id sealed (all None without a payer)."""
    if payer is None:
        return {"payer": None, **CLEAR_COLUMNS}
    sealed = cipher.seal({"member_id": payer["member_id"]}, order_payer_aad(order_id))
    clear = {"payer_id": payer["payer_id"], "plan_id": payer.get("plan_id")}
    return {"payer": clear, "member_key_id": sealed.key_id,
            "member_data_key": sealed.data_key, "member_sealed": sealed.payload}


def payer_of(cipher: PhiCipher, row: Row) -> Payer | None:
    """The order's payer with its member id opened."""
    if row.payer is None:
        return None
    member_id = row.payer.get("member_id")  # a row the migration has not sealed yet
    if row.member_sealed is not None:
        sealed = Sealed(row.member_key_id, bytes(row.member_data_key), bytes(row.member_sealed))
        member_id = cipher.open(sealed, order_payer_aad(row.id))["member_id"]
    return Payer(payer_id=row.payer["payer_id"], member_id=member_id,
                 plan_id=row.payer.get("plan_id"))
