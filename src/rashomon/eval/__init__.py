"""Scorers for the external test suites in ../shared/eval, with pinned floors."""
