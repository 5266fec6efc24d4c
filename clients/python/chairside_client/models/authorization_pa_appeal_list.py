from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.authorization_option_out import AuthorizationOptionOut
    from ..models.authorization_pa_appeal_out import AuthorizationPaAppealOut


T = TypeVar("T", bound="AuthorizationPaAppealList")


@_attrs_define
class AuthorizationPaAppealList:
    """
    Attributes:
        case_status (str):
        items (list[AuthorizationPaAppealOut]):
        options (list[AuthorizationOptionOut]): What may be requested now, with deadlines
    """

    case_status: str
    items: list[AuthorizationPaAppealOut]
    options: list[AuthorizationOptionOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_status = self.case_status

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_status": case_status,
                "items": items,
                "options": options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_option_out import AuthorizationOptionOut  # noqa: PLC0415
        from ..models.authorization_pa_appeal_out import AuthorizationPaAppealOut  # noqa: PLC0415

        d = dict(src_dict)
        case_status = d.pop("case_status")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AuthorizationPaAppealOut.from_dict(items_item_data)

            items.append(items_item)

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = AuthorizationOptionOut.from_dict(options_item_data)

            options.append(options_item)

        authorization_pa_appeal_list = cls(
            case_status=case_status,
            items=items,
            options=options,
        )

        authorization_pa_appeal_list.additional_properties = d
        return authorization_pa_appeal_list

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
