"""Generate realistic LKjIP workbooks in the standard template, for benchmarks.

Each workbook is one agency's report: Identitas, Tabel VI.1 (RPJMD indicators), Lampiran II
(Perjanjian Kinerja: programs, indicators, kegiatan with targets, realisations and budgets),
Pengukuran Kinerja (stated capaian and categories, averages) and Keuangan (budget groups,
programs, line items, subtotals, total). Sizes run from 10 to 300 kegiatan; a "mistakes"
workbook carries the errors real reports carry (a wrong capaian, a wrong subtotal, figures
typed as text with Indonesian separators, a wrong category, a formula without a value ...).

    python benchmarks/generate.py OUT_DIR --count 500 [--pool 48] [--seed 1]

Building a workbook with openpyxl costs far more than checking it, so `--pool` distinct
workbooks are built and then copied under distinct names up to `--count` files. A copy is an
ordinary file: the checker reads it exactly like the original (no cache is involved).
Output is deterministic for the same arguments.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lkjip_xl.formulas import round_half_up  # noqa: E402
from lkjip_xl.scales import SCALE_4  # noqa: E402

SIZES = (10, 20, 40, 80, 150, 300)  # kegiatan per workbook
DINAS = ("Dinas Sosial", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Perhubungan",
         "Dinas Pekerjaan Umum dan Penataan Ruang", "Badan Perencanaan Pembangunan Daerah",
         "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Lingkungan Hidup",
         "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Dinas Pertanian dan Pangan",
         "Badan Pengelolaan Keuangan dan Aset Daerah", "Dinas Komunikasi dan Informatika")
PEMDA = ("Kota Batam", "Kota Bandung", "Kabupaten Sleman", "Kabupaten Gowa", "Kota Ambon",
         "Kabupaten Lombok Barat", "Kota Padang", "Kabupaten Kutai Kartanegara")
SATUAN = ("Org", "Lbg", "Unit", "Keg", "Dokumen", "Kecamatan", "Paket", "KPM")
WORDS = ("Peningkatan", "Pelayanan", "Pembinaan", "Penyediaan", "Pengelolaan", "Fasilitasi",
         "Bantuan", "Rehabilitasi", "Pemberdayaan", "Pengembangan", "Koordinasi", "Monitoring")
OBJECTS = ("Masyarakat Miskin", "Lembaga Sosial", "Sarana dan Prasarana", "Data PMKS",
           "Kelompok Usaha Bersama", "Rumah Tidak Layak Huni", "Anak Terlantar", "Lansia",
           "Penyandang Disabilitas", "Administrasi Perkantoran", "Aparatur", "Kinerja")
BTL = ("Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Hibah",
       "Belanja Modal Peralatan dan Mesin", "Belanja Modal Gedung dan Bangunan")


@dataclass(frozen=True)
class Spec:
    """What one workbook holds, as rows keyed like the template's columns."""

    identitas: dict[str, Any]
    tabel: list[dict[str, Any]]
    lampiran: list[dict[str, Any]]
    pengukuran: list[dict[str, Any]]
    keuangan: list[dict[str, Any]]
    formula_cells: tuple[tuple[str, int, str, str], ...] = ()  # (sheet, row idx, key, formula)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)} {rng.choice(OBJECTS)}"


def _rupiah_text(value: int) -> str:
    """1623400000 -> '1.623.400.000' (typed as text, Indonesian separators)."""
    return f"{value:,}".replace(",", ".")


