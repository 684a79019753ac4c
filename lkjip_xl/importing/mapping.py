"""Document table rows -> template rows, every value exactly as printed, every value's source.

`map_table` turns one recognised table into rows of its template table, each row a dict of
schema keys (and years on Tabel VI.1) with the source of every cell it took (table, page,
row, column). Conventions (those of the hand transcription, examples/README.md):

- a value is the cell's text as printed, spaces collapsed; a plain integer printed without
  separators becomes a number, everything else stays text ("93,05 %", "1.697", "-"): the
  reader already understands such text;
- a cell holding a figure and a unit ("55 Unit") gives the figure to its column and the unit
  to Satuan; a cell holding one figure and others ("45% (37,428) 16,246") gives the first
  figure to its column and is quoted in Keterangan with the other figures;
- on Lampiran II a target/realisation cell holding several figures each with its unit ("30
  ODGJ, 150 Org, 10 UEP") becomes one row per figure, the anggaran on the first, said in
  Keterangan;
- nothing is invented: a cell the document leaves blank stays blank. The only values the
  import makes are the Baris role, read from the row's wording and layout, and indicator
  codes (IK-1, IK-2, ...) given in the order of the indicators when the document prints
  none; both are said in Keterangan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..messages import t
from ..schema import (
    SHEET_BUDGET,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    RowRole,
    normalise,
)
from .document import DocTable, caption_number
from .recognise import Recognition

Key = str | int

# A figure: a number (with separators, a "Rp." before it), or a dash standing for one before a
# unit; an optional % and an optional unit word ("Org", "Jiwa/Org", "Lbg.", "Pst/Tim").
_FIGURE = re.compile(
    r"(?P<open>\(\s*)?"
    r"(?P<num>(?:Rp\.?\s*)?\d(?:[\d.,]*\d)?(?:\s\.(?=\s+[A-Za-z]))?|-(?=\s*[A-Za-z]))"
    r"(?P<pct>\s*%)?"
    r"(?:\s*(?P<unit>(?!dan\b|dari\b|yang\b)[A-Za-z][A-Za-z]*\.?(?:/[A-Za-z]+\.?)*))?"
    r"(?P<close>\s*\))?"
)
_PLAIN_INT = re.compile(r"(?:0|[1-9]\d{0,14})")
_ROMAN = re.compile(r"(?i)^(?:x{0,3})(?:ix|iv|v?i{0,3})\.?$")
_LIST_NUMBER = re.compile(r"^\s*(\d{1,3}|[a-zA-Z])[.)]?\s*$")
_NAME_KEYS = frozenset({"indikator", "program_kegiatan", "uraian"})
_OWN_NUMBER = re.compile(r"^(\d{1,3}[.)]|[a-z][.)])\s*([A-Za-z].*)$")
_LEADER_DOTS = re.compile(r"\s*(?:\.{2,}|…+)\s*:?\s*$")
_STOP = frozenset({"yang", "dan", "di", "dalam", "dari", "pada", "untuk", "ke", "the", "of"})


@dataclass(frozen=True)
class Source:
    """Where a value was printed: table number, page, 1-based row and column of the table."""

    table: int
    page: int | None
    row: int
    col: int
    header: str = ""


@dataclass
class MappedRow:
    values: dict[Key, object] = field(default_factory=dict)
    sources: dict[Key, Source] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    doc_row: int = 0  # the 1-based table row it came from
    indicator_name: str = ""  # for linking codes across tables

    def set(self, key: Key, value: object, source: Source | None) -> None:
        if value is None or value == "":
            return
        self.values[key] = value
        if source is not None:
            self.sources[key] = source


@dataclass
class MappedTable:
    recognition: Recognition
    rows: list[MappedRow] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (1-based row, reason key)
    confidence: float = 0.0
    duplicate_of: int | None = None

    @property
    def sheet(self) -> str | None:
        return None if self.duplicate_of is not None else self.recognition.sheet


@dataclass(frozen=True)
class Figure:
    text: str  # the figure as printed, with its % ("10 %", "45%", "1.697", "-")
    unit: str  # the unit word, trailing dot dropped ("Lbg."-> "Lbg"), "" when none
    bracketed: bool  # printed in brackets: a side figure ("(37,428)")

    @property
    def value(self) -> object:
        return printed(self.text)


# --- values -----------------------------------------------------------------------------


def collapse(text: str) -> str:
    return " ".join(text.split())


def printed(text: str) -> object:
    """The cell value for `text` as printed: a plain integer becomes a number, else text."""
    s = collapse(text)
    if _PLAIN_INT.fullmatch(s):
        return int(s)
    return s


def figures(text: str) -> list[Figure]:
    found: list[Figure] = []
    for m in _FIGURE.finditer(text):
        num = m.group("num")
        pct = m.group("pct") or ""
        figure = num
        if pct:  # keep the space as printed between the figure and '%' ("10 %")
            figure += " %" if pct[0].isspace() else "%"
        unit = (m.group("unit") or "").rstrip(".")
        found.append(Figure(figure, unit, bool(m.group("open") and m.group("close"))))
    return found


@dataclass
class CellRead:
    """One cell read for a figure column: the value, its unit, what else it holds."""

    value: object
    unit: str = ""
    others: tuple[str, ...] = ()  # the other figures, as printed
    quoted: bool = False  # the cell holds more than the value: quote it in Keterangan
    parts: tuple[Figure, ...] = ()  # several figures each with a unit (a split candidate)


def read_figure_cell(text: str) -> CellRead:
    s = collapse(text)
    if not s:
        return CellRead(None)
    figs = figures(s)
    if not figs:
        return CellRead(printed(s))
    main = [f for f in figs if not f.bracketed]
    first = main[0] if main else figs[0]
    rest = tuple(_figure_text(f) for f in figs if f is not first)
    with_units = tuple(f for f in main if f.unit)
    rebuilt = collapse(first.text + (" " + first.unit if first.unit else ""))
    quoted = bool(rest) or bool(first.unit) or normalise(rebuilt) != normalise(s)
    if len(figs) == 1 and not first.unit and normalise(first.text) == normalise(s):
        return CellRead(printed(s))  # the whole cell is the figure: exactly as printed
    return CellRead(first.value, first.unit, rest, quoted,
                    with_units if len(with_units) >= 2 and len(with_units) == len(main) else ())


def _figure_text(f: Figure) -> str:
    core = f"{f.text} {f.unit}".strip() if f.unit else f.text
    return f"({core})" if f.bracketed else core


def tokens(name: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", collapse(name).casefold())
    return {w for w in words if len(w) > 2 and w not in _STOP and not w.isdigit()}


def similarity(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


# --- the table walker ---------------------------------------------------------------------


class _Walker:
    """Reads one recognised table row by row."""

    def __init__(self, rec: Recognition, lang: str) -> None:
        self.rec = rec
        self.table: DocTable = rec.table
        self.lang = lang
        self.columns = _resolve_columns(rec)
        self.result = MappedTable(rec)
        self.key_of = {cols[0]: key for key, cols in self.columns.items() if cols}
        self.context, self.other_years = _unused_columns(rec, self.columns)
        for c, key in self.context:
            self.key_of.setdefault(c, key)
        self.grid = [self._placed(r) for r in range(len(self.table.rows))]

    def context_notes(self, row: int) -> list[str]:
        """What the unused columns of a row hold: the coarser name levels ("Kegiatan: ...")
        and the other years' figures ("Tahun 2021: target "75%", ..."): quoted, not lost."""
        notes = []
        texts = self.grid[row]
        for c, _key in self.context:
            if c < len(texts) and texts[c]:
                header = collapse(self.rec.headers.get(c, "")) or str(c + 1)
                notes.append(t("import.note.context", self.lang, header=_label_of(header),
                               text=collapse(texts[c])))
        by_year: dict[int, list[str]] = {}
        for c, key, year in self.other_years:
            if c < len(texts) and texts[c]:
                by_year.setdefault(year, []).append(f'{key} "{collapse(texts[c])}"')
        for year, values in sorted(by_year.items()):
            notes.append(t("import.note.other_year", self.lang, year=year,
                           values=", ".join(values)))
        return notes

    def _placed(self, row: int) -> list[str]:
        """The row's texts with a horizontally merged cell kept in ONE of the columns it
        covers (its home): the first name column under it (Indikator, Program/Kegiatan,
        Uraian), else its first column; the other columns read blank. The readers repeat a
        merged cell in every column it covers; a value is printed once."""
        cells = self.table.rows[row]
        texts = [c.text.strip() for c in cells]
        c = 0
        while c < len(cells):
            end = c + 1
            if cells[c].span > 1:
                while end < len(cells) and end - c < cells[c].span \
                        and cells[end].text.strip() == texts[c]:
                    end += 1
            if end - c > 1:
                run = range(c, end)
                main = {cols[0] for k, cols in self.columns.items() if k in _NAME_KEYS and cols}
                home = next((i for i in run if i in main),
                            next((i for i in run if self.key_of.get(i) in _NAME_KEYS), c))
                for i in run:
                    if i != home:
                        texts[i] = ""
            c = end
        return texts

    def text(self, row: int, key: Key) -> str:
        col = self.col(key)
        if col is None or col >= len(self.grid[row]):
            return ""
        return self.grid[row][col]

    def spanning_note(self, row: int) -> str | None:
        """The text of a row that is one merged cell across (almost) the whole table: a
        sentence under the table, not a table row."""
        cells = self.table.rows[row]
        texts = {c.text.strip() for c in cells if c.text.strip()}
        width = self.table.n_cols
        if len(texts) != 1 or width < 3:
            return None
        covered = sum(1 for c in cells if c.text.strip())
        return next(iter(texts)) if covered >= width - 1 and covered >= 3 else None

    def col(self, key: Key) -> int | None:
        if isinstance(key, int):
            return self.rec.years.get(key)
        cols = self.columns.get(key)
        return cols[0] if cols else None

    def source(self, row: int, key: Key) -> Source | None:
        col = self.col(key)
        return None if col is None else self.cell_source(row, col)

    def cell_source(self, row: int, col: int) -> Source:
        cells = self.table.rows[row]
        page = cells[col].page if col < len(cells) else None
        if page is None and self.table.pages:
            page = self.table.pages[0]
        return Source(self.table.number, page, row + 1, col + 1,
                      self.rec.headers.get(col, ""))

    def set_unit(self, mapped: MappedRow, row: int,
                 *found: tuple[Key | Source | None, str]) -> None:
        """Satuan from the first of `found` ((column key or the cell's source, unit read from
        that cell), in order of preference) that holds one, its source that cell."""
        for where, unit in found:
            if unit:
                mapped.set("satuan", unit, where if isinstance(where, Source | None)
                           else self.source(row, where))
                return

    def row_note(self, row: int) -> str:
        src = self.source(row, next(iter(self.columns), "")) if self.columns else None
        page = src.page if src is not None else (self.table.pages[0] if self.table.pages
                                                  else None)
        if page is None:
            return t("import.note.source_nopage", self.lang, table=self.table.number,
                     row=row + 1)
        return t("import.note.source", self.lang, table=self.table.number, page=page,
                 row=row + 1)

    def quote(self, row: int, key: Key, label: str, read: CellRead) -> str | None:
        if not read.quoted:
            return None
        note = t("import.note.cell", self.lang, column=label,
                 text=collapse(self.text(row, key)))
        if read.others:
            note += "; " + t("import.note.others", self.lang,
                             figures=", ".join(f'"{o}"' for o in read.others))
        return note

    def data_rows(self) -> range:
        return range(self.rec.first_data_row, len(self.table.rows))

    def is_repeat(self, row: int, key: Key) -> bool:
        """The cell repeats the one above (a vertically merged cell)."""
        if row <= self.rec.first_data_row:
            return False
        col = self.col(key)
        if col is None:
            return False
        above, here = self.table.rows[row - 1], self.table.rows[row]
        return col < len(above) and col < len(here) and bool(here[col].text.strip()) \
            and above[col].text.strip() == here[col].text.strip()

    def blank_row(self, row: int) -> bool:
        return not any(c.text.strip() for c in self.table.rows[row])

    def header_again(self, row: int) -> bool:
        """A header row repeated inside the table (a table continued on the next page)."""
        texts = [c.text.strip() for c in self.table.rows[row]]
        for h in self.rec.header_rows:
            if h < len(self.table.rows) and texts == [c.text.strip() for c in
                                                      self.table.rows[h]]:
                return True
        filled = [x for x in texts if x]
        return len(filled) >= 2 and all(re.fullmatch(r"\(?\d{1,2}\)?", x) for x in filled)


