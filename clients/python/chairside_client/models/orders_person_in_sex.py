from enum import StrEnum


class OrdersPersonInSex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
