from enum import StrEnum


class OrdersOrderLineInMode(StrEnum):
    INFUSION = "infusion"
    PUSH = "push"

    def __str__(self) -> str:
        return str(self.value)
