"""The standard workbook's contract: sheet names, header names with aliases, row roles.

This module is the single source of truth shared by the template builder, the reader and the
writers. `docs/template.md` documents the same contract for people and other programs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

# Sheet names (template.md). The reader matches them after `normalise`.
SHEET_GUIDE = "Petunjuk"
SHEET_IDENTITY = "Identitas"
SHEET_RPJMD = "Tabel VI.1"
SHEET_PK = "Lampiran II"
SHEET_MEASUREMENT = "Pengukuran Kinerja"
SHEET_BUDGET = "Keuangan"
SHEET_COMPARISON = "Perbandingan"  # optional: previous years, end-of-period target, standards
SHEET_SUMMARY = "Ringkasan"
SHEET_FINDINGS = "Temuan"

INPUT_SHEETS = (SHEET_IDENTITY, SHEET_RPJMD, SHEET_PK, SHEET_MEASUREMENT, SHEET_BUDGET)
# Input sheets a workbook may leave out without any finding (read when present).
OPTIONAL_SHEETS = (SHEET_COMPARISON,)
OUTPUT_SHEETS = (SHEET_SUMMARY, SHEET_FINDINGS)

SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    SHEET_IDENTITY: ("Identitas Instansi", "Identitas dan Pengaturan", "Identity"),
    SHEET_RPJMD: ("Tabel VI 1", "Tabel 6.1", "RPJMD", "Indikator RPJMD"),
    SHEET_PK: ("Lampiran 2", "Perjanjian Kinerja", "PK", "Lampiran II PK"),
    SHEET_MEASUREMENT: ("Pengukuran", "Pengukuran Kinerja Sasaran", "Capaian Kinerja"),
    SHEET_BUDGET: ("Aspek Keuangan", "Anggaran", "Realisasi Anggaran"),
    SHEET_COMPARISON: ("Perbandingan Kinerja", "Perbandingan Antar Tahun",
                       "Perbandingan Capaian", "Capaian Antar Tahun", "Comparisons"),
}

# Where the template puts things: a title row, a hint row, then the header row.
TEMPLATE_HEADER_ROW = 3
TEMPLATE_FIRST_DATA_ROW = 4
IDENTITY_FIRST_ROW = 3  # Identitas: label in column A, value in column B, from this row

_PUNCT = re.compile(r"[^0-9a-z]+")


def normalise(text: object) -> str:
    """Case-, space- and punctuation-insensitive key: 'Capaian (%)' -> 'capaian'.

    '%' and 'Rp' hints are dropped so that 'Anggaran (Rp)' and 'Anggaran' match.
    """
    if text is None:
        return ""
    return _normalise(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=8192)
def _normalise(text: str) -> str:
    # Cached: headers, units, codes and names are normalised over and over by the rules.
    s = unicodedata.normalize("NFKD", text).casefold()
    s = s.replace("%", " ").replace("(rp)", " ").replace("rp.", " ")
    s = _PUNCT.sub("", s)
    return s


# `normalise` of a str, without the check of its type: the header search calls it for every
# text in a sheet's first rows.
normalise_text = _normalise


class RowRole(StrEnum):
    """The `Baris` column: what a row is."""

    INDIKATOR = "Indikator"
    PROGRAM = "Program"
    KEGIATAN = "Kegiatan"
    JUMLAH = "Jumlah"
    TOTAL = "Total"
    RATA_RATA = "Rata-rata"
    KELOMPOK = "Kelompok"
    RINCIAN = "Rincian"


PK_ROLES = (RowRole.INDIKATOR, RowRole.PROGRAM, RowRole.KEGIATAN, RowRole.JUMLAH, RowRole.TOTAL)
MEASUREMENT_ROLES = (RowRole.INDIKATOR, RowRole.RATA_RATA)
BUDGET_ROLES = (RowRole.KELOMPOK, RowRole.PROGRAM, RowRole.RINCIAN, RowRole.JUMLAH, RowRole.TOTAL)

ROLE_ALIASES: dict[str, RowRole] = {
    "indikator": RowRole.INDIKATOR,
    "ik": RowRole.INDIKATOR,
    "program": RowRole.PROGRAM,
    "kegiatan": RowRole.KEGIATAN,
    "subkegiatan": RowRole.KEGIATAN,
    "jumlah": RowRole.JUMLAH,
    "subtotal": RowRole.JUMLAH,
    "total": RowRole.TOTAL,
    "jumlahtotal": RowRole.TOTAL,
    "rata2": RowRole.RATA_RATA,
    "ratarata": RowRole.RATA_RATA,
    "average": RowRole.RATA_RATA,
    "kelompok": RowRole.KELOMPOK,
    "rincian": RowRole.RINCIAN,
}


def parse_role(value: object) -> RowRole | None:
    """The RowRole written in a `Baris` cell, or None when it is not one."""
    return ROLE_ALIASES.get(normalise(value))


class Polarity(StrEnum):
    POSITIVE = "Positif"
    NEGATIVE = "Negatif"


POLARITY_ALIASES: dict[str, Polarity] = {
    "positif": Polarity.POSITIVE,
    "positive": Polarity.POSITIVE,
    "naik": Polarity.POSITIVE,
    "p": Polarity.POSITIVE,
    "negatif": Polarity.NEGATIVE,
    "negative": Polarity.NEGATIVE,
    "turun": Polarity.NEGATIVE,
    "n": Polarity.NEGATIVE,
}


def parse_polarity(value: object) -> Polarity | None:
    return POLARITY_ALIASES.get(normalise(value))


class Basis(StrEnum):
    """What a capaian is measured against (the `Terhadap` column of Pengukuran Kinerja)."""

    PK = "Target PK"  # the signed Perjanjian Kinerja target (blank = this)
    RPJMD = "Target RPJMD"  # the RPJMD/Renstra target of Tahun Laporan (Tabel VI.1)
    END_OF_PERIOD = "Target Akhir Periode"  # the target of the period's last year
    LAST_YEAR = "Tahun Lalu"  # last year's realisation
    NATIONAL = "Standar Nasional"  # a national standard (SPM, national target)


BASIS_ALIASES: dict[str, Basis] = {
    **{normalise(b.value): b for b in Basis},
    "pk": Basis.PK,
    "targetpk": Basis.PK,
    "perjanjiankinerja": Basis.PK,
    "targettahunan": Basis.PK,
    "targettahunini": Basis.PK,
    "rpjmd": Basis.RPJMD,
    "renstra": Basis.RPJMD,
    "targetrenstra": Basis.RPJMD,
    "targettahuninirpjmd": Basis.RPJMD,
    "targetrpjmdtahunini": Basis.RPJMD,
    "akhirperiode": Basis.END_OF_PERIOD,
    "targetakhir": Basis.END_OF_PERIOD,
    "targetakhirrpjmd": Basis.END_OF_PERIOD,
    "targetakhirrenstra": Basis.END_OF_PERIOD,
    "targetjangkamenengah": Basis.END_OF_PERIOD,
    "lalu": Basis.LAST_YEAR,
    "tahunsebelumnya": Basis.LAST_YEAR,
    "realisasitahunlalu": Basis.LAST_YEAR,
    "standar": Basis.NATIONAL,
    "nasional": Basis.NATIONAL,
    "targetnasional": Basis.NATIONAL,
    "spm": Basis.NATIONAL,
}


def parse_basis(value: object) -> Basis | None:
    """The basis written in a `Terhadap` cell (blank = Target PK), or None when unknown."""
    key = normalise(value)
    if not key:
        return Basis.PK
    return BASIS_ALIASES.get(key)


class Accumulation(StrEnum):
    """How an indicator's realisation to date is read against its end-of-period target
    (the `Cara Hitung` column of Perbandingan)."""

    CUMULATIVE = "Kumulatif"  # the period's yearly realisations add up (km of road built)
    LATEST = "Nilai Terakhir"  # the latest year's value is the level reached (a rate, an index)


ACCUMULATION_ALIASES: dict[str, Accumulation] = {
    **{normalise(a.value): a for a in Accumulation},
    "kumulatif": Accumulation.CUMULATIVE,
    "akumulatif": Accumulation.CUMULATIVE,
    "akumulasi": Accumulation.CUMULATIVE,
    "cumulative": Accumulation.CUMULATIVE,
    "dijumlahkan": Accumulation.CUMULATIVE,
    "jumlah": Accumulation.CUMULATIVE,
    "terakhir": Accumulation.LATEST,
    "nilaiterakhir": Accumulation.LATEST,
    "tahunterakhir": Accumulation.LATEST,
    "posisiterakhir": Accumulation.LATEST,
    "nonkumulatif": Accumulation.LATEST,
    "tidakkumulatif": Accumulation.LATEST,
    "latest": Accumulation.LATEST,
}


def parse_accumulation(value: object) -> Accumulation | None:
    """The Cara Hitung written in a cell, or None (blank or unknown)."""
    return ACCUMULATION_ALIASES.get(normalise(value))


class Trend(StrEnum):
    """The `Tren` column of Perbandingan: the direction of the realisation, report year against
    the year before; Membaik/Memburuk say it with the indicator's polarity."""

    UP = "Naik"
    DOWN = "Turun"
    FLAT = "Tetap"
    BETTER = "Membaik"
    WORSE = "Memburuk"


