"""Reading Word and PDF reports into tables (lkjip_xl.importing.document.read_document): the
committed fixtures of examples/documents/ (laid out as published, the PDFs made by
LibreOffice), documents built here, and every kind of bad document, each refused with one
DocumentError whose key is in the message catalogue."""

from __future__ import annotations

import pickle
import re
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
pytest.importorskip("pdfplumber")

from lkjip_xl.importing.document import (  # noqa: E402
    DocTable,
    Document,
    DocumentError,
    DocumentLimits,
    caption_number,
    is_caption,
    read_document,
)
from lkjip_xl.messages import MESSAGES, t  # noqa: E402

from .pdf_builder import Page, build_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "examples" / "documents"
BATAM = "lkjip_2019_dinsos_batam"


@pytest.fixture(scope="module")
def batam_docx() -> Document:
    return read_document(DOCS / f"{BATAM}.docx")


@pytest.fixture(scope="module")
def batam_pdf() -> Document:
    return read_document(DOCS / f"{BATAM}.pdf")


def table(doc: Document, caption_start: str) -> DocTable:
    found = [tb for tb in doc.tables if tb.caption.startswith(caption_start)]
    assert len(found) == 1, [tb.caption for tb in doc.tables]
    return found[0]


def row_with(tb: DocTable, col: int, text: str) -> list:
    rows = [r for r in tb.rows if r[col].text == text]
    assert len(rows) == 1, (text, [r[col].text for r in tb.rows])
    return rows[0]


def flat(text: str) -> str:
    return " ".join(text.split())


# --- the Batam report (seed) ---------------------------------------------------------------

@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_batam_tables_and_captions(kind: str, batam_docx: Document, batam_pdf: Document) -> None:
    doc = batam_docx if kind == "docx" else batam_pdf
    assert doc.kind == kind
    assert [tb.number for tb in doc.tables] == [1, 2, 3, 4, 5, 6]
    assert [tb.caption for tb in doc.tables] == [
        "",  # the staff table of Bab I has no title
        "LAMPIRAN : II. 2.2.1 PERJANJIAN KINERJA TAHUN 2019",
        "",  # Bab III 3.3: "Sasaran 1 : ..." and "Tahun 2019." above it are not titles
        "", "",
        "TABEL : VI.1 INDIKATOR KINERJA DINAS SOSIAL DAN PEMBERDAYAAN MASYARAKAT, YANG "
        "MENGACU PADA TUJUAN DAN SASARAN (RPJMD 2016 – 2021).",
    ]
    assert [(len(tb.rows), tb.n_cols) for tb in doc.tables] == [
        (18, 5), (25, 7), (12, 5), (9, 5), (38, 5), (9, 10)]
    for tb in doc.tables:
        assert all(len(r) == tb.n_cols for r in tb.rows)  # a full grid
        assert [[c.row for c in r] for r in tb.rows] == [[i] * tb.n_cols
                                                         for i in range(len(tb.rows))]
        assert all([c.col for c in r] == list(range(tb.n_cols)) for r in tb.rows)
        assert tb.nested_in is None
    assert "KOTA BATAM" in doc.text and "TAHUN 2019" in doc.text


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_batam_lampiran_ii_merged_cells_multi_figure_and_jumlah(
        kind: str, batam_docx: Document, batam_pdf: Document) -> None:
    pk = table(batam_docx if kind == "docx" else batam_pdf, "LAMPIRAN : II")
    header = pk.rows[0]
    assert [flat(c.text) for c in header] == [
        "SASARAN", "INDIKATOR KINERJA", "TARGET", "PROGRAM/KEGIATAN", "PROGRAM/KEGIATAN",
        "REALISASI FISIK", "ANGGARAN"]
    assert [c.span for c in header] == [1, 1, 1, 2, 2, 1, 1]  # merged across No + name
    assert [c.text for c in pk.rows[1]] == ["1", "2", "", "", "4", "", "5"]
    # the sasaran is printed once, merged down the block: repeated in every row it covers
    sasaran = [flat(r[0].text) for r in pk.rows[2:16]]
    assert sasaran == ["Peningkatan Kualitas Hidup Sosial Kemasyarakatan"] * 14
    # indicator 1 merged over its three kegiatan
    assert [flat(r[1].text) for r in pk.rows[2:7]] == ["1. Menurunya Jumlah PMKS"] * 4 + [
        "2. Persentase Potensi Sumber Kesejahteraan Sosial yang berpartisipasi dalam "
        "penanganan PMKS"]
    # the multi-figure cells, exactly as printed (whitespace collapsed)
    k13 = row_with(pk, 4, "Pembinaan Lembaga dan Organisasi masyarakat")
    assert (k13[2].text, k13[3].text, k13[5].text, k13[6].text) == (
        "530 Lbg. 64 KDS", "13", "501 Lbg. 64 KDS", "9,801,765,000")
    k11 = row_with(pk, 4, "Pelayanan Sosial Penyandang Disalibitas")
    assert k11[2].text == k11[5].text == "30 ODGJ, 150 Org, 10 UEP"
    assert flat(row_with(pk, 4, "Verivikasi dan Validasi data PMKS")[2].text) == "12 (37.428)"
    # the Jumlah / Target rows
    total = row_with(pk, 1, "Jumlah target I + II")
    assert [c.text for c in total[2:]] == ["594 Lbg. 4.133 Org", "", "", "565 Lbg. 3.917 Org",
                                          ""]
    targets = [r for r in pk.rows if r[1].text == "Target"]
    assert [(flat(r[2].text), r[4].text, r[5].text) for r in targets] == [
        ("2,819", "Realisasi", "2.109"),
        ("594 Lbg, 3.838 Org 295 Org", "", "565 Lbg, 3.635 Org 282 Org.")]
    # the closing sentence merged across the table
    last = pk.rows[-1]
    assert {c.span for c in last[1:]} == {6} and len({c.text for c in last[1:]}) == 1


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_batam_lampiran_ii_split_by_the_author_is_stitched(
        kind: str, batam_docx: Document, batam_pdf: Document) -> None:
    pk = table(batam_docx if kind == "docx" else batam_pdf, "LAMPIRAN : II")
    assert pk.continued
    # the header rows typed again on the second page are not rows of the table
    assert sum(1 for r in pk.rows if r[0].text == "SASARAN") == 1
    assert sum(1 for r in pk.rows if [c.text for c in r] == ["1", "2", "", "", "4", "", "5"]) \
        == 1
    program2 = row_with(pk, 6, "10,486,531,000")
    assert flat(program2[3].text) == "Peningkatan Pemberdayaan Masyarakat dan Partisipasi " \
        "Masyarakat"
    if kind == "docx":
        assert pk.pages == () and all(c.page is None for r in pk.rows for c in r)
    else:
        assert pk.pages == (3, 4)
        assert {c.page for c in pk.rows[2]} == {3}
        assert {c.page for c in program2} == {4}


