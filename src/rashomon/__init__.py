"""Rashomon: what happened, and how each outlet told it, with citations."""

__version__ = "0.1.0"