TREND_ALIASES: dict[str, Trend] = {
    **{normalise(t.value): t for t in Trend},
    "meningkat": Trend.UP,
    "naik": Trend.UP,
    "up": Trend.UP,
    "increase": Trend.UP,
    "turun": Trend.DOWN,
    "menurun": Trend.DOWN,
    "down": Trend.DOWN,
    "decrease": Trend.DOWN,
    "tetap": Trend.FLAT,
    "stabil": Trend.FLAT,
    "sama": Trend.FLAT,
    "flat": Trend.FLAT,
    "lebihbaik": Trend.BETTER,
    "better": Trend.BETTER,
    "lebihburuk": Trend.WORSE,
    "worse": Trend.WORSE,
}


def parse_trend(value: object) -> Trend | None:
    """The Tren written in a cell, or None (blank or unknown)."""
    return TREND_ALIASES.get(normalise(value))


class NegativeFormula(StrEnum):
    """How the capaian of a lower-is-better indicator is computed."""

    REFLECTED = "(2T-R)/T"
    INVERSE = "T/R"


# The reflected formula written as (1 + (1 - R/T)) x 100 %: the same number, another name,
# accepted as a name of (2T-R)/T and shown as the workbook wrote it (Settings).
NEGATIVE_FORMULA_ONE_PLUS = "(1 + (1 - R/T)) x 100%"

