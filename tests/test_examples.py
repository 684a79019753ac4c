"""The bundled examples: YAML sources, the committed workbooks built from them, and their
content (the faithful 2019 seed transcription and the fully consistent synthetic 2023 one)."""

from __future__ import annotations

import copy
import importlib.util
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl import schema
from lkjip_xl.numbers import NumberSource, parse_number

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "lkjip_2019_dinsos_batam.yaml"
CLEAN = EXAMPLES / "lkjip_2023_dinas_contoh.yaml"
SECTION_SPECS = {
    "tabel_vi_1": schema.RPJMD_TABLE,
    "lampiran_ii": schema.PK_TABLE,
    "pengukuran_kinerja": schema.MEASUREMENT_TABLE,
    "keuangan": schema.BUDGET_TABLE,
}


def _load_build_module():
    spec = importlib.util.spec_from_file_location("build_examples",
                                                  EXAMPLES / "build_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_examples", module)
    spec.loader.exec_module(module)
    return module


build_examples = _load_build_module()
SOURCES = build_examples.example_sources()


@pytest.fixture(scope="module")
def seed() -> dict:
    return build_examples.load_example(SEED)


@pytest.fixture(scope="module")
def clean() -> dict:
    return build_examples.load_example(CLEAN)


# --- the committed workbooks ---------------------------------------------------------------


def test_both_examples_are_bundled():
    assert SEED in SOURCES and CLEAN in SOURCES
    for src in SOURCES:
        assert src.with_suffix(".xlsx").is_file(), f"{src.name}: run `make examples`"


def _cell_values(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    try:
        return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()]
                for ws in wb.worksheets}
    finally:
        wb.close()


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_committed_workbook_is_up_to_date(src: Path, tmp_path: Path):
    fresh = build_examples.build(src, tmp_path / src.with_suffix(".xlsx").name)
    committed = _cell_values(src.with_suffix(".xlsx"))
    rebuilt = _cell_values(fresh)
    assert list(committed) == list(rebuilt), "sheets differ: run `make examples`"
    for sheet, rows in rebuilt.items():
        assert committed[sheet] == rows, f"{src.stem}: sheet {sheet!r} is stale; " \
                                         "run `make examples`"


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_build_is_deterministic(src: Path, tmp_path: Path):
    a = build_examples.build(src, tmp_path / "a.xlsx").read_bytes()
    b = build_examples.build(src, tmp_path / "b.xlsx").read_bytes()
    assert a == b
    assert not list(tmp_path.glob(".*.tmp")), "temporary files left behind"


def _sheet_rows(ws, spec: schema.TableSpec) -> list[dict]:
    """Data rows of a template sheet as dicts keyed like the YAML (blank cells left out)."""
    keys: dict[int, str | int] = {}
    headers = {c.header: c.key for c in spec.columns}
    for cell in ws[schema.TEMPLATE_HEADER_ROW]:
        if isinstance(cell.value, int):
            keys[cell.column] = cell.value
        elif cell.value in headers:
            keys[cell.column] = headers[cell.value]
    rows = []
    for row in ws.iter_rows(min_row=schema.TEMPLATE_FIRST_DATA_ROW):
        values = {keys[c.column]: c.value for c in row
                  if c.column in keys and c.value is not None}
        if values:
            rows.append(values)
    return rows


def _same_cell(written: object, typed: object) -> bool:
    """A text stays text exactly; a number stays a number of the same value."""
    if isinstance(typed, str):
        return isinstance(written, str) and written == typed
    return isinstance(written, int | float) and not isinstance(written, bool) \
        and written == typed


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_workbook_holds_the_yaml_cells_as_typed(src: Path):
    data = build_examples.load_example(src)
    wb = openpyxl.load_workbook(src.with_suffix(".xlsx"))
    for section, spec in SECTION_SPECS.items():
        got = _sheet_rows(wb[spec.sheet], spec)
        want = data.get(section, [])
        assert len(got) == len(want), section
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            assert g.keys() == w.keys(), f"{section}[{i}]"
            for key in w:
                assert _same_cell(g[key], w[key]), f"{section}[{i}].{key}: {g[key]!r}"
    ident = wb[schema.SHEET_IDENTITY]
    labels = {c.header: c.key for c in schema.IDENTITY_FIELDS}
    found = {labels[a.value]: b.value for a, b in ident.iter_rows(min_col=1, max_col=2)
             if a.value in labels}
    for key, value in data["identitas"].items():
        assert _same_cell(found[key], value), key
    wb.close()


