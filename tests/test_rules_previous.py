"""Pair rules (PRV001-PRV005): this year's report against last year's, `check --previous`, and
the automatic pairing of a batch by agency and year.

The bundled example pair (lkjip_2022_dinas_contoh -> lkjip_2023_dinas_contoh) is clean;
copies of its YAML sources, changed one way each and built in tmp_path, are caught."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from lkjip_xl.cli import cli
from lkjip_xl.config import Config
from lkjip_xl.engine import check_file, check_pair
from lkjip_xl.pairing import agency_key, pair_files, read_previous
from lkjip_xl.reading import read_identity, read_report
from lkjip_xl.rules import Severity

from .builders import cell_address, make_workbook, simple_indicator_rows
from .test_examples import build_examples

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
Y2022 = EXAMPLES / "lkjip_2022_dinas_contoh.yaml"
Y2023 = EXAMPLES / "lkjip_2023_dinas_contoh.yaml"
PRV = Config().merged(select=("PRV",))


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _build(tmp_path: Path, data: dict[str, Any], name: str) -> Path:
    src = tmp_path / f"{name}.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return build_examples.build(src, tmp_path / f"{name}.xlsx")


def _pair(tmp_path: Path, this: dict[str, Any] | None = None,
          last: dict[str, Any] | None = None) -> list:
    """PRV findings of the (possibly changed) 2023 example against the 2022 one."""
    current = _build(tmp_path, this, "lkjip_2023") if this is not None \
        else EXAMPLES / "lkjip_2023_dinas_contoh.xlsx"
    previous = _build(tmp_path, last, "lkjip_2022") if last is not None \
        else EXAMPLES / "lkjip_2022_dinas_contoh.xlsx"
    return check_pair(read_report(current), read_report(previous), PRV)


def _rows(data: dict[str, Any], section: str, code: str, baris: str | None = None) -> list:
    return [r for r in data[section] if r.get("kode_indikator") == code
            and (baris is None or r.get("baris") == baris)]


# --- the bundled pair ------------------------------------------------------------------------


def test_the_bundled_pair_is_clean() -> None:
    result = check_file(EXAMPLES / "lkjip_2023_dinas_contoh.xlsx",
                        previous=EXAMPLES / "lkjip_2022_dinas_contoh.xlsx")
    assert result.error is None and result.previous_error is None
    assert result.previous == EXAMPLES / "lkjip_2022_dinas_contoh.xlsx"
    assert result.findings == ()
    alone = check_file(EXAMPLES / "lkjip_2022_dinas_contoh.xlsx")
    assert alone.findings == () and alone.previous is None


def test_the_2022_example_is_the_year_before_of_the_same_agency_and_plan() -> None:
    last, this = _load(Y2022), _load(Y2023)
    assert last["identitas"]["tahun"] == this["identitas"]["tahun"] - 1
    for key in ("nama_instansi", "pemerintah_daerah", "periode_awal", "periode_akhir"):
        assert last["identitas"][key] == this["identitas"][key]
    assert last["tabel_vi_1"] == this["tabel_vi_1"]
    from .test_examples import consistency_errors

    assert consistency_errors(build_examples.load_example(Y2022)) == []


def test_the_2023_example_states_the_2022_realisasi_of_the_2022_example() -> None:
    """Whatever place the 2023 report states last year's realisation in (Perbandingan,
    a Pengukuran row against Tahun Lalu), it is the 2022 example's PK realisasi."""
    this = read_report(EXAMPLES / "lkjip_2023_dinas_contoh.xlsx")
    last = read_report(EXAMPLES / "lkjip_2022_dinas_contoh.xlsx")
    from lkjip_xl.rules.previous import _stated_earlier, last_year_realisasi

    stated = [(code, cell) for code, year, cell, _ in _stated_earlier(this) if year == 2022
              and not cell.is_blank]
    assert len(stated) == 6  # Perbandingan's 'Realisasi 2022', one per indicator
    for code, cell in stated:
        found = last_year_realisasi(last, code.casefold().replace("-", ""))
        assert found is not None and found[0].value == cell.value, code


def test_the_example_pair_states_earlier_years_alike() -> None:
    this, last = _load(Y2023), _load(Y2022)
    for mine, theirs in zip(this["perbandingan"], last["perbandingan"], strict=True):
        assert mine["kode_indikator"] == theirs["kode_indikator"]
        assert [mine[y] for y in (2019, 2020, 2021)] == [theirs[y] for y in (2019, 2020, 2021)]


@pytest.mark.parametrize(("year", "where"), [(2022, "Lampiran II!"), (2020, "Perbandingan!")])
def test_prv001_on_the_example_pair(tmp_path: Path, year: int, where: str) -> None:
    """The 2023 example restating IK-3's 2022 realisation (or its 2020 one) differently from
    the 2022 example is caught at its Perbandingan cell, naming the 2022 report's cell."""
    this = _load(Y2023)
    row = _rows(this, "perbandingan", "IK-3")[0]
    row[year] += 1
    found = _pair(tmp_path, this)
    assert [(f.code, f.sheet, f.stated, f.expected) for f in found] == [
        ("PRV001", "Perbandingan", row[year], row[year] - 1)]
    assert found[0].formula.startswith(f"[lkjip_2022_dinas_contoh.xlsx]{where}")