NEGATIVE_FORMULA_ALIASES: dict[str, NegativeFormula] = {
    "2trt": NegativeFormula.REFLECTED,
    "trtt": NegativeFormula.REFLECTED,  # written as (T-(R-T))/T
    "reflected": NegativeFormula.REFLECTED,
    "11rt": NegativeFormula.REFLECTED,  # 1 + (1 - R/T)
    "11rtx100": NegativeFormula.REFLECTED,  # (1 + (1 - R/T)) x 100 %
    "11rt100": NegativeFormula.REFLECTED,
    "11rtkali100": NegativeFormula.REFLECTED,
    "tr": NegativeFormula.INVERSE,
    "inverse": NegativeFormula.INVERSE,
}


def parse_negative_formula(value: object) -> NegativeFormula | None:
    return NEGATIVE_FORMULA_ALIASES.get(normalise(value))


def negative_formula_label(value: object) -> str:
    """How a negative formula is named in messages: '(2T-R)/T', 'T/R', or the
    (1 + (1 - R/T)) x 100 % form when the setting is written that way."""
    key = normalise(value)
    formula = NEGATIVE_FORMULA_ALIASES.get(key)
    if formula is NegativeFormula.REFLECTED and key.startswith("11rt"):
        return NEGATIVE_FORMULA_ONE_PLUS
    return formula.value if formula is not None else str(value)


