from enum import StrEnum


class ReimbursementClaimLineOutKind(StrEnum):
    ADMIN = "admin"
    DRUG = "drug"

    def __str__(self) -> str:
        return str(self.value)
