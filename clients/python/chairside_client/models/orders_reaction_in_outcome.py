from enum import StrEnum


class OrdersReactionInOutcome(StrEnum):
    ADMITTED = "admitted"
    EMS_TRANSFER = "ems_transfer"
    ONGOING = "ongoing"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
