from enum import StrEnum


class OrdersOrderUpdateUrgencyType0(StrEnum):
    PLANNED = "planned"
    SAME_DAY = "same_day"

    def __str__(self) -> str:
        return str(self.value)
