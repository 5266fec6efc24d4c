from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_product_in import ReimbursementProductIn


T = TypeVar("T", bound="ReimbursementReceiptIn")


@_attrs_define
class ReimbursementReceiptIn:
    """Receive stock: a lot of an NDC; ``product`` defines the NDC when it is new.

    Attributes:
        expires_on (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        lot_number (str):
        ndc (str):
        packages (int):
        cost_source (None | str | Unset):
        package_cost (float | None | str | Unset): the invoiced price of one package; omitted: the GPO contract in force
            on the purchase date at the tier reached, else WAC, else the product's price
        product (None | ReimbursementProductIn | Unset):
        purchased_on (datetime.date | None | Unset): the purchase (invoice) date that selects the contract; default:
            today
        reference (None | str | Unset):
    """

    expires_on: datetime.date
    lot_number: str
    ndc: str
    packages: int
    cost_source: None | str | Unset = UNSET
    package_cost: float | None | str | Unset = UNSET
    product: None | ReimbursementProductIn | Unset = UNSET
    purchased_on: datetime.date | None | Unset = UNSET
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.reimbursement_product_in import ReimbursementProductIn  # noqa: PLC0415

        expires_on = self.expires_on.isoformat()

        lot_number = self.lot_number

        ndc = self.ndc

        packages = self.packages

        cost_source: None | str | Unset
        if isinstance(self.cost_source, Unset):
            cost_source = UNSET
        else:
            cost_source = self.cost_source

        package_cost: float | None | str | Unset
        if isinstance(self.package_cost, Unset):
            package_cost = UNSET
        else:
            package_cost = self.package_cost

        product: dict[str, Any] | None | Unset
        if isinstance(self.product, Unset):
            product = UNSET
        elif isinstance(self.product, ReimbursementProductIn):
            product = self.product.to_dict()
        else:
            product = self.product

        purchased_on: None | str | Unset
        if isinstance(self.purchased_on, Unset):
            purchased_on = UNSET
        elif isinstance(self.purchased_on, datetime.date):
            purchased_on = self.purchased_on.isoformat()
        else:
            purchased_on = self.purchased_on

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expires_on": expires_on,
                "lot_number": lot_number,
                "ndc": ndc,
                "packages": packages,
            }
        )
        if cost_source is not UNSET:
            field_dict["cost_source"] = cost_source
        if package_cost is not UNSET:
            field_dict["package_cost"] = package_cost
        if product is not UNSET:
            field_dict["product"] = product
        if purchased_on is not UNSET:
            field_dict["purchased_on"] = purchased_on
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_product_in import ReimbursementProductIn  # noqa: PLC0415

        d = dict(src_dict)
        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        lot_number = d.pop("lot_number")

        ndc = d.pop("ndc")

        packages = d.pop("packages")

        def _parse_cost_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cost_source = _parse_cost_source(d.pop("cost_source", UNSET))

        def _parse_package_cost(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        package_cost = _parse_package_cost(d.pop("package_cost", UNSET))

        def _parse_product(data: object) -> None | ReimbursementProductIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                product_type_0 = ReimbursementProductIn.from_dict(data)

                return product_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementProductIn | Unset, data)

        product = _parse_product(d.pop("product", UNSET))

        def _parse_purchased_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purchased_on_type_0 = datetime.date.fromisoformat(data)

                return purchased_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        purchased_on = _parse_purchased_on(d.pop("purchased_on", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        reimbursement_receipt_in = cls(
            expires_on=expires_on,
            lot_number=lot_number,
            ndc=ndc,
            packages=packages,
            cost_source=cost_source,
            package_cost=package_cost,
            product=product,
            purchased_on=purchased_on,
            reference=reference,
        )

        return reimbursement_receipt_in