# --- PRV001 -----------------------------------------------------------------------------------


def _small_pair(tmp_path: Path, *, stated_last_year: Any = 90, perbandingan: Any = None,
                older_this: Any = None, older_last: Any = None,
                pk_realisasi: Any = 90) -> tuple[Path, Path]:
    """A 2019 report whose Pengukuran row against Tahun Lalu states last year's realisation
    (and optionally Perbandingan 'Realisasi 2017/2018'), and its 2018 report."""
    rows18 = simple_indicator_rows(target=100, realisasi=90)
    if pk_realisasi is not None:
        rows18["lampiran"][0]["realisasi"] = pk_realisasi
    last = make_workbook(
        tmp_path / "2018.xlsx", identitas={"tahun": 2018}, tabel=rows18["tabel"],
        lampiran=rows18["lampiran"], pengukuran=rows18["pengukuran"],
        perbandingan=None if older_last is None else [
            {"kode_indikator": "IK-1", 2017: older_last}],
        perbandingan_years=(2017,))
    rows19 = simple_indicator_rows(target=100, realisasi=95)
    rows19["pengukuran"].append({"baris": "Indikator", "kode_indikator": "IK-1",
                                 "indikator": "Indikator uji", "satuan": "Org",
                                 "target": stated_last_year, "realisasi": 95,
                                 "terhadap": "Tahun Lalu", "sumber": "Bab III 3.2"})
    comparison = None
    if perbandingan is not None or older_this is not None:
        comparison = [{"kode_indikator": "IK-1", 2017: older_this, 2018: perbandingan}]
    this = make_workbook(tmp_path / "2019.xlsx", identitas={"tahun": 2019},
                         tabel=rows19["tabel"], lampiran=rows19["lampiran"],
                         pengukuran=rows19["pengukuran"], perbandingan=comparison,
                         perbandingan_years=(2017, 2018))
    return this, last


def _prv(this: Path, last: Path, code: str | None = None) -> list:
    found = check_pair(read_report(this), read_report(last), PRV)
    return [f for f in found if code is None or f.code == code]


def test_prv001_last_years_realisasi_stated_differently(tmp_path: Path) -> None:
    this, last = _small_pair(tmp_path, stated_last_year=92, perbandingan=93)
    found = _prv(this, last, "PRV001")
    assert sorted(f.location for f in found) == sorted([
        cell_address("Pengukuran Kinerja", 1, "target"),
        cell_address("Perbandingan", 0, 2018, perbandingan_years=(2017, 2018))])
    f = next(f for f in found if f.sheet == "Pengukuran Kinerja")
    assert (f.stated, f.expected, f.difference) == (92, 90, 2)
    assert f.severity is Severity.WARNING and f.file == str(this)
    pk_cell = cell_address("Lampiran II", 0, "realisasi")
    assert f.formula == f"[2018.xlsx]{pk_cell}" and f.related == (f"[2018.xlsx]{pk_cell}",)
    assert str(last) in f.message("id") and pk_cell in f.message("en")
    assert "92" in f.message("id") and "90" in f.message("en")


def test_prv001_silent_when_equal_or_right_at_its_own_precision(tmp_path: Path) -> None:
    this, last = _small_pair(tmp_path, stated_last_year=90, perbandingan=90)
    assert _prv(this, last, "PRV001") == []
    (tmp_path / "b").mkdir()
    this, last = _small_pair(tmp_path / "b", stated_last_year=90.1, perbandingan="90,12",
                             pk_realisasi=90.12)
    assert _prv(this, last, "PRV001") == []


def test_prv001_takes_last_years_pengukuran_when_its_pk_has_no_realisasi(tmp_path: Path
                                                                         ) -> None:
    this, last = _small_pair(tmp_path, stated_last_year=91, pk_realisasi=None)
    found = _prv(this, last, "PRV001")
    assert [f.expected for f in found] == [90]  # the 2018 Pengukuran row's realisasi
    assert found[0].formula.endswith(cell_address("Pengukuran Kinerja", 0, "realisasi"))


def test_prv001_older_years_stated_in_both_comparison_sheets(tmp_path: Path) -> None:
    this, last = _small_pair(tmp_path, older_this=80, older_last=81)
    found = _prv(this, last, "PRV001")
    assert [(f.location, f.stated, f.expected) for f in found] == [
        (cell_address("Perbandingan", 0, 2017, perbandingan_years=(2017, 2018)), 80, 81)]
    (tmp_path / "b").mkdir()
    this, last = _small_pair(tmp_path / "b", older_this=81, older_last=81)
    assert _prv(this, last, "PRV001") == []


