"""Error types of the analysis layer."""


class UnknownName(ValueError):
    """A name given by the user (actor, alliance, bloc, scenario) matches nothing.

    The message lists close matches so a CLI or dialog can show it as is; ``name``,
    ``kind`` and ``suggestions`` are kept for callers that want to format their own.
    """

    def __init__(self, name: str, kind: str, suggestions: list[str] | None = None) -> None:
        self.name = name
        self.kind = kind
        self.suggestions = list(suggestions or [])
        message = f"Unknown {kind} '{name}'."
        if self.suggestions:
            message += " Did you mean: " + ", ".join(self.suggestions) + "?"
        super().__init__(message)
        self.message = message