def test_batam_pdf_table_continued_by_the_writer_header_repeated(batam_pdf: Document) -> None:
    """Belanja Langsung and Tabel VI.1 flow over a page; LibreOffice repeats the header row
    there (Word's 'repeat as header row'): stitched, the header kept once."""
    keuangan = batam_pdf.tables[4]
    assert keuangan.continued and keuangan.pages == (6, 7)
    assert sum(1 for r in keuangan.rows if r[0].text == "KEGIATAN") == 1
    assert keuangan.rows[-1][0].text == "Jumlah SELURUHNYA....."
    assert [c.text for c in keuangan.rows[-1][2:]] == [
        "26,787,846,626.65", "25,154,544,046.00", "93,90"]
    assert keuangan.rows[-1][0].page == 7
    vi1 = batam_pdf.tables[5]
    assert not vi1.continued and vi1.pages == (8,)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_batam_tabel_vi_1_merged_year_header(kind: str, batam_docx: Document,
                                             batam_pdf: Document) -> None:
    vi1 = table(batam_docx if kind == "docx" else batam_pdf, "TABEL : VI.1")
    top, years = vi1.rows[0], vi1.rows[1]
    assert {flat(c.text) for c in top[4:9]} == {"TARGET KINERJA SASARAN PADA TAHUN KE -"}
    assert [c.span for c in top[4:9]] == [5] * 5
    assert [c.text for c in years[4:9]] == ["2017", "2018", "2019", "2020", "2021"]
    # vertical merges in the header and down the tujuan/sasaran blocks
    assert flat(years[0].text) == flat(top[0].text) == "T U J U A N"
    assert flat(years[9].text) == "KONDISI KINERJA PADA AKHIR PERIODE RPJMD"
    assert {flat(r[0].text) for r in vi1.rows[2:]} == {"Meningkatkan Kesejahteraan Masyarakat"}
    ik7 = vi1.rows[-1]
    assert [c.text for c in ik7[2:]] == [
        "Jumlah Kapasitas Lembaga dan Ekonomi Kelurahan", "50", "750", "750", "700", "700",
        "700", "750"]
    assert flat(vi1.rows[2][4].text) == "10 % . 36.103 3.611"