def _resolve_columns(rec: Recognition) -> dict[str, tuple[int, ...]]:
    """One column per key.

    - A name key over a number column and a name column (a merged 'PROGRAM/KEGIATAN' header
      over "1" and "Verivikasi ...") gives the number column to `kode`.
    - A name key over several name columns (Kegiatan | Sub Kegiatan) keeps the last, the
      finest level, where the figures belong; the others are context (`context_columns`).
    - A key under several years (TAHUN 2021 | TAHUN 2022, each over Target, Realisasi,
      Capaian) keeps the latest year's column; the others are quoted (`other_years`).
    """
    columns = dict(rec.columns)
    table = rec.table
    for key in ("program_kegiatan", "uraian", "indikator"):
        cols = columns.get(key, ())
        if len(cols) < 2:
            continue
        numeric, names = [], []
        for c in cols:
            texts = [r[c].text.strip() for r in table.rows[rec.first_data_row:]
                     if c < len(r) and r[c].text.strip()]
            short = sum(1 for x in texts if _LIST_NUMBER.match(x) or _ROMAN.match(x))
            (numeric if texts and short * 2 >= len(texts) else names).append(c)
        if names:
            columns[key] = (names[-1],)
            if numeric and "kode" not in columns:
                columns["kode"] = (numeric[0],)
    for key, cols in list(columns.items()):
        if len(cols) < 2:
            continue
        years = [_header_year(rec, c) for c in cols]
        if all(y is not None for y in years) and len(set(years)) == len(years):
            columns[key] = (cols[years.index(max(y for y in years if y is not None))],)
    return columns


