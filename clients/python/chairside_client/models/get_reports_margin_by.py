from enum import StrEnum


class GetReportsMarginBy(StrEnum):
    DRUG = "drug"
    PAYER = "payer"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
