from enum import StrEnum


class AuthorizationPlanPayerTypeType0(StrEnum):
    COMMERCIAL = "commercial"
    MEDICAID = "medicaid"
    MEDICARE_ADVANTAGE = "medicare_advantage"
    MEDICARE_FFS = "medicare_ffs"
    QHP_EXCHANGE = "qhp_exchange"

    def __str__(self) -> str:
        return str(self.value)