# --- PRV002 -----------------------------------------------------------------------------------


def test_prv002_a_target_changed_silently(tmp_path: Path) -> None:
    this = _load(Y2023)
    row = _rows(this, "tabel_vi_1", "IK-3")[0]
    row[2025] = 150
    row["kondisi_akhir"] = 185
    row[2026] = 185
    found = _pair(tmp_path, this)
    assert {f.code for f in found} == {"PRV002"}
    assert sorted((f.stated, f.expected) for f in found) == [(150, 160), (185, 180), (185, 180)]
    assert all(f.severity is Severity.WARNING and f.sheet == "Tabel VI.1" for f in found)
    f = next(f for f in found if f.stated == 150)
    assert f.related[0].startswith("[lkjip_2022_dinas_contoh.xlsx]Tabel VI.1!")
    assert "2025" in f.message("id") and "IK-3" in f.message("en")


def test_prv002_a_change_explained_this_year_is_info(tmp_path: Path) -> None:
    this = _load(Y2023)
    row = _rows(this, "tabel_vi_1", "IK-1")[0]
    row[2024] = 69.8
    row["keterangan"] = "Target 2024 disesuaikan dengan reviu Renstra 2023."
    found = _pair(tmp_path, this)
    assert [(f.code, f.severity, f.stated, f.expected) for f in found] == [
        ("PRV002", Severity.INFO, 69.8, 69.5)]
    assert "reviu Renstra" in found[0].message("id")
    assert "69,8" in found[0].message("id") and "69.8" in found[0].message("en")
    assert "69,5" in found[0].message("id") and "69.5" in found[0].message("en")


def test_prv002_last_years_note_again_does_not_explain(tmp_path: Path) -> None:
    """IK-2's Keterangan is the same text in both years: it explains nothing new."""
    this = _load(Y2023)
    row = _rows(this, "tabel_vi_1", "IK-2")[0]
    assert row["keterangan"] == _rows(_load(Y2022), "tabel_vi_1", "IK-2")[0]["keterangan"]
    row[2025] = "90-95"
    found = _pair(tmp_path, this)
    assert [(f.code, f.severity, f.stated, f.expected) for f in found] == [
        ("PRV002", Severity.WARNING, "90-95", "85-95")]


def test_prv002_silent_across_rpjmd_periods(tmp_path: Path) -> None:
    last = _load(Y2022)
    last["identitas"]["periode_awal"] = 2017
    last["identitas"]["periode_akhir"] = 2022
    for row in last["tabel_vi_1"]:
        for year in (2023, 2024, 2025, 2026):
            row.pop(year)
        row.update({2018: 1, 2019: 1, 2020: 1, 2021: 1})
        row["kondisi_awal"] = row["kondisi_akhir"] = 1
    assert [f for f in _pair(tmp_path, last=last) if f.code == "PRV002"] == []


# --- PRV003 / PRV004 / PRV005 ----------------------------------------------------------------


