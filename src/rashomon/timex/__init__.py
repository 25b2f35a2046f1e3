"""Temporal expressions: found in running text and normalised against the publication date."""

from rashomon.timex.extract import find_times
from rashomon.timex.normalize import Normalized, normalize

__all__ = ["Normalized", "find_times", "normalize"]
