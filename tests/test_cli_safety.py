"""Issue 12: commands that never lose data nor report a false clean, in one language.

Backups never collide, outputs are never replaced without --force, unknown rule codes are
usage errors, click's own messages and help follow --lang, a locked output is one sentence,
a renamed workbook is read by its content, SARIF URIs are URIs, `rules CODE` explains a rule.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from lkjip_xl.cli import cli, default_period, lang_from_args
from lkjip_xl.quickstart import module_source
from lkjip_xl.writers import atomic
from lkjip_xl.writers.atomic import copy_exclusive, copy_to_backup, is_locked

from .builders import make_workbook, measured_rows

EXAMPLE = Path(__file__).parent.parent / "examples" / "lkjip_2019_dinsos_batam.xlsx"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env,
                                prog_name="lkjip-xl")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def wrong(tmp_path: Path) -> Path:
    """Capaian stated 81.41 where 90 / 100 x 100 = 90: fix changes it."""
    return make_workbook(tmp_path / "lap.xlsx", **measured_rows(81.41, "Berhasil"))


# --- click's own usage errors and help, in the --lang language -------------------------------

def test_no_such_option_is_indonesian_with_its_suggestion(wrong: Path) -> None:
    code, _, err = run("check", "--fial-on", "error", str(wrong))
    assert code == 2
    assert "Galat: Tidak ada opsi '--fial-on'. Mungkin maksud Anda '--fail-on'?" in err
    assert "Penggunaan: lkjip-xl check [OPSI] BERKAS..." in err
    assert "Lihat 'lkjip-xl check --help' untuk bantuan." in err
    assert "Error" not in err and "Usage" not in err and "Did you mean" not in err


@pytest.mark.parametrize("args", [
    ["--lang", "en", "check", "--fial-on", "error", "{wb}"],
    ["check", "--fial-on", "error", "{wb}", "--lang", "en"],
    ["check", "--lang=en", "--fial-on", "error", "{wb}"],
])
def test_lang_before_or_after_the_subcommand(wrong: Path, args: list[str]) -> None:
    code, _, err = run(*[a.format(wb=wrong) for a in args])
    assert code == 2
    assert "Error: No such option '--fial-on'. Did you mean '--fail-on'?" in err


def test_lang_from_the_environment(wrong: Path) -> None:
    code, _, err = run("check", "--fial-on", "x", str(wrong), env={"LKJIP_XL_LANG": "en"})
    assert code == 2 and "No such option" in err
    # the command line wins over the environment
    code, _, err = run("check", "--fial-on", "x", str(wrong), "--lang", "id",
                       env={"LKJIP_XL_LANG": "en"})
    assert "Tidak ada opsi" in err


@pytest.mark.parametrize(("args", "expected"), [
    (["fix"], "Galat: Argumen wajib tidak diberikan: 'BERKAS'."),
    (["check", "--format", "xml", "x.xlsx"],
     "Galat: Nilai tidak valid untuk '--format': 'xml' bukan salah satu dari"),
    (["check", "--jobs", "banyak", "x.xlsx"],
     "Nilai tidak valid untuk '--jobs' / '-j': 'banyak' bukan bilangan bulat yang valid."),
    (["periksa"], "Galat: Tidak ada perintah 'periksa'."),
    (["check", "--select"], "Galat: Opsi '--select' memerlukan nilai."),
])
def test_usage_errors_are_indonesian(args: list[str], expected: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert expected in err, err


def test_help_is_one_language() -> None:
    for command in ([], ["check"], ["fix"], ["template"], ["quickstart"], ["rules"]):
        _, out_id, _ = run(*command, "--help")
        assert "Penggunaan:" in out_id and "Opsi:" in out_id
        assert "Tampilkan bantuan ini lalu keluar." in out_id
        for english in ("Usage:", "Options:", "Show this message", "e.g.", "Overwrite",
                        "default:", "Write ", "TEXT", "INTEGER", "FILE", "PATH", "NAME"):
            assert english not in out_id, (command, english)
        _, out_en, _ = run("--lang", "en", *command, "--help")
        assert "Usage:" in out_en and "Show this message and exit." in out_en
        for indonesian in ("Penggunaan", "Opsi:", "Tampilkan", "Timpa", "Tulis", "bawaan",
                           "misalnya"):
            assert indonesian not in out_en, (command, indonesian)
    _, out, _ = run("--help")
    assert "Perintah:" in out and "\n  rule " not in out  # the alias is hidden


def test_version_and_a_lang_without_value() -> None:
    assert run("--version")[1].startswith("lkjip-xl, versi ")
    assert run("--version", "--lang", "en")[1].startswith("lkjip-xl, version ")
    code, _, err = run("check", "--lang")
    assert code == 2 and "Galat: Opsi '--lang' memerlukan nilai." in err


def test_lang_from_args_moves_every_lang_option_to_the_front() -> None:
    assert lang_from_args(["check", "x", "--lang", "en"], {}) == (
        ["--lang", "en", "check", "x"], "en")
    assert lang_from_args(["check", "--", "--lang", "en"], {}) == (
        ["check", "--", "--lang", "en"], None)
    assert lang_from_args(["check"], {"LKJIP_XL_LANG": "en"})[1] == "en"
    assert lang_from_args(["check", "--lang", "fr"], {})[1] is None


# --- backups never collide, outputs are never replaced silently -------------------------------

def test_backups_with_the_same_stamp_get_a_counter(tmp_path: Path) -> None:
    src = tmp_path / "lap.xlsx"
    src.write_bytes(b"original")
    first = copy_to_backup(src, ".cadangan-", "20240101-120000")
    src.write_bytes(b"already corrected")
    second = copy_to_backup(src, ".cadangan-", "20240101-120000")
    assert first.name == "lap.cadangan-20240101-120000.xlsx"
    assert second.name == "lap.cadangan-20240101-120000-2.xlsx"
    assert first.read_bytes() == b"original"  # the original survives the second run
    assert second.read_bytes() == b"already corrected"


def test_an_existing_backup_is_never_replaced_even_in_a_race(tmp_path: Path) -> None:
    src, taken = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    src.write_bytes(b"new")
    taken.write_bytes(b"theirs")
    with pytest.raises(FileExistsError):
        copy_exclusive(src, taken)  # O_EXCL: the name another process just took
    assert taken.read_bytes() == b"theirs"


def test_fix_in_place_twice_keeps_the_original(wrong: Path) -> None:
    original = wrong.read_bytes()
    for _ in range(2):
        code, out, _ = run("fix", "--in-place", str(wrong))
        assert code == 0, out
    backups = sorted(wrong.parent.glob("lap.cadangan-*.xlsx"), key=lambda p: p.stat().st_mtime)
    assert len(backups) == 2
    assert any(b.read_bytes() == original for b in backups)
    assert len({b.read_bytes() for b in backups}) == 2


@pytest.mark.parametrize("command", [
    ["fix", "{wb}", "-o", "{existing}"],
    ["fix", "{wb}"],  # the default output, lap.diperbaiki.xlsx, already there
    ["check", "{wb}", "-o", "{existing_json}", "--format", "json"],
    ["check", "{wb}", "--report", "{existing}"],
    ["template", "-o", "{existing}"],
])
def test_every_output_refuses_an_existing_file_unless_forced(wrong: Path, tmp_path: Path,
                                                           command: list[str]) -> None:
    existing = tmp_path / "lap.diperbaiki.xlsx"
    existing_json = tmp_path / "important.json"
    for path in (existing, existing_json):
        path.write_bytes(b"precious")
    args = [a.format(wb=wrong, existing=existing, existing_json=existing_json)
            for a in command]
    target = existing_json if "{existing_json}" in command else existing
    code, _, err = run(*args)
    assert code == 2
    assert err.strip() == (f"lkjip-xl: berkas sudah ada dan tidak ditimpa (pakai --force "
                           f"untuk menimpanya): {target}")
    assert target.read_bytes() == b"precious"
    code, _, err = run(*args, "--force")
    assert code in (0, 1), err
    assert target.read_bytes() != b"precious"


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_check_never_writes_over_a_workbook_it_reads(wrong: Path, option: str) -> None:
    before = wrong.read_bytes()
    for force in ([], ["--force"]):
        code, _, err = run("check", str(wrong), option, str(wrong), *force)
        assert code == 2 and "salah satu buku kerja yang diperiksa" in err
    assert wrong.read_bytes() == before


def test_quickstart_refuses_existing_files(tmp_path: Path) -> None:
    (tmp_path / "lkjip_uji.py").write_text("mine")
    code, _, err = run("quickstart", "lkjip_uji", "--dir", str(tmp_path))
    assert code == 2 and "--force" in err and "lkjip_uji.py" in err
    assert (tmp_path / "lkjip_uji.py").read_text() == "mine"


# --- unknown rule codes -----------------------------------------------------------------------

def test_unknown_select_code_is_a_usage_error_naming_the_nearest(wrong: Path) -> None:
    code, out, err = run("check", "--select", "CAP01", str(wrong))
    assert code == 2 and out == ""
    assert "kode aturan tidak dikenal di --select: CAP01" in err
    assert "Mungkin maksud Anda: CAP001" in err
    code, _, err = run("--lang", "en", "check", "--ignore", "KATT", str(wrong))
    assert code == 2 and "unknown rule code in --ignore: KATT. Did you mean: KAT" in err


def test_all_selects_or_ignores_every_rule(wrong: Path) -> None:
    code_all, out_all, _ = run("check", "--select", "ALL", "--format", "json", str(wrong))
    code_none, out_none, _ = run("check", "--format", "json", str(wrong))
    assert code_all == code_none == 1
    assert json.loads(out_all)["findings"] == json.loads(out_none)["findings"]
    code, _, err = run("check", "--ignore", "ALL", str(wrong))
    assert code == 2 and "tidak ada aturan yang aktif" in err  # never a false "clean"
    code, out, _ = run("check", "--select", "ALL", "--ignore", "CAP,KAT,AVG", "--format",
                       "json", str(wrong))
    assert not {f["code"][:3] for f in json.loads(out)["findings"]} & {"CAP", "KAT", "AVG"}


@pytest.mark.parametrize(("toml", "where"), [
    ('select = ["CAP01"]\n', "lkjip-xl.toml: select: CAP01"),
    ('ignore = "TOT9"\n', "lkjip-xl.toml: ignore: TOT9"),
    ('[severity]\nCAP01 = "info"\n', "lkjip-xl.toml: severity: CAP01"),
])
def test_unknown_codes_in_the_config_file(wrong: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, toml: str,
                                          where: str) -> None:
    (tmp_path / "lkjip-xl.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", str(wrong))
    assert code == 2 and out == ""
    assert where in err, err


def test_every_output_names_the_config_in_force(wrong: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run("check", str(wrong))
    assert out.startswith("Konfigurasi: tidak ada")
    _, out, _ = run("check", "--format", "json", str(wrong))
    assert json.loads(out)["config"] is None
    project = tmp_path / "proyek"
    (project / "sub").mkdir(parents=True)
    config = project / "lkjip-xl.toml"
    config.write_text("tolerance = 0.5\n", encoding="utf-8")
    monkeypatch.chdir(project / "sub")  # found in a parent folder
    _, out, _ = run("check", str(wrong))
    assert out.splitlines()[0] == f"Konfigurasi: {config}"
    _, out, _ = run("check", "--format", "json", str(wrong))
    assert json.loads(out)["config"] == str(config)
    _, out, _ = run("check", "--format", "sarif", str(wrong))
    assert json.loads(out)["runs"][0]["properties"]["configFile"] == str(config)
    _, out, _ = run("fix", str(wrong), "-o", str(tmp_path / "b.xlsx"))
    assert out.splitlines()[-1] == f"Konfigurasi: {config}"
    report = tmp_path / "rekap.xlsx"
    run("check", "--report", str(report), str(wrong))
    assert str(config) in openpyxl.load_workbook(report).properties.description


# --- fix of a macro workbook, of a workbook that is not an LKjIP ---------------------------------

def _as_xlsm(xlsx: Path, xlsm: Path) -> Path:
    """The workbook as a macro-enabled one: the workbook part's content type says so."""
    import zipfile

    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            dst.writestr(info, data)
    xlsx.unlink()
    return xlsm