def test_build_rejects_unknown_keys_and_values(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("identitas: {tahun: 2019, periode_awal: 2016, periode_akhir: 2021}\n"
                   "lampiran_ii: [{baris: Program, anggaran_typo: 5}]\n", encoding="utf-8")
    with pytest.raises(ValueError):
        build_examples.build(bad, tmp_path / "bad.xlsx")
    assert not (tmp_path / "bad.xlsx").exists()
    bad.write_text("identitas: {tahun: 2019, periode_awal: 2016, periode_akhir: 2021}\n"
                   "keuangan: [{baris: Rincian, pagu: [1, 2]}]\n", encoding="utf-8")
    with pytest.raises(build_examples.ExampleError):
        build_examples.build(bad, tmp_path / "bad.xlsx")


# --- shared checks on the YAML -------------------------------------------------------------


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_yaml_uses_schema_keys_and_roles(src: Path):
    data = build_examples.load_example(src)
    ident_keys = {c.key for c in schema.IDENTITY_FIELDS}
    assert set(data["identitas"]) <= ident_keys
    years = set(range(data["identitas"]["periode_awal"] + 1,
                      data["identitas"]["periode_akhir"] + 1))
    roles = {
        "lampiran_ii": schema.PK_ROLES,
        "pengukuran_kinerja": schema.MEASUREMENT_ROLES,
        "keuangan": schema.BUDGET_ROLES,
    }
    for section, spec in SECTION_SPECS.items():
        allowed = {c.key for c in spec.columns}
        for i, row in enumerate(data[section]):
            for key, value in row.items():
                assert key in allowed or key in years, f"{section}[{i}]: key {key!r}"
                assert value != "", f"{section}[{i}].{key}: blank keys are omitted"
            if section in roles:
                assert schema.parse_role(row["baris"]) in roles[section], f"{section}[{i}]"
        if section == "tabel_vi_1":
            for row in data[section]:
                assert years <= set(row), f"{row['kode_indikator']}: a year is missing"
                assert schema.parse_polarity(row["polaritas"]) is not None


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem)
def test_every_figure_is_readable(src: Path):
    """Each figure, however oddly printed, has one reading (or is a '-' or a range)."""
    data = build_examples.load_example(src)
    for section, spec in SECTION_SPECS.items():
        for i, row in enumerate(data[section]):
            for key, value in row.items():
                kind = "number" if isinstance(key, int) else spec.column(key).kind
                if kind not in ("number", "percent", "money"):
                    continue
                n = parse_number(value, percent_column=kind == "percent")
                assert n.is_usable or n.source is NumberSource.DASH, \
                    f"{section}[{i}].{key}: {value!r} -> {n.notes}"


# --- the seed: a faithful transcription ----------------------------------------------------

SEED_CODES = [f"IK-{i}" for i in range(1, 8)]


def _rows(data: dict, section: str, role: str | None = None) -> list[dict]:
    return [r for r in data[section] if role is None or r.get("baris") == role]


def test_seed_has_seven_indicators(seed: dict):
    assert [r["kode_indikator"] for r in seed["tabel_vi_1"]] == SEED_CODES
    assert [r["kode_indikator"] for r in _rows(seed, "lampiran_ii", "Indikator")] == SEED_CODES
    assert all(r["polaritas"] == "Positif" for r in seed["tabel_vi_1"])


def test_seed_has_sixteen_kegiatan(seed: dict):
    kegiatan = _rows(seed, "lampiran_ii", "Kegiatan")
    assert sorted({r["kode"] for r in kegiatan}) == list(range(1, 17))
    assert all(r["kode_indikator"] in SEED_CODES for r in kegiatan)
    # several-unit kegiatan are one row per unit, their anggaran on the first row only
    by_kode = defaultdict(list)
    for r in kegiatan:
        by_kode[r["kode"]].append(r)
    assert {k: len(v) for k, v in by_kode.items() if len(v) > 1} == \
        {11: 3, 12: 2, 13: 2, 15: 2, 16: 2}
    assert all("anggaran" in v[0] and all("anggaran" not in r for r in v[1:])
               for v in by_kode.values())