def _header_year(rec: Recognition, col: int) -> int | None:
    found = re.findall(r"(?:19|20)\d\d", rec.headers.get(col, ""))
    return int(found[-1]) if found else None


def _unused_columns(rec: Recognition, columns: dict[str, tuple[int, ...]]
                    ) -> tuple[list[tuple[int, str]], list[tuple[int, str, int]]]:
    """(context name columns: (col, key)), (other years' columns: (col, key, year))."""
    used = {cols[0] for cols in columns.values() if cols}
    context, years = [], []
    for key, cols in rec.columns.items():
        for c in cols:
            if c in used or (columns.get("kode") and c == columns["kode"][0]):
                continue
            year = _header_year(rec, c)
            if year is not None and key not in _NAME_KEYS:
                years.append((c, key, year))
            elif key in _NAME_KEYS:
                context.append((c, key))
    return context, years


def _code_value(text: str) -> object:
    s = collapse(text).rstrip(".").strip()
    return printed(s) if s else None


# --- Tabel VI.1 -----------------------------------------------------------------------------


def _map_rpjmd(w: _Walker) -> None:
    tujuan = sasaran = ""
    for r in w.data_rows():
        if w.blank_row(r) or w.header_again(r):
            continue
        if w.text(r, "tujuan"):
            tujuan = w.text(r, "tujuan")
        if w.text(r, "sasaran"):
            sasaran = w.text(r, "sasaran")
        name = w.text(r, "indikator")
        if not name:
            w.result.skipped.append((r + 1, "import.skip.no_indicator"))
            continue
        row = MappedRow(doc_row=r + 1, indicator_name=collapse(name))
        row.set("tujuan", collapse(tujuan) or None, w.source(r, "tujuan"))
        row.set("sasaran", collapse(sasaran) or None, w.source(r, "sasaran"))
        row.set("indikator", collapse(name), w.source(r, "indikator"))
        row.set("satuan", collapse(w.text(r, "satuan")) or None, w.source(r, "satuan"))
        row.set("polaritas", collapse(w.text(r, "polaritas")) or None, w.source(r, "polaritas"))
        notes: list[str] = []
        percents = 0
        keys: list[Key] = ["kondisi_awal", *sorted(w.rec.years), "kondisi_akhir"]
        for key in keys:
            if w.col(key) is None:
                continue
            read = read_figure_cell(w.text(r, key))
            row.set(key, read.value, w.source(r, key))
            if isinstance(read.value, str) and read.value.endswith("%"):
                percents += 1
            # the template's own column name: a document header quoted here ("... AWAL
            # PERIODE RPJMD") would read as an explanation to the consistency rules
            label = str(key) if isinstance(key, int) else _TEMPLATE_LABELS[key]
            note = w.quote(r, key, label, read)
            if note:
                notes.append(note)
        filled = sum(1 for k in keys if k in row.values)
        if "satuan" not in row.values and filled and percents == filled:
            row.values["satuan"] = "%"
            notes.append(t("import.note.percent_unit", w.lang))
        row.notes = [w.row_note(r), *notes]
        w.result.rows.append(row)