def test_fix_of_an_xlsm_keeps_its_button_module(tmp_path: Path) -> None:
    wb = _as_xlsm(make_workbook(tmp_path / "lap.xlsx", **measured_rows(81.41, "Berhasil")),
                  tmp_path / "lap.xlsm")
    (tmp_path / "lap.py").write_text(module_source("lap", "0.33.1"), encoding="utf-8")
    code, out, _ = run("fix", str(wb))
    assert code == 0, out
    written, module = tmp_path / "lap_diperbaiki.xlsm", tmp_path / "lap_diperbaiki.py"
    assert written.is_file() and f"Modul tombol Periksa & Hitung: {module}" in out
    text = module.read_text(encoding="utf-8")
    assert "XLWINGS_VERSION = '0.33.1'" in text
    assert 'import lap_diperbaiki; lap_diperbaiki.main()' in text
    compile(text, str(module), "exec")
    # a name the macro cannot import: written, with a warning that names a working one
    code, _, err = run("fix", str(wb), "-o", str(tmp_path / "lap.fixed.xlsm"))
    assert code == 0
    assert "tidak akan berjalan" in err and "lap_fixed.xlsm" in err
    assert not (tmp_path / "lap.fixed.py").exists()


def test_fix_refuses_a_workbook_that_is_not_an_lkjip(tmp_path: Path) -> None:
    path = tmp_path / "anggaran.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Belanja"
    wb.active["A1"] = "Belanja pegawai"
    wb.save(path)
    code, out, err = run("fix", str(path))
    assert code == 2 and out == ""
    assert "bukan buku kerja LKjIP" in err and "Yang ada: Belanja" in err
    assert not (tmp_path / "anggaran.diperbaiki.xlsx").exists()
    code, out, _ = run("fix", "--diff", str(path))  # writes nothing: says nothing would change
    assert code == 0 and out.strip() == "tidak ada sel yang berubah"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anggaran.xlsx"]


