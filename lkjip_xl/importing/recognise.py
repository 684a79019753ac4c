"""Which template table a document table is, by its header vocabulary.

A table of a published LKjIP has one to three header rows (merged cells repeated by the
readers), sometimes a row of column numbers ("1 2 3 ..."), then data. `recognise` finds the
header rows, names every column with a key of `lkjip_xl.schema` (the template's own header
names and aliases through `normalise`, plus the spellings of real reports in `_VOCABULARY`),
finds the year columns (2017 ... 2021) of an RPJMD table, and decides which template table the
table is, or that it is none of them. Pure: it reads DocTables, never a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..schema import (
    SHEET_BUDGET,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    TABLES,
    normalise,
)
from .document import DocTable, is_caption

MAX_HEADER_ROWS = 5
YEAR_RANGE = (1990, 2100)
_YEAR = re.compile(
    r"^\s*(?:(?:target(?:\s+kinerja)?|tahun|th\.?|ta\.?)\s*(?:ke\s*-?\s*\d\s*)?[(:]?\s*)?"
    r"((?:19|20|21)\d\d)\s*\)?\s*\*?\s*$", re.I)
# a column-number cell: "3", "(3)", or a number with the column's formula ("5 = 4/3x100%")
_COLUMN_NUMBER = re.compile(r"^\s*\(?\s*\d{1,2}\s*\)?\s*(?:=\s*\S.*)?$")
_FIGURE = re.compile(r"\d")
_DATA = re.compile(r"\d[\d.,]*\s*%|\d{2,}[.,]\d")  # a figure: 93,05 % / 1.697 / 7,015

# Spellings of real reports, per template table: normalised header -> schema key. Matched
# after the template's own names (schema aliases); a header that *contains* one of the
# longer phrases also matches (see `_match`).
_COMMON = {
    "no": "kode", "nomor": "kode", "kode": "kode",
    "sasaran": "sasaran", "sasaranstrategis": "sasaran", "sasaranprogram": "sasaran",
    "indikatorkinerja": "indikator", "indikatorkinerjautama": "indikator", "iku": "indikator",
    "indikator": "indikator", "indikatorsasaran": "indikator",
    "indikatorkinerjaprogram": "indikator", "indikatorkinerjaprogramoutcome": "indikator",
    "indikatorkinerjaprorgamoutcome": "indikator", "indikatorkinerjasasaran": "indikator",
    "satuan": "satuan", "satuanindikator": "satuan",
    "keterangan": "keterangan", "ket": "keterangan",
}
_VOCABULARY: dict[str, dict[str, str]] = {
    SHEET_RPJMD: {
        **_COMMON,
        "tujuan": "tujuan",
        "kondisiawal": "kondisi_awal", "kondisikinerjaawal": "kondisi_awal",
        "kondisikinerjapadaawalperioderpjmd": "kondisi_awal",
        "kondisikinerjapadaawalperiode": "kondisi_awal", "kondisiawalperiode": "kondisi_awal",
        "kondisiakhir": "kondisi_akhir", "kondisikinerjaakhir": "kondisi_akhir",
        "kondisikinerjapadaakhirperioderpjmd": "kondisi_akhir",
        "kondisikinerjapadaakhirperiode": "kondisi_akhir",
        "kondisiakhirperiode": "kondisi_akhir",
        "polaritas": "polaritas",
    },
    SHEET_PK: {
        **_COMMON,
        "target": "target", "targetfisik": "target", "targetkinerja": "target",
        "realisasi": "realisasi", "realisasifisik": "realisasi",
        "realisasikinerja": "realisasi",
        "programkegiatan": "program_kegiatan", "program": "program_kegiatan",
        "kegiatan": "program_kegiatan", "programdankegiatan": "program_kegiatan",
        "anggaran": "anggaran", "pagu": "anggaran", "paguanggaran": "anggaran",
        "anggaranrp": "anggaran", "jumlahanggaran": "anggaran",
        "realisasianggaran": "realisasi_anggaran", "realisasikeuangan": "realisasi_anggaran",
        "capaianrealisasianggaran": "capaian",
        "capaian": "capaian", "capaiankinerja": "capaian", "persentasecapaian": "capaian",
    },
    SHEET_MEASUREMENT: {
        **_COMMON,
        "target": "target", "targetkinerja": "target", "targettahunini": "target",
        "realisasi": "realisasi", "realisasikinerja": "realisasi",
        "realisasitahunini": "realisasi",
        "capaian": "capaian", "capaiankinerja": "capaian", "persentasecapaian": "capaian",
        "persentasetingkatcapaian": "capaian", "tingkatcapaian": "capaian",
        "kategori": "kategori", "predikat": "kategori", "kriteria": "kategori",
        "uraian": "indikator",
    },
    SHEET_BUDGET: {
        "no": "kode", "nomor": "kode", "kode": "kode", "koderekening": "kode",
        "uraian": "uraian", "kegiatan": "uraian", "programkegiatan": "uraian",
        "program": "uraian", "jenisbelanja": "uraian", "nama": "uraian",
        "programkegiatansubkegiatan": "uraian",
        "pagu": "pagu", "paguanggaran": "pagu", "anggaran": "pagu", "target": "pagu",
        "targetrp": "pagu", "anggaranrp": "pagu", "jumlahanggaran": "pagu",
        "alokasi": "pagu", "alokasianggaran": "pagu",
        "capaianrealisasianggaran": "persentase", "persentaserealisasi": "persentase",
        "persentaserealisasianggaran": "persentase",
        "realisasi": "realisasi", "realisasirp": "realisasi",
        "realisasianggaran": "realisasi", "realisasikeuangan": "realisasi",
        "persentase": "persentase", "serapan": "persentase", "capaian": "persentase",
        "sumberdana": "sumber_dana", "sumberanggaran": "sumber_dana",
        "keterangan": "keterangan", "ket": "keterangan",
    },
}

# What a template table needs to be recognised, and what makes it that table rather than
# another: (keys that must all be there, keys of which one is enough, weight of each key).
_ESSENTIAL = {
    SHEET_RPJMD: ("indikator",),
    SHEET_PK: ("indikator", "target"),
    SHEET_MEASUREMENT: ("indikator", "target", "realisasi"),
    SHEET_BUDGET: ("uraian", "pagu", "realisasi"),
}
_USEFUL = {
    SHEET_RPJMD: ("kondisi_awal", "kondisi_akhir", "sasaran", "tujuan", "satuan"),
    SHEET_PK: ("program_kegiatan", "anggaran", "realisasi", "sasaran"),
    SHEET_MEASUREMENT: ("capaian", "satuan", "sasaran", "kategori"),
    SHEET_BUDGET: ("persentase", "kode", "sumber_dana"),
}
# Caption words that point to a table (normalised substrings).
_CAPTION_HINTS = {
    SHEET_RPJMD: ("tabelvi1", "rpjmd", "renstra", "tujuandansasaran"),
    SHEET_PK: ("lampiranii", "lampiran2", "perjanjiankinerja"),
    SHEET_MEASUREMENT: ("pengukuran", "capaiankinerja", "tabelsasaran", "capaian"),
    SHEET_BUDGET: ("keuangan", "anggaran", "belanja"),
}


@dataclass
class Recognition:
    """What one document table is and how its columns read."""

    table: DocTable
    sheet: str | None  # the template table (sheet name), None when not mapped
    header_rows: tuple[int, ...] = ()  # 0-based rows of the table that form its header
    first_data_row: int = 0
    columns: dict[str, tuple[int, ...]] = field(default_factory=dict)  # key -> its columns
    years: dict[int, int] = field(default_factory=dict)  # year -> column
    headers: dict[int, str] = field(default_factory=dict)  # column -> its header text
    confidence: float = 0.0  # 0..1: how sure the table is `sheet` and its columns right
    reason: str = ""  # messages.py key: why the table was not mapped

    def header_text(self) -> str:
        """The header as one line: every column's header, in order, ' | ' between; for a
        table with no header recognised, its first row with text (what the reviewer needs to
        tell which table of the document it is)."""
        headers = self.headers
        if not headers:
            first = next((row for r in range(len(self.table.rows))
                          if any(row := cell_texts(self.table, r))), [])
            headers = dict(enumerate(first))
        parts: list[str] = []
        for c in sorted(headers):
            text = " ".join(headers[c].split())
            if text and (not parts or parts[-1] != text):  # a merged header once
                parts.append(text)
        return " | ".join(parts)


def cell_texts(table: DocTable, row: int) -> list[str]:
    return [c.text.strip() for c in table.rows[row]] if 0 <= row < len(table.rows) else []


def year_of(text: str) -> int | None:
    m = _YEAR.match(text.replace("\n", " "))
    if not m:
        return None
    year = int(m.group(1))
    return year if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] else None


def _is_header_row(texts: list[str]) -> bool:
    """Words and years, no data: most of its non-blank cells are vocabulary or years."""
    filled = [t for t in texts if t]
    if not filled:
        return False
    if all(_COLUMN_NUMBER.match(t) for t in filled) and len(filled) >= 2:
        return False  # the "1 2 3 ..." numbering row, handled apart
    known = 0
    for text in filled:
        if year_of(text) is not None or (_vocabulary_key(text) is not None
                                         and not _DATA.search(text)):
            known += 1
    return known * 2 >= len(filled) and known > 0


def _is_numbering_row(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    return len(filled) >= 2 and all(_COLUMN_NUMBER.match(t) for t in filled)


def _vocabulary_key(text: str) -> str | None:
    """Any key of any table's vocabulary for `text` (to tell header rows from data)."""
    for sheet in _VOCABULARY:
        key = match_column(sheet, text)
        if key is not None:
            return key
    return None


