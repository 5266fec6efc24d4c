from enum import StrEnum


class ReimbursementClaimStatusInAction(StrEnum):
    APPEAL = "appeal"
    CLOSE = "close"
    WRITE_OFF = "write_off"

    def __str__(self) -> str:
        return str(self.value)