# --- a file open in Excel or read-only ------------------------------------------------------------

def _locked(winerror: int | None):
    def replace(src: object, dst: object) -> None:
        if winerror is None:
            raise PermissionError(errno.EACCES, "Permission denied", str(src))
        exc = OSError(errno.EACCES, "Access is denied", str(src))
        exc.winerror = winerror  # type: ignore[attr-defined]  # a sharing violation
        raise exc
    return replace


@pytest.mark.parametrize("winerror", [None, 32, 33])
@pytest.mark.parametrize("command", [
    ["fix", "{wb}", "-o", "{out}.xlsx"],
    ["check", "{wb}", "-o", "{out}.json", "--format", "json"],
    ["check", "{wb}", "--report", "{out}.xlsx"],
    ["template", "-o", "{out}.xlsx"],
])
def test_a_locked_output_is_one_sentence(wrong: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         winerror: int | None, command: list[str]) -> None:
    monkeypatch.setattr(atomic.os, "replace", _locked(winerror))
    out = tmp_path / "terkunci"
    args = [a.format(wb=wrong, out=out) for a in command]
    code, _, err = run(*args)
    target = next(a for a in args if a.startswith(str(out)))
    assert code == 2
    assert err.strip().splitlines()[-1] == (
        f"lkjip-xl: tidak dapat menulis {target}: berkas sedang dibuka (mis. di Excel) atau "
        f"hanya-baca. Tutup berkas di Excel lalu ulangi (atau tulis ke folder lain)")
    assert ".tmp" not in err and "Errno" not in err and "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_a_read_only_folder(wrong: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes (see the monkeypatch test)")
        code, _, err = run("fix", str(wrong), "-o", str(folder / "x.xlsx"))
        assert code == 2 and "Tutup berkas di Excel lalu ulangi" in err and "Errno" not in err
    finally:
        folder.chmod(0o700)


