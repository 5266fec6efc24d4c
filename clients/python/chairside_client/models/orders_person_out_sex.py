from enum import StrEnum


class OrdersPersonOutSex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
