"""`lkjip-xl quickstart NAME`: NAME.xlsm (the template, xlwings' VBA project, a button bound to
its macro) and NAME.py, checked part by part, then the whole flow a staff member goes through:
fill the workbook, click (NAME.main() on the calling book), read the results."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlwings as xw
from click.testing import CliRunner
from defusedxml.ElementTree import fromstring

from lkjip_xl.cli import cli
from lkjip_xl.quickstart import BUTTON_VML, CONF_SHEET, MACRO, build_xlsm
from lkjip_xl.schema import INPUT_SHEETS, OPTIONAL_SHEETS
from lkjip_xl.template import build_template

from .excel_client import apply_actions, cell_values, differences, payload
from .vba_source import modules

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "lkjip_2019_dinsos_batam.xlsx"
XLWINGS_XLSM = Path(xw.__file__).parent / "quickstart_standalone.xlsm"
NAME = "lkjip_uji"
MACRO_ENABLED = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
NS = {"ct": "http://schemas.openxmlformats.org/package/2006/content-types",
      "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "x": "urn:schemas-microsoft-com:office:excel",
      "v": "urn:schemas-microsoft-com:vml"}


def quickstart(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["quickstart", NAME, "--dir", str(tmp_path), *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quickstart")
    code, output = quickstart(folder, "--tahun", "2019", "--periode", "2016-2021")
    assert code == 0, output
    return folder


@pytest.fixture(autouse=True)
def _no_mock_caller():
    yield
    if hasattr(xw.Book, "_mock_caller"):
        del xw.Book._mock_caller


def part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


# --- the command ---------------------------------------------------------------------------

def test_writes_name_xlsm_and_name_py_side_by_side(made: Path) -> None:
    assert sorted(p.name for p in made.iterdir()) == [f"{NAME}.py", f"{NAME}.xlsm"]


def test_says_which_xlwings_every_pc_needs_and_refuses_to_overwrite(tmp_path: Path) -> None:
    code, output = quickstart(tmp_path)
    assert code == 0 and f"xlwings=={xw.__version__}" in output and f"{NAME}.xlsm" in output
    code, output = quickstart(tmp_path)
    assert code == 2 and "sudah ada" in output
    assert quickstart(tmp_path, "--force")[0] == 0


@pytest.mark.parametrize("name", ["json", "1abc", "class", "lkjip_xl", "xlwings", "_x",
                                  "nama-buku", "os"])
def test_refuses_a_name_python_cannot_import_as_the_workbook_s_module(name: str,
                                                                     tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["quickstart", name, "--dir", str(tmp_path)])
    assert result.exit_code == 2 and "NAME" in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_workbook_is_the_same_bytes_every_time() -> None:
    assert build_xlsm(NAME) == build_xlsm(NAME)


# --- NAME.xlsm -----------------------------------------------------------------------------

def test_it_is_a_macro_enabled_workbook(made: Path) -> None:
    xlsm = made / f"{NAME}.xlsm"
    types = fromstring(part(xlsm, "[Content_Types].xml"))
    overrides = {o.get("PartName"): o.get("ContentType")
                 for o in types.findall("ct:Override", NS)}
    defaults = {d.get("Extension"): d.get("ContentType")
                for d in types.findall("ct:Default", NS)}
    assert overrides["/xl/workbook.xml"] == MACRO_ENABLED
    assert defaults["bin"] == "application/vnd.ms-office.vbaProject"
    rels = fromstring(part(xlsm, "xl/_rels/workbook.xml.rels"))
    assert any(r.get("Type", "").endswith("/vbaProject") and r.get("Target") == "vbaProject.bin"
               for r in rels)
    workbook = fromstring(part(xlsm, "xl/workbook.xml"))
    assert workbook.find("m:workbookPr", NS).get("codeName") == "ThisWorkbook"


def test_its_vba_project_is_the_installed_xlwings_one(made: Path) -> None:
    vba = part(made / f"{NAME}.xlsm", "xl/vbaProject.bin")
    assert vba == part(XLWINGS_XLSM, "xl/vbaProject.bin")
    source = modules(vba)
    assert f"'Version: {xw.__version__}" in source["xlwings"]
    # The button's macro runs the module named like the workbook: NAME.main().
    macro = re.search(rf"Sub {MACRO}\(\)(.*?)End Sub", source["Module1"], re.S)
    assert macro, source["Module1"]
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in macro.group(1)
    assert "ThisWorkbook.Name" in macro.group(1)


def _sheet_parts(xlsm: Path) -> dict[str, str]:
    workbook = fromstring(part(xlsm, "xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in fromstring(
        part(xlsm, "xl/_rels/workbook.xml.rels"))}
    def resolve(target: str) -> str:
        return target.lstrip("/") if target.startswith("/") else f"xl/{target}"

    return {s.get("name"): resolve(rels[s.get(f"{{{NS['r']}}}id")])
            for s in workbook.find("m:sheets", NS)}


def test_the_button_on_the_first_sheet_runs_the_macro(made: Path) -> None:
    xlsm = made / f"{NAME}.xlsm"
    sheets = _sheet_parts(xlsm)
    first, sheet_part = next(iter(sheets.items()))
    assert first == "Mulai"
    sheet = fromstring(part(xlsm, sheet_part))
    legacy = sheet.find("m:legacyDrawing", NS)
    assert legacy is not None
    rel_part = sheet_part.replace("worksheets/", "worksheets/_rels/") + ".rels"
    rels = {r.get("Id"): r.get("Target") for r in fromstring(part(xlsm, rel_part))}
    vml_part = rels[legacy.get(f"{{{NS['r']}}}id")].lstrip("/")
    assert vml_part == BUTTON_VML
    vml = fromstring(part(xlsm, vml_part))
    (shape,) = [s for s in vml.iter(f"{{{NS['v']}}}shape")
                if s.find("x:ClientData", NS).get("ObjectType") == "Button"]
    data = shape.find("x:ClientData", NS)
    assert data.findtext("x:FmlaMacro", namespaces=NS) == f"[0]!{MACRO}"
    assert "".join(shape.itertext()).strip().startswith("Periksa & Hitung")
    ws = openpyxl.load_workbook(xlsm, keep_vba=True)["Mulai"]
    texts = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    for needed in (f"{NAME}.py", f"xlwings=={xw.__version__}", "Interpreter_Win",
                   "OneDrive", "Unblock", "xlwings runpython install"):
        assert needed in texts, needed


def test_every_template_sheet_is_there_unchanged(made: Path) -> None:
    xlsm = made / f"{NAME}.xlsm"
    wb = openpyxl.load_workbook(xlsm, keep_vba=True)
    template = build_template()
    assert wb.sheetnames == ["Mulai", *template.sheetnames, CONF_SHEET]
    assert wb.active.title == "Mulai"
    for ws in template.worksheets:
        expected = {c.coordinate: c.value for row in ws.iter_rows() for c in row
                    if c.value is not None}
        got = {c.coordinate: c.value for row in wb[ws.title].iter_rows() for c in row
               if c.value is not None}
        assert got == expected, ws.title
        assert wb[ws.title].data_validations.count == ws.data_validations.count
    conf = wb[CONF_SHEET]
    assert (conf["A1"].value, conf["B1"].value) == ("Interpreter_Win", "python")


def test_the_reader_reads_it_like_the_template(made: Path, tmp_path: Path) -> None:
    from lkjip_xl.reading import read_report
    from lkjip_xl.template import save_template

    report = read_report(made / f"{NAME}.xlsm")
    plain = read_report(save_template(tmp_path / "t.xlsx"))
    assert set(report.sheet_names) == {*INPUT_SHEETS, *OPTIONAL_SHEETS}
    assert report.problems == plain.problems and report.identity == plain.identity


def test_libreoffice_binds_the_button_to_the_macro_in_module1(made: Path,
                                                              tmp_path: Path) -> None:
    """A real spreadsheet program resolves the button's macro in the VBA project."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           # The filter named: with Writer installed too, a bare "xlsm" picks
                           # the filter that drops the VBA project.
                           "--convert-to", "xlsm:Calc MS Excel 2007 VBA XML",
                           "--outdir", str(tmp_path / "out"),
                           str(made / f"{NAME}.xlsm")], capture_output=True, text=True,
                          timeout=180)
    out = tmp_path / "out" / f"{NAME}.xlsm"
    assert out.exists(), done.stdout + done.stderr
    with zipfile.ZipFile(out) as zf:
        sheet = zf.read(_sheet_parts(out)["Mulai"]).decode("utf-8")
        assert f'macro="Module1.{MACRO}"' in sheet
        assert zf.read("xl/vbaProject.bin")


