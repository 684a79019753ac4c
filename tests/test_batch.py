"""Batch checking: worker processes, order, --jobs parity, per-file time limit, crashes,
streaming, exit codes, and the streams behind every output format."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_xl import batch
from lkjip_xl.batch import check_many, expand_paths
from lkjip_xl.cli import cli
from lkjip_xl.config import Config
from lkjip_xl.engine import FileResult
from lkjip_xl.model import WorkbookError
from lkjip_xl.writers import formats

from .builders import make_workbook, measured_rows

pytestmark = pytest.mark.skipif(os.name != "posix", reason="worker tests use fork and signals")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def wrong_workbook(path: Path, capaian: float = 81.41, **identitas: object) -> Path:
    """Capaian stated `capaian` where 90 / 100 x 100 = 90; a wrong category as well."""
    rows = measured_rows(capaian, "Kurang Berhasil")
    return make_workbook(path, identitas=dict(identitas) or None, **rows)


def clean_workbook(path: Path) -> Path:
    rows = measured_rows()
    return make_workbook(path, **rows)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of good, wrong and unreadable workbooks, sorted so that they interleave."""
    folder = tmp_path_factory.mktemp("mixed")
    for i in range(4):
        wrong_workbook(folder / f"{i}a_wrong.xlsx", capaian=80 + i)
        clean_workbook(folder / f"{i}b_clean.xlsx")
    (folder / "1c_not_a_workbook.xlsx").write_text("hello")
    (folder / "2c_empty.xlsx").write_bytes(b"")
    data = (folder / "0a_wrong.xlsx").read_bytes()
    (folder / "3c_truncated.xlsx").write_bytes(data[: len(data) // 2])
    return folder


# --- parity and order --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "sarif"])
def test_jobs_output_is_identical(mixed: Path, fmt: str) -> None:
    one = run("check", "--format", fmt, "--jobs", "1", str(mixed))
    two = run("check", "--format", fmt, "--jobs", "2", str(mixed))
    three = run("check", "--format", fmt, "--jobs", "3", str(mixed))
    assert one[0] == two[0] == three[0] == 2
    assert one[1] == two[1] == three[1]
    assert one[1].encode() == two[1].encode()


def test_results_keep_the_input_order(mixed: Path) -> None:
    files = expand_paths([str(mixed)])
    results = list(check_many(files, Config(), jobs=2))
    assert [r.path for r in results] == files
    reasons = {r.path.name: r.error.reason for r in results if r.error is not None}
    assert reasons == {"1c_not_a_workbook.xlsx": "open.not_zip", "2c_empty.xlsx": "open.empty",
                       "3c_truncated.xlsx": "open.corrupt"}


def test_jobs_default_is_one_per_cpu_and_output_unchanged(mixed: Path) -> None:
    assert run("check", "--format", "json", str(mixed))[1] == \
        run("check", "--format", "json", "-j", "1", str(mixed))[1]


# --- per-file limits: time, crashes, memory -----------------------------------------------------

_original_check_one = batch._check_one


def _misbehaving_check_one(path: Path, task: object) -> FileResult:
    """Test double run inside the (forked) workers: the file name says how to misbehave."""
    name = path.name
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("crash"):
        os._exit(3)
    if name.startswith("killed"):
        os.kill(os.getpid(), 9)
    if name.startswith("unpicklable"):
        return FileResult(path, findings=(lambda: None,))  # type: ignore[arg-type]
    return _original_check_one(path, task)


@pytest.fixture
def misbehaving(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    monkeypatch.setattr(batch, "_check_one", _misbehaving_check_one)
    files = []
    for name in ("a_wrong", "hang", "b_wrong", "crash", "c_wrong", "killed", "d_wrong",
                 "unpicklable"):
        files.append(wrong_workbook(tmp_path / f"{name}.xlsx"))
    return files


@pytest.mark.parametrize("jobs", [1, 2])
def test_hanging_file_is_cut_off_and_the_batch_goes_on(misbehaving: list[Path],
                                                       jobs: int) -> None:
    started = time.monotonic()
    results = list(check_many(misbehaving, Config(), jobs=jobs, timeout=1.0))
    assert time.monotonic() - started < 30
    assert [r.path for r in results] == misbehaving
    by_name = {r.path.stem: r for r in results}
    assert by_name["hang"].error is not None
    assert by_name["hang"].error.reason == "limit.timeout"
    assert by_name["hang"].error.detail == "1 s"
    assert by_name["crash"].error is not None
    assert by_name["crash"].error.reason == "limit.crashed"
    assert by_name["crash"].error.detail == "exit 3"
    assert by_name["killed"].error is not None
    assert by_name["killed"].error.reason == "limit.crashed"
    assert by_name["killed"].error.detail == "signal 9"
    for name in ("a_wrong", "b_wrong", "c_wrong", "d_wrong"):
        assert by_name[name].error is None and by_name[name].findings
    unpicklable = by_name["unpicklable"].error  # a result the worker could not send back
    assert unpicklable is not None and unpicklable.reason == "open.unreadable"


def test_single_file_runs_in_process_with_an_alarm(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    hang = wrong_workbook(tmp_path / "hang.xlsx")
    monkeypatch.setattr(batch, "_check_one", _misbehaving_check_one)
    monkeypatch.setattr(batch, "_preload", lambda: pytest.fail("no worker for one file"))
    started = time.monotonic()
    (result,) = check_many([hang], Config(), jobs=1, timeout=0.5)
    assert time.monotonic() - started < 5
    assert result.error is not None and result.error.reason == "limit.timeout"
    ok = wrong_workbook(tmp_path / "ok.xlsx")
    (result,) = check_many([ok], Config(), jobs=1, timeout=5)
    assert result.error is None and result.findings
    import signal

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_memory_error_is_reported_and_the_worker_replaced(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    files = [wrong_workbook(tmp_path / f"{i}.xlsx") for i in range(3)]

    def check(path: Path, task: object) -> FileResult:
        if path.name == "1.xlsx":  # what _check_one returns on a MemoryError
            return FileResult(path, error=WorkbookError(path, batch.REASON_MEMORY, ""))
        return _original_check_one(path, task)

    monkeypatch.setattr(batch, "_check_one", check)
    results = list(check_many(files, Config(), jobs=1))
    assert [r.error.reason if r.error else None for r in results] == \
        [None, "limit.memory", None]
    assert results[2].findings


def test_real_memory_error_becomes_limit_memory(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    path = wrong_workbook(tmp_path / "w.xlsx")

    def boom(*args: object, **kwargs: object) -> FileResult:
        raise MemoryError

    monkeypatch.setattr(batch, "check_file", boom)
    result = batch._check_one(path, batch._Task(Config(), batch.Limits(), False))
    assert result.error is not None and result.error.reason == "limit.memory"


def test_timeout_in_the_cli_is_an_unreadable_file(misbehaving: list[Path]) -> None:
    folder = misbehaving[0].parent
    code, out, err = run("check", "--format", "json", "--timeout", "1", "-j", "2", str(folder))
    assert code == 2
    doc = json.loads(out)
    reasons = {Path(e["file"]).stem: e["reason"] for e in doc["errors"]}
    assert reasons == {"hang": "limit.timeout", "crash": "limit.crashed",
                       "killed": "limit.crashed", "unpicklable": "open.unreadable"}
    assert "batas waktu" in err
    assert len(doc["files"]) == len(misbehaving)


def test_results_stream_before_the_batch_ends(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    """The first result arrives while a later file is still being checked."""
    files = [wrong_workbook(tmp_path / "a.xlsx"), wrong_workbook(tmp_path / "hang.xlsx")]
    monkeypatch.setattr(batch, "_check_one", _misbehaving_check_one)
    started = time.monotonic()
    results = check_many(files, Config(), jobs=2, timeout=3.0)
    first = next(results)
    assert first.path == files[0] and time.monotonic() - started < 2.5
    assert next(results).error.reason == "limit.timeout"  # type: ignore[union-attr]
    results.close()


def test_in_flight_files_are_bounded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A file that holds up the queue does not let the rest pile up in memory."""
    sent: list[int] = []
    original_send = batch._Pool.send

    def send(self: batch._Pool, worker: object, index: int, path: Path) -> None:
        sent.append(index)
        original_send(self, worker, index, path)  # type: ignore[arg-type]

    monkeypatch.setattr(batch._Pool, "send", send)
    monkeypatch.setattr(batch, "_check_one", _misbehaving_check_one)
    good = wrong_workbook(tmp_path / "good.xlsx")
    hang = wrong_workbook(tmp_path / "hang.xlsx")
    files = [hang] + [good] * 40
    results = check_many(files, Config(), jobs=2, timeout=2.0)
    first = next(results)
    assert first.error is not None and first.error.reason == "limit.timeout"
    # while the hanging file held up the queue, no more than the window was dispatched
    assert max(sent) < 2 * batch.WINDOW_PER_JOB + 1
    assert len(list(results)) == 40


def test_workers_are_gone_after_the_batch(tmp_path: Path) -> None:
    import multiprocessing

    files = [wrong_workbook(tmp_path / f"{i}.xlsx") for i in range(3)]
    list(check_many(files, Config(), jobs=2))
    assert multiprocessing.active_children() == []


# --- exit codes ---------------------------------------------------------------------------------


def test_exit_codes(mixed: Path, tmp_path: Path) -> None:
    clean = clean_workbook(tmp_path / "clean.xlsx")
    wrong = wrong_workbook(tmp_path / "wrong.xlsx")
    assert run("check", str(clean))[0] == 0
    assert run("check", str(clean), str(wrong))[0] == 1
    assert run("check", "--exit-zero", str(wrong))[0] == 0
    assert run("check", "--fail-on", "error", "--ignore", "CAP,KAT,AVG", str(wrong))[0] == 0
    assert run("check", str(mixed))[0] == 2
    assert run("check", "--exit-zero", str(mixed))[0] == 2  # unreadable files are not findings
    assert run("check", "--report", str(tmp_path / "r.txt"), str(clean))[0] == 2


def test_output_file_is_written_atomically(mixed: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "result.json"
    code, out, _ = run("check", "--format", "json", "-o", str(target), str(mixed))
    assert code == 2 and out == ""
    assert json.loads(target.read_text())["summary"]["files"] == 11
    assert [p.name for p in target.parent.iterdir()] == ["result.json"]


# --- the streams behind the formats -------------------------------------------------------------


def _results(mixed: Path) -> list[FileResult]:
    return list(check_many(expand_paths([str(mixed)]), Config(), jobs=2))


def test_json_stream_is_the_documented_document(mixed: Path) -> None:
    """Written piece by piece, the JSON is byte for byte json.dumps of the whole document."""
    for results in (_results(mixed), [], _results(mixed)[:1]):
        findings = [f for r in results for f in r.findings]
        doc = {
            "schema_version": formats.SCHEMA_VERSION,
            "tool": {"name": "lkjip-xl", "version": formats.__version__},
            "config": None,
            "files": [{"file": str(r.path), "status": formats._status(r),
                       "counts": formats.counts(r.findings) if r.error is None else None}
                      for r in results],
            "findings": [formats.finding_to_dict(f, "en") for f in findings],
            "errors": [formats.error_to_dict(r, "en") for r in results if r.error is not None],
            "summary": {"files": len(results),
                        "unreadable": sum(1 for r in results if r.error is not None),
                        **formats.counts(findings)},
        }
        assert formats.to_json(results, "en") == json.dumps(doc, ensure_ascii=False, indent=2)


def test_json_stream_spools_findings_to_disk(mixed: Path) -> None:
    import io

    results = _results(mixed)
    out = io.StringIO()
    stream = formats.open_stream("json", out, "id")
    for _ in range(30):
        for r in results:
            stream.add(r)
    stream.close()
    doc = json.loads(out.getvalue())
    assert doc["summary"]["files"] == 30 * len(results)
    assert len(doc["findings"]) == 30 * sum(len(r.findings) for r in results)


def test_sarif_and_text_streams(mixed: Path) -> None:
    results = _results(mixed)
    sarif = json.loads(formats.to_sarif(results))
    assert len(sarif["runs"][0]["results"]) == \
        sum(len(r.findings) for r in results) + sum(1 for r in results if r.error)
    assert json.loads(formats.to_sarif([]))["runs"][0]["results"] == []
    text = formats.to_text(results)
    assert text.count("tidak dapat dibaca") == 3
    assert text.splitlines()[-1].startswith("11 berkas diperiksa")
    assert formats.to_text([]).splitlines() == ["", formats.t("check.summary", "id", files=0,
                                                              error=0, warning=0, info=0,
                                                              unreadable=0)]


# --- the progress bar -----------------------------------------------------------------------


def test_progress_bar_on_a_terminal_leaves_stdout_unchanged(mixed: Path) -> None:
    """stderr a terminal: a progress bar there; stdout the same bytes as without one."""
    import pty
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "100", "TERM": "xterm"}
    cmd = [sys.executable, "-m", "lkjip_xl", "check", str(mixed)]
    plain = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    leader, follower = pty.openpty()
    try:
        shown = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=follower, text=True,
                               env=env, timeout=120)
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(leader)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert shown.returncode == plain.returncode == 2
    assert shown.stdout == plain.stdout
    assert "Memeriksa" in terminal  # the progress bar's label
    assert "Memeriksa" not in plain.stderr


def test_progress_helper_yields_everything() -> None:
    from lkjip_xl.cli import _with_progress

    assert list(_with_progress(iter(range(5)), 5, "id", enabled=False)) == list(range(5))
    assert list(_with_progress(iter(range(1)), 1, "id", enabled=True)) == [0]


# --- work done in the workers: the output's rendering, the pairing's Identitas read ---------------


@pytest.mark.parametrize("fmt", ["json", "text", "csv", "sarif"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_worker_rendering_writes_what_the_stream_renders(mixed: Path, fmt: str,
                                                         lang: str) -> None:
    """Each worker renders its file's output (`FileResult.output`); written as it is, it
    gives the same bytes as the stream rendering the result itself."""
    import dataclasses
    import io

    files = expand_paths([str(mixed)])
    probe = formats.open_stream(fmt, io.StringIO(), lang)
    rendered = list(check_many(files, Config(), jobs=2, render=probe.renderer()))
    assert all(r.output is not None and r.output[0] == probe.renderer().key
               for r in rendered)
    plain = [dataclasses.replace(r, output=None) for r in rendered]
    assert plain == rendered  # the rendering is not part of a result's identity
    outs = []
    for results in (rendered, plain):
        out = io.StringIO()
        stream = formats.open_stream(fmt, out, lang)
        for r in results:
            stream.add(r)
        stream.close()
        outs.append(out.getvalue())
    assert outs[0] == outs[1]
    assert sum(len(r.findings) for r in rendered) > 0


def test_a_rendering_for_other_options_is_not_written(mixed: Path) -> None:
    """A result rendered for another format or language is rendered again by the stream."""
    import io

    files = expand_paths([str(mixed)])[:2]
    english = list(check_many(files, Config(), jobs=2,
                              render=formats.Renderer("json", "en")))
    out = io.StringIO()
    stream = formats.open_stream("json", out, "id")
    for r in english:
        stream.add(r)
    stream.close()
    assert out.getvalue() == formats.to_json(english, "id")
    assert "Capaian" in out.getvalue() and out.getvalue() != formats.to_json(english, "en")


class _FailingRenderer:
    def __call__(self, result: FileResult) -> object:
        raise RuntimeError("a bug in a renderer")


def test_a_renderer_that_fails_leaves_the_rendering_to_the_stream(mixed: Path) -> None:
    files = expand_paths([str(mixed)])
    results = list(check_many(files, Config(), jobs=2, render=_FailingRenderer()))
    assert [r.path for r in results] == files
    assert all(r.output is None for r in results)
    assert all(r.error is None or r.error.reason != "open.unreadable" for r in results)
    assert formats.to_json(results) == formats.to_json(list(check_many(files, Config(),
                                                                       jobs=1)))


def _square_or_die(item: int, parent: int | None) -> int:
    if parent is not None and item == 7 and os.getpid() != parent:
        os._exit(3)  # a child dying under an item (a crash in a native library)
    return item * item


def test_map_in_processes_keeps_order_and_survives_a_dead_child() -> None:
    items = list(range(10))
    me = os.getpid()
    assert batch.map_in_processes(_square_or_die, items, None, 1) == [i * i for i in items]
    assert batch.map_in_processes(_square_or_die, items, None, 3) == [i * i for i in items]
    assert batch.map_in_processes(_square_or_die, items, me, 1) == [i * i for i in items]
    # item 7 goes to the first child (every third item from 1): its items come back None
    got = batch.map_in_processes(_square_or_die, items, me, 3)
    assert got == [None if i % 3 == 1 else i * i for i in items]
    assert batch.map_in_processes(_square_or_die, [], me, 2) == []


def test_pairing_read_in_several_processes_pairs_the_same(tmp_path: Path) -> None:
    """The Identitas sheets read by two processes: the same pairs, ambiguities and order as
    read by one, the files that cannot be read left out alike."""
    from lkjip_xl import pairing

    examples = Path(__file__).resolve().parent.parent / "examples"
    files = []
    for i in range(pairing.PARALLEL_FROM + 4):
        name = ("lkjip_2022_dinas_contoh.xlsx", "lkjip_2023_dinas_contoh.xlsx",
                "lkjip_2019_dinsos_batam.xlsx")[i % 3]
        target = tmp_path / f"{i:02d}_{name}"
        target.write_bytes((examples / name).read_bytes())
        files.append(target)
    (tmp_path / "99_broken.xlsx").write_bytes(b"PK\x03\x04 not really")
    files.append(tmp_path / "99_broken.xlsx")
    for i in range(3):  # 2019 with exactly one 2018 of its agency
        wrong_workbook(tmp_path / f"a{i}_2019.xlsx", nama_instansi=f"Dinas {i}", tahun=2019)
        wrong_workbook(tmp_path / f"b{i}_2018.xlsx", nama_instansi=f"Dinas {i}", tahun=2018)
        files += [tmp_path / f"a{i}_2019.xlsx", tmp_path / f"b{i}_2018.xlsx"]
    one = pairing.pair_files(files, jobs=1)
    two = pairing.pair_files(files, jobs=2)
    assert list(one.items()) == list(two.items())
    assert sum(1 for p in one.values() if p.previous is not None) == 3
    assert sum(1 for p in one.values() if p.ambiguous) > 0


def test_spool_rolls_over_to_disk_and_gives_everything_back(
        mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    spool = formats._Spool(limit=10)
    spool.write("abc")
    assert spool.file is None
    spool.write("defghijkl")
    assert spool.file is not None
    spool.write("ü\n!")
    out = io.StringIO()
    spool.copy_to(out)
    assert out.getvalue() == "abcdefghijklü\n!"
    # the JSON document is the same whether its findings waited in memory or on disk
    results = _results(mixed)
    in_memory = formats.to_json(results)
    monkeypatch.setattr(formats._Spool.__init__, "__defaults__", (100,))
    assert formats._Spool().limit == 100
    assert formats.to_json(results) == in_memory


class _Count(int):
    """An int of another class: json.dumps writes it, the fast encoders hand it over."""


def test_finding_json_is_the_generic_encoders_bytes(mixed: Path) -> None:
    """The JSON stream's writer of one finding (field by field) against the generic encoder,
    on real findings and on every type a finding's values may take."""
    from lkjip_xl.engine import check_file
    from lkjip_xl.messages import Verbatim
    from lkjip_xl.model import CellRef
    from lkjip_xl.rules import Finding, Severity
    from lkjip_xl.rules.base import Action, Fix

    examples = Path(__file__).resolve().parent.parent / "examples"
    findings = [f for p in (*sorted(examples.glob("*.xlsx")), *expand_paths([str(mixed)]))
                for f in check_file(p).findings]
    assert len(findings) > 300
    odd_values = [None, True, False, 0, -7, 2**70, 1.5, -0.0, float("nan"), float("inf"),
                  float("-inf"), 1e-300, "", "teks \"kutip\" \\ \n\t\u00e9 \u2603 \x01",
                  Verbatim("1.697"), _Count(3), {"a": [1, None]}, [1, 2]]
    for i, value in enumerate(odd_values):
        fix = Fix(CellRef("Lampiran II", 4, 8), value, Action.CORRECT) if i % 2 else None
        findings.append(Finding(
            "CAP001", "capaian", Severity.WARNING, "a \"b\".xlsx", "Lampiran II",
            "H4" if i % 3 else "", "cap.mismatch" if i % 2 else "no.such.key",
            (("stated", 81.41), ("expected", 90.0)), value, value,
            value if not isinstance(value, str) else None, 0.005, "565 / 594 x 100",
            tuple((f"Lampiran II!G{k}", value) for k in range(i % 3)),
            tuple(f"Lampiran II!H{k}" for k in range(i % 4)), fix))
    for lang in ("id", "en"):
        for f in findings:
            assert formats._finding_json(f, lang) == \
                formats._dumps(formats.finding_to_dict(f, lang), 2), f


def test_findings_sent_with_a_rendering_are_built_only_when_read(mixed: Path) -> None:
    """With the output rendered in the worker, the main process gets the findings packed
    with their (severity, code) tally: counts and the exit code come from the tally, the
    findings are built on first use and are those a check in one process finds."""
    from collections import Counter

    files = expand_paths([str(mixed)])
    rendered = list(check_many(files, Config(), jobs=2, render=formats.Renderer("json")))
    alone = list(check_many(files, Config(), jobs=1))
    packed = [r for r in rendered if isinstance(r.findings, batch._Findings)]
    assert packed and any(r.findings for r in packed)
    for r in packed:
        assert r.findings._items is None  # nothing built yet
        tally = formats.severity_code_counts(r.findings)
        assert r.findings._items is None and len(r.findings) == sum(tally.values())
    for r, one in zip(rendered, alone, strict=True):
        expected = Counter((f.severity.value, f.code) for f in one.findings)
        assert dict(formats.severity_code_counts(r.findings)) == dict(expected)
        assert formats.counts(r.findings) == formats.counts(one.findings)
        assert tuple(r.findings) == one.findings and r.findings == one.findings
        assert list(r.findings[:2]) == list(one.findings[:2])


def test_findings_not_kept_are_still_counted(mixed: Path) -> None:
    """`check_many(findings=False)`: a rendered file's findings are counted from the tally;
    reading the findings themselves is refused, not silently empty."""
    files = expand_paths([str(mixed)])
    counted = list(check_many(files, Config(), jobs=2, render=formats.Renderer("json"),
                              findings=False))
    alone = list(check_many(files, Config(), jobs=1))
    assert any(r.findings for r in counted)
    for r, one in zip(counted, alone, strict=True):
        assert formats.counts(r.findings) == formats.counts(one.findings)
        assert len(r.findings) == len(one.findings)
        if r.findings:
            with pytest.raises(RuntimeError):
                list(r.findings)


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_exit_code_and_rekap_do_not_depend_on_jobs(tmp_path: Path, fail_on: str) -> None:
    """The exit code (from the findings' severities) and the rekap (from the findings
    themselves) are the same whether the workers rendered the output or not."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        wrong_workbook(folder / f"{i}a_wrong.xlsx", capaian=80 + i)
        clean_workbook(folder / f"{i}b_clean.xlsx")
    outs = []
    for jobs in ("1", "2"):
        rekap = tmp_path / f"rekap{jobs}.csv"
        plain = run("check", "--format", "json", "--fail-on", fail_on, "-j", jobs, str(folder))
        with_rekap = run("check", "--format", "text", "--fail-on", fail_on, "-j", jobs,
                         "--report", str(rekap), str(folder))
        outs.append((plain[0], plain[1], with_rekap[0], with_rekap[1], rekap.read_bytes()))
    assert outs[0] == outs[1]
    summary = json.loads(outs[0][1])["summary"]
    ranked = ["info", "warning", "error"]
    failing = any(summary[s] for s in ranked[ranked.index(fail_on):])
    assert outs[0][0] == outs[0][2] == (1 if failing else 0)
    assert summary["warning"] or summary["error"]  # the wrong workbooks fail some threshold
