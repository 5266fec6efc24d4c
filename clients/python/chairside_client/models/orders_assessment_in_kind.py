from enum import StrEnum


class OrdersAssessmentInKind(StrEnum):
    DIARY = "diary"
    HIT6 = "hit6"
    MIDAS = "midas"

    def __str__(self) -> str:
        return str(self.value)