def test_is_locked() -> None:
    assert is_locked(PermissionError(errno.EACCES, "x"))
    windows = OSError(errno.EINVAL, "x")
    windows.winerror = 32  # type: ignore[attr-defined]
    assert is_locked(windows)
    assert not is_locked(OSError(errno.ENOSPC, "disk full"))


# --- what a file really is ---------------------------------------------------------------------

@pytest.mark.parametrize("name", ["renamed.xls", "renamed.xlsm", "renamed"])
def test_a_renamed_workbook_is_read_and_the_extension_named(tmp_path: Path, name: str) -> None:
    renamed = tmp_path / name
    shutil.copy(EXAMPLE, renamed)
    code, out, err = run("check", "--format", "json", str(renamed))
    assert code == 1  # read and checked: the example has findings
    assert json.loads(out)["files"][0]["status"] == "findings"
    assert (f"peringatan: {renamed}: isinya buku kerja .xlsx walaupun namanya berakhiran "
            f"{renamed.suffix or '-'}; dibaca sebagai .xlsx") in err


def test_show_reads_a_renamed_workbook_and_says_so(tmp_path: Path) -> None:
    renamed = tmp_path / "lap.xls"
    shutil.copy(EXAMPLE, renamed)
    code, out, err = run("show", str(renamed))
    assert code == 0 and "Tabel VI.1" in out
    assert "namanya berakhiran .xls; dibaca sebagai .xlsx" in err


def test_fix_refuses_a_renamed_workbook_with_the_name_to_use(tmp_path: Path) -> None:
    renamed = tmp_path / "lap.xls"
    shutil.copy(EXAMPLE, renamed)
    code, out, err = run("fix", str(renamed))
    assert code == 2 and out == ""
    assert "Ganti namanya menjadi lap.xlsx lalu jalankan fix lagi" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lap.xls"]


def test_an_old_xls_named_xlsx_gets_a_clear_message(tmp_path: Path) -> None:
    old = tmp_path / "lama.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, out, _ = run("check", str(old))
    assert code == 2
    assert "format Excel lama (.xls) walaupun namanya berakhiran .xlsx" in out
    assert "simpan sebagai Buku Kerja Excel (.xlsx)" in out