def test_seed_programs_and_totals_as_printed(seed: dict):
    programs = _rows(seed, "lampiran_ii", "Program")
    assert [p["anggaran"] for p in programs] == ["7,015,268,631", "10,486,531,000"]
    jumlah = _rows(seed, "lampiran_ii", "Jumlah")
    assert [(r["target"], r["realisasi"], r.get("satuan")) for r in jumlah] == [
        ("2,819", "2.109", None), (594, 565, "Lbg"), ("3.838", "3.635", "Org"),
        (295, 282, "Org")]
    total = _rows(seed, "lampiran_ii", "Total")
    assert [(r["target"], r["realisasi"], r["satuan"]) for r in total] == [
        (594, 565, "Lbg"), ("4.133", "3.917", "Org")]


def _measurements(data: dict, sumber: str) -> list[dict]:
    return [r for r in data["pengukuran_kinerja"] if r["sumber"] == sumber]


def test_seed_keeps_the_wrong_denominator_of_indicator_5(seed: dict):
    calc = _measurements(seed, "Bab III 3.3 perhitungan")
    ik5 = [r for r in calc if r.get("kode_indikator") == "IK-5"]
    assert len(ik5) == 1
    assert (ik5[0]["realisasi"], ik5[0]["target"], ik5[0]["capaian"]) == (565, 694, "81,41 %")
    pk5 = next(r for r in _rows(seed, "lampiran_ii", "Jumlah") if r.get("satuan") == "Lbg")
    assert pk5["target"] == 594  # the agreed target the calculation should have used


def test_seed_measurement_sources(seed: dict):
    calc = _measurements(seed, "Bab III 3.3 perhitungan")
    assert [(r["kode_indikator"], r["realisasi"], r["target"], r["capaian"]) for r in calc] == [
        ("IK-1", "37.428", "55.669", "149 %"), ("IK-1", 67, 72, "93,05 %"),
        ("IK-2", 25, 25, "100 %"), ("IK-3", "1.020", "1.697", "60,10 %"),
        ("IK-4", 997, "1.025", "97,26 %"), ("IK-5", 565, 694, "81,41 %"),
        ("IK-6", 27, 33, "81,81 %"), ("IK-7", 5, 12, "41,67 %")]
    listed = [r for r in _measurements(seed, "Bab III 3.2 (2) Pengukuran Pencapaian Sasaran")
              if r.get("kode_indikator")]
    assert [(r["kode_indikator"], r["capaian"]) for r in listed] == list(zip(
        SEED_CODES, ["93,05 %", "97,06 %", "67,70 %", "90,87 %", "98,82 %", "89,76 %",
                     "39,48 %"], strict=True))
    table = [r for r in _measurements(seed, "Bab III 3.3 Tabel Sasaran 1")
             if r["baris"] == "Indikator"]
    assert [r.get("kode_indikator") for r in table] == [
        "IK-1", "IK-2", "IK-3", "IK-4", None, "IK-5", "IK-6", "IK-7", None]
    averages = [(r.get("kode_indikator"), r["capaian"], r.get("kategori"))
                for r in seed["pengukuran_kinerja"] if r["baris"] == "Rata-rata"]
    assert averages == [
        ("IK-1, IK-2, IK-3, IK-4", "87,35 %.", None), ("IK-5, IK-6, IK-7", "81,00 %", None),
        ("IK-1, IK-2, IK-3, IK-4", "87,35 %", None), ("IK-5, IK-6, IK-7", "81,00 %", None),
        (None, "84,17 %", "Cukup Berhasil")]


