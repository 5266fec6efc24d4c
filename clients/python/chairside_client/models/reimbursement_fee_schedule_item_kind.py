from enum import StrEnum


class ReimbursementFeeScheduleItemKind(StrEnum):
    ASP_QUARTER = "asp_quarter"
    CHARGE_MASTER = "charge_master"
    CONTRACT = "contract"

    def __str__(self) -> str:
        return str(self.value)
