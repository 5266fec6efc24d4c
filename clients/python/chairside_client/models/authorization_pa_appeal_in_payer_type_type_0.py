from enum import StrEnum


class AuthorizationPaAppealInPayerTypeType0(StrEnum):
    COMMERCIAL = "commercial"
    MEDICAID = "medicaid"
    MEDICARE_ADVANTAGE = "medicare_advantage"
    QHP_EXCHANGE = "qhp_exchange"

    def __str__(self) -> str:
        return str(self.value)