def test_an_empty_folder_says_what_was_looked_for(tmp_path: Path) -> None:
    (tmp_path / "catatan.txt").write_text("x")
    code, _, err = run("check", str(tmp_path))
    assert code == 2
    assert f"tidak ada buku kerja ditemukan di: {tmp_path} (yang dicari: berkas .xlsx, .xlsm, " \
           f".docx, .pdf, .xls)" in err


def test_a_folder_reports_its_old_xls_files(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "baru.xlsx")
    (tmp_path / "lama.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, out, _ = run("check", "--format", "json", str(tmp_path))
    doc = json.loads(out)
    assert code == 2
    assert [Path(f["file"]).name for f in doc["files"]] == ["baru.xlsx", "lama.xls"]
    assert doc["errors"][0]["reason"] == "open.legacy_xls"


# --- SARIF, CSV, -o ----------------------------------------------------------------------------

def test_sarif_uris_are_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "Dinas Sosial #2"
    folder.mkdir()
    wb = make_workbook(folder / "lap 2019.xlsx", **measured_rows(81.41, "Berhasil"))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run("check", "--format", "sarif", "Dinas Sosial #2/lap 2019.xlsx")
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out)["runs"][0]["results"] for loc in r["locations"]}
    assert uris == {"Dinas%20Sosial%20%232/lap%202019.xlsx"}
    _, out, _ = run("check", "--format", "sarif", str(wb))
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/Dinas%20Sosial%20%232/lap%202019.xlsx")


def test_csv_files_carry_the_bom_and_o_says_where(wrong: Path, tmp_path: Path) -> None:
    target = tmp_path / "temuan.csv"
    code, out, err = run("check", "--format", "csv", "-o", str(target), str(wrong))
    assert code == 1 and out == ""
    assert err.strip() == f"Hasil ditulis: {target}"
    assert target.read_bytes().startswith(b"\xef\xbb\xbffile,sheet,cell")
    _, out, _ = run("check", "--format", "csv", str(wrong))
    assert out.startswith("file,sheet,cell")  # standard output: no BOM (a pipe, not Excel)
    run("check", "--report", str(tmp_path / "rekap.csv"), str(wrong))
    assert (tmp_path / "rekap.csv").read_bytes().startswith(b"\xef\xbb\xbf")


# --- template's year, rules CODE --------------------------------------------------------------

def test_template_defaults_to_this_year_and_says_so(tmp_path: Path) -> None:
    year = datetime.date.today().year
    start, end = default_period(year)
    assert start < year <= end and end - start == 5
    assert default_period(2019) == (2016, 2021) and default_period(2021) == (2016, 2021)
    assert default_period(2022) == (2021, 2026)
    target = tmp_path / "t.xlsx"
    code, out, _ = run("template", "-o", str(target))
    assert code == 0
    assert f"Dianggap: tahun laporan {year}, periode {start}-{end}" in out
    values = {c.value for row in openpyxl.load_workbook(target)["Identitas"].iter_rows()
              for c in row}
    assert {year, start, end} <= values
    _, out, _ = run("template", "-o", str(tmp_path / "u.xlsx"), "--tahun", "2019",
                    "--periode", "2016-2021")
    assert "Dianggap" not in out


@pytest.mark.parametrize("command", ["rules", "rule"])
def test_rules_code_explains_one_rule(command: str) -> None:
    code, out, _ = run(command, "cap001")
    assert code == 0
    for heading in ("## Yang diperiksa", "## Mengapa penting", "## Rumus", "## Contoh temuan",
                    "## Yang dilakukan fix", "## Cara membungkam"):
        assert heading in out
    assert "R / T x 100" in out and "--ignore CAP001" in out and "Aman: fix" in out
    code, out, _ = run("--lang", "en", command, "TOT001")
    for heading in ("## What it checks", "## Why it matters", "## Formula",
                    "## Example finding", "## What fix does", "## How to silence it"):
        assert heading in out
    assert "Unsafe" in out and "Yang diperiksa" not in out
    code, out, _ = run(command, "INP006", "--format", "json")
    doc = json.loads(out)
    assert doc["code"] == "INP006" and doc["fix"].startswith("Tidak ada perbaikan otomatis")


def test_rules_unknown_code() -> None:
    code, out, err = run("rules", "CAP01")
    assert code == 2 and out == ""
    assert "aturan tidak dikenal: CAP01. Mungkin maksud Anda: CAP001" in err
