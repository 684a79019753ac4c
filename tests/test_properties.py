"""Property-based tests: a generated consistent report gives no findings at all; one injected
mistake gives exactly the finding for it.

`reports()` generates a whole workbook (Identitas, Tabel VI.1, Lampiran II, Pengukuran Kinerja,
Keuangan) that is consistent by construction. Every derived figure is computed HERE, not with
lkjip_xl: exact rational arithmetic (`fractions.Fraction`) and rounding half up to 2 decimals,
the way domain.md defines them. Values whose capaian or persentase has an exact 5 in the third
decimal (84.995, 54.995) are generated on purpose, as are negative indicators past 2T (floored
at 0), range targets with the realisation inside, unit synonyms (Org/Orang/Jiwa) and both
built-in scales.

Lampiran II columns (builders layout): A Baris, B Kode, C Kode Indikator, D Sasaran,
E Indikator, F Program/Kegiatan, G Target, H Realisasi, I Satuan, J Capaian, K Anggaran,
L Realisasi Anggaran. Cell addresses in assertions come from `builders.cell_address`.
"""

from __future__ import annotations

import copy
import math
import os
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_xl.engine import check_report
from lkjip_xl.reading import read_report
from lkjip_xl.schema import SHEET_BUDGET, SHEET_MEASUREMENT, SHEET_PK, SHEET_RPJMD
from tests.builders import cell_address, make_workbook

