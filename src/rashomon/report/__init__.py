"""The self-contained HTML report."""

from rashomon.report.html import render_report, write_report

__all__ = ["render_report", "write_report"]