def _label_of(header: str) -> str:
    """A header as a short label: its last line ('PROGRAM/ KINERJA Kegiatan' -> as is, cut)."""
    return header if len(header) <= 40 else header[:37] + "..."


_TEMPLATE_LABELS = {"kondisi_awal": "Kondisi Awal", "kondisi_akhir": "Kondisi Akhir"}


# --- Lampiran II ----------------------------------------------------------------------------

_TOTAL_WORDS = re.compile(r"(?i)\b(total|seluruh|seluruhnya|keseluruhan)\b|\+")
_SUMMARY_START = re.compile(r"(?i)^\s*(jumlah|total|sub\s*total|target\b)")
_PROGRAM_START = re.compile(r"(?i)^\s*(\d+[.)]\s*)?program\b")


def _map_pk(w: _Walker) -> None:
    sasaran = ""
    indicator_text = ""
    rows = w.result.rows
    numbered = w.col("kode") is not None
    for r in w.data_rows():
        if w.blank_row(r) or w.header_again(r):
            continue
        note = w.spanning_note(r)
        if note is not None and not _SUMMARY_START.match(note) \
                and not _PROGRAM_START.match(note):
            _note_on_last(w, r, note)
            continue
        sas = w.text(r, "sasaran")
        if sas and not w.is_repeat(r, "sasaran"):
            sasaran = sas
        ind = w.text(r, "indikator")
        name = w.text(r, "program_kegiatan")
        kode = w.text(r, "kode")
        words = [x for x in (ind, name) if x and not _figure_only(x)]
        summary = bool(words) and all(_SUMMARY_START.match(x) or x.lower().startswith(
            ("realisasi", "capaian")) for x in words) and bool(_SUMMARY_START.match(words[0]))
        label = " / ".join(collapse(x) for x in words) if summary else (name or ind or kode)
        if not summary and not name and not ind and not kode:
            # a row with figures only: a summary line whose label is in another column
            first = next((x for x in w.grid[r] if x), "")
            if _SUMMARY_START.match(first):
                summary, label = True, first
        new_indicator = bool(ind) and ind != indicator_text and not summary
        if summary:
            _pk_summary(w, r, label)
            continue
        emitted = False
        program = bool(name) and (_PROGRAM_START.match(name) is not None
                                  or (not kode and numbered and not new_indicator))
        if program:
            row = MappedRow(doc_row=r + 1)
            row.values["baris"] = RowRole.PROGRAM.value
            row.set("kode", _code_value(kode), w.source(r, "kode"))
            kode = ""  # the number is the program's
            row.set("sasaran", collapse(sasaran) or None, w.source(r, "sasaran"))
            row.set("program_kegiatan", collapse(name).rstrip(":").strip(),
                    w.source(r, "program_kegiatan"))
            if collapse(name).endswith(":"):
                row.notes.append(t("import.note.cell", w.lang, column="Program",
                                   text=collapse(name)))
            for key in ("anggaran", "realisasi_anggaran"):
                row.set(key, printed(w.text(r, key)) or None, w.source(r, key))
            if not new_indicator:
                for key in ("realisasi",):
                    row.set(key, printed(w.text(r, key)) or None, w.source(r, key))
            row.notes.insert(0, w.row_note(r))
            rows.append(row)
            emitted = True
            name = ""
        if new_indicator:
            indicator_text = ind
            row = MappedRow(doc_row=r + 1, indicator_name=collapse(ind))
            row.values["baris"] = RowRole.INDIKATOR.value
            row.set("sasaran", collapse(sasaran) or None, w.source(r, "sasaran"))
            row.set("indikator", collapse(ind), w.source(r, "indikator"))
            read = read_figure_cell(w.text(r, "target"))
            row.set("target", read.value, w.source(r, "target"))
            w.set_unit(row, r, ("satuan", collapse(w.text(r, "satuan"))),
                       ("target", read.unit or _percent_unit(read.value)))
            for key in ("capaian",):
                if not name:
                    row.set(key, printed(w.text(r, key)) or None, w.source(r, key))
            note = w.quote(r, "target", "target", read)
            row.notes = [w.row_note(r)] + ([note] if note else [])
            if name:
                row.notes.append(t("import.note.shared_row", w.lang))
            rows.append(row)
            emitted = True
        if name or (kode and _LIST_NUMBER.match(kode) and (w.text(r, "target")
                                                          or w.text(r, "realisasi"))):
            _pk_kegiatan(w, r, name, kode)
            emitted = True
        if not emitted:
            w.result.skipped.append((r + 1, "import.skip.no_label"))


