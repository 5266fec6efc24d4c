from enum import StrEnum


class OrdersRescueInRoute(StrEnum):
    IM = "IM"
    IN = "IN"
    INH = "INH"
    IV = "IV"
    PO = "PO"
    SC = "SC"

    def __str__(self) -> str:
        return str(self.value)