def test_batam_docx_and_pdf_agree_cell_by_cell(batam_docx: Document,
                                                batam_pdf: Document) -> None:
    """The PDF made from the .docx reads the same, line breaks aside (a PDF cannot tell a
    line the writer wrapped from one the author broke)."""
    for a, b in zip(batam_docx.tables, batam_pdf.tables, strict=True):
        assert [[(flat(c.text), c.span) for c in r] for r in a.rows] == \
            [[(flat(c.text), c.span) for c in r] for r in b.rows], a.number
    assert batam_pdf.pages == 8 and batam_pdf.image_pages == ()


# --- two more published layouts ------------------------------------------------------------

@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_baubau_two_years_under_merged_headers(suffix: str) -> None:
    doc = read_document(DOCS / f"lakip_2022_lapas_baubau.{suffix}")
    (tb,) = doc.tables
    assert tb.caption == ("Tabel 3.15 Persentase tahanan/narapidana lansia yang mendapatkan "
                          "layanan kesehatan sesuai standar")
    assert [c.text for c in tb.rows[0][2:]] == ["TAHUN 2021"] * 3 + ["TAHUN 2022"] * 3
    assert [c.span for c in tb.rows[0]] == [1, 1, 3, 3, 3, 3, 3, 3]
    assert [c.text for c in tb.rows[1]] == ["SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET",
                                            "REALISASI", "CAPAIAN", "TARGET", "REALISASI",
                                            "CAPAIAN"]
    assert tb.rows[2][7].text == "8 = 7/6x100%"
    assert [c.text for c in tb.rows[3][2:]] == ["75%", "75%", "100%", "80%", "100%", "125%"]
    assert flat(tb.rows[3][0].text).startswith(
        "Meningkatnya Pelayanan Perawatan Narapidana/Tahanan/Anak, Pengendalian")
    assert "LEMBAGA PEMASYARAKATAN KELAS IIA BAUBAU" in doc.text
    assert tb.pages == ((2,) if suffix == "pdf" else ())


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_sumut_two_line_caption_and_cells_merged_down(suffix: str) -> None:
    doc = read_document(DOCS / f"lkj_2021_prov_sumut_setda.{suffix}")
    (tb,) = doc.tables
    assert tb.caption == "Tabel 19 Realisasi Keuangan Sasaran Strategis-3"
    assert len(tb.rows) == 7 and tb.n_cols == 7
    assert {flat(r[1].text) for r in tb.rows[2:]} == {
        "Persentase kegiatan dalam pembinaan aparatur pemerintahan dalam penyelenggaran "
        "kebijakan pemerintahan di daerah serta Kegiatan Evaluasi Kerjasama Pemerintah/ "
        "Badan Usaha/ Swasta"}
    assert [flat(r[2].text) for r in tb.rows[4:]] == ["Kegiatan Fasilitasi Kerjasama Daerah"] * 3
    program = tb.rows[2]
    assert program[2].text == program[3].text == "Program Pemerintahan Dan Otonomi Daerah"
    assert program[2].span == 2 and [c.text for c in program[4:]] == ["", "", "88.6"]
    assert [c.text for c in tb.rows[6][4:]] == ["398.379.650", "307.055.630", "80.5"]


# --- documents built here ------------------------------------------------------------------

def _grid_table(d: object, rows: list[list[str]]) -> object:
    tb = d.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            tb.cell(r, c).text = text
    return tb


