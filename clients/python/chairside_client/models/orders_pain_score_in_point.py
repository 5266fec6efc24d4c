from enum import StrEnum


class OrdersPainScoreInPoint(StrEnum):
    ARRIVAL = "arrival"
    DISCHARGE = "discharge"
    PRE_DRUG = "pre_drug"
    VALUE_2 = "60_min"
    VALUE_3 = "120_min"

    def __str__(self) -> str:
        return str(self.value)
