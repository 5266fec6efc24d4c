from enum import StrEnum


class GetAlertsAudienceType0(StrEnum):
    CHARGE_NURSE = "charge_nurse"
    ORDERING_PROVIDER = "ordering_provider"

    def __str__(self) -> str:
        return str(self.value)
