"""Render what users get as pictures: `make pictures` writes docs/pictures/*.png.

    python docs/pictures/render.py [--out docs/pictures] [--dpi 80]

It runs the toolkit on the bundled examples exactly as a user would, in a scratch folder:
`fix` on the 2019 seed report and on the clean 2023 example, and `check --report` on a folder
holding both plus a copy of the clean one (so the rekap shows a duplicate). Each sheet is then
printed to PDF by LibreOffice (headless, its own profile, Indonesian locale so numbers read
1.697 and 93,05 as in Excel on an Indonesian Windows) and the PDF pages turned into PNGs by
pdftoppm. The time in the Ringkasan header is fixed (SOURCE_DATE_EPOCH), so the pictures only
change when the output changes.

Pictures: ringkasan-N.png (every page of the seed's Ringkasan), temuan.png (first page of
Temuan), lembar-ditandai.png (first page of the corrected Pengukuran Kinerja sheet) and
rekap.png (first page of the rekap's Rekap sheet).

The helpers (`sheet_pdf`, `pdf_text`, `pdf_pages`, `build_outputs`) are also used by
tests/test_render.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "lkjip_2019_dinsos_batam.xlsx"
CLEAN = EXAMPLES / "lkjip_2023_dinas_contoh.xlsx"
FIXED_TIME = "1767225600"  # 2026-01-01T00:00:00Z, shown in the Ringkasan header
TOOLS = ("soffice", "pdftoppm", "pdftotext", "pdfinfo")
SOFFICE_TIMEOUT = 240


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _run_cli(*args: str, cwd: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_TIME}
    subprocess.run([sys.executable, "-m", "lkjip_xl", *args], cwd=cwd, env=env, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def build_outputs(work: Path) -> dict[str, Path]:
    """The corrected seed and clean workbooks and a rekap, written into `work`."""
    work.mkdir(parents=True, exist_ok=True)
    folder = work / "laporan"
    folder.mkdir(exist_ok=True)
    for src in (SEED, CLEAN):
        shutil.copy(src, folder / src.name)
    shutil.copy(CLEAN, folder / "salinan_lkjip_2023_dinas_contoh.xlsx")
    outputs = {"seed": work / "seed.diperbaiki.xlsx", "clean": work / "clean.diperbaiki.xlsx",
               "rekap": work / "rekap.xlsx"}
    _run_cli("fix", f"laporan/{SEED.name}", "-o", outputs["seed"].name, "--force", cwd=work)
    _run_cli("fix", f"laporan/{CLEAN.name}", "-o", outputs["clean"].name, "--force", cwd=work)
    _run_cli("check", "--exit-zero", "--report", outputs["rekap"].name, "laporan", cwd=work)
    for name, path in outputs.items():
        if not path.exists():
            raise SystemExit(f"render: lkjip-xl did not write the {name} output ({path})")
    return outputs


def sheet_pdf(xlsx: Path, sheet: str, out: Path, lang: str = "id") -> Path:
    """Print one sheet of `xlsx` to `out/<stem>.pdf` with LibreOffice (the other sheets are
    hidden in a copy; hidden sheets are not printed)."""
    import openpyxl

    out.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.load_workbook(xlsx)
    if sheet not in wb.sheetnames:
        raise SystemExit(f"render: no sheet {sheet!r} in {xlsx}")
    for ws in wb.worksheets:
        ws.sheet_state = "visible" if ws.title == sheet else "hidden"
        ws.sheet_view.tabSelected = ws.title == sheet
    wb.active = wb.sheetnames.index(sheet)
    stem = f"{xlsx.stem}-{sheet.replace(' ', '_')}"
    copy = out / f"{stem}.xlsx"
    wb.save(copy)
    locale = "id_ID.UTF-8" if lang != "en" else "en_US.UTF-8"
    with tempfile.TemporaryDirectory(prefix="lkjip-lo-") as profile:
        env = {**os.environ, "LANG": locale, "LC_ALL": locale}
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), str(copy)],
                       env=env, check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=SOFFICE_TIMEOUT)
    pdf = out / f"{stem}.pdf"
    if not pdf.exists():
        raise SystemExit(f"render: LibreOffice did not print {sheet!r} of {xlsx}")
    return pdf


def pdf_text(pdf: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    info = subprocess.run(["pdfinfo", "-l", "9999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            parts = line.split("size:")[1].split()
            sizes.append((float(parts[0]), float(parts[2])))
    return sizes


def content_box(pdf: Path, page: int = 1, pad: float = 12.0
                ) -> tuple[float, float, float, float]:
    """(x, y, width, height) in points around the text of one page."""
    import re

    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf),
                           "-"], capture_output=True, text=True, check=True).stdout
    boxes = [tuple(float(v) for v in m) for m in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    width, height = pdf_pages(pdf)[page - 1]
    boxes = [b for b in boxes if b[1] < height - 60]  # not the page-number footer
    if not boxes:
        return 0.0, 0.0, width, height
    x0 = max(0.0, min(b[0] for b in boxes) - pad)
    y0 = max(0.0, min(b[1] for b in boxes) - pad)
    return x0, y0, max(b[2] for b in boxes) + pad - x0, max(b[3] for b in boxes) + pad - y0


def pngs(pdf: Path, out: Path, name: str, dpi: int, first: int = 1,
         last: int | None = None, crop: bool = False) -> list[Path]:
    """Pages first..last of `pdf` as out/<name>.png (one page) or out/<name>-N.png; `crop`:
    only the part of the first page that holds text (a wide sheet printed small)."""
    pages = len(pdf_pages(pdf))
    last = min(last or pages, pages)
    area: list[str] = []
    if crop:
        scale = dpi / 72.0
        x, y, w, h = content_box(pdf, first)
        area = ["-x", str(int(x * scale)), "-y", str(int(y * scale)), "-W",
                str(int(w * scale)), "-H", str(int(h * scale))]
        last = first
    with tempfile.TemporaryDirectory(prefix="lkjip-png-") as tmp:
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(first), "-l", str(last),
                        *area, str(pdf), f"{tmp}/p"], check=True)
        made = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        result = []
        for i, png in enumerate(made, start=1):
            target = out / (f"{name}.png" if len(made) == 1 else f"{name}-{i}.png")
            shutil.move(str(png), target)
            result.append(target)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "pictures")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    if missing_tools():
        print(f"render: missing {', '.join(missing_tools())} (LibreOffice and poppler-utils)",
              file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="lkjip-pictures-") as tmp:
        work = Path(tmp)
        outputs = build_outputs(work)
        made: list[Path] = []
        made += pngs(sheet_pdf(outputs["seed"], "Ringkasan", work / "pdf"), args.out,
                     "ringkasan", args.dpi)
        made += pngs(sheet_pdf(outputs["seed"], "Temuan", work / "pdf"), args.out, "temuan",
                     args.dpi, 1, 1)
        made += pngs(sheet_pdf(outputs["seed"], "Pengukuran Kinerja", work / "pdf"), args.out,
                     "lembar-ditandai", args.dpi * 5 // 4, 1, 1, crop=True)
        made += pngs(sheet_pdf(outputs["rekap"], "Rekap", work / "pdf"), args.out, "rekap",
                     args.dpi * 2, 1, 1, crop=True)
    for path in made:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
