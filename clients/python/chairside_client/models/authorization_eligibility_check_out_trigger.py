from enum import StrEnum


class AuthorizationEligibilityCheckOutTrigger(StrEnum):
    ON_DEMAND = "on_demand"
    ORDER_SIGNED = "order_signed"

    def __str__(self) -> str:
        return str(self.value)
