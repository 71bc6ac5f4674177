from enum import StrEnum
from typing import Any


class ReasoningEffortLevel(StrEnum):
    HIGH = "high"
    LOW = "low"
    MAX = "max"
    MEDIUM = "medium"
    MINIMAL = "minimal"
    NONE = "none"
    XHIGH = "xhigh"

    @classmethod
    def _missing_(cls, value: Any) -> "ReasoningEffortLevel | None":
        # A value the spec does not list yet (the API added it): accepted and kept as received,
        # so that a response carrying it still parses and round-trips.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
