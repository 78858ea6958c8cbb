"""Errors the data layer raises with a message a user can act on (the command line prints them as they are)."""


class DatabaseError(Exception):
    """The database file cannot be used: missing, not SQLite, corrupt, or from a newer version."""


class NotFoundError(LookupError):
    """A statement, issue, side or annotation named by the user does not exist."""


class ValidationError(ValueError):
    """A value the user entered cannot be stored (unknown issue, bad date, empty quote ...)."""