def _figure_only(text: str) -> bool:
    return not re.search(r"[A-Za-z]{3,}", text)


def _note_on_last(w: _Walker, r: int, text: str) -> None:
    """A sentence printed across the table: quoted on the row above it, never dropped."""
    if w.result.rows:
        w.result.rows[-1].notes.append(t("import.note.below", w.lang, text=collapse(text)))
    else:
        w.result.skipped.append((r + 1, "import.skip.note"))


def _percent_unit(value: object) -> str:
    return "%" if isinstance(value, str) and value.endswith("%") else ""


def _pk_kegiatan(w: _Walker, r: int, name: str, kode: str) -> None:
    target = read_figure_cell(w.text(r, "target"))
    real = read_figure_cell(w.text(r, "realisasi"))
    base = MappedRow(doc_row=r + 1)
    base.values["baris"] = RowRole.KEGIATAN.value
    base.set("kode", _code_value(kode), w.source(r, "kode"))
    base.set("program_kegiatan", collapse(name) or None, w.source(r, "program_kegiatan"))
    split = _split_parts(target, real)
    notes = [w.row_note(r)]
    if split:
        n = len(split)
        cell_t = collapse(w.text(r, "target"))
        cell_r = collapse(w.text(r, "realisasi"))
        for i, (tf, rf) in enumerate(split):
            row = MappedRow(doc_row=r + 1, values=dict(base.values),
                            sources=dict(base.sources))
            row.set("target", tf.value if tf else None, w.source(r, "target"))
            row.set("realisasi", rf.value if rf else None, w.source(r, "realisasi"))
            w.set_unit(row, r, ("target", tf.unit if tf else ""),
                       ("realisasi", rf.unit if rf else ""))
            if i == 0:
                for key in ("anggaran", "realisasi_anggaran"):
                    row.set(key, printed(w.text(r, key)) or None, w.source(r, key))
                row.notes = [*notes, t("import.note.split", w.lang, n=n, cell_target=cell_t,
                                       cell_real=cell_r)]
            else:
                row.notes = [w.row_note(r), t("import.note.split_more", w.lang, i=i + 1, n=n)]
            w.result.rows.append(row)
        return
    row = base
    row.set("target", target.value, w.source(r, "target"))
    row.set("realisasi", real.value, w.source(r, "realisasi"))
    w.set_unit(row, r, ("satuan", collapse(w.text(r, "satuan"))), ("target", target.unit),
               ("realisasi", real.unit), ("target", _percent_unit(target.value)))
    for key in ("anggaran", "realisasi_anggaran", "capaian"):
        row.set(key, printed(w.text(r, key)) or None, w.source(r, key))
    for key, label, read in (("target", "target", target), ("realisasi", "realisasi", real)):
        note = w.quote(r, key, label, read)
        if note:
            notes.append(note)
    row.notes = notes
    w.result.rows.append(row)


def _split_parts(target: CellRead, real: CellRead
                 ) -> list[tuple[Figure | None, Figure | None]] | None:
    """Pairs of (target figure, realisation figure) when a cell holds several figures each
    with its unit: paired by unit, else by position."""
    if not target.parts and not real.parts:
        return None
    tp, rp = list(target.parts), list(real.parts)
    if tp and rp and len(tp) != len(rp):
        return None
    if not tp:
        if real.value is not None and not rp:
            return None
        return [(None, f) for f in rp]
    if not rp:
        if real.value is not None:
            return None
        return [(f, None) for f in tp]
    return list(zip(tp, rp, strict=True))