# --- conventions (issue 14): capping, range targets, efficiency, presets ----------------------

class Capping(StrEnum):
    """Whether a computed capaian is capped (`Batas Capaian`)."""

    NONE = "Tanpa Batas"  # the seed's, and PermenPAN-RB 53/2014's: 184,75 stays 184,75
    CAP_100 = "Maks. 100"
    CAP_120 = "Maks. 120"

    @property
    def limit(self) -> float | None:
        return {Capping.CAP_100: 100.0, Capping.CAP_120: 120.0}.get(self)


CAPPING_ALIASES: dict[str, Capping] = {
    **{normalise(c.value): c for c in Capping},
    "tanpa": Capping.NONE, "tidak": Capping.NONE, "tidakada": Capping.NONE,
    "none": Capping.NONE, "nocap": Capping.NONE, "tanpabatasmaksimum": Capping.NONE,
    "100": Capping.CAP_100, "maks100": Capping.CAP_100, "maksimal100": Capping.CAP_100,
    "maksimum100": Capping.CAP_100, "batas100": Capping.CAP_100, "cap100": Capping.CAP_100,
    "120": Capping.CAP_120, "maks120": Capping.CAP_120, "maksimal120": Capping.CAP_120,
    "maksimum120": Capping.CAP_120, "batas120": Capping.CAP_120, "cap120": Capping.CAP_120,
}


def parse_capping(value: object) -> Capping | None:
    """'Maks. 120', '120', '120%', 'cap-120', 'Tanpa Batas', 'none' -> a Capping."""
    return CAPPING_ALIASES.get(normalise(value))


class RangeReading(StrEnum):
    """How a range target '80-90' is read (`Target Rentang`)."""

    # Inside the range = 100; above it against the upper bound, below it against the lower
    # bound (the bound the realisation is past). The seed's and PermenPAN-RB 6/2022's examples.
    INSIDE_100 = "Dalam Rentang = 100"
    # Always against the bound that completes the target: the upper bound of a Positif
    # indicator, the lower bound of a Negatif one, wherever the realisation lies (inside the
    # range too: 85 against 80-90 is 85 / 90 x 100 = 94,44).
    BOUND = "Batas Target"


RANGE_READING_ALIASES: dict[str, RangeReading] = {
    **{normalise(r.value): r for r in RangeReading},
    "dalamrentang": RangeReading.INSIDE_100, "rentang100": RangeReading.INSIDE_100,
    "rentang": RangeReading.INSIDE_100, "inside": RangeReading.INSIDE_100,
    "inside100": RangeReading.INSIDE_100, "100": RangeReading.INSIDE_100,
    "batas": RangeReading.BOUND, "bound": RangeReading.BOUND, "bataspenuh": RangeReading.BOUND,
    "batasatasbawah": RangeReading.BOUND, "batasatas": RangeReading.BOUND,
}


def parse_range_reading(value: object) -> RangeReading | None:
    return RANGE_READING_ALIASES.get(normalise(value))


class EfficiencyMethod(StrEnum):
    """How the Ringkasan judges efficiency (`Metode Efisiensi`)."""

    DIFFERENCE = "Selisih +/-5"  # capaian - serapan; within 5 points either side: cukup
    AT_LEAST = "Capaian >= Serapan"  # efisien when capaian >= serapan, else tidak efisien
    RATIO = "Indeks Efisiensi"  # IE = capaian / serapan: > 1 efisien, 1 cukup, < 1 tidak