def test_seed_budget_as_printed(seed: dict):
    rows = seed["keuangan"]
    assert [r["baris"] for r in rows if r["baris"] in ("Kelompok", "Jumlah", "Total")] == [
        "Kelompok", "Jumlah", "Kelompok", "Jumlah", "Total", "Kelompok", "Kelompok", "Jumlah"]
    first = rows[1]
    assert (first["uraian"], first["pagu"]) == ("Belanja Pegawai", "8,102,579,062,65")
    odd = {r["uraian"]: (r.get("pagu"), r.get("realisasi"), r.get("persentase")) for r in rows}
    assert odd["Belanja Hibah"] == ("1,495,200,000,00", "1,416,378,320,0", "94,73")
    assert odd["Belanja jasa kantor (pengiriman kendaraan)"] == (
        "745,520,000,00-", "597,953,021,00-", "98,70")
    assert odd["Jumlah SELURUHNYA"] == ("26,787,846,626.65", "25,154,544,046.00", "93,90")
    assert odd["Penggandaan (foto copy) dokumen"] == ("14,582,100", "8,792,000", None)
    apbd1 = [r for r in rows if r["sumber_dana"] == "APBD I/APBN"]
    assert apbd1[-1]["pagu"] == "96,719,440,000,00"
    assert sum(parse_number(r["pagu"]).value for r in apbd1
               if r["baris"] == "Rincian") == pytest.approx(96_719_440_000)


# --- the clean example: every figure consistent --------------------------------------------

CENT = Decimal("0.01")


def dec(value: object) -> Decimal:
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return Decimal(str(value))


def r2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def pct(part: Decimal, whole: Decimal) -> Decimal:
    return r2(part / whole * 100)


def kategori_skala_5(value: Decimal) -> str:
    # half-open bands; above 100 stays in the top band
    for lower, name in ((90, "Sangat Tinggi"), (75, "Tinggi"), (65, "Sedang"), (50, "Rendah")):
        if value > lower:
            return name
    return "Sangat Rendah"


def _range(value: object) -> tuple[Decimal, Decimal] | None:
    if isinstance(value, str) and "-" in value:
        lo, hi = value.split("-")
        return Decimal(lo), Decimal(hi)
    return None


def capaian(polaritas: str, target: object, realisasi: object) -> Decimal:
    real = dec(realisasi)
    rng = _range(target)
    if rng is not None:
        lo, hi = rng
        if lo <= real <= hi:
            return Decimal("100.00")
        t = hi if real > hi else lo
    else:
        t = dec(target)
    if polaritas == "Negatif":
        return r2((2 * t - real) / t * 100)
    return pct(real, t)