@cache
def _names(sheet: str) -> dict[str, str]:
    """normalised header -> key: the schema's names and aliases, then the vocabulary."""
    names: dict[str, str] = {}
    for col in TABLES[sheet].columns:
        for name in col.names():
            names.setdefault(normalise(name), col.key)
    for name, key in _VOCABULARY[sheet].items():
        names[name] = key  # real reports' sense wins ("Target (Rp)" on Keuangan is pagu)
    return names


def match_column(sheet: str, text: str) -> str | None:
    """The schema key a header text names on `sheet`, or None.

    Exact after `normalise` first; then the longest known name the header starts with or
    contains (at least 6 letters: "INDIKATOR KINERJA PROGRAM (OUTCOME)", "Realisasi
    Anggaran 2019"). A header that is only "%" or "(%)" is the percentage column.
    """
    names = _names(sheet)
    raw = text.replace("\n", " ").strip()
    if not raw:
        return None
    if re.fullmatch(r"\(?\s*%\s*\)?", raw):
        return {SHEET_BUDGET: "persentase", SHEET_PK: "capaian",
                SHEET_MEASUREMENT: "capaian"}.get(sheet)
    key = normalise(raw)
    key = re.sub(r"(19|20|21)\d\d", "", key) or key  # "Realisasi 2019", "Target 2019"
    if key in names:
        return names[key]
    best = None
    for name, found in names.items():
        if len(name) >= 6 and name in key and (best is None or len(name) > len(best[0])):
            best = (name, found)
    if best is not None:
        return best[1]
    if "%" in raw and sheet == SHEET_BUDGET and not _FIGURE.search(raw):
        return "persentase"
    return None


