from enum import StrEnum


class ReimbursementContractVersionOutKind(StrEnum):
    CHARGE_MASTER = "charge_master"
    CONTRACT = "contract"
    FEE_SCHEDULE = "fee_schedule"

    def __str__(self) -> str:
        return str(self.value)
