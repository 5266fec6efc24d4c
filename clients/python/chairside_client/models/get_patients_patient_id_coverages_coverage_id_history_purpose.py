from enum import StrEnum


class GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose(StrEnum):
    OPERATIONS = "operations"
    PAYMENT = "payment"
    TREATMENT = "treatment"

    def __str__(self) -> str:
        return str(self.value)
