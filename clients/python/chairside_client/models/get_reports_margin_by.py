from enum import StrEnum


class GetReportsMarginBy(StrEnum):
    DRUG = "drug"
    PAYER = "payer"
    PRACTICE = "practice"
    PROTOCOL = "protocol"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
