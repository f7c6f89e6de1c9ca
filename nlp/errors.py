"""Errors that reach the user as one line: what was wrong and what to do."""

from __future__ import annotations


class NlpError(Exception):
    """Base of the errors this package raises on purpose."""


class InputError(NlpError, ValueError):
    """A document cannot be read; the message says why and what to do."""

    def __init__(self, path: str, problem: str, advice: str = "") -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        message = f"{path}: {problem}"
        if advice:
            message += f"; {advice}"
        super().__init__(message)


class OutputError(InputError):
    """A result cannot be written where the user asked (a folder that cannot be written, a file name whose suffix
    is not the format asked for); the message says why and what to do."""


class LexiconError(NlpError, ValueError):
    """A lexicon table in nlp/data/lexicons is malformed or missing."""