def _pk_summary(w: _Walker, r: int, label: str) -> None:
    texts = w.grid[r]
    target_text = w.text(r, "target")
    real_text = w.text(r, "realisasi")
    # the label cell may hold the figures too ("Target 2,819"): take them after the word
    label_col = next((i for i, x in enumerate(texts) if x and label.startswith(x)), None)
    label_src = w.source(r, "program_kegiatan") if label_col is None \
        else w.cell_source(r, label_col)
    target_src = w.source(r, "target")
    if not target_text and label:
        m = re.match(r"(?i)^\s*((?:jumlah|total|sub\s*total)?[^0-9]*?)\s*(\d.*)$", label)
        if m and m.group(2):
            target_text, target_src = m.group(2), label_src
            label = m.group(1).strip() or label
    target = read_figure_cell(target_text)
    real = read_figure_cell(real_text)
    role = RowRole.TOTAL if _TOTAL_WORDS.search(label) or _after_summary(w) else RowRole.JUMLAH
    base = MappedRow(doc_row=r + 1)
    base.values["baris"] = role.value
    base.set("program_kegiatan", collapse(label), label_src)
    split = _split_parts(target, real)
    note_cells = t("import.note.summary_cells", w.lang, cell_target=collapse(target_text),
                   cell_real=collapse(real_text))
    if split:
        for i, (tf, rf) in enumerate(split):
            row = MappedRow(doc_row=r + 1, values=dict(base.values), sources=dict(base.sources))
            row.set("target", tf.value if tf else None, target_src)
            row.set("realisasi", rf.value if rf else None, w.source(r, "realisasi"))
            w.set_unit(row, r, (target_src, tf.unit if tf else ""),
                       ("realisasi", rf.unit if rf else ""))
            row.notes = [w.row_note(r), note_cells if i == 0 else
                         t("import.note.split_more", w.lang, i=i + 1, n=len(split))]
            w.result.rows.append(row)
        return
    row = base
    row.set("target", target.value, target_src)
    row.set("realisasi", real.value, w.source(r, "realisasi"))
    w.set_unit(row, r, (target_src, target.unit), ("realisasi", real.unit))
    for key in ("anggaran", "realisasi_anggaran", "capaian"):
        row.set(key, printed(w.text(r, key)) or None, w.source(r, key))
    row.notes = [w.row_note(r)]
    if target.quoted or real.quoted:
        row.notes.append(note_cells)
    w.result.rows.append(row)


def _after_summary(w: _Walker) -> bool:
    """The row follows another summary row (a sum of sums) and closes the table."""
    rows = w.result.rows
    return bool(rows) and rows[-1].values.get("baris") == RowRole.JUMLAH.value \
        and _no_detail_since_program(rows)


def _no_detail_since_program(rows: list[MappedRow]) -> bool:
    for row in reversed(rows):
        role = row.values.get("baris")
        if role in (RowRole.KEGIATAN.value, RowRole.INDIKATOR.value):
            return False
        if role == RowRole.PROGRAM.value:
            return True
    return True


# --- Pengukuran Kinerja ----------------------------------------------------------------------


def _map_measurement(w: _Walker, sumber: str) -> None:
    sasaran = ""
    for r in w.data_rows():
        if w.blank_row(r) or w.header_again(r):
            continue
        if w.text(r, "sasaran") and not w.is_repeat(r, "sasaran"):
            sasaran = w.text(r, "sasaran")
        name = w.text(r, "indikator")
        label = name or next((c.text.strip() for c in w.table.rows[r] if c.text.strip()), "")
        values = [w.text(r, k) for k in ("target", "realisasi", "capaian")]
        if not name and not any(values):
            w.result.skipped.append((r + 1, "import.skip.no_indicator"))
            continue
        if not any(values) and not w.text(r, "satuan"):
            w.result.skipped.append((r + 1, "import.skip.no_figures"))
            continue
        row = MappedRow(doc_row=r + 1, indicator_name=collapse(name))
        average = "rata" in normalise(label)
        row.values["baris"] = (RowRole.RATA_RATA if average else RowRole.INDIKATOR).value
        row.set("sasaran", collapse(sasaran) or None, w.source(r, "sasaran"))
        row.set("indikator", collapse(label), w.source(r, "indikator"))
        notes = [w.row_note(r)]
        reads: dict[str, CellRead] = {}
        for key in ("target", "realisasi", "capaian"):
            read = read_figure_cell(w.text(r, key))
            reads[key] = read
            row.set(key, read.value, w.source(r, key))
            note = w.quote(r, key, key, read)
            if note:
                notes.append(note)
        w.set_unit(row, r, ("satuan", collapse(w.text(r, "satuan"))),
                   ("target", reads["target"].unit), ("realisasi", reads["realisasi"].unit))
        row.set("kategori", collapse(w.text(r, "kategori")) or None, w.source(r, "kategori"))
        row.values["sumber"] = sumber
        notes.extend(w.context_notes(r))
        if "satuan" not in row.values and all(
                isinstance(row.values.get(k), str) and str(row.values[k]).endswith("%")
                for k in ("target", "realisasi")):
            row.values["satuan"] = "%"
            notes.append(t("import.note.percent_unit", w.lang))
        if _SUMMARY_START.match(label) and not average:
            row.indicator_name = ""  # a program-level line: no indicator code
        row.notes = notes
        w.result.rows.append(row)