EFFICIENCY_ALIASES: dict[str, EfficiencyMethod] = {
    **{normalise(m.value): m for m in EfficiencyMethod},
    "selisih": EfficiencyMethod.DIFFERENCE, "selisih5": EfficiencyMethod.DIFFERENCE,
    "difference": EfficiencyMethod.DIFFERENCE, "beda": EfficiencyMethod.DIFFERENCE,
    "capaianserapan": EfficiencyMethod.AT_LEAST, "atleast": EfficiencyMethod.AT_LEAST,
    "capaianminimalserapan": EfficiencyMethod.AT_LEAST,
    "capaianlebihdariserapan": EfficiencyMethod.AT_LEAST,
    "ie": EfficiencyMethod.RATIO, "indeks": EfficiencyMethod.RATIO,
    "ratio": EfficiencyMethod.RATIO, "rasio": EfficiencyMethod.RATIO,
    "indeksefisiensiie": EfficiencyMethod.RATIO,
}


def parse_efficiency_method(value: object) -> EfficiencyMethod | None:
    return EFFICIENCY_ALIASES.get(normalise(value))


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its key in the model, its header, and accepted aliases."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    kind: str = "text"  # text | number | percent | money | role | code
    computed: bool = False  # a derived column the toolkit writes (capaian, kategori, %)
    help_id: str = ""  # what goes in it, shown as the header cell's note

    def names(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One input sheet's table: its sheet name and its columns, in order."""

    sheet: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


def _c(key: str, header: str, *aliases: str, required: bool = False, kind: str = "text",
       computed: bool = False, help_id: str = "") -> Column:
    return Column(key, header, aliases, required, kind, computed, help_id)


KETERANGAN = _c("keterangan", "Keterangan", "Catatan", "Penjelasan", "Notes",
                help_id="Penjelasan bebas, misalnya angka lain yang tertulis di laporan.")
# Optional columns of Lampiran II and Pengukuran Kinerja rows (issue 10).
POLARITAS_ROW = _c(
    "polaritas", "Polaritas", "Polaritas Baris", "Arah",
    help_id="Boleh kosong. Kosong: baris Indikator memakai Polaritas indikatornya di Tabel "
            "VI.1, baris Kegiatan dianggap Positif (makin tinggi makin baik). Isi Negatif "
            "bila keluaran baris ini makin rendah makin baik.")
EFISIENSI = _c(
    "efisiensi", "Efisiensi", "Efisiensi (IE)", "Indeks Efisiensi", "Tingkat Efisiensi",
    kind="percent",
    help_id="Boleh kosong. Efisiensi seperti tertulis di laporan: indeks (capaian / "
            "serapan, mis. 1,02) atau selisih (capaian - serapan, mis. 2,15). Di baris "
            "Program: efisiensi program; di baris Indikator: efisiensi sasarannya; di baris "
            "Rata-rata: efisiensi indikator yang dirata-ratakan.")

PK_TABLE = TableSpec(SHEET_PK, (
    _c("baris", "Baris", "Jenis Baris", "Peran", required=True, kind="role",
       help_id="Peran baris: Indikator, Program, Kegiatan, Jumlah atau Total."),
    _c("kode", "Kode", "No", "Nomor", "Kode Program", "Kode Kegiatan", kind="code",
       help_id="Kode atau nomor program/kegiatan."),
    _c("kode_indikator", "Kode Indikator", "Kode IK", "Kode Indikator Kinerja", kind="code",
       help_id="Kode indikator (mis. IK-1): kunci penghubung antar-lembar."),
    _c("sasaran", "Sasaran", "Sasaran Strategis", help_id="Sasaran yang didukung."),
    _c("indikator", "Indikator Kinerja", "Indikator", "Indikator Sasaran",
       help_id="Nama indikator kinerja (baris Indikator)."),
    _c("program_kegiatan", "Program/Kegiatan", "Program Kegiatan", "Uraian",
       "Nama Program/Kegiatan", help_id="Nama program atau kegiatan."),
    _c("target", "Target", "Target Fisik", kind="number",
       help_id="Target fisik (angka; rentang boleh ditulis 80-90)."),
    _c("realisasi", "Realisasi", "Realisasi Fisik", kind="number",
       help_id="Realisasi fisik (angka)."),
    _c("satuan", "Satuan", "Unit", help_id="Satuan target dan realisasi (Org, Lbg, Unit, %)."),
    _c("capaian", "Capaian (%)", "Capaian", "Persentase Capaian", "Capaian Kinerja",
       kind="percent", computed=True,
       help_id="Capaian dalam persen (93,05 berarti 93,05%). Dihitung oleh lkjip-xl."),
    _c("anggaran", "Anggaran (Rp)", "Anggaran", "Pagu", "Pagu Anggaran", kind="money",
       help_id="Anggaran dalam rupiah."),
    _c("realisasi_anggaran", "Realisasi Anggaran (Rp)", "Realisasi Anggaran", "Realisasi Keuangan",
       kind="money", help_id="Realisasi anggaran dalam rupiah."),
    POLARITAS_ROW,
    EFISIENSI,
    KETERANGAN,
))

MEASUREMENT_TABLE = TableSpec(SHEET_MEASUREMENT, (
    _c("baris", "Baris", "Jenis Baris", "Peran", required=True, kind="role",
       help_id="Peran baris: Indikator atau Rata-rata."),
    _c("kode_indikator", "Kode Indikator", "Kode IK", "Kode Indikator Kinerja", kind="code",
       help_id="Kode indikator. Pada baris Rata-rata: daftar kode dipisah koma "
               "(kosong = semua indikator)."),
    _c("sasaran", "Sasaran", "Sasaran Strategis", help_id="Sasaran yang diukur."),
    _c("indikator", "Indikator Kinerja", "Indikator", "Uraian",
       help_id="Nama indikator atau uraian rata-rata."),
    _c("satuan", "Satuan", "Unit", help_id="Satuan target dan realisasi."),
    _c("target", "Target", kind="number", help_id="Target seperti tertulis di laporan."),
    _c("realisasi", "Realisasi", kind="number", help_id="Realisasi seperti tertulis di laporan."),
    _c("capaian", "Capaian (%)", "Capaian", "Persentase Tingkat Capaian", "Persentase Capaian",
       kind="percent", computed=True,
       help_id="Capaian (atau rata-rata) dalam persen seperti tertulis; dihitung oleh lkjip-xl."),
    _c("kategori", "Kategori", "Kategori Penilaian", "Predikat", computed=True,
       help_id="Kategori menurut skala penilaian; dihitung oleh lkjip-xl."),
    _c("sumber", "Sumber", "Sumber Data", "Bagian Laporan",
       help_id="Di bagian laporan mana angka ini tertulis (mis. Bab III 3.2)."),
    _c("terhadap", "Terhadap", "Dibandingkan Terhadap", "Basis Capaian", "Pembanding",
       help_id="Capaian baris ini diukur terhadap apa: Target PK (kosong = Target PK), Target "
               "RPJMD (target RPJMD tahun laporan), Target Akhir Periode, Tahun Lalu, Standar "
               "Nasional."),
    POLARITAS_ROW,
    EFISIENSI,
    KETERANGAN,
))

BUDGET_TABLE = TableSpec(SHEET_BUDGET, (
    _c("baris", "Baris", "Jenis Baris", "Peran", required=True, kind="role",
       help_id="Peran baris: Kelompok, Program, Rincian, Jumlah atau Total."),
    _c("kode", "Kode", "No", "Nomor", kind="code", help_id="Kode atau nomor."),
    _c("uraian", "Uraian", "Kegiatan", "Program/Kegiatan", "Nama",
       help_id="Nama kelompok belanja, program atau rincian."),
    _c("pagu", "Pagu (Rp)", "Pagu", "Target (Rp)", "Anggaran (Rp)", "Anggaran", kind="money",
       help_id="Pagu anggaran dalam rupiah."),
    _c("realisasi", "Realisasi (Rp)", "Realisasi", "Realisasi Anggaran", kind="money",
       help_id="Realisasi dalam rupiah."),
    _c("persentase", "Persentase (%)", "Persentase", "Serapan", "Serapan (%)", kind="percent",
       computed=True, help_id="Realisasi / Pagu x 100; dihitung oleh lkjip-xl."),
    _c("sumber_dana", "Sumber Dana", "Sumber Anggaran", help_id="APBD II, APBD I, APBN, ..."),
    KETERANGAN,
))

# Tabel VI.1 has year columns that follow the period; they are found by their year header.
RPJMD_TABLE = TableSpec(SHEET_RPJMD, (
    _c("kode_indikator", "Kode Indikator", "Kode IK", "Kode Indikator Kinerja", required=True,
       kind="code", help_id="Kode indikator (mis. IK-1); sama dengan di lembar lain."),
    _c("tujuan", "Tujuan", help_id="Tujuan RPJMD/Renstra."),
    _c("sasaran", "Sasaran", "Sasaran Strategis", help_id="Sasaran RPJMD/Renstra."),
    _c("indikator", "Indikator Kinerja", "Indikator", "Indikator Kinerja Program",
       help_id="Nama indikator."),
    _c("satuan", "Satuan", "Unit", help_id="Satuan indikator."),
    _c("polaritas", "Polaritas", "Arah", "Sifat Indikator",
       help_id="Positif (makin tinggi makin baik) atau Negatif (makin rendah makin baik)."),
    _c("kondisi_awal", "Kondisi Awal", "Kondisi Kinerja Awal", "Kondisi Awal Periode",
       kind="number", help_id="Kondisi kinerja pada awal periode RPJMD."),
    _c("kondisi_akhir", "Kondisi Akhir", "Kondisi Kinerja Akhir", "Kondisi Akhir Periode",
       kind="number", help_id="Kondisi kinerja pada akhir periode (sama dengan target tahun "
                              "terakhir)."),
    KETERANGAN,
))
RPJMD_YEAR_HELP = "Target indikator untuk tahun {year} (angka; rentang boleh ditulis 80-90)."
RPJMD_YEAR_PREFIXES = ("tahun", "th", "target")

# Perbandingan (optional): one row per indicator; the realisation of each year stated sits in a
# year-headed column ('Realisasi 2021', or a bare year under a merged 'Realisasi' title).
COMPARISON_TABLE = TableSpec(SHEET_COMPARISON, (
    _c("kode_indikator", "Kode Indikator", "Kode IK", "Kode Indikator Kinerja", required=True,
       kind="code", help_id="Kode indikator (mis. IK-1); sama dengan di Tabel VI.1."),
    _c("indikator", "Indikator Kinerja", "Indikator", help_id="Nama indikator."),
    _c("satuan", "Satuan", "Unit", help_id="Satuan indikator."),
    _c("target_akhir", "Target Akhir Periode", "Target Akhir", "Target Akhir RPJMD",
       "Target Akhir Renstra", "Target Jangka Menengah", kind="number",
       help_id="Target indikator pada akhir periode RPJMD/Renstra (biasanya sama dengan target "
               "tahun terakhir di Tabel VI.1)."),
    _c("standar_nasional", "Standar Nasional", "Target Nasional", "Standar", "SPM",
       "Standar Pelayanan Minimal", kind="number",
       help_id="Boleh kosong. Standar atau target nasional untuk indikator ini (SPM, target "
               "RPJMN, rata-rata nasional), bila ada."),
    _c("sumber_standar", "Sumber Standar", "Sumber Standar Nasional", "Dasar Standar",
       help_id="Dasar standar nasional: peraturan atau dokumen (mis. Permenkes 4/2019 SPM "
               "Kesehatan, RPJMN 2020-2024)."),
    _c("cara_hitung", "Cara Hitung", "Cara Hitung Capaian", "Cara Perhitungan", "Akumulasi",
       help_id="Kumulatif: realisasi tiap tahun periode dijumlahkan lalu dibandingkan dengan "
               "target akhir (mis. km jalan dibangun). Nilai Terakhir: realisasi tahun "
               "laporan yang dibandingkan (mis. persentase, indeks). Kosong = Nilai Terakhir."),
    _c("tren", "Tren", "Trend", "Kecenderungan", "Arah Perubahan",
       help_id="Boleh kosong. Arah realisasi tahun laporan dibanding tahun sebelumnya: Naik, "
               "Turun atau Tetap (arah angka), atau Membaik/Memburuk (menurut polaritas)."),
    _c("progres", "Progres terhadap Target Akhir (%)", "Progres terhadap Target Akhir",
       "Progres", "Progres Target Akhir", "Capaian terhadap Target Akhir",
       "Capaian Target Akhir Periode", kind="percent",
       help_id="Boleh kosong. Progres seperti tertulis di laporan: realisasi s.d. tahun "
               "laporan / Target Akhir Periode x 100. Kosong: lkjip-xl menghitungnya di "
               "Ringkasan."),
    _c("capaian_standar", "Capaian terhadap Standar Nasional (%)",
       "Capaian terhadap Standar Nasional", "Capaian terhadap Standar",
       "Capaian Standar Nasional", kind="percent",
       help_id="Boleh kosong. Capaian tahun laporan terhadap Standar Nasional seperti tertulis "
               "di laporan (dalam persen)."),
    KETERANGAN,
))
COMPARISON_YEAR_HELP = "Realisasi indikator pada tahun {year} seperti tertulis di laporan."
COMPARISON_YEAR_PREFIXES = ("realisasi", "tahun", "th")
COMPARISON_YEAR_HEADER = "Realisasi {year}"

TABLES: dict[str, TableSpec] = {
    SHEET_RPJMD: RPJMD_TABLE,
    SHEET_PK: PK_TABLE,
    SHEET_MEASUREMENT: MEASUREMENT_TABLE,
    SHEET_BUDGET: BUDGET_TABLE,
    SHEET_COMPARISON: COMPARISON_TABLE,
}

# Identitas: label -> key. Labels are matched with `normalise` too.
IDENTITY_FIELDS: tuple[Column, ...] = (
    _c("nama_instansi", "Nama Instansi", "Instansi", "Nama OPD", "OPD", required=True),
    _c("pemerintah_daerah", "Pemerintah Daerah", "Pemda", "Kabupaten/Kota", "Provinsi"),
    _c("tahun", "Tahun Laporan", "Tahun", required=True, kind="number"),
    _c("periode_awal", "Periode Awal", "Awal Periode", "Awal Periode RPJMD", kind="number"),
    _c("periode_akhir", "Periode Akhir", "Akhir Periode", "Akhir Periode RPJMD", kind="number"),
    _c("nama_kepala", "Nama Kepala", "Kepala", "Nama Pimpinan"),
    _c("nip_kepala", "NIP Kepala", "NIP", "NIP Pimpinan"),
    # The conventions (docs/configuration.md): a preset, then single settings that override it.
    _c("preset", "Preset Konvensi", "Preset", "Konvensi"),
    _c("skala", "Skala Penilaian", "Skala", "Skala Nilai"),
    _c("rumus_negatif", "Rumus Indikator Negatif", "Rumus Negatif"),
    _c("batas_capaian", "Batas Capaian", "Batas Maksimum Capaian", "Capaian Maksimum"),
    _c("target_rentang", "Target Rentang", "Pembacaan Target Rentang", "Rentang"),
    _c("metode_efisiensi", "Metode Efisiensi", "Efisiensi", "Cara Menilai Efisiensi"),
    _c("toleransi", "Toleransi", "Toleransi (poin persen)", kind="number"),
    _c("desimal", "Desimal", "Jumlah Desimal", kind="number"),
)

# A custom scale is a small table on Identitas, found by this header row.
SCALE_TABLE = TableSpec(SHEET_IDENTITY, (
    _c("kategori", "Kategori", "Kategori Penilaian", required=True),
    _c("batas_bawah", "Batas Bawah", "Nilai Minimum", "Dari", required=True, kind="number"),
    _c("termasuk", "Termasuk Batas", "Inklusif", "Termasuk"),
    _c("batas_atas", "Batas Atas", "Nilai Maksimum", "Sampai", kind="number"),
))
