from enum import StrEnum


class ReimbursementCobOutCrossoverType0(StrEnum):
    FORWARDED = "forwarded"
    MEDICAID = "medicaid"
    MEDIGAP = "medigap"

    def __str__(self) -> str:
        return str(self.value)
