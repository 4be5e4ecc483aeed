"""Errors that reach the user: one line naming the input and the problem."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be analyzed: a missing file, empty or binary content, a bad record."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
