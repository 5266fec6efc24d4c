from enum import IntEnum


class OrdersFollowUpInCheckpointHours(IntEnum):
    VALUE_24 = 24
    VALUE_48 = 48
    VALUE_72 = 72

    def __str__(self) -> str:
        return str(self.value)
