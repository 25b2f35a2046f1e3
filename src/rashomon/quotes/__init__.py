"""Quotes and claims: who said what, on whose authority, with which numbers."""