# A larger one-off run: LKJIP_PROPERTY_EXAMPLES=200 pytest tests/test_properties.py
MAX_EXAMPLES = int(os.environ.get("LKJIP_PROPERTY_EXAMPLES", "25"))
PROPERTY = settings(max_examples=MAX_EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SUMBER = "Bab III 3.1"

# --- the domain's arithmetic, written independently of lkjip_xl --------------------------------


def rhu(x: Fraction) -> Decimal:
    """Round a non-negative exact value half up to 2 decimals."""
    assert x >= 0
    return Decimal(math.floor(x * 100 + Fraction(1, 2))).scaleb(-2)


def cell_value(d: Decimal) -> int | float:
    """A numeric cell as a person types it: 120, 69.5, 84.21."""
    return int(d) if d == d.to_integral_value() else float(d)


Target = Decimal | tuple[int, int]  # a number, or a range lo-hi


def target_cell(target: Target) -> int | float | str:
    if isinstance(target, tuple):
        return f"{target[0]}-{target[1]}"
    return cell_value(target)


def capaian_exact(target: Target, realisasi: Decimal, negative: bool) -> Fraction:
    r = Fraction(realisasi)
    if isinstance(target, tuple):
        lo, hi = target
        if lo <= r <= hi:
            return Fraction(100)
        t = Fraction(hi if r > hi else lo)
    else:
        t = Fraction(target)
    if negative:
        return max(Fraction(0), (2 * t - r) / t * 100)
    return r / t * 100


# Scales from domain.md: (lower edge, inclusive, name), highest band first; None = the rest.
SCALES: dict[str, tuple[tuple[int | None, bool, str], ...]] = {
    "Skala 4": ((85, True, "Sangat Berhasil"), (70, True, "Berhasil"),
                (55, True, "Cukup Berhasil"), (None, True, "Kurang Berhasil")),
    "Skala 5": ((90, False, "Sangat Tinggi"), (75, False, "Tinggi"), (65, False, "Sedang"),
                (50, False, "Rendah"), (None, True, "Sangat Rendah")),
}


def category(scale: str, value: Decimal) -> str:
    for lower, inclusive, name in SCALES[scale]:
        if lower is None or value > lower or (inclusive and value == lower):
            return name
    raise AssertionError("unreachable")


# Units of Kegiatan: each tuple is one unit spelled several ways (config DEFAULT_UNIT_SYNONYMS).
UNIT_GROUPS = (("Org", "Orang", "Jiwa"), ("Lbg", "Lembaga"), ("Keg", "Kegiatan"),
               ("Dokumen",), ("Unit",))
UNIT_OF = {u: group[0] for group in UNIT_GROUPS for u in group}
INDICATOR_UNITS = ("%", "Indeks", "Org", "Kelompok", "Rasio")
PROGRAM_NAMES = ("Program Perlindungan dan Jaminan Sosial", "Program Rehabilitasi Sosial",
                 "Program Pemberdayaan Sosial")
RINCIAN_NAMES = ("Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Modal Peralatan",
                 "Belanja Modal Gedung")


# --- the generated report ---------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    sasaran: str
    satuan: str
    negative: bool
    target: Target
    realisasi: Decimal
    capaian: Decimal  # rounded half up


@dataclass
class Generated:
    """A consistent report's rows, and where the derived figures are (0-based row indexes)."""

    identitas: dict[str, Any]
    tabel: list[dict[Any, Any]]
    lampiran: list[dict[str, Any]]
    pengukuran: list[dict[str, Any]]
    keuangan: list[dict[str, Any]]
    scale: str
    pk_capaian: bool  # the Lampiran II Indikator rows state a Capaian too
    indicators: tuple[Indicator, ...]
    measurement_rows: list[int] = field(default_factory=list)  # Pengukuran Indikator rows
    average_rows: list[int] = field(default_factory=list)  # Pengukuran Rata-rata rows
    jumlah_rows: list[int] = field(default_factory=list)  # Lampiran II Jumlah rows
    percent_rows: list[int] = field(default_factory=list)  # Keuangan Rincian and Program rows

    def sheets(self) -> dict[str, list[dict[Any, Any]]]:
        """A deep copy of the rows, to mutate."""
        return copy.deepcopy({"tabel": self.tabel, "lampiran": self.lampiran,
                              "pengukuran": self.pengukuran, "keuangan": self.keuangan})

    def write(self, path: Path, sheets: dict[str, list[dict[Any, Any]]] | None = None) -> Path:
        return make_workbook(path, identitas=self.identitas, **(sheets or self.sheets()))

    def address(self, sheet: str, index: int, key: str | int) -> str:
        return cell_address(sheet, index, key, self.identitas)


def decimal_in(lo_units: int, hi_units: int, places: int) -> st.SearchStrategy[Decimal]:
    """Decimals lo..hi (in units of 10^-places) with at most `places` decimals."""
    return st.integers(lo_units, hi_units).map(lambda n: Decimal(n).scaleb(-places))


@st.composite
def target_and_realisasi(draw: st.DrawFn) -> tuple[Target, Decimal]:
    kind = draw(st.sampled_from(("plain", "half", "range")))
    if kind == "range":
        lo = draw(st.integers(1, 90))
        hi = lo + draw(st.integers(1, 20))
        return (lo, hi), draw(decimal_in(lo * 100, hi * 100, 2))
    if kind == "half":
        # R / T x 100 (and 200 - R / T x 100) has exactly three decimals, often ending in 5.
        t, places = draw(st.sampled_from(((8, 2), (40, 2), (200, 2), (2000, 1), (20000, 0))))
        return Decimal(t), draw(decimal_in(0, int(t * 10**places * 5 // 2), places))
    places = draw(st.integers(0, 2))
    t = draw(decimal_in(1, 100_000, places))
    r_places = draw(st.integers(0, 2))
    r = draw(decimal_in(0, int(t * 10**r_places * 5 // 2) + 1, r_places))
    return t, r


def other_target(target: Target) -> st.SearchStrategy[Target]:
    """A target for another year of the period: a range for a range indicator."""
    if isinstance(target, tuple):
        return st.tuples(st.integers(1, 90), st.integers(1, 20)).map(lambda p: (p[0],
                                                                                p[0] + p[1]))
    return decimal_in(1, 100_000, 2)


@st.composite
def money(draw: st.DrawFn) -> tuple[int, int]:
    """(pagu, realisasi) in rupiah; sometimes with a persentase ending in an exact half."""
    if draw(st.booleans()):
        m = draw(st.integers(6, 9))
        pagu = 2 * 10**m
        return pagu, draw(st.integers(0, 20_000)) * 10 ** (m - 4)
    pagu = draw(st.integers(1_000, 2_000_000)) * 1000
    return pagu, draw(st.integers(pagu // 2000, pagu // 1000)) * 1000


@st.composite
def reports(draw: st.DrawFn) -> Generated:
    scale = draw(st.sampled_from(tuple(SCALES)))
    awal = draw(st.integers(2015, 2021))
    akhir = awal + 5
    tahun = draw(st.integers(awal + 1, akhir))
    years = list(range(awal + 1, akhir + 1))
    identitas = {"tahun": tahun, "periode_awal": awal, "periode_akhir": akhir, "skala": scale,
                 "toleransi": draw(st.sampled_from((0.01, 0)))}

    # Indicators, grouped by sasaran (codes IK-1.. in sasaran order).
    n_ind = draw(st.integers(1, 6))
    n_sas = draw(st.integers(1, min(3, n_ind)))
    groups = sorted(draw(st.lists(st.integers(0, n_sas - 1), min_size=n_ind, max_size=n_ind)))
    used = sorted(set(groups))
    sasaran_names = [f"Sasaran uji {used.index(g) + 1}" for g in groups]
    indicators: list[Indicator] = []
    for i in range(n_ind):
        target, realisasi = draw(target_and_realisasi())
        negative = draw(st.booleans())
        indicators.append(Indicator(
            code=f"IK-{i + 1}", name=f"Indikator uji nomor {i + 1}", sasaran=sasaran_names[i],
            satuan=draw(st.sampled_from(INDICATOR_UNITS)), negative=negative, target=target,
            realisasi=realisasi, capaian=rhu(capaian_exact(target, realisasi, negative))))

    # Tabel VI.1: the Tahun Laporan target is the PK target, Kondisi Akhir the final target.
    tabel: list[dict[Any, Any]] = []
    for ind in indicators:
        targets: dict[int, Target] = {y: draw(other_target(ind.target)) for y in years}
        targets[tahun] = ind.target
        tabel.append({
            "kode_indikator": ind.code, "tujuan": "Tujuan uji", "sasaran": ind.sasaran,
            "indikator": ind.name, "satuan": ind.satuan,
            "polaritas": "Negatif" if ind.negative else "Positif",
            "kondisi_awal": cell_value(draw(decimal_in(0, 100_000, 2))),
            **{y: target_cell(t) for y, t in targets.items()},
            "kondisi_akhir": target_cell(targets[akhir]),
        })

    # Kegiatan: every indicator served by 1-2, spread over 1-3 programs (none empty).
    served = [ind for ind in indicators for _ in range(draw(st.integers(1, 2)))]
    served = draw(st.permutations(served))
    n_prog = min(draw(st.integers(1, 3)), len(served))
    assign = draw(st.lists(st.integers(0, n_prog - 1), min_size=len(served),
                           max_size=len(served)))
    used_p = sorted(set(assign))
    assign = [used_p.index(a) for a in assign]
    n_prog = len(used_p)
    kegiatan: list[list[dict[str, Any]]] = [[] for _ in range(n_prog)]
    for ind, p in zip(served, assign, strict=True):
        t = draw(st.integers(1, 500))
        r = draw(st.integers(0, 2 * t + 10))
        pagu, spent = draw(money())
        # A Kegiatan is Positif whatever its indicator, unless its own Polaritas says Negatif.
        negative = draw(st.booleans())
        row = {
            "baris": "Kegiatan", "kode_indikator": ind.code,
            "program_kegiatan": f"Kegiatan uji {sum(map(len, kegiatan)) + 1}",
            "target": t, "realisasi": r, "satuan": draw(st.sampled_from(tuple(UNIT_OF))),
            "capaian": float(rhu(capaian_exact(Decimal(t), Decimal(r), negative))),
            "anggaran": pagu, "realisasi_anggaran": spent}
        if negative:
            row["polaritas"] = "Negatif"
        kegiatan[p].append(row)

    pk_capaian = draw(st.booleans())
    interleave = draw(st.booleans())
    gen = Generated(identitas, tabel, [], [], [], scale, pk_capaian, tuple(indicators))
    lampiran = gen.lampiran

    def indikator_row(ind: Indicator) -> dict[str, Any]:
        row = {"baris": "Indikator", "kode_indikator": ind.code, "sasaran": ind.sasaran,
               "indikator": ind.name, "target": target_cell(ind.target),
               "realisasi": cell_value(ind.realisasi), "satuan": ind.satuan}
        if pk_capaian:
            row["capaian"] = float(ind.capaian)
        return row

    emitted: set[str] = set()
    if not interleave:
        lampiran.extend(indikator_row(ind) for ind in indicators)
        emitted.update(ind.code for ind in indicators)
    programs: list[dict[str, Any]] = []
    totals: dict[str, list[int]] = {}  # unit key -> [target, realisasi], over all programs
    total_units: dict[str, str] = {}  # unit key -> the spelling used on the Total row
    for p in range(n_prog):
        if interleave:  # the indicators this program is the first to serve, just above it
            for ind in indicators:
                if ind.code not in emitted and any(k["kode_indikator"] == ind.code
                                                   for k in kegiatan[p]):
                    lampiran.append(indikator_row(ind))
                    emitted.add(ind.code)
        kode = f"1.06.{p + 2:02d}"
        program = {"baris": "Program", "kode": kode, "program_kegiatan": PROGRAM_NAMES[p],
                   "anggaran": sum(k["anggaran"] for k in kegiatan[p]),
                   "realisasi_anggaran": sum(k["realisasi_anggaran"] for k in kegiatan[p])}
        programs.append(program)
        lampiran.append(program)
        sums: dict[str, list[int]] = {}
        for j, k in enumerate(kegiatan[p]):
            k["kode"] = f"{kode}.2.{j + 1:02d}"
            lampiran.append(k)
            key = UNIT_OF[k["satuan"]]
            sums.setdefault(key, [0, 0])
            sums[key][0] += k["target"]
            sums[key][1] += k["realisasi"]
            totals.setdefault(key, [0, 0])
            totals[key][0] += k["target"]
            totals[key][1] += k["realisasi"]
            total_units.setdefault(key, k["satuan"])
        for key, (t, r) in sums.items():
            gen.jumlah_rows.append(len(lampiran))
            spelling = draw(st.sampled_from(next(g for g in UNIT_GROUPS if g[0] == key)))
            lampiran.append({"baris": "Jumlah", "program_kegiatan": f"Jumlah {PROGRAM_NAMES[p]}",
                             "target": t, "realisasi": r, "satuan": spelling})
    for key, (t, r) in totals.items():
        lampiran.append({"baris": "Total", "program_kegiatan": "Jumlah Total", "target": t,
                         "realisasi": r, "satuan": total_units[key]})

    # Pengukuran Kinerja: one Indikator row each, a Rata-rata per sasaran and an overall one.
    pengukuran = gen.pengukuran
    averages: list[tuple[str, list[Indicator]]] = []
    for name in dict.fromkeys(sasaran_names):
        averages.append((name, [i for i in indicators if i.sasaran == name]))
    averages.append(("", list(indicators)))
    overall_blank = draw(st.booleans())  # blank Kode Indikator = every indicator
    averages_inline = draw(st.booleans())  # each sasaran's average right after its rows

    def average_row(sasaran: str, inds: list[Indicator]) -> dict[str, Any]:
        mean = rhu(Fraction(sum(i.capaian for i in inds)) / len(inds))
        codes = "" if not sasaran and overall_blank else ", ".join(i.code for i in inds)
        row = {"baris": "Rata-rata", "sasaran": sasaran,
               "indikator": f"Rata-rata capaian {sasaran or 'seluruh indikator'}",
               "capaian": float(mean), "kategori": category(scale, mean), "sumber": SUMBER}
        if codes:
            row["kode_indikator"] = codes
        return row

    for sasaran, inds in averages[:-1]:
        for ind in inds:
            gen.measurement_rows.append(len(pengukuran))
            pengukuran.append({
                "baris": "Indikator", "kode_indikator": ind.code, "sasaran": ind.sasaran,
                "indikator": ind.name, "satuan": ind.satuan, "target": target_cell(ind.target),
                "realisasi": cell_value(ind.realisasi), "capaian": float(ind.capaian),
                "kategori": category(scale, ind.capaian), "sumber": SUMBER})
        if averages_inline:
            gen.average_rows.append(len(pengukuran))
            pengukuran.append(average_row(sasaran, inds))
    for sasaran, inds in averages if not averages_inline else averages[-1:]:
        gen.average_rows.append(len(pengukuran))
        pengukuran.append(average_row(sasaran, inds))

    # Keuangan: Kelompok, Rincian, one Program per Lampiran II program, Jumlah; maybe a second
    # Kelompok of Rincian only; Total. Every persentase = realisasi / pagu x 100.
    keuangan = gen.keuangan
    with_kode = draw(st.booleans())  # Program rows matched by Kode, else by name

    def amounts(row: dict[str, Any], pagu: int, spent: int) -> dict[str, Any]:
        row.update(pagu=pagu, realisasi=spent, sumber_dana="APBD II",
                   persentase=float(rhu(Fraction(spent, pagu) * 100)))
        return row

    subtotals: list[tuple[int, int]] = []
    kelompok = [("5.1", "BELANJA OPERASI", draw(st.integers(0, 2)), True)]
    if draw(st.booleans()):
        kelompok.append(("5.2", "BELANJA MODAL", draw(st.integers(1, 2)), False))
    names = iter(RINCIAN_NAMES)
    for kode, uraian, n_rincian, with_programs in kelompok:
        keuangan.append({"baris": "Kelompok", "kode": kode, "uraian": uraian,
                         "sumber_dana": "APBD II"})
        items: list[tuple[int, int]] = []
        for j in range(n_rincian):
            pagu, spent = draw(money())
            items.append((pagu, spent))
            gen.percent_rows.append(len(keuangan))
            keuangan.append(amounts({"baris": "Rincian", "kode": f"{kode}.{j + 1:02d}",
                                     "uraian": next(names)}, pagu, spent))
        for program in programs if with_programs else ():
            pagu, spent = program["anggaran"], program["realisasi_anggaran"]
            items.append((pagu, spent))
            gen.percent_rows.append(len(keuangan))
            row = {"baris": "Program", "uraian": program["program_kegiatan"]}
            if with_kode:
                row["kode"] = program["kode"]
            keuangan.append(amounts(row, pagu, spent))
        subtotal = (sum(p for p, _ in items), sum(s for _, s in items))
        subtotals.append(subtotal)
        keuangan.append(amounts({"baris": "Jumlah", "uraian": f"Jumlah {uraian.title()}"},
                                *subtotal))
    keuangan.append(amounts({"baris": "Total", "uraian": "Jumlah Belanja Daerah"},
                            sum(p for p, _ in subtotals), sum(s for _, s in subtotals)))
    return gen


# --- running the checker ----------------------------------------------------------------------


def run(gen: Generated, sheets: dict[str, list[dict[Any, Any]]] | None = None):
    with tempfile.TemporaryDirectory() as tmp:
        path = gen.write(Path(tmp) / "lkjip.xlsx", sheets)
        return check_report(read_report(path))


def located(findings) -> list[tuple[str, str]]:
    return sorted((f.code, f.location) for f in findings)


def describe(findings) -> str:
    return "\n".join(f"{f.code} {f.location} {f.message('en')}" for f in findings)


def shifted(value: float | int, by: str = "7.5") -> float:
    """A value far from the right one: no tolerance, truncation or rounding look-alike."""
    return float(Decimal(repr(value)) + Decimal(by))


# --- 1. consistent reports --------------------------------------------------------------------


@PROPERTY
@given(gen=reports())
def test_consistent_report_has_no_findings(gen: Generated):
    found = run(gen)
    assert found == [], describe(found)


# --- 2. one injected mistake, exactly one finding ---------------------------------------------


@PROPERTY
@given(gen=reports(), data=st.data())
def test_wrong_measurement_capaian_is_cap001(gen: Generated, data: st.DataObject):
    sheets = gen.sheets()
    i = data.draw(st.sampled_from(gen.measurement_rows), label="row")
    row = sheets["pengukuran"][i]
    row["capaian"] = shifted(row["capaian"])
    where = gen.address(SHEET_MEASUREMENT, i, "capaian")
    expected = [("CAP001", where)]
    if gen.pk_capaian:
        # Lampiran II states the (right) capaian too: the report now prints two different
        # capaian for one indicator, which XTB002 reports at the first statement (this cell).
        expected.append(("XTB002", where))
    assert located(run(gen, sheets)) == sorted(expected)


@PROPERTY
@given(gen=reports(), data=st.data())
def test_wrong_budget_percentage_is_cap006(gen: Generated, data: st.DataObject):
    sheets = gen.sheets()
    i = data.draw(st.sampled_from(gen.percent_rows), label="row")
    row = sheets["keuangan"][i]
    row["persentase"] = shifted(row["persentase"])
    assert located(run(gen, sheets)) == [("CAP006", gen.address(SHEET_BUDGET, i, "persentase"))]


@PROPERTY
@given(gen=reports(), data=st.data())
def test_wrong_category_is_kat001(gen: Generated, data: st.DataObject):
    sheets = gen.sheets()
    i = data.draw(st.sampled_from(gen.measurement_rows), label="row")
    row = sheets["pengukuran"][i]
    others = [name for _, _, name in SCALES[gen.scale] if name != row["kategori"]]
    row["kategori"] = data.draw(st.sampled_from(others), label="kategori")
    assert located(run(gen, sheets)) == [("KAT001", gen.address(SHEET_MEASUREMENT, i,
                                                                 "kategori"))]


@PROPERTY
@given(gen=reports(), data=st.data())
def test_wrong_jumlah_target_is_tot001(gen: Generated, data: st.DataObject):
    sheets = gen.sheets()
    i = data.draw(st.sampled_from(gen.jumlah_rows), label="row")
    row = sheets["lampiran"][i]
    row["target"] = shifted(row["target"])
    assert located(run(gen, sheets)) == [("TOT001", gen.address(SHEET_PK, i, "target"))]


@PROPERTY
@given(gen=reports(), data=st.data())
def test_wrong_average_is_avg001(gen: Generated, data: st.DataObject):
    sheets = gen.sheets()
    i = data.draw(st.sampled_from(gen.average_rows), label="row")
    row = sheets["pengukuran"][i]
    row["capaian"] = shifted(row["capaian"])
    assert located(run(gen, sheets)) == [("AVG001", gen.address(SHEET_MEASUREMENT, i,
                                                                 "capaian"))]


def _moved(value: int | float | str) -> int | float | str:
    """Another Kondisi Akhir: a range moved by 7, a number by 7.5."""
    if isinstance(value, str):
        lo, hi = (int(v) for v in value.split("-"))
        return f"{lo + 7}-{hi + 7}"
    return shifted(value)


@PROPERTY
@given(gen=reports(), data=st.data())
def test_kondisi_akhir_off_final_target_is_xtb005(gen: Generated, data: st.DataObject):
    sheets = gen.sheets()
    i = data.draw(st.sampled_from(range(len(gen.tabel))), label="row")
    row = sheets["tabel"][i]
    row["kondisi_akhir"] = _moved(row["kondisi_akhir"])
    assert located(run(gen, sheets)) == [("XTB005", gen.address(SHEET_RPJMD, i,
                                                                "kondisi_akhir"))]


# --- 3. determinism ---------------------------------------------------------------------------


@PROPERTY
@given(gen=reports(), data=st.data())
def test_checking_twice_gives_identical_findings(gen: Generated, data: st.DataObject):
    # A few injected mistakes, so that there is something to compare.
    sheets = gen.sheets()
    if data.draw(st.booleans(), label="capaian"):
        row = sheets["pengukuran"][data.draw(st.sampled_from(gen.measurement_rows))]
        row["capaian"] = shifted(row["capaian"])
    if data.draw(st.booleans(), label="persentase"):
        row = sheets["keuangan"][data.draw(st.sampled_from(gen.percent_rows))]
        row["persentase"] = shifted(row["persentase"])
    if data.draw(st.booleans(), label="jumlah"):
        row = sheets["lampiran"][data.draw(st.sampled_from(gen.jumlah_rows))]
        row["target"] = shifted(row["target"])
    row = sheets["tabel"][0]
    row["kondisi_akhir"] = _moved(row["kondisi_akhir"])
    with tempfile.TemporaryDirectory() as tmp:
        path = gen.write(Path(tmp) / "lkjip.xlsx", sheets)
        report = read_report(path)
        first = check_report(report)
        again = check_report(report)
        reread = check_report(read_report(path))
    assert first, "the injected mistakes give findings"
    assert first == again == reread