def consistency_errors(data: dict) -> list[str]:
    """Everything that does not add up in a clean example (empty when it is consistent)."""
    errors: list[str] = []

    def check(ok: bool, what: str) -> None:
        if not ok:
            errors.append(what)

    ident = data["identitas"]
    tahun, akhir = ident["tahun"], ident["periode_akhir"]
    rpjmd = {r["kode_indikator"]: r for r in data["tabel_vi_1"]}

    # Tabel VI.1: the final condition is the last year's target
    for code, r in rpjmd.items():
        check(r["kondisi_akhir"] == r[akhir], f"{code}: kondisi_akhir != target {akhir}")

    # Lampiran II
    pk = data["lampiran_ii"]
    pk_ind = {r["kode_indikator"]: r for r in pk if r["baris"] == "Indikator"}
    check(set(pk_ind) == set(rpjmd), "Lampiran II indicators != Tabel VI.1 indicators")
    for code, r in pk_ind.items():
        ind = rpjmd.get(code, {})
        check(r["target"] == ind.get(tahun), f"{code}: PK target != Tabel VI.1 {tahun}")
        check(r["satuan"] == ind.get("satuan"), f"{code}: PK satuan != Tabel VI.1")
        check(dec(r["capaian"]) == capaian(ind.get("polaritas"), r["target"], r["realisasi"]),
              f"{code}: PK capaian")
    programs: dict[str, dict] = {}
    kegiatan: dict[str, list[dict]] = defaultdict(list)
    jumlah: dict[str, dict[str, dict]] = defaultdict(dict)
    totals: dict[str, dict] = {}
    current = None
    for r in pk:
        role = r["baris"]
        if role == "Program":
            current = r["kode"]
            programs[current] = r
        elif role == "Kegiatan":
            kegiatan[current].append(r)
            check(r["kode"].startswith(f"{current}."), f"{r['kode']}: not under {current}")
            check(r["kode_indikator"] in rpjmd, f"{r['kode']}: unknown indicator")
            check(dec(r["capaian"]) == pct(dec(r["realisasi"]), dec(r["target"])),
                  f"{r['kode']}: kegiatan capaian")
        elif role == "Jumlah":
            check(r["satuan"] not in jumlah[current], f"{current}: two Jumlah {r['satuan']}")
            jumlah[current][r["satuan"]] = r
        elif role == "Total":
            check(r["satuan"] not in totals, f"two Total {r['satuan']}")
            totals[r["satuan"]] = r
    grand: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for kode, prog in programs.items():
        kegs = kegiatan[kode]
        check(bool(kegs), f"{kode}: no kegiatan")
        for money, key in (("anggaran", "anggaran"), ("realisasi_anggaran", "realisasi_anggaran")):
            check(dec(prog[money]) == sum(dec(k[key]) for k in kegs), f"{kode}: {money} sum")
        per: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
        for k in kegs:
            per[k["satuan"]][0] += dec(k["target"])
            per[k["satuan"]][1] += dec(k["realisasi"])
        check(set(per) == set(jumlah[kode]), f"{kode}: Jumlah satuan")
        for satuan, row in jumlah[kode].items():
            t, r = per.get(satuan, (None, None))
            check(dec(row["target"]) == t, f"{kode}: Jumlah target {satuan}")
            check(dec(row["realisasi"]) == r, f"{kode}: Jumlah realisasi {satuan}")
            grand[satuan][0] += dec(row["target"])
            grand[satuan][1] += dec(row["realisasi"])
    check(set(grand) == set(totals), "Total satuan")
    for satuan, row in totals.items():
        t, r = grand.get(satuan, (None, None))
        check(dec(row["target"]) == t, f"Total target {satuan}")
        check(dec(row["realisasi"]) == r, f"Total realisasi {satuan}")

    # Pengukuran Kinerja
    stated: dict[str, Decimal] = {}
    for r in data["pengukuran_kinerja"]:
        if r["baris"] != "Indikator":
            continue
        code = r["kode_indikator"]
        ind, p = rpjmd.get(code, {}), pk_ind.get(code, {})
        check(r["target"] == p.get("target"), f"{code}: measured target != PK")
        check(r["realisasi"] == p.get("realisasi"), f"{code}: measured realisasi != PK")
        check(r.get("sasaran") == ind.get("sasaran"), f"{code}: sasaran")
        value = dec(r["capaian"])
        check(value == capaian(ind.get("polaritas"), r["target"], r["realisasi"]),
              f"{code}: capaian")
        check(r["kategori"] == kategori_skala_5(value), f"{code}: kategori")
        stated[code] = value
    check(set(stated) == set(rpjmd), "every indicator measured once")
    by_sasaran: dict[str, set[str]] = defaultdict(set)
    for code, ind in rpjmd.items():
        by_sasaran[ind["sasaran"]].add(code)
    covered = []
    for r in data["pengukuran_kinerja"]:
        if r["baris"] != "Rata-rata":
            continue
        codes = [c.strip() for c in r["kode_indikator"].split(",")]
        want = by_sasaran[r["sasaran"]] if "sasaran" in r else set(rpjmd)
        check(set(codes) == want, f"Rata-rata {codes}: codes")
        covered.append(r.get("sasaran"))
        if not all(c in stated for c in codes):
            continue
        mean = r2(sum(stated[c] for c in codes) / len(codes))
        check(dec(r["capaian"]) == mean, f"Rata-rata {codes}: {r['capaian']} != {mean}")
        check(r["kategori"] == kategori_skala_5(dec(r["capaian"])), f"Rata-rata {codes}: kat")
    check(sorted(covered, key=str) == sorted([*by_sasaran, None], key=str),
          "one Rata-rata per sasaran and one overall")

    # Keuangan
    group: list[Decimal] | None = None
    jumlah_sum = [Decimal(0), Decimal(0)]
    matched = set()
    for r in data["keuangan"]:
        role = r["baris"]
        if "pagu" in r:
            check(dec(r["persentase"]) == pct(dec(r["realisasi"]), dec(r["pagu"])),
                  f"Keuangan {r['uraian']}: persentase")
        if role == "Kelompok":
            check("pagu" not in r, f"{r['uraian']}: Kelompok carries no amounts")
            group = [Decimal(0), Decimal(0)]
        elif role in ("Rincian", "Program"):
            if group is None:
                errors.append(f"{r['uraian']}: outside a Kelompok")
                continue
            group[0] += dec(r["pagu"])
            group[1] += dec(r["realisasi"])
            if role == "Program":
                prog = programs.get(r["kode"])
                check(prog is not None and prog["program_kegiatan"] == r["uraian"],
                      f"Keuangan program {r['kode']} not in Lampiran II")
                if prog is not None:
                    matched.add(r["kode"])
                    check(dec(r["pagu"]) == dec(prog["anggaran"]), f"{r['kode']}: pagu")
                    check(dec(r["realisasi"]) == dec(prog["realisasi_anggaran"]),
                          f"{r['kode']}: realisasi")
        elif role == "Jumlah":
            check(group is not None and [dec(r["pagu"]), dec(r["realisasi"])] == group,
                  f"{r['uraian']}: Jumlah != sum of its Kelompok")
            jumlah_sum[0] += dec(r["pagu"])
            jumlah_sum[1] += dec(r["realisasi"])
            group = None
        elif role == "Total":
            check([dec(r["pagu"]), dec(r["realisasi"])] == jumlah_sum,
                  f"{r['uraian']}: Total != sum of Jumlah")
    check(matched == set(programs), "every Lampiran II program appears in Keuangan")
    return errors


