from enum import StrEnum


class OrdersVitalsOutKind(StrEnum):
    BASELINE = "baseline"
    DISCHARGE = "discharge"
    DURING = "during"
    END = "end"

    def __str__(self) -> str:
        return str(self.value)
