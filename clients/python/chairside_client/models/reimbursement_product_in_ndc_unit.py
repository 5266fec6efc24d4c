from enum import StrEnum


class ReimbursementProductInNdcUnit(StrEnum):
    F2 = "F2"
    GR = "GR"
    ME = "ME"
    ML = "ML"
    UN = "UN"

    def __str__(self) -> str:
        return str(self.value)
