"""Reading workbooks: open the file, find the tables, build the Report."""

from ..model import WorkbookError
from .limits import Limits
from .report_reader import build_report, read_identity, read_report

__all__ = ["Limits", "WorkbookError", "build_report", "read_identity", "read_report"]
