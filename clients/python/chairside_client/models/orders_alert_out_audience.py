from enum import StrEnum


class OrdersAlertOutAudience(StrEnum):
    CHARGE_NURSE = "charge_nurse"
    ORDERING_PROVIDER = "ordering_provider"

    def __str__(self) -> str:
        return str(self.value)