def test_docx_without_tables_reads_with_no_tables(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("LAPORAN KINERJA TAHUN 2024")
    d.add_paragraph("Tabel berikut tidak ada.")
    d.save(str(tmp_path / "kosong.docx"))
    doc = read_document(tmp_path / "kosong.docx")
    assert doc.tables == [] and doc.kind == "docx"
    assert doc.text == "LAPORAN KINERJA TAHUN 2024\nTabel berikut tidak ada."


def test_docx_merges_nesting_continuation_and_captions(tmp_path: Path) -> None:
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.add_paragraph("Tabel 3.2")
    d.add_paragraph("Pengukuran Kinerja Sasaran 1")
    a = _grid_table(d, [["No", "Tahun 2024", "", "Ket"], ["", "Target", "Realisasi", ""],
                        ["1", "530 Lbg.\u00a0\u00a0  64 KDS", "93,05  %", ""], ["2", "", "", ""]])
    a.cell(0, 1).merge(a.cell(0, 2))
    a.cell(0, 0).merge(a.cell(1, 0))
    a.cell(0, 3).merge(a.cell(1, 3))
    a.cell(3, 1).add_table(rows=1, cols=2).cell(0, 1).text = "di dalam"
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Lanjutan Tabel 3.2")
    b = _grid_table(d, [["No", "Tahun 2024", "", "Ket"], ["", "Target", "Realisasi", ""],
                        ["3", "12", "11", "catatan"]])
    b.cell(0, 1).merge(b.cell(0, 2))
    b.cell(0, 0).merge(b.cell(1, 0))
    b.cell(0, 3).merge(b.cell(1, 3))
    d.add_paragraph("Tabel 3.3 Anggaran")
    _grid_table(d, [["No", "Tahun 2024", "x", "Ket"], ["4", "5", "6", "7"]])
    d.add_paragraph("Teks biasa di antara dua tabel.")
    _grid_table(d, [["No", "Tahun 2024", "x", "Ket"], ["8", "9", "10", "11"]])
    d.save(str(tmp_path / "laporan.docx"))
    doc = read_document(tmp_path / "laporan.docx")
    assert [(tb.number, tb.caption, tb.continued, tb.nested_in) for tb in doc.tables] == [
        (1, "Tabel 3.2 Pengukuran Kinerja Sasaran 1", True, None),
        (2, "", False, 1),
        (3, "Tabel 3.3 Anggaran", False, None),  # a new caption: a new table
        (4, "", False, None),  # running text between: not a continuation
    ]
    first = doc.tables[0]
    assert first.texts() == [
        ["No", "Tahun 2024", "Tahun 2024", "Ket"],
        ["No", "Target", "Realisasi", "Ket"],
        ["1", "530 Lbg. 64 KDS", "93,05 %", ""],
        ["2", "", "", ""],
        ["3", "12", "11", "catatan"],
    ]
    assert [c.span for c in first.rows[0]] == [1, 2, 2, 1]
    assert doc.tables[1].texts() == [["", "di dalam"]]


def test_docx_captions_below_their_tables(tmp_path: Path) -> None:
    """Word's "Insert Caption" puts a table's caption below it by default: a document that
    does so for its tables gets each caption on the table above it, not the next one."""
    d = docx.Document()
    d.add_paragraph("Pendahuluan.")
    _grid_table(d, [["Indikator", "Target"], ["A", "1"]])
    d.add_paragraph("Tabel 1 Target Kinerja")
    d.add_paragraph("Penjelasan tabel 1.")
    _grid_table(d, [["Uraian", "Pagu", "Realisasi"], ["B", "2", "3"]])
    d.add_paragraph("Tabel 2 Anggaran")
    d.save(str(tmp_path / "bawah.docx"))
    doc = read_document(tmp_path / "bawah.docx")
    assert [tb.caption for tb in doc.tables] == ["Tabel 1 Target Kinerja", "Tabel 2 Anggaran"]


def test_docx_legacy_horizontal_merge(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    tb = _grid_table(d, [["Tahun 2024", "", "Ket"], ["Target", "Realisasi", "x"]])
    for c, val in ((0, "restart"), (1, None)):
        merge = OxmlElement("w:hMerge")
        if val:
            merge.set(qn("w:val"), val)
        tb.cell(0, c)._tc.get_or_add_tcPr().append(merge)
    d.save(str(tmp_path / "hmerge.docx"))
    (table_,) = read_document(tmp_path / "hmerge.docx").tables
    assert table_.texts() == [["Tahun 2024", "Tahun 2024", "Ket"], ["Target", "Realisasi", "x"]]
    assert [c.span for c in table_.rows[0]] == [2, 2, 1]


def test_docx_pages_where_word_recorded_them(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement

    def rendered_break(paragraph: object) -> None:
        run = paragraph.add_run()  # type: ignore[attr-defined]
        run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))

    d = docx.Document()
    d.add_paragraph("Tabel 1 Capaian")
    a = _grid_table(d, [["Indikator", "Target"], ["A", "1"], ["B", "2"]])
    rendered_break(a.cell(2, 0).paragraphs[0])  # row 3 printed on page 2
    rendered_break(d.add_paragraph("Bab berikutnya"))
    d.add_paragraph("Tabel 2 Anggaran")
    _grid_table(d, [["Uraian", "Pagu"], ["C", "3"]])
    d.save(str(tmp_path / "halaman.docx"))
    doc = read_document(tmp_path / "halaman.docx")
    assert doc.pages == 3
    first, second = doc.tables
    assert first.pages == (1, 2) and [r[0].page for r in first.rows] == [1, 1, 2]
    assert second.pages == (3,) and {c.page for r in second.rows for c in r} == {3}


# --- PDFs built here -----------------------------------------------------------------------

def _unruled_page() -> Page:
    texts = [(60, 80, "Laporan kinerja, teks pembuka."),
             (60, 110, "Tabel 2.1 Target dan Realisasi Kinerja")]
    rows = [("Indikator", "Target", "Realisasi", "Capaian"),
            ("Persentase A", "80%", "100%", "125%"),
            ("Jumlah B", "594", "565", "95,12")]
    for r, row in enumerate(rows):
        texts += [(60 + c * 120, 140 + r * 20, text) for c, text in enumerate(row)]
    texts.append((60, 240, "Sumber: data olahan."))
    return Page(texts=texts)


def test_pdf_unruled_table_under_its_title(tmp_path: Path) -> None:
    path = tmp_path / "tanpa_garis.pdf"
    path.write_bytes(build_pdf([_unruled_page()]))
    doc = read_document(path)
    (tb,) = doc.tables
    assert tb.caption == "Tabel 2.1 Target dan Realisasi Kinerja"
    assert tb.texts() == [["Indikator", "Target", "Realisasi", "Capaian"],
                          ["Persentase A", "80%", "100%", "125%"],
                          ["Jumlah B", "594", "565", "95,12"]]
    assert tb.pages == (1,) and doc.pages == 1


def test_pdf_prose_is_no_table(tmp_path: Path) -> None:
    """Prose is not read as a table: neither without a title line, nor under one (a title
    whose table is on the next page), where word "columns" would run through the words."""
    import random

    rng = random.Random(1)
    words = ["pelaksanaan", "kegiatan", "anggaran", "dinas", "sosial", "kota", "capaian",
             "target", "realisasi", "indikator", "program", "masyarakat", "kesejahteraan",
             "data", "verifikasi", "tahun"]
    prose = [(60, 90 + 14 * i, " ".join(rng.choice(words) for _ in range(9)))
             for i in range(30)]
    for title in ([], [(60, 60, "Tabel 3.2 Pengukuran Kinerja Sasaran")]):
        path = tmp_path / "prosa.pdf"
        path.write_bytes(build_pdf([Page(texts=title + prose)]))
        assert read_document(path).tables == [], title


def test_pdf_ruled_table_continued_on_next_page_columns_line_up(tmp_path: Path) -> None:
    def ruled(rows: list[tuple[str, str, str]], top: float, title: str | None,
              page: int) -> Page:
        xs, h = [60, 200, 300, 400], 20
        lines = [(xs[0], top + i * h, xs[-1], top + i * h) for i in range(len(rows) + 1)]
        lines += [(x, top, x, top + len(rows) * h) for x in xs]
        texts = [(xs[c] + 4, top + r * h + 5, text) for r, row in enumerate(rows)
                 for c, text in enumerate(row)]
        if title:
            texts.append((60, top - 30, title))
        texts.append((280, 800, f"Halaman {page}"))
        return Page(texts=texts, lines=lines)

    p1 = ruled([("Indikator", "Target", "Realisasi"), ("A", "1", "2"), ("B", "3", "4")], 600,
               "Tabel 5 Capaian", 1)
    p2 = ruled([("C", "5", "6"), ("Jumlah", "9", "12")], 60, None, 2)
    path = tmp_path / "bersambung.pdf"
    path.write_bytes(build_pdf([p1, p2]))
    (tb,) = read_document(path).tables
    assert tb.continued and tb.pages == (1, 2) and tb.caption == "Tabel 5 Capaian"
    assert tb.texts()[-2:] == [["C", "5", "6"], ["Jumlah", "9", "12"]]
    assert [r[0].page for r in tb.rows] == [1, 1, 1, 2, 2]


def test_pdf_table_ruled_between_rows_only(tmp_path: Path) -> None:
    """Lines under each row and a box around, none between the columns: the rows come from
    the lines, the columns from where the words line up (the first row included)."""
    rows = [("Indikator", "Target", "Realisasi", "Capaian"), ("Persentase A", "80%", "100%",
            "125%"), ("Jumlah B", "594", "565", "95,12"), ("Rasio C", "1:32", "1:30", "106,67")]
    top, h, xs = 140, 20, [60, 200, 300, 400, 500]
    texts = [(60, 100, "Tabel 4 Capaian Kinerja")]
    texts += [(xs[c] + 4, top + r * h + 5, text) for r, row in enumerate(rows)
              for c, text in enumerate(row)]
    lines = [(xs[0], top + i * h, xs[-1], top + i * h) for i in range(len(rows) + 1)]
    lines += [(xs[0], top, xs[0], top + len(rows) * h), (xs[-1], top, xs[-1], top + len(rows) * h)]
    path = tmp_path / "garis_baris.pdf"
    path.write_bytes(build_pdf([Page(texts=texts, lines=lines)]))
    (tb,) = read_document(path).tables
    assert tb.caption == "Tabel 4 Capaian Kinerja"
    assert tb.texts() == [list(r) for r in rows]


def test_pdf_captions_below_their_tables(tmp_path: Path) -> None:
    def boxed(top: float, rows: list[tuple[str, str]]) -> tuple[list, list]:
        xs, h = [60, 250, 400], 20
        lines = [(xs[0], top + i * h, xs[-1], top + i * h) for i in range(len(rows) + 1)]
        lines += [(x, top, x, top + len(rows) * h) for x in xs]
        texts = [(xs[c] + 4, top + r * h + 5, text) for r, row in enumerate(rows)
                 for c, text in enumerate(row)]
        return texts, lines

    t1, l1 = boxed(100, [("Indikator", "Target"), ("A", "1")])
    t2, l2 = boxed(250, [("Uraian", "Pagu"), ("B", "2")])
    texts = [(60, 70, "Pendahuluan."), *t1, (60, 150, "Tabel 1 Target Kinerja"),
             (60, 175, "Penjelasan tabel pertama."), *t2, (60, 300, "Tabel 2 Anggaran")]
    path = tmp_path / "judul_bawah.pdf"
    path.write_bytes(build_pdf([Page(texts=texts, lines=l1 + l2)]))
    doc = read_document(path)
    assert [tb.caption for tb in doc.tables] == ["Tabel 1 Target Kinerja", "Tabel 2 Anggaran"]


def test_title_typed_as_the_tables_first_row(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Teks pembuka.")
    tb = _grid_table(d, [["Tabel 7 Realisasi Anggaran", "", ""], ["Uraian", "Pagu", "Realisasi"],
                         ["Belanja", "10", "9"]])
    tb.cell(0, 0).merge(tb.cell(0, 2))
    d.save(str(tmp_path / "judul.docx"))
    assert read_document(tmp_path / "judul.docx").tables[0].caption == \
        "Tabel 7 Realisasi Anggaran"
    xs, top, h = [60, 250, 350, 450], 100, 20
    lines = [(xs[0], top + i * h, xs[-1], top + i * h) for i in range(4)]
    lines += [(xs[0], top, xs[0], top + 3 * h), (xs[-1], top, xs[-1], top + 3 * h)]
    lines += [(x, top + h, x, top + 3 * h) for x in xs[1:-1]]  # none in the title row
    texts = [(64, top + 5, "Tabel 7 Realisasi Anggaran")]
    texts += [(xs[c] + 4, top + (r + 1) * h + 5, text) for r, row in
              enumerate([("Uraian", "Pagu", "Realisasi"), ("Belanja", "10", "9")])
              for c, text in enumerate(row)]
    path = tmp_path / "judul.pdf"
    path.write_bytes(build_pdf([Page(texts=texts, lines=lines)]))
    (table_,) = read_document(path).tables
    assert table_.caption == "Tabel 7 Realisasi Anggaran"
    assert table_.texts()[1:] == [["Uraian", "Pagu", "Realisasi"], ["Belanja", "10", "9"]]


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    path = tmp_path / "terbatas.pdf"
    path.write_bytes(build_pdf([_unruled_page()], user_password=""))
    (tb,) = read_document(path).tables
    assert tb.rows[1][3].text == "125%"


# --- bad documents -------------------------------------------------------------------------

def refused(path: Path, limits: DocumentLimits | None = None) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_document(path, limits)
    err = info.value
    assert err.key in MESSAGES, err.key
    for lang in ("id", "en"):
        text = err.message(lang)
        assert text and "{" not in text and "\n" not in text
    return err


def test_scanned_pdf_says_ocr_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(build_pdf([Page(image=True)] * 3))
    err = refused(path)
    assert err.key == "doc.no_text_layer"
    assert "OCR" in err.message("id") and "3 halaman" in err.message("id")


def test_pdf_with_some_scanned_pages_lists_them(tmp_path: Path) -> None:
    path = tmp_path / "campuran.pdf"
    path.write_bytes(build_pdf([_unruled_page(), Page(image=True)]))
    doc = read_document(path)
    assert doc.image_pages == (2,) and len(doc.tables) == 1


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "terkunci.pdf"
    path.write_bytes(build_pdf([_unruled_page()], user_password="rahasia"))
    assert refused(path).key == "doc.pdf_password"


def test_pdf_over_the_page_and_size_limits(tmp_path: Path) -> None:
    path = tmp_path / "tebal.pdf"
    path.write_bytes(build_pdf([Page(texts=[(60, 60, f"hal {i}")]) for i in range(6)]))
    err = refused(path, DocumentLimits(max_pages=5))
    assert err.key == "doc.limit_pages" and "6 > 5" in err.message("en")
    assert len(read_document(path, DocumentLimits(max_pages=6)).text.split("\n")) == 6
    big = refused(path, DocumentLimits(max_file_bytes=500))
    assert big.key == "doc.limit_file_size"


def test_corrupt_and_truncated_pdf(tmp_path: Path) -> None:
    data = build_pdf([_unruled_page()])
    (tmp_path / "potong.pdf").write_bytes(data[: len(data) // 3])
    (tmp_path / "sampah.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    (tmp_path / "nol.pdf").write_bytes(build_pdf([]))
    assert refused(tmp_path / "nol.pdf").key == "doc.corrupt_pdf"
    for name in ("potong.pdf", "sampah.pdf"):
        err = refused(tmp_path / name)
        assert err.key in ("doc.corrupt_pdf", "doc.no_text_layer"), (name, err.key)


def test_zip_bomb_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (40 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    assert refused(path).key == "doc.limit_zip_ratio"
    err = refused(path, DocumentLimits(max_uncompressed_bytes=1024 * 1024, max_ratio=1e9))
    assert err.key == "doc.limit_uncompressed"


def test_not_a_docx_at_all(tmp_path: Path) -> None:
    cases = {
        "teks.docx": (b"Nama,Target\nA,1\n", "doc.unknown_type"),
        "lama.docx": (bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, "doc.legacy_doc"),
        "kosong.docx": (b"", "doc.empty"),
        "web.docx": (b"<html><body>LKjIP</body></html>", "doc.unknown_type"),
        "rtf.docx": (b"{\\rtf1\\ansi LKjIP}", "doc.rtf"),
    }
    for name, (data, key) in cases.items():
        (tmp_path / name).write_bytes(data)
        assert refused(tmp_path / name).key == key, name
    # a zip that is no Word document, a workbook renamed, a truncated docx
    with zipfile.ZipFile(tmp_path / "arsip.docx", "w") as zf:
        zf.writestr("catatan.txt", "bukan dokumen")
    assert refused(tmp_path / "arsip.docx").key == "doc.no_document_part"
    with zipfile.ZipFile(tmp_path / "buku.docx", "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert refused(tmp_path / "buku.docx").key == "doc.is_workbook"
    whole = (DOCS / f"{BATAM}.docx").read_bytes()
    (tmp_path / "potong.docx").write_bytes(whole[: len(whole) // 2])
    assert refused(tmp_path / "potong.docx").key == "doc.corrupt_docx"
    assert refused(tmp_path / "tidak_ada.docx").key == "doc.not_found"
    assert refused(tmp_path).key == "doc.is_directory"


def test_docx_with_a_dtd_is_refused(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("x")
    d.save(str(tmp_path / "asli.docx"))
    with zipfile.ZipFile(tmp_path / "asli.docx") as src, \
            zipfile.ZipFile(tmp_path / "dtd.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            dst.writestr(item, data)
    assert refused(tmp_path / "dtd.docx").key == "doc.xml_dtd"


def test_real_type_wins_over_the_extension(tmp_path: Path) -> None:
    (tmp_path / "laporan.docx").write_bytes((DOCS / f"{BATAM}.pdf").read_bytes())
    (tmp_path / "laporan.pdf").write_bytes((DOCS / f"{BATAM}.docx").read_bytes())
    assert read_document(tmp_path / "laporan.docx").kind == "pdf"
    assert read_document(tmp_path / "laporan.pdf").kind == "docx"


# --- the error itself and the catalogue ----------------------------------------------------

def test_document_error_pickles_and_speaks_both_languages() -> None:
    err = DocumentError("doc.limit_pages", detail="1,200 > 1,000")
    back = pickle.loads(pickle.dumps(err))
    assert (back.key, back.fields) == ("doc.limit_pages", {"detail": "1,200 > 1,000"})
    assert back.message("en") == t("doc.limit_pages", "en", detail="1,200 > 1,000")
    assert "1,200 > 1,000" in back.message("id") and back.message("id") != back.message("en")


def test_every_document_error_key_is_in_the_catalogue() -> None:
    source = "".join(p.read_text(encoding="utf-8")
                     for p in (ROOT / "lkjip_xl" / "importing").glob("*.py"))
    keys = set(re.findall(r'DocumentError\(\s*"(doc\.[a-z_]+)"', source))
    keys |= set(re.findall(r'"(doc\.[a-z_]+)"', source))
    keys |= {f"doc.corrupt_{kind}" for kind in ("docx", "pdf")}
    assert len(keys) > 20
    missing = sorted(k for k in keys if k not in MESSAGES)
    assert not missing, missing


@pytest.mark.parametrize("text, expected", [
    ("Tabel 3.2 Pengukuran Kinerja", True), ("TABEL : VI.1", True), ("LAMPIRAN : II. 2.2.1", True),
    ("Tabel 19", True), ("Table 2: Budget", True), ("Lampiran", True),
    ("Tabel berikut menunjukkan capaian", False), ("Tabel capaian kinerja", False),
    ("Tabelnya ada di bawah", False), ("Sasaran 1 : Peningkatan", False),
])
def test_caption_lines(text: str, expected: bool) -> None:
    assert is_caption(text) is expected


def test_reading_a_document_imports_its_libraries_only_then(tmp_path: Path) -> None:
    """`import lkjip_xl.importing.document` is cheap: python-docx and pdfplumber are loaded
    by the reader of the kind being read, and nothing is printed besides."""
    import subprocess
    import sys

    code = ("import sys\nfrom lkjip_xl.importing.document import read_document\n"
            "assert not {'docx', 'pdfplumber', 'pdfminer', 'lxml'} & set(sys.modules)\n"
            "read_document(sys.argv[1])\n"
            "assert 'pdfplumber' in sys.modules and 'docx' not in sys.modules\n")
    path = tmp_path / "x.pdf"
    page = _unruled_page()
    page.raw = "/NotANumber w"  # pdfminer logs a warning about it
    path.write_bytes(build_pdf([page]))
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""


@pytest.mark.parametrize(("caption", "expected"), [
    ("Tabel 3.15 Persentase tahanan lansia", ("Tabel", "3.15")),
    ("TABEL : VI.1 INDIKATOR KINERJA", ("Tabel", "VI.1")),
    ("Lanjutan Tabel 3.2", ("Tabel", "3.2")),
    ("Lampiran II Perjanjian Kinerja", ("Lampiran", "II")),
    ("Tabel ini memuat capaian", ("", "")),  # "ini" is not table I
    ("Capaian Sasaran 1", ("", "")),
])
def test_caption_number(caption: str, expected: tuple[str, str]) -> None:
    assert caption_number(caption) == expected