def _header_labels(table: DocTable, header_rows: tuple[int, ...]) -> dict[int, list[str]]:
    """column -> the distinct texts of its header cells, top to bottom."""
    width = max((len(r) for r in table.rows), default=0)
    labels: dict[int, list[str]] = {c: [] for c in range(width)}
    for r in header_rows:
        for c, text in enumerate(cell_texts(table, r)):
            text = " ".join(text.split())
            if text and text not in labels[c]:
                labels[c].append(text)
    return labels


def find_header(table: DocTable) -> tuple[tuple[int, ...], int]:
    """The header rows (0-based) and the first data row: the leading rows that read as
    header vocabulary (at most MAX_HEADER_ROWS), then a column-numbering row if any."""
    rows: list[int] = []
    r = 0
    while r < min(len(table.rows), 2) and _is_title_row(table, r):
        r += 1  # a title printed inside the table, one cell across it ("TABEL 3.2 ...")
    while r < min(len(table.rows), MAX_HEADER_ROWS + 2):
        texts = cell_texts(table, r)
        if not any(texts):
            r += 1
            continue
        if _is_header_row(texts) or (rows and _mostly_years_or_blank(texts)):
            rows.append(r)
            r += 1
            continue
        break
    if rows and r < len(table.rows) and _is_numbering_row(cell_texts(table, r)):
        r += 1
    return tuple(rows), r if rows else 0


