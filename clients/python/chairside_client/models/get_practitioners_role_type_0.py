from enum import StrEnum


class GetPractitionersRoleType0(StrEnum):
    ORDERING = "ordering"
    RENDERING = "rendering"
    SUPERVISING = "supervising"

    def __str__(self) -> str:
        return str(self.value)