def _without(data: dict[str, Any], code: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["tabel_vi_1"] = [r for r in data["tabel_vi_1"] if r["kode_indikator"] != code]
    data["lampiran_ii"] = [r for r in data["lampiran_ii"]
                           if not (r["baris"] == "Indikator" and r.get("kode_indikator") == code)]
    return data


def test_prv003_an_indicator_gone_without_a_note(tmp_path: Path) -> None:
    found = _pair(tmp_path, _without(_load(Y2023), "IK-6"))
    assert [(f.code, f.severity, f.location, f.expected) for f in found] == [
        ("PRV003", Severity.WARNING, "Tabel VI.1", "IK-6")]
    assert found[0].related[0].startswith("[lkjip_2022_dinas_contoh.xlsx]Tabel VI.1!A")
    assert "Jumlah forum anak desa" in found[0].message("id")


def test_prv003_a_note_naming_the_code_makes_it_info(tmp_path: Path) -> None:
    this = _without(_load(Y2023), "IK-6")
    _rows(this, "tabel_vi_1", "IK-5")[0]["keterangan"] = \
        "Mulai 2023 IK-6 digabung ke dalam IK-5 (reviu Renstra)."
    found = _pair(tmp_path, this)
    assert [(f.code, f.severity) for f in found] == [("PRV003", Severity.INFO)]
    assert "digabung" in found[0].message("en")
    # a code that merely starts like it is no note: IK-60 is not IK-6
    _rows(this, "tabel_vi_1", "IK-5")[0]["keterangan"] = "Lihat IK-60."
    (tmp_path / "b").mkdir()
    assert [(f.code, f.severity) for f in _pair(tmp_path / "b", this)] == [
        ("PRV003", Severity.WARNING)]


def test_prv004_renamed_under_the_same_code(tmp_path: Path) -> None:
    this = _load(Y2023)
    new = "Jumlah kelompok usaha perempuan yang mandiri"
    for row in [*_rows(this, "tabel_vi_1", "IK-3"), *_rows(this, "lampiran_ii", "IK-3",
                                                          "Indikator")]:
        row["indikator"] = new
    found = _pair(tmp_path, this)
    assert [(f.code, f.severity, f.sheet, f.stated) for f in found] == [
        ("PRV004", Severity.WARNING, "Tabel VI.1", new)]
    assert found[0].expected == "Jumlah kelompok usaha perempuan yang dibina"
    # case, spaces and punctuation are not a new name
    this = _load(Y2023)
    _rows(this, "tabel_vi_1", "IK-1")[0]["indikator"] = "indeks pemberdayaan  gender IDG"
    (tmp_path / "b").mkdir()
    assert _pair(tmp_path / "b", this) == []


def test_prv004_explained_is_info(tmp_path: Path) -> None:
    this = _load(Y2023)
    row = _rows(this, "tabel_vi_1", "IK-3")[0]
    row["indikator"] = "Jumlah kelompok usaha perempuan yang mandiri"
    row["keterangan"] = "Nama indikator diubah sesuai Renstra perubahan."
    found = _pair(tmp_path, this)
    assert [(f.code, f.severity) for f in found] == [("PRV004", Severity.INFO)]


def test_prv005_a_new_indicator_is_info(tmp_path: Path) -> None:
    last = _without(_load(Y2022), "IK-6")
    found = _pair(tmp_path, last=last)
    assert [(f.code, f.severity, f.location) for f in found] == [
        ("PRV005", Severity.INFO, "Tabel VI.1!A9")]


# --- pairing --------------------------------------------------------------------------------


def test_agency_names_written_differently_are_one_agency(tmp_path: Path) -> None:
    a = make_workbook(tmp_path / "a.xlsx", identitas={
        "nama_instansi": "Dinas Sosial", "pemerintah_daerah": "Kab. Contoh"})
    b = make_workbook(tmp_path / "b.xlsx", identitas={
        "nama_instansi": "DINAS  SOSIAL", "pemerintah_daerah": "Pemerintah Kabupaten Contoh"})
    c = make_workbook(tmp_path / "c.xlsx", identitas={
        "nama_instansi": "Dinas Sosial", "pemerintah_daerah": "Kota Contoh"})
    keys = [agency_key(read_identity(p)) for p in (a, b, c)]
    assert keys[0] == keys[1] != keys[2]


def test_batch_pairs_by_agency_and_year(tmp_path: Path) -> None:
    for name in ("lkjip_2022_dinas_contoh.xlsx", "lkjip_2023_dinas_contoh.xlsx",
                 "lkjip_2019_dinsos_batam.xlsx"):
        shutil.copyfile(EXAMPLES / name, tmp_path / name)
    files = sorted(tmp_path.glob("*.xlsx"))
    pairs = pair_files(files)
    assert {p.name: q.previous.name for p, q in pairs.items() if q.previous} == {
        "lkjip_2023_dinas_contoh.xlsx": "lkjip_2022_dinas_contoh.xlsx"}
    # a second copy of 2022: which one is last year's is not guessed
    shutil.copyfile(EXAMPLES / "lkjip_2022_dinas_contoh.xlsx", tmp_path / "salinan_2022.xlsx")
    pairs = pair_files(sorted(tmp_path.glob("*.xlsx")))
    pairing = pairs[tmp_path / "lkjip_2023_dinas_contoh.xlsx"]
    assert pairing.previous is None and len(pairing.ambiguous) == 2


def test_check_folder_json_carries_the_pairing(tmp_path: Path) -> None:
    for name in ("lkjip_2022_dinas_contoh.xlsx", "lkjip_2019_dinsos_batam.xlsx"):
        shutil.copyfile(EXAMPLES / name, tmp_path / name)
    this = _load(Y2023)
    _rows(this, "tabel_vi_1", "IK-3")[0][2025] = 150
    _build(tmp_path, this, "lkjip_2023_dinas_contoh")
    (tmp_path / "lkjip_2023_dinas_contoh.yaml").unlink()
    runner = CliRunner()
    result = runner.invoke(cli, ["check", "--format", "json", "--jobs", "2", str(tmp_path)])
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    entries = {Path(e["file"]).name: e for e in doc["files"]}
    assert "previous" not in entries["lkjip_2019_dinsos_batam.xlsx"]
    assert "previous" not in entries["lkjip_2022_dinas_contoh.xlsx"]
    assert entries["lkjip_2023_dinas_contoh.xlsx"]["previous"] == {
        "file": str(tmp_path / "lkjip_2022_dinas_contoh.xlsx"), "compared": True,
        "reason": None, "message": None}
    prv = [f for f in doc["findings"] if f["code"].startswith("PRV")]
    assert [(Path(f["file"]).name, f["code"], f["stated"], f["expected"]) for f in prv] == [
        ("lkjip_2023_dinas_contoh.xlsx", "PRV002", 150, 160)]
    off = runner.invoke(cli, ["check", "--format", "json", "--no-pair", str(tmp_path)])
    assert "PRV" not in off.stdout and '"previous"' not in off.stdout
    sarif = json.loads(runner.invoke(cli, ["check", "--format", "sarif", str(tmp_path)]).stdout)
    run = sarif["runs"][0]
    assert "PRV002" in {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert [(Path(a["location"]["uri"]).name, Path(a["properties"]["previous"]["file"]).name)
            for a in run["artifacts"]] == [("lkjip_2023_dinas_contoh.xlsx",
                                            "lkjip_2022_dinas_contoh.xlsx")]
    text = runner.invoke(cli, ["check", str(tmp_path)]).stdout
    assert "dibandingkan dengan laporan tahun sebelumnya" in text


def test_rekap_names_the_previous_file(tmp_path: Path) -> None:
    for name in ("lkjip_2022_dinas_contoh.xlsx", "lkjip_2023_dinas_contoh.xlsx"):
        shutil.copyfile(EXAMPLES / name, tmp_path / name)
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(cli, ["--lang", "en", "check",
                                      str(tmp_path / "lkjip_2022_dinas_contoh.xlsx"),
                                      str(tmp_path / "lkjip_2023_dinas_contoh.xlsx"),
                                      "--report", str(out / "rekap.csv")])
    assert result.exit_code == 0, result.output
    import csv

    with open(out / "rekap.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    column = "Compared with Previous Year"
    assert rows[0][column] == ""
    assert rows[1][column] == "compared with last year's report: " + \
        str(tmp_path / "lkjip_2022_dinas_contoh.xlsx")
    with open(out / "rekap-aturan.csv", encoding="utf-8-sig", newline="") as fh:
        assert any(r["Code"] == "PRV001" for r in csv.DictReader(fh))


# --- a previous file that cannot be compared ------------------------------------------------


@pytest.mark.parametrize("kind", ["garbage", "missing", "wrong-year", "other-agency"])
def test_bad_previous_is_one_line_and_the_file_is_still_checked(tmp_path: Path,
                                                               kind: str) -> None:
    current = EXAMPLES / "lkjip_2023_dinas_contoh.xlsx"
    previous = tmp_path / "lalu.xlsx"
    if kind == "garbage":
        previous.write_bytes(b"not a workbook")
    elif kind == "wrong-year":
        shutil.copyfile(EXAMPLES / "lkjip_2019_dinsos_batam.xlsx", previous)
    elif kind == "other-agency":
        last = _load(Y2022)
        last["identitas"]["nama_instansi"] = "Dinas Kesehatan"
        previous = _build(tmp_path, last, "lalu")
    result = check_file(current, previous=previous)
    assert result.error is None and result.previous_error is not None
    assert result.findings == check_file(current).findings
    reason = {"wrong-year": "prv.wrong_year", "other-agency": "prv.other_agency"}.get(kind)
    if reason:
        assert result.previous_error.reason == reason
    run = CliRunner().invoke(cli, ["check", str(current), "--previous", str(previous)])
    assert run.exit_code == 2
    lines = [ln for ln in run.stdout.splitlines() if "tidak dibandingkan" in ln]
    assert len(lines) == 1 and str(previous) in lines[0] and "Traceback" not in run.output
    assert "tidak ada temuan" in run.stdout  # the file itself was checked
    js = CliRunner().invoke(cli, ["check", "--format", "json", str(current),
                                  "--previous", str(previous)])
    assert json.loads(js.stdout)["files"][0]["previous"]["compared"] is False
    assert len([ln for ln in js.stderr.splitlines() if str(previous) in ln]) == 1


def test_previous_needs_one_file(tmp_path: Path) -> None:
    run = CliRunner().invoke(cli, ["check", str(EXAMPLES / "lkjip_2023_dinas_contoh.xlsx"),
                                   str(EXAMPLES / "lkjip_2022_dinas_contoh.xlsx"),
                                   "--previous", str(EXAMPLES / "lkjip_2022_dinas_contoh.xlsx")])
    assert run.exit_code == 2 and "--previous" in run.stderr


def test_previous_example_pair_from_the_command_line() -> None:
    run = CliRunner().invoke(cli, ["check", str(EXAMPLES / "lkjip_2023_dinas_contoh.xlsx"),
                                   "--previous", str(EXAMPLES / "lkjip_2022_dinas_contoh.xlsx")])
    assert run.exit_code == 0, run.output
    assert "dibandingkan dengan laporan tahun sebelumnya" in run.stdout


def test_pair_rules_can_be_ignored(tmp_path: Path) -> None:
    this = _load(Y2023)
    _rows(this, "tabel_vi_1", "IK-3")[0][2025] = 150
    current = _build(tmp_path, this, "lkjip_2023")
    previous = EXAMPLES / "lkjip_2022_dinas_contoh.xlsx"
    assert [f.code for f in check_file(current, previous=previous).findings] == ["PRV002"]
    quiet = check_file(current, Config().merged(ignore=("PRV",)), previous=previous)
    assert quiet.findings == () and quiet.previous == previous
    before, error = read_previous(read_report(current), previous)
    assert before is not None and error is None


def test_python_api_pairs_as_the_command_line(tmp_path: Path) -> None:
    import lkjip_xl

    for name in ("lkjip_2022_dinas_contoh.xlsx", "lkjip_2023_dinas_contoh.xlsx"):
        shutil.copyfile(EXAMPLES / name, tmp_path / name)
    paired = lkjip_xl.check_paths(tmp_path)
    assert [r.previous.name if r.previous else None for r in paired] == [
        None, "lkjip_2022_dinas_contoh.xlsx"]
    assert all(r.previous is None for r in lkjip_xl.check_paths(tmp_path, pair=False))
    one = lkjip_xl.check_paths(tmp_path / "lkjip_2023_dinas_contoh.xlsx",
                               previous=tmp_path / "lkjip_2022_dinas_contoh.xlsx")
    assert [r.previous_error for r in one] == [None] and one.findings == []


def test_a_renumbered_indicator_is_matched_by_its_name(tmp_path: Path) -> None:
    """IK-1 written IK-01 this year, same name: not gone and new, but the same indicator
    under a new code (info), and its targets are still compared."""
    this = _load(Y2023)
    for section in ("tabel_vi_1", "lampiran_ii", "pengukuran_kinerja"):
        for row in this[section]:
            if row.get("kode_indikator") == "IK-1":
                row["kode_indikator"] = "IK-01"
    found = _pair(tmp_path, this)
    assert [(f.code, f.severity, f.location, f.stated, f.expected) for f in found] == [
        ("PRV003", Severity.INFO, "Tabel VI.1!A4", "IK-01", "IK-1")]
    _rows(this, "tabel_vi_1", "IK-01")[0][2024] = 69.9
    (tmp_path / "b").mkdir()
    assert sorted(f.code for f in _pair(tmp_path / "b", this)) == ["PRV002", "PRV003"]
    # two new codes of one name: which one is last year's IK-1 is not guessed at
    twin = copy.deepcopy(_rows(this, "tabel_vi_1", "IK-01")[0])
    twin["kode_indikator"] = "IK-07"
    this["tabel_vi_1"].append(twin)
    (tmp_path / "c").mkdir()
    found = _pair(tmp_path / "c", this)
    assert sorted((f.code, f.severity.value, f.stated or f.expected) for f in found) == [
        ("PRV003", "warning", "IK-1"), ("PRV005", "info", "IK-01"), ("PRV005", "info", "IK-07")]


def test_a_file_name_with_digits_is_not_a_number(tmp_path: Path) -> None:
    """'[2022.xlsx]Lampiran II!H4' stays as written in every language and output."""
    from lkjip_xl.engine import FileResult
    from lkjip_xl.writers.formats import to_text

    this, last = _small_pair(tmp_path, stated_last_year=92)
    assert last.name == "2018.xlsx"  # a plain year as the file name
    f = _prv(this, last, "PRV001")[0]
    for lang in ("id", "en"):
        text = to_text([FileResult(this, (f,), previous=last)], lang)
        assert "[2018.xlsx]Lampiran II!" in text and "2.018" not in text and "2,018" not in text


def test_an_empty_table_this_year_loses_no_indicator(tmp_path: Path) -> None:
    """A workbook that fills only Lampiran II is compared on Lampiran II's indicators: last
    year's Tabel VI.1-only indicator is not 'gone' from a workbook with no Tabel VI.1."""
    last = _load(Y2022)
    extra = copy.deepcopy(_rows(last, "tabel_vi_1", "IK-6")[0])
    extra.update(kode_indikator="IK-9", indikator="Indikator RPJMD tanpa PK")
    last["tabel_vi_1"].append(extra)
    this = _load(Y2023)
    this["tabel_vi_1"] = []
    found = _pair(tmp_path, this, last)
    assert found == []
    this = _load(Y2023)  # with its Tabel VI.1, IK-9 is gone
    (tmp_path / "b").mkdir()
    assert [(f.code, f.expected) for f in _pair(tmp_path / "b", this, last)] == [
        ("PRV003", "IK-9")]


def test_an_unreadable_file_says_nothing_about_a_comparison(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    result = check_file(bad, previous=EXAMPLES / "lkjip_2022_dinas_contoh.xlsx")
    assert result.error is not None and result.previous is None
    doc = json.loads(CliRunner().invoke(cli, [
        "check", "--format", "json", str(bad),
        "--previous", str(EXAMPLES / "lkjip_2022_dinas_contoh.xlsx")]).stdout)
    assert "previous" not in doc["files"][0]


def test_prv001_a_whole_number_for_a_decimal_is_another_figure(tmp_path: Path) -> None:
    this, last = _small_pair(tmp_path, stated_last_year=90, pk_realisasi=90.4)
    assert [(f.stated, f.expected) for f in _prv(this, last, "PRV001")] == [(90, 90.4)]


def test_sarif_of_a_paired_run_is_what_json_dumps_writes() -> None:
    from lkjip_xl.writers.formats import to_sarif

    paired = check_file(EXAMPLES / "lkjip_2023_dinas_contoh.xlsx",
                        previous=EXAMPLES / "lkjip_2022_dinas_contoh.xlsx")
    alone = check_file(EXAMPLES / "lkjip_2019_dinsos_batam.xlsx")
    text = to_sarif([alone, paired])
    doc = json.loads(text)
    assert text == json.dumps(doc, ensure_ascii=False, indent=2)
    assert len(doc["runs"][0]["artifacts"]) == 1
    plain = json.loads(to_sarif([alone]))
    assert "artifacts" not in plain["runs"][0]
    assert not any(r["id"].startswith("PRV") for r in plain["runs"][0]["tool"]["driver"]["rules"])


# --- two excerpts of different offices -------------------------------------------------------


def _excerpt(path: Path, year: int, names: tuple[str, ...]) -> Path:
    """A chapter excerpt whose Identitas names only the Pemerintah Kabupaten, its indicators
    numbered IK-1, IK-2 like every other office's."""
    rows = [{"baris": "Indikator", "kode_indikator": f"IK-{i}", "sasaran": "Sasaran",
             "indikator": name, "target": 80, "realisasi": 75 + i, "satuan": "%"}
            for i, name in enumerate(names, start=1)]
    return make_workbook(path, identitas={
        "nama_instansi": "Pemerintah Kabupaten Contoh", "pemerintah_daerah": "Kab. Contoh",
        "tahun": year}, lampiran=rows)


def test_excerpts_of_different_offices_are_not_compared(tmp_path: Path) -> None:
    """Same Identitas, consecutive years, the same codes IK-1, IK-2 naming other indicators:
    compared, both would be 'renamed' (PRV004 warnings). No indicator name in common: left out,
    said so, the files checked as usual."""
    _excerpt(tmp_path / "lkjip_2015_lingkungan.xlsx", 2015,
             ("Persentase cakupan wilayah persampahan", "Indeks kualitas air"))
    this = _excerpt(tmp_path / "lkjip_2016_pendidikan.xlsx", 2016,
                    ("Angka partisipasi murni SD", "Angka partisipasi murni SMP"))
    run = CliRunner().invoke(cli, ["check", "--format", "json", str(tmp_path)])
    doc = json.loads(run.stdout)
    assert [f["code"] for f in doc["findings"] if f["code"].startswith("PRV")] == []
    entry = {Path(e["file"]).name: e for e in doc["files"]}["lkjip_2016_pendidikan.xlsx"]
    assert entry["previous"]["compared"] is False
    assert entry["previous"]["reason"] == "prv.nothing_shared"
    result = check_file(this, previous=tmp_path / "lkjip_2015_lingkungan.xlsx")
    assert result.previous_error is not None and result.findings == check_file(this).findings
    # one indicator in common (same name): the same office, compared; the other is renamed
    _excerpt(tmp_path / "lkjip_2015_lingkungan.xlsx", 2015,
             ("Persentase cakupan wilayah persampahan", "Angka partisipasi murni SMP"))
    doc = json.loads(CliRunner().invoke(cli, ["check", "--format", "json",
                                              str(tmp_path)]).stdout)
    assert [(f["code"], f["stated"]) for f in doc["findings"] if f["code"] == "PRV004"] == [
        ("PRV004", "Angka partisipasi murni SD")]


def test_the_real_excerpts_of_one_kabupaten_are_not_paired_into_warnings() -> None:
    """examples/real: the Tanah Datar 2015 (lingkungan) and 2016 (pendidikan) excerpts, and
    Lampung's 2015 (AKB) and 2016 (IKM), each pair under one Pemerintah's name."""
    doc = json.loads(CliRunner().invoke(cli, ["check", "--format", "json",
                                              str(EXAMPLES / "real")]).stdout)
    assert [f for f in doc["findings"] if f["code"].startswith("PRV")] == []
    reasons = {Path(e["file"]).name: e["previous"]["reason"] for e in doc["files"]
               if "previous" in e}
    assert reasons == {"lkjip_2016_kab_tanah_datar_pendidikan.xlsx": "prv.nothing_shared",
                       "lkj_2016_prov_lampung_ikm.xlsx": "prv.nothing_shared"}


def test_without_names_a_shared_code_is_the_indicator_in_common(tmp_path: Path) -> None:
    """Last year's Lampiran II gives codes and no names: the code is all there is to go by."""
    def nameless(name: str, year: int, code: str) -> Path:
        return make_workbook(tmp_path / name, identitas={"tahun": year}, lampiran=[
            {"baris": "Indikator", "kode_indikator": code, "target": 80, "realisasi": 78,
             "satuan": "%"}])

    this = make_workbook(tmp_path / "2020.xlsx", identitas={"tahun": 2020}, lampiran=[
        {"baris": "Indikator", "kode_indikator": "IK-1", "indikator": "Cakupan air minum",
         "target": 80, "realisasi": 79, "satuan": "%"}])
    same = check_file(this, previous=nameless("2019a.xlsx", 2019, "IK 1"))
    assert same.previous_error is None
    other = check_file(this, previous=nameless("2019b.xlsx", 2019, "IK-7"))
    assert other.previous_error is not None
    assert other.previous_error.reason == "prv.nothing_shared"


_HEAD: list[list[Any]] = [["Identitas"], []]


def _identity_grids() -> dict[str, list[list[Any]]]:
    """Identitas sheets as people type them: what the pairing's lean read must read as the
    full identity read does (the label scan takes a row's first label, the first row of
    each field; the settings and the custom scale that it skips only record problems)."""
    return {
        "a label twice, the first row wins": [
            *_HEAD,
            ["Nama Instansi", "Dinas Sosial"], ["Instansi", "Dinas Lain"],
            ["Pemerintah Daerah", "Kab. Contoh"], ["Tahun Laporan", 2024]],
        "a row with two labels gives the first": [
            *_HEAD,
            ["Tahun", 2023, "Nama Instansi", "Dinas Sosial"], ["OPD", "Badan Lain"],
            ["Pemda", "Kota Contoh"]],
        "every setting written wrong, and a custom scale half filled": [
            *_HEAD,
            ["Nama Instansi", "Dinas Sosial"], ["Pemerintah Daerah", "Prov. Contoh"],
            ["Tahun Laporan", "2.024"], ["Skala Penilaian", "Kustom"],
            ["Rumus Indikator Negatif", 12], ["Toleransi", "x"], ["Desimal", -3.5],
            ["Preset Konvensi", "tidak ada"], ["Batas Capaian", True],
            ["Target Rentang", 0.5], ["Metode Efisiensi", "?"], [],
            ["Kategori", "Batas Bawah", "Batas Atas"], ["Baik", "x"], ["", 50]],
        "a year in words, a percent and a blank agency": [
            *_HEAD,
            ["Nama Instansi", "   "], ["Pemerintah Daerah", "Kab Contoh"],
            ["Tahun Laporan", "dua ribu"], ["Periode Awal", "50%"]],
        "labels out of column A, a value beyond the 80th row": [
            *_HEAD,
            ["", "", "Nama OPD", "Dinas Sosial"], ["", "Kabupaten/Kota", "Kab. Contoh"],
            *[[]] * 80, ["Tahun Laporan", 2024]],
        "no label at all": [*_HEAD, ["Dinas Sosial", 2024]],
    }


@pytest.mark.parametrize("name", list(_identity_grids()))
def test_the_pairing_reads_the_identity_fields_as_the_identity_read(
        tmp_path: Path, name: str) -> None:
    """`read_pairing_identity` (what a batch pairs its files by) gives the fields it reads
    exactly as `read_identity` does, and the same pairing key."""
    from lkjip_xl.pairing import _pairing_key
    from lkjip_xl.reading import Limits
    from lkjip_xl.reading.report_reader import PAIRING_FIELDS, read_pairing_identity

    from .builders import replace_sheet

    path = replace_sheet(make_workbook(tmp_path / "w.xlsx"), "Identitas",
                         _identity_grids()[name])
    full, lean = read_identity(path), read_pairing_identity(path)
    for field in ("nama_instansi", "pemerintah_daerah", "tahun", "skala", "desimal"):
        if field in PAIRING_FIELDS:
            assert getattr(lean, field) == getattr(full, field), field
        else:
            assert getattr(lean, field).is_blank
    key = agency_key(full), full.year
    assert _pairing_key(path, Limits()) == (key if None not in key else None)


def test_the_pairing_reads_the_examples_as_the_identity_read() -> None:
    from lkjip_xl.pairing import _pairing_key
    from lkjip_xl.reading import Limits
    from lkjip_xl.reading.report_reader import PAIRING_FIELDS, read_pairing_identity

    paths = sorted([*EXAMPLES.glob("*.xlsx"), *(EXAMPLES / "real").glob("*.xlsx")])
    assert len(paths) > 5
    for path in paths:
        full, lean = read_identity(path), read_pairing_identity(path)
        assert [getattr(lean, f) for f in sorted(PAIRING_FIELDS)] == \
            [getattr(full, f) for f in sorted(PAIRING_FIELDS)], path
        key = agency_key(full), full.year
        assert _pairing_key(path, Limits()) == (key if None not in key else None)
