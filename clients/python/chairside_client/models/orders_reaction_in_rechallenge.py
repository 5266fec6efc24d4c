from enum import StrEnum


class OrdersReactionInRechallenge(StrEnum):
    DESENSITIZATION = "desensitization"
    NO = "no"
    PREMEDICATE = "premedicate"
    SLOWER_RATE = "slower_rate"

    def __str__(self) -> str:
        return str(self.value)
