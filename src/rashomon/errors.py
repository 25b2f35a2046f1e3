"""One exception hierarchy with stable codes a user or script can act on."""

from __future__ import annotations


class RashomonError(Exception):
    """Base class; ``code`` is stable across releases."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(RashomonError):
    """A document or file that cannot be turned into an article."""

    code = "bad-input"

    def __init__(self, message: str, *, code: str = "bad-input", line: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.line = line


class ConfigError(RashomonError):
    """A setting that is missing or wrong."""

    code = "config"


class ModelNotFoundError(RashomonError):
    """No usable spaCy model package is installed."""

    code = "model-missing"


class StoreError(RashomonError):
    """The database cannot be opened or has an unknown schema."""

    code = "store"