def test_clean_example_is_consistent(clean: dict):
    assert consistency_errors(clean) == []


def test_clean_example_covers_the_cases(clean: dict):
    ident = clean["identitas"]
    assert (ident["tahun"], ident["periode_awal"], ident["periode_akhir"]) == (2023, 2021, 2026)
    assert ident["skala"] == "Skala 5"
    rpjmd = clean["tabel_vi_1"]
    assert 5 <= len(rpjmd) <= 6
    assert len({r["sasaran"] for r in rpjmd}) == 2
    assert any(r["polaritas"] == "Negatif" for r in rpjmd)
    ranged = [r for r in rpjmd if _range(r[2023])]
    assert ranged and all(_range(r["kondisi_akhir"]) for r in ranged)
    programs = _rows(clean, "lampiran_ii", "Program")
    assert 2 <= len(programs) <= 3
    assert 8 <= len(_rows(clean, "lampiran_ii", "Kegiatan")) <= 10
    kategori = {r["kategori"] for r in clean["pengukuran_kinerja"]}
    assert len(kategori) >= 3


def _numeric_leaves(data: dict):
    """(section, index, key) of every numeric figure that some other figure depends on."""
    tahun, akhir = data["identitas"]["tahun"], data["identitas"]["periode_akhir"]
    for section in SECTION_SPECS:
        for i, row in enumerate(data[section]):
            for key, value in row.items():
                if isinstance(value, bool) or not isinstance(value, int | float):
                    continue
                if section == "tabel_vi_1" and key not in (tahun, akhir, "kondisi_akhir"):
                    continue  # kondisi awal and the other years are free inputs
                yield section, i, key


def test_changing_any_clean_figure_is_detected(clean: dict):
    leaves = list(_numeric_leaves(clean))
    assert len(leaves) > 150
    unnoticed = []
    for section, i, key in leaves:
        mutated = copy.deepcopy(clean)
        mutated[section][i][key] += 1
        if not consistency_errors(mutated):
            unnoticed.append(f"{section}[{i}].{key}")
    assert unnoticed == []


def test_changing_a_range_target_is_detected(clean: dict):
    mutated = copy.deepcopy(clean)
    row = next(r for r in mutated["lampiran_ii"] if _range(r.get("target")))
    row["target"] = "81-90"
    assert consistency_errors(mutated)


def test_consistency_check_catches_the_seed_style_slips(clean: dict):
    # a truncated capaian (93.0555 printed 93.05) and a category off by one band
    mutated = copy.deepcopy(clean)
    row = next(r for r in mutated["pengukuran_kinerja"] if r["kode_indikator"] == "IK-1")
    row["capaian"] = float(Decimal(str(row["capaian"])) - CENT)
    assert any("IK-1: capaian" in e for e in consistency_errors(mutated))
    mutated = copy.deepcopy(clean)
    row = next(r for r in mutated["pengukuran_kinerja"] if r["kode_indikator"] == "IK-6")
    row["kategori"] = "Sedang"  # 65.00 is not above 65
    assert any("IK-6: kategori" in e for e in consistency_errors(mutated))
