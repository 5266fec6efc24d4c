from enum import StrEnum


class OrdersFindingOutSeverity(StrEnum):
    BLOCK = "block"
    INFO = "info"
    WARN = "warn"

    def __str__(self) -> str:
        return str(self.value)
