from enum import StrEnum


class OrdersPractitionerInRolesItem(StrEnum):
    ORDERING = "ordering"
    RENDERING = "rendering"
    SUPERVISING = "supervising"

    def __str__(self) -> str:
        return str(self.value)
