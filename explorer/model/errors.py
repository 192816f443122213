"""Error types of the model layer."""


class ValidationError(ValueError):
    """A value or a document breaks a rule of the domain.

    ``field`` names the offending field where there is one, so forms can show the
    message next to it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