# --- NAME.py and the whole flow ------------------------------------------------------------

def load_module(folder: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(folder))  # RunPython adds the workbook's folder
    spec = importlib.util.spec_from_file_location(NAME, folder / f"{NAME}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_name_py_follows_the_xlwings_quickstart_convention(made: Path) -> None:
    source = (made / f"{NAME}.py").read_text(encoding="utf-8")
    assert "import xlwings as xw" in source and "def main():" in source
    assert "from lkjip_xl.excel import main" in source
    assert f'XLWINGS_VERSION = {xw.__version__!r}' in source
    assert f'xw.Book("{NAME}.xlsm").set_mock_caller()' in source
    compile(source, f"{NAME}.py", "exec")


def fill(xlsm: Path, example: Path, out: Path) -> Path:
    """The button workbook with the example's values typed in (as staff would)."""
    wb = openpyxl.load_workbook(xlsm, keep_vba=True)
    src = openpyxl.load_workbook(example)
    for name in INPUT_SHEETS:
        ws, source = wb[name], src[name]
        for row in ws.iter_rows():
            for c in row:
                c.value = None
        for row in source.iter_rows():
            for c in row:
                if c.value is not None:
                    ws[c.coordinate] = c.value
                    ws[c.coordinate].data_type = c.data_type
    wb.save(out)
    return out


def test_clicking_the_button_gives_what_fix_gives(made: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "staf"
    folder.mkdir()
    shutil.copy(made / f"{NAME}.py", folder)
    filled = fill(made / f"{NAME}.xlsm", SEED, folder / f"{NAME}.xlsm")
    module = load_module(folder, monkeypatch)
    book = xw.Book(json=payload(filled))
    book.set_mock_caller()
    result = module.main()  # what RunPython "import NAME; NAME.main()" runs
    assert result is not None and result.ok
    actions = book.json()["actions"]
    assert actions[-1]["func"] == "alert" and actions[-1]["args"][0].startswith("Selesai.")
    clicked = tmp_path / "clicked.xlsm"
    apply_actions(filled, actions, clicked)
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(cli, ["fix", str(filled), "-o", str(tmp_path / "fixed.xlsm")])
    assert done.exit_code == 0, done.output
    assert differences(cell_values(clicked), cell_values(tmp_path / "fixed.xlsm")) == []
    names = openpyxl.load_workbook(clicked, keep_vba=True).sheetnames
    assert names == ["Mulai", "Petunjuk", *INPUT_SHEETS, *OPTIONAL_SHEETS, "Ringkasan", "Temuan",
                     CONF_SHEET]
    assert part(clicked, "xl/vbaProject.bin") == part(XLWINGS_XLSM, "xl/vbaProject.bin")


def test_name_py_says_how_to_install_a_missing_lkjip_xl(made: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    module = load_module(made, monkeypatch)
    monkeypatch.setitem(sys.modules, "lkjip_xl.excel", None)  # import fails
    book = xw.Book(json=payload(made / f"{NAME}.xlsm", book_name=f"{NAME}.xlsm"))
    book.set_mock_caller()
    assert module.main() is None
    (action,) = book.json()["actions"]
    prompt, _, _, mode, _ = action["args"]
    assert action["func"] == "alert" and mode == "critical"
    assert "Paket lkjip-xl tidak ditemukan" in prompt
    assert f'"{sys.executable}" -m pip install lkjip-xl' in prompt


def test_name_py_refuses_another_xlwings_version(made: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    module = load_module(made, monkeypatch)
    monkeypatch.setattr(module, "XLWINGS_VERSION", "0.30.0")  # a workbook made elsewhere
    book = xw.Book(json=payload(made / f"{NAME}.xlsm"))
    book.set_mock_caller()
    assert module.main() is None
    (action,) = book.json()["actions"]
    assert "pip install xlwings==0.30.0" in action["args"][0]


# --- make excel ----------------------------------------------------------------------------

def test_make_excel_writes_the_button_workbook_and_the_readme_says_so() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^excel:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert target and "quickstart lkjip_excel --dir out" in target.group(1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make excel" in readme and "docs/panduan-excel.md" in readme