def make_spec(n_kegiatan: int, seed: int, mistakes: bool) -> Spec:
    """A consistent workbook of `n_kegiatan` kegiatan; with `mistakes`, some figures wrong."""
    rng = random.Random(seed)
    tahun = rng.choice((2019, 2020, 2021))
    awal = tahun - rng.randint(1, 4)
    akhir = awal + 5
    n_ind = 3 + n_kegiatan // 15
    n_prog = max(1, n_kegiatan // 6)
    identitas = {"nama_instansi": rng.choice(DINAS), "pemerintah_daerah": rng.choice(PEMDA),
                 "tahun": tahun, "periode_awal": awal, "periode_akhir": akhir,
                 "nama_kepala": "Drs. Kepala Dinas, M.Si.", "nip_kepala": "196306071986062003",
                 "skala": "Skala 4", "rumus_negatif": "(2T-R)/T", "toleransi": 0.01,
                 "desimal": 2}
    indicators = []
    for i in range(1, n_ind + 1):
        negative = rng.random() < 0.15
        target = rng.choice((20, 50, 75, 80, 90, 95, 100))
        real = round(target * (rng.uniform(1.0, 1.4) if negative else rng.uniform(0.6, 1.15)),
                     2)
        indicators.append({"code": f"IK-{i}", "name": f"Persentase {_name(rng)}",
                           "negative": negative, "target": target, "real": real,
                           "sasaran": f"Meningkatnya {rng.choice(OBJECTS)}"})
    tabel = []
    for ind in indicators:
        row: dict[str, Any] = {"kode_indikator": ind["code"],
                               "tujuan": "Meningkatkan Kesejahteraan",
                               "sasaran": ind["sasaran"], "indikator": ind["name"],
                               "satuan": "%",
                               "polaritas": "Negatif" if ind["negative"] else "Positif",
                               "kondisi_awal": ind["target"] - 10,
                               "kondisi_akhir": ind["target"] + (akhir - tahun)}
        for y in range(awal + 1, akhir + 1):
            row[y] = ind["target"] if y == tahun else ind["target"] + (y - tahun)
        tabel.append(row)

    # Lampiran II: programs, each with its indicators' kegiatan, then a Jumlah row; a Total.
    lampiran: list[dict[str, Any]] = []
    kegiatan_budget: list[tuple[int, str, int, int]] = []  # (program, name, pagu, realisasi)
    per_prog = [n_kegiatan // n_prog + (1 if p < n_kegiatan % n_prog else 0)
                for p in range(n_prog)]
    ind_of_prog = [indicators[p % n_ind] for p in range(n_prog)]
    total_pagu = total_real = 0
    k = 0
    for p in range(n_prog):
        prog_name = f"Program {_name(rng)}"
        rows: list[dict[str, Any]] = []
        prog_pagu = prog_real = 0
        ind = ind_of_prog[p]
        if p < n_ind:  # an indicator's row comes once, under the first program it measures
            rows.append({"baris": "Indikator", "kode_indikator": ind["code"],
                         "sasaran": ind["sasaran"], "indikator": ind["name"],
                         "target": ind["target"], "realisasi": ind["real"], "satuan": "%",
                         "capaian": _capaian(ind["target"], ind["real"], ind["negative"])})
        for _ in range(per_prog[p]):
            k += 1
            target = rng.choice((1, 4, 12, 25, 60, 100, 250, 1500))
            real = max(0, round(target * rng.uniform(0.5, 1.1)))
            pagu = rng.randrange(25_000_000, 2_500_000_000, 500)
            spent = round(pagu * rng.uniform(0.7, 1.0))
            name = _name(rng)
            rows.append({"baris": "Kegiatan", "kode": k, "kode_indikator": ind["code"],
                         "program_kegiatan": name, "target": target, "realisasi": real,
                         "satuan": rng.choice(SATUAN),
                         # a Kegiatan is Positif whatever its indicator (domain.md)
                         "capaian": _capaian(target, real, False),
                         "anggaran": pagu, "realisasi_anggaran": spent})
            kegiatan_budget.append((p, name, pagu, spent))
            prog_pagu += pagu
            prog_real += spent
        lampiran.append({"baris": "Program", "program_kegiatan": prog_name,
                         "anggaran": prog_pagu, "realisasi_anggaran": prog_real})
        lampiran.extend(rows)
        lampiran.append({"baris": "Jumlah", "program_kegiatan": f"Jumlah {prog_name}",
                         "anggaran": prog_pagu, "realisasi_anggaran": prog_real})
        total_pagu += prog_pagu
        total_real += prog_real
    lampiran.append({"baris": "Total", "program_kegiatan": "Jumlah Total",
                     "anggaran": total_pagu, "realisasi_anggaran": total_real})

    pengukuran: list[dict[str, Any]] = []
    caps = []
    for ind in indicators:
        cap = _capaian(ind["target"], ind["real"], ind["negative"])
        caps.append(cap)
        pengukuran.append({"baris": "Indikator", "kode_indikator": ind["code"],
                           "sasaran": ind["sasaran"], "indikator": ind["name"], "satuan": "%",
                           "target": ind["target"], "realisasi": ind["real"], "capaian": cap,
                           "kategori": SCALE_4.category(cap), "sumber": "Bab III 3.2"})
    mean = round_half_up(sum(caps) / len(caps), 2)
    pengukuran.append({"baris": "Rata-rata", "indikator": "Rata-rata capaian sasaran",
                       "capaian": mean, "kategori": SCALE_4.category(mean),
                       "sumber": "Bab IV 4.1"})

    keuangan: list[dict[str, Any]] = [{"baris": "Kelompok", "kode": "I",
                                       "uraian": "BELANJA TIDAK LANGSUNG",
                                       "sumber_dana": "APBD II"}]
    btl_pagu = btl_real = 0
    for i, name in enumerate(BTL, start=1):
        pagu = rng.randrange(100_000_000, 20_000_000_000, 1000)
        spent = round(pagu * rng.uniform(0.85, 1.0))
        keuangan.append(_budget("Rincian", i, name, pagu, spent))
        btl_pagu += pagu
        btl_real += spent
    keuangan.append(_budget("Jumlah", "", "Jumlah Belanja Tidak Langsung", btl_pagu, btl_real))
    keuangan.append({"baris": "Kelompok", "kode": "II", "uraian": "BELANJA LANGSUNG",
                     "sumber_dana": "APBD II"})
    for p in range(n_prog):
        keuangan.append({"baris": "Program", "kode": p + 1,
                         "uraian": lampiran_program_name(lampiran, p),
                         "sumber_dana": "APBD II"})
        for i, (_, name, pagu, spent) in enumerate(
                [b for b in kegiatan_budget if b[0] == p], start=1):
            keuangan.append(_budget("Rincian", i, name, pagu, spent))
    keuangan.append(_budget("Jumlah", "", "Jumlah Belanja Langsung", total_pagu, total_real))
    keuangan.append(_budget("Total", "", "Total Belanja", btl_pagu + total_pagu,
                            btl_real + total_real))

    spec = Spec(identitas, tabel, lampiran, pengukuran, keuangan)
    return _with_mistakes(spec, rng, n_kegiatan) if mistakes else spec


def lampiran_program_name(lampiran: list[dict[str, Any]], index: int) -> str:
    programs = [r["program_kegiatan"] for r in lampiran if r["baris"] == "Program"]
    return programs[index]


def _capaian(target: float, real: float, negative: bool) -> float:
    value = (2 * target - real) / target * 100 if negative else real / target * 100
    return round_half_up(max(value, 0.0), 2)


def _budget(role: str, kode: Any, uraian: str, pagu: int, spent: int) -> dict[str, Any]:
    return {"baris": role, "kode": kode, "uraian": uraian, "pagu": pagu, "realisasi": spent,
            "persentase": round_half_up(spent / pagu * 100, 2) if pagu else None,
            "sumber_dana": "APBD II"}


def _with_mistakes(spec: Spec, rng: random.Random, n_kegiatan: int) -> Spec:
    """The mistakes real reports carry; about one per 40 kegiatan, at least three."""
    count = max(3, n_kegiatan // 40)
    formulas: list[tuple[str, int, str, str]] = []
    kegiatan = [i for i, r in enumerate(spec.lampiran) if r["baris"] == "Kegiatan"]
    for _ in range(count):
        kind = rng.randrange(8)
        if kind == 0:  # a stated capaian that does not follow from target and realisation
            row = spec.pengukuran[rng.randrange(len(spec.pengukuran) - 1)]
            row["capaian"] = round(row["capaian"] + rng.choice((-7.5, 3.2, 12.0)), 2)
        elif kind == 1:  # a category that does not match the capaian
            row = spec.pengukuran[rng.randrange(len(spec.pengukuran))]
            row["kategori"] = "Sangat Berhasil" if row["kategori"] != "Sangat Berhasil" \
                else "Cukup Berhasil"
        elif kind == 2:  # a subtotal that is not the sum of its rows
            rows = [r for r in spec.lampiran if r["baris"] == "Jumlah"]
            rng.choice(rows)["anggaran"] += rng.choice((1_000_000, -250_000, 10_000_000))
        elif kind == 3:  # money typed as text with Indonesian thousands separators
            row = spec.lampiran[rng.choice(kegiatan)]
            row["anggaran"] = _rupiah_text(row["anggaran"])
        elif kind == 4:  # a realisation typed with its unit, a capaian typed as text
            row = spec.lampiran[rng.choice(kegiatan)]
            row["realisasi"] = f"{row['realisasi']} {row['satuan']}"
            row["capaian"] = f"{row['capaian']:.2f} %".replace(".", ",")
        elif kind == 5:  # a budget percentage computed wrong
            rows = [r for r in spec.keuangan if r.get("persentase") is not None]
            rng.choice(rows)["persentase"] = round(rng.uniform(50, 99), 2)
        elif kind == 6:  # a Total that leaves out a group
            total = spec.keuangan[-1]
            total["pagu"] = spec.keuangan[-2]["pagu"]
        else:  # a formula saved without its value (a tool that did not recalculate)
            rows = [i for i, r in enumerate(spec.keuangan) if r["baris"] == "Jumlah"]
            formulas.append(("Keuangan", rng.choice(rows), "pagu", "=SUM(D5:D9)"))
    return Spec(spec.identitas, spec.tabel, spec.lampiran, spec.pengukuran, spec.keuangan,
                tuple(formulas))


def write_workbook(path: Path, spec: Spec) -> Path:
    """Write `spec` into the standard template (lkjip_xl.template), else a plain workbook."""
    try:
        from lkjip_xl.template import build_template, fill_identity, fill_rows
    except ImportError:  # the template module is not there: the test builder's layout
        return _write_plain(path, spec)
    ident = spec.identitas
    wb = build_template(ident["tahun"], ident["periode_awal"], ident["periode_akhir"])
    fill_identity(wb["Identitas"], ident)
    sheets = (("Tabel VI.1", spec.tabel), ("Lampiran II", spec.lampiran),
              ("Pengukuran Kinerja", spec.pengukuran), ("Keuangan", spec.keuangan))
    for name, rows in sheets:
        fill_rows(wb[name], [{k: v for k, v in r.items() if v is not None} for r in rows])
    _put_formulas(wb, spec)
    wb.save(path)
    return path


def _put_formulas(wb: Any, spec: Spec) -> None:
    for sheet, index, key, formula in spec.formula_cells:
        ws = wb[sheet]
        for cell in ws[3]:
            if isinstance(cell.value, str) and cell.value.lower().startswith(key):
                ws.cell(4 + index, cell.column).value = formula
                break


def _write_plain(path: Path, spec: Spec) -> Path:
    sys.path.insert(0, str(ROOT))
    from tests.builders import make_workbook

    make_workbook(path, identitas=spec.identitas, tabel=spec.tabel, lampiran=spec.lampiran,
                  pengukuran=spec.pengukuran, keuangan=spec.keuangan)
    return path


def variant(index: int) -> tuple[int, bool]:
    """The pool's index-th workbook: its size and whether it carries mistakes."""
    return SIZES[index % len(SIZES)], (index // len(SIZES)) % 2 == 1


def _build_one(args: tuple[Path, int, int]) -> Path:
    folder, index, seed = args
    size, mistakes = variant(index)
    path = folder / f"pool_{index:03d}_{size}k_{'m' if mistakes else 'c'}.xlsx"
    if not path.exists():
        tmp = path.with_name(f".{path.name}.tmp")
        write_workbook(tmp, make_spec(size, seed * 100_003 + index, mistakes))
        os.replace(tmp, path)
    return path


def build_pool(folder: Path, pool: int = 48, seed: int = 1, jobs: int | None = None
               ) -> list[Path]:
    """`pool` distinct workbooks in `folder/pool` (kept: later runs reuse them)."""
    target = folder / "pool"
    target.mkdir(parents=True, exist_ok=True)
    work = [(target, i, seed) for i in range(pool)]
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and pool > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as ex:
            return list(ex.map(_build_one, work))
    return [_build_one(w) for w in work]


def generate(folder: Path, count: int, pool: int = 48, seed: int = 1) -> Path:
    """`folder/files_<count>` holding `count` workbooks copied from the pool; returns it."""
    sources = build_pool(folder, min(pool, count), seed)
    out = folder / f"files_{count}"
    done = out / ".complete"
    if done.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        src = sources[i % len(sources)]
        dst = out / f"{i:05d}_{src.name.removeprefix('pool_')}"
        if not dst.exists():
            shutil.copyfile(src, dst)
    done.write_text(str(count))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--pool", type=int, default=48)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out = generate(args.out, args.count, args.pool, args.seed)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
