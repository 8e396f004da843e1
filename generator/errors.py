"""The one base of every problem a person can fix, caught once by the CLI and once by the plugin.

Internal bugs are not ``AppreciateError``: they may end in a traceback.
"""

from __future__ import annotations


class AppreciateError(Exception):
    """A problem the user can fix, told in one line per problem, each with a hint.

    ``exit_code`` is the command's: 2 for bad input, the default; 1 for a build that failed
    for another reason.
    """

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def report(self) -> str:
        """What a command prints on stderr before it exits with ``exit_code``."""
        return f"Error: {self.message}"