# --- Keuangan -------------------------------------------------------------------------------

_KELOMPOK = re.compile(r"(?i)^\s*(belanja|pendapatan|pembiayaan)\b")


def _map_budget(w: _Walker) -> None:
    rows = w.result.rows
    for r in w.data_rows():
        if w.blank_row(r) or w.header_again(r):
            continue
        kode = w.text(r, "kode")
        name = w.text(r, "uraian")
        amounts = [w.text(r, k) for k in ("pagu", "realisasi", "persentase")]
        note = w.spanning_note(r)
        if note is not None and not (_SUMMARY_START.match(note) or _PROGRAM_START.match(note)
                                     or _KELOMPOK.match(note)):
            _note_on_last(w, r, note)
            continue
        if not name and not kode:
            first = next((x for x in w.grid[r] if x), "")
            if _SUMMARY_START.match(first) and any(amounts):
                name = first
            else:
                w.result.skipped.append((r + 1, "import.skip.no_label"))
                continue
        label = collapse(name)
        numbered = _OWN_NUMBER.match(label)
        own_number = None
        if numbered and (not kode or w.is_repeat(r, "kode")):
            # "1. Sub Kegiatan ...": the row's own number, under a group number merged down
            own_number, label = numbered.group(1), numbered.group(2)
        if _LEADER_DOTS.search(label):  # "Jumlah SELURUHNYA.....": the dots lead to figures
            label = _LEADER_DOTS.sub("", label)
        has_amounts = any(a and a != "-" for a in amounts)
        role = _budget_role(kode, label, has_amounts, rows)
        if role is None:  # a line of words under a rincian: quoted on that row
            if rows:
                rows[-1].notes.append(t("import.note.continuation", w.lang, text=label))
                continue
            w.result.skipped.append((r + 1, "import.skip.no_figures"))
            continue
        row = MappedRow(doc_row=r + 1)
        row.values["baris"] = role.value
        if own_number is not None:
            row.set("kode", _code_value(own_number), w.source(r, "uraian"))
        else:
            row.set("kode", _code_value(kode), w.source(r, "kode"))
        row.set("uraian", label or None, w.source(r, "uraian"))
        if label != collapse(name):
            row.notes.append(t("import.note.cell", w.lang, column="Uraian", text=collapse(name)))
        for key in ("pagu", "realisasi", "persentase"):
            row.set(key, printed(w.text(r, key)) or None, w.source(r, key))
        row.set("sumber_dana", collapse(w.text(r, "sumber_dana")) or None,
                w.source(r, "sumber_dana"))
        row.notes.insert(0, w.row_note(r))
        if role not in (RowRole.PROGRAM, RowRole.KELOMPOK):
            row.notes.extend(w.context_notes(r))
        rows.append(row)


def _budget_role(kode: str, label: str, has_amounts: bool,
                 rows: list[MappedRow]) -> RowRole | None:
    code = collapse(kode).rstrip(".")
    if _TOTAL_WORDS.search(label) and _SUMMARY_START.match(label):
        return RowRole.TOTAL
    if re.match(r"(?i)^\s*jumlah\s+program\b", label):
        # a program's own line ("Jumlah Program X" with its figures) unless it closes the
        # program's rincian
        return RowRole.JUMLAH if _rincian_since_header(rows) else RowRole.PROGRAM
    if _SUMMARY_START.match(label):
        return RowRole.JUMLAH
    if code and _ROMAN.match(code) and not code.isdigit() and len(code) <= 4:
        return RowRole.KELOMPOK
    if not code and _KELOMPOK.match(label) and label.upper() == label and not has_amounts:
        return RowRole.KELOMPOK
    if _PROGRAM_START.match(label):
        return RowRole.PROGRAM
    if not code and not has_amounts:
        return None if rows and rows[-1].values.get("baris") == RowRole.RINCIAN.value \
            else RowRole.PROGRAM
    return RowRole.RINCIAN


def _rincian_since_header(rows: list[MappedRow]) -> bool:
    for row in reversed(rows):
        role = row.values.get("baris")
        if role == RowRole.RINCIAN.value:
            return True
        if role in (RowRole.PROGRAM.value, RowRole.KELOMPOK.value, RowRole.JUMLAH.value):
            return False
    return False


# --- entry point ----------------------------------------------------------------------------


def page_range(pages: tuple[int, ...]) -> str:
    """The pages a table spans as printed: "5", "6-7"; "" when not known."""
    if not pages:
        return ""
    return str(pages[0]) if pages[0] == pages[-1] else f"{pages[0]}-{pages[-1]}"


