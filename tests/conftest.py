"""Set-up shared by every test module."""

from __future__ import annotations

import os

# tests/test_excel.py drives xlwings' remote engine (`xw.Book(json=...)`), the engine of
# xlwings Server and Lite. It is part of xlwings PRO and loads only when a licence key is set
# before xlwings is first imported; "noncommercial" selects the PolyForm Noncommercial licence,
# which covers running the tests (docs/panduan-excel.md, "Lisensi").
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
