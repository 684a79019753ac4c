"""Writers: text and data formats for findings, the corrected workbook, the Excel layer."""
