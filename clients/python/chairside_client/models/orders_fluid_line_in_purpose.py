from enum import StrEnum


class OrdersFluidLineInPurpose(StrEnum):
    CARRIER = "carrier"
    HYDRATION = "hydration"
    KVO = "kvo"

    def __str__(self) -> str:
        return str(self.value)
