from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrdersCourseIn")


@_attrs_define
class OrdersCourseIn:
    """A course drug's place in its course (a total per kg over N consecutive clinic days,
    e.g. an IVIG loading course): the prescriber's N and which day this order is.

        Attributes:
            day (int): Which day of the course this order is (1..N); its dose is the course total x weight / N, in whole
                dose steps
            days (int): N: the days the course is divided over; the drug's regimen sets the range (e.g. 2-5 for a loading
                course)
    """

    day: int
    days: int

    def to_dict(self) -> dict[str, Any]:
        day = self.day

        days = self.days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "day": day,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        day = d.pop("day")

        days = d.pop("days")

        orders_course_in = cls(
            day=day,
            days=days,
        )

        return orders_course_in