def _is_title_row(table: DocTable, row: int) -> bool:
    """One text across (nearly) the whole table, not header words: a title inside it."""
    texts = cell_texts(table, row)
    filled = [t for t in texts if t]
    width = table.n_cols
    if not filled or len(set(filled)) != 1 or width < 2:
        return False
    if len(filled) < max(1, width - 1) and len(filled) != 1:
        return False
    return is_caption(filled[0]) or _vocabulary_key(filled[0]) is None or len(filled[0]) > 60


def _mostly_years_or_blank(texts: list[str]) -> bool:
    """A second header row holding the years under 'TARGET PADA TAHUN KE-' (and blanks or
    the repeated merged headers)."""
    filled = [t for t in texts if t]
    return sum(1 for t in filled if year_of(t) is not None) >= 2


def _columns_for(sheet: str, labels: dict[int, list[str]]) -> tuple[dict[str, tuple[int, ...]],
                                                                    dict[int, int]]:
    columns: dict[str, list[int]] = {}
    years: dict[int, int] = {}
    for col, texts in labels.items():
        year = next((y for y in map(year_of, texts) if y is not None), None)
        if year is not None and sheet == SHEET_RPJMD:
            years.setdefault(year, col)
            continue
        key = None
        for text in reversed(texts):  # the lowest header cell is the most specific
            key = match_column(sheet, text)
            if key is not None:
                break
        if key is None and texts:
            key = match_column(sheet, " ".join(texts))
        if key is not None:
            columns.setdefault(key, []).append(col)
    return {k: tuple(v) for k, v in columns.items()}, years


def _score(sheet: str, columns: dict[str, tuple[int, ...]], years: dict[int, int],
           caption: str) -> tuple[float, float]:
    """(score used to pick the table, confidence 0..1 that it is that table)."""
    essential = _ESSENTIAL[sheet]
    useful = _USEFUL[sheet]
    have = set(columns)
    if sheet == SHEET_RPJMD:
        found = len(years) >= 2 or bool(have & {"kondisi_awal", "kondisi_akhir"})
        if not found or "indikator" not in have:
            return 0.0, 0.0
        score = 3.0 + min(len(years), 5) * 0.5 + len(have & set(useful))
        if have & {"program_kegiatan", "anggaran", "pagu"}:
            score -= 2
        confidence = min(1.0, 0.5 + 0.1 * min(len(years), 3)
                         + 0.1 * len(have & {"kondisi_awal", "kondisi_akhir", "sasaran"}))
    else:
        missing = [k for k in essential if k not in have]
        if missing:
            return 0.0, 0.0
        score = 2.0 * len(essential) + len(have & set(useful))
        if sheet == SHEET_MEASUREMENT and have & {"program_kegiatan", "anggaran"}:
            score -= 3  # a PK with realisation, not a measurement table
        if sheet == SHEET_BUDGET and "indikator" in have:
            score -= 3
        if sheet == SHEET_PK and "program_kegiatan" not in have and "anggaran" not in have:
            score -= 3  # indicators with targets only: a measurement table or a PK extract
        confidence = 0.6 + 0.4 * len(have & set(useful)) / max(1, len(useful))
    if any(h in caption for h in _CAPTION_HINTS[sheet]):
        score += 1.5
        confidence = min(1.0, confidence + 0.1)
    return score, round(confidence, 2)


def recognise(table: DocTable) -> Recognition:
    """Recognise one table: its header rows, its template table and its columns."""
    header_rows, first = find_header(table)
    if not header_rows:
        return Recognition(table, None, reason="import.skip.no_header")
    labels = _header_labels(table, header_rows)
    headers = {c: " ".join(texts) for c, texts in labels.items()}
    caption = normalise(table.caption)
    best: tuple[float, float, str, dict[str, tuple[int, ...]], dict[int, int]] | None = None
    scores: list[float] = []
    for sheet in (SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT, SHEET_BUDGET):
        columns, years = _columns_for(sheet, labels)
        score, confidence = _score(sheet, columns, years, caption)
        scores.append(score)
        if score > 0 and (best is None or score > best[0]):
            best = (score, confidence, sheet, columns, years)
    if best is None:
        return Recognition(table, None, header_rows, first, headers=headers,
                           reason="import.skip.not_recognised")
    score, confidence, sheet, columns, years = best
    runner_up = sorted(scores)[-2] if len(scores) > 1 else 0.0
    if runner_up > 0 and score - runner_up < 1.0:
        confidence = round(confidence * 0.8, 2)  # two tables read almost equally well
    return Recognition(table, sheet, header_rows, first, columns, years, headers, confidence)
