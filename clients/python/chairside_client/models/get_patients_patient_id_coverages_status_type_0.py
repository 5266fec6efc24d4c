from enum import StrEnum


class GetPatientsPatientIdCoveragesStatusType0(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"

    def __str__(self) -> str:
        return str(self.value)
