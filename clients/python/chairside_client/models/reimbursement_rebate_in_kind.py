from enum import StrEnum


class ReimbursementRebateInKind(StrEnum):
    PERCENT = "percent"
    PER_UNIT = "per_unit"

    def __str__(self) -> str:
        return str(self.value)
