from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_assessment_out import OrdersAssessmentOut
    from ..models.orders_preventive_summary_out import OrdersPreventiveSummaryOut


T = TypeVar("T", bound="OrdersAssessmentsOut")


@_attrs_define
class OrdersAssessmentsOut:
    """
    Attributes:
        items (list[OrdersAssessmentOut]):
        rules_version (int):
        summary (None | OrdersPreventiveSummaryOut):
    """

    items: list[OrdersAssessmentOut]
    rules_version: int
    summary: None | OrdersPreventiveSummaryOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_preventive_summary_out import OrdersPreventiveSummaryOut  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        rules_version = self.rules_version

        summary: dict[str, Any] | None
        if isinstance(self.summary, OrdersPreventiveSummaryOut):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "rules_version": rules_version,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_assessment_out import OrdersAssessmentOut  # noqa: PLC0415
        from ..models.orders_preventive_summary_out import OrdersPreventiveSummaryOut  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = OrdersAssessmentOut.from_dict(items_item_data)

            items.append(items_item)

        rules_version = d.pop("rules_version")

        def _parse_summary(data: object) -> None | OrdersPreventiveSummaryOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = OrdersPreventiveSummaryOut.from_dict(data)

                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPreventiveSummaryOut, data)

        summary = _parse_summary(d.pop("summary"))

        orders_assessments_out = cls(
            items=items,
            rules_version=rules_version,
            summary=summary,
        )

        orders_assessments_out.additional_properties = d
        return orders_assessments_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