def sumber_for(table: DocTable, lang: str) -> str:
    """`Sumber` of a Pengukuran row: the table's number as its caption prints it ("Tabel
    3.15"; the whole caption is on Impor), else the caption's first line, and the page."""
    caption = collapse(table.caption.split("\n", 1)[0]) if table.caption else ""
    word, number = caption_number(caption)
    name = (f"{word} {number}" if number else caption[:80]) \
        or t("import.table_n", lang, n=table.number)
    if table.pages:
        return t("import.sumber", lang, table=name, pages=page_range(table.pages))
    return name


def map_table(rec: Recognition, lang: str = "id") -> MappedTable:
    """The template rows of one recognised table (an empty result for one not mapped)."""
    if rec.sheet is None:
        return MappedTable(rec)
    w = _Walker(rec, lang)
    if rec.sheet == SHEET_RPJMD:
        _map_rpjmd(w)
    elif rec.sheet == SHEET_PK:
        _map_pk(w)
    elif rec.sheet == SHEET_MEASUREMENT:
        _map_measurement(w, sumber_for(rec.table, lang))
    elif rec.sheet == SHEET_BUDGET:
        _map_budget(w)
    result = w.result
    used = len({row.doc_row for row in result.rows})
    data = used + len(result.skipped)
    share = used / data if data else 0.0
    result.confidence = round(rec.confidence * min(1.0, share), 2) if result.rows else 0.0
    return result


def assign_codes(tables: list[MappedTable], lang: str = "id") -> None:
    """Indicator codes: IK-1, IK-2, ... in the order of Tabel VI.1 (else of Lampiran II);
    an indicator of another table takes the code of the most similar name (at least 60 %
    of the shorter name's words), a Lampiran II indicator with no match a new code, a
    Pengukuran row with no match none. Kegiatan rows take their indicator's code."""
    known: list[tuple[str, str]] = []  # (name, code)

    def match(name: str) -> str | None:
        best = max(known, key=lambda k: similarity(name, k[0]), default=None)
        if best is not None and similarity(name, best[0]) >= 0.6:
            return best[1]
        return None

    def new_code(name: str) -> str:
        code = f"IK-{len(known) + 1}"
        known.append((name, code))
        return code

    order = {SHEET_RPJMD: 0, SHEET_PK: 1, SHEET_MEASUREMENT: 2, SHEET_BUDGET: 3}
    for table in sorted(tables, key=lambda m: order.get(m.sheet or "", 9)):
        if table.sheet == SHEET_RPJMD:
            for row in table.rows:
                printed_code = row.values.get("kode_indikator")
                code = str(printed_code) if printed_code else new_code(row.indicator_name)
                if printed_code:
                    known.append((row.indicator_name, code))
                else:
                    row.notes.append(t("import.note.code_made", lang, code=code))
                row.values["kode_indikator"] = code
        elif table.sheet == SHEET_PK:
            current: str | None = None
            for row in table.rows:
                role = row.values.get("baris")
                if role == RowRole.INDIKATOR.value:
                    current = match(row.indicator_name)
                    if current is None:
                        current = new_code(row.indicator_name)
                        row.notes.append(t("import.note.code_made", lang, code=current))
                    row.values["kode_indikator"] = current
                elif role == RowRole.KEGIATAN.value and current is not None:
                    row.values["kode_indikator"] = current
                elif role in (RowRole.PROGRAM.value, RowRole.JUMLAH.value, RowRole.TOTAL.value):
                    current = None if role == RowRole.PROGRAM.value else current
        elif table.sheet == SHEET_MEASUREMENT:
            for row in table.rows:
                if row.values.get("baris") == RowRole.INDIKATOR.value and row.indicator_name:
                    code = match(row.indicator_name)
                    if code is not None:
                        row.values["kode_indikator"] = code


def mark_duplicates(tables: list[MappedTable]) -> None:
    """A table printed twice (Tabel VI.1 at two places of a report): the copy whose rows'
    names match an earlier table's of the same template table (80 % of them) is kept only
    once, the one with more columns recognised (the later on a tie); the other is listed
    as a duplicate, never merged."""
    for i, later in enumerate(tables):
        if later.sheet is None or not later.rows:
            continue
        for earlier in tables[:i]:
            if earlier.sheet != later.sheet or not earlier.rows:
                continue
            if _same_rows(earlier, later):
                keep, drop = (later, earlier) if len(later.recognition.columns) + \
                    len(later.recognition.years) >= len(earlier.recognition.columns) + \
                    len(earlier.recognition.years) else (earlier, later)
                drop.duplicate_of = keep.recognition.table.number
                if drop is later:
                    break


def _same_rows(a: MappedTable, b: MappedTable) -> bool:
    def names(m: MappedTable) -> list[str]:
        return [str(r.values.get("indikator") or r.values.get("uraian")
                    or r.values.get("program_kegiatan") or "") for r in m.rows]

    na, nb = names(a), names(b)
    if not na or not nb:
        return False
    hits = sum(1 for x in nb if any(similarity(x, y) >= 0.8 for y in na))
    return hits >= 0.8 * max(len(na), len(nb))
