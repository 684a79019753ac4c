"""What people see, printed by a real spreadsheet program: the corrected seed workbook, the
clean example and a rekap, rendered to PDF by LibreOffice (headless) and read back with
poppler. Skipped, with the reason, where LibreOffice or poppler is missing."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[1]
A4_LANDSCAPE = (841.9, 595.3)  # points


def _render_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render", ROOT / "docs/pictures/render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render = _render_module()
pytestmark = pytest.mark.skipif(bool(render.missing_tools()),
                                reason=f"needs {', '.join(render.missing_tools())}")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not (render.SEED.exists() and render.CLEAN.exists()):
        pytest.skip("examples not built yet")
    work = tmp_path_factory.mktemp("render")
    outputs = render.build_outputs(work)
    pdf = work / "pdf"
    return {
        **{f"{name}.xlsx": path for name, path in outputs.items()},
        "seed": render.sheet_pdf(outputs["seed"], "Ringkasan", pdf),
        "clean": render.sheet_pdf(outputs["clean"], "Ringkasan", pdf),
        "temuan": render.sheet_pdf(outputs["seed"], "Temuan", pdf),
        "rekap": render.sheet_pdf(outputs["rekap"], "Rekap", pdf),
    }


def _breaks(xlsx: Path, sheet: str = "Ringkasan") -> list[int]:
    ws = openpyxl.load_workbook(xlsx)[sheet]
    return [b.id for b in ws.row_breaks.brk]


@pytest.mark.parametrize("name", ["seed", "clean"])
def test_ringkasan_prints_on_a4_landscape_one_page_wide(printed: dict[str, Path],
                                                        name: str) -> None:
    pdf = printed[name]
    pages = render.pdf_pages(pdf)
    assert all(abs(w - A4_LANDSCAPE[0]) < 2 and abs(h - A4_LANDSCAPE[1]) < 2
               for w, h in pages), pages
    # One page wide: the pages are exactly the sections' pages (a sheet cut in width would
    # print each strip of columns on pages of its own).
    breaks = _breaks(printed[f"{name}.xlsx"])
    assert breaks, "page breaks between sections"
    assert len(pages) == len(breaks) + 1
    first = render.pdf_text(pdf, 1)
    assert "Kode" in first and "Rumus" in first  # first and last column on one page
    for page in range(1, len(pages) + 1):  # the print title on every page
        assert "Ringkasan Kinerja" in render.pdf_text(pdf, page)


@pytest.mark.parametrize("name", ["seed", "clean", "temuan", "rekap"])
def test_no_cell_prints_as_hashes(printed: dict[str, Path], name: str) -> None:
    text = render.pdf_text(printed[name])
    assert "###" not in text


def test_seed_ringkasan_reads_as_the_report_would(printed: dict[str, Path]) -> None:
    text = render.pdf_text(printed["seed"])
    flat = " ".join(text.split())
    # Numbers formatted, in the Indonesian locale: Target and Realisasi too.
    assert "16.132.657.600" in flat and "15.264.316.933" in flat and "94,62" in flat
    assert "1.697" in flat  # IK-3's target on its Pengukuran row (was unformatted 1697)
    # The header says where the workbook came from.
    assert re.search(r"SHA-256 [0-9a-f]{64}", flat)
    assert "lkjip_2019_dinsos_batam.xlsx" in flat
    # IK-7: PK 12 vs RPJMD 700 flagged as a likely unit difference.
    assert "berbeda lebih dari 10 kali" in flat
    # The efficiency section names what it could not compute; four mark counts.
    assert "tidak dihitung" not in flat  # IK-1, IK-3, IK-4 are computed from their rows
    for label in ("Nilai dibetulkan", "Sel kosong diisi", "Teks diubah menjadi angka",
                  "Perlu ditinjau"):
        assert label in flat
    # The chart: titled with the agency and year; n/a for what cannot be computed.
    # every indicator of the seed is computed (IK-1, IK-3, IK-4 from their own rows): no n/a
    assert "Dinas Sosial dan" in flat and "IK-7" in flat and "(n/a)" not in flat


def test_temuan_prints_errors_first(printed: dict[str, Path]) -> None:
    first = render.pdf_text(printed["temuan"], 1)
    rows = [line.split() for line in first.splitlines() if re.match(r"\s*\d+\s", line)]
    assert rows and rows[0][1] == "galat"
    assert "Tanggapan / Tindak Lanjut" in " ".join(first.split())


def test_rekap_prints_words_and_the_same_figures(printed: dict[str, Path]) -> None:
    flat = " ".join(render.pdf_text(printed["rekap"]).split())
    assert "ada temuan" in flat and "tanpa temuan" in flat and "sama persis dengan" in flat
    assert "81,29" in flat and "88,78" in flat  # the Ringkasan figures of both workbooks
    assert len(render.pdf_pages(printed["rekap"])) == 1
