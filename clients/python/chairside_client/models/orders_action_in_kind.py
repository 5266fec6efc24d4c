from enum import StrEnum


class OrdersActionInKind(StrEnum):
    RESTART = "restart"
    SLOW = "slow"
    STOP = "stop"

    def __str__(self) -> str:
        return str(self.value)
