"""The `lkjip-xl` command line. The only module that prints or exits."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .messages import DEFAULT_LANG, LANGS, t

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _lang(ctx: click.Context) -> str:
    obj = ctx.find_root().obj or {}
    return obj.get("lang", DEFAULT_LANG)


def fail(ctx: click.Context, key: str, **params: object) -> None:
    """Print one clear line to stderr and exit 2."""
    click.echo(f"lkjip-xl: {t(key, _lang(ctx), **params)}", err=True)
    ctx.exit(EXIT_ERROR)


@click.group(help=t("cli.help"), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="lkjip-xl")
@click.option("--lang", type=click.Choice(LANGS), default=None, envvar="LKJIP_XL_LANG",
              help=t("cli.lang"))
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks.")
@click.pass_context
def cli(ctx: click.Context, lang: str | None, debug: bool) -> None:
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang or DEFAULT_LANG
    ctx.obj["debug"] = debug


def _period(ctx: click.Context, value: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})\s*[-\u2013/]\s*(\d{4})\s*", value or "")
    if not m or int(m.group(1)) >= int(m.group(2)):
        fail(ctx, "cli.bad_period", value=value)
    assert m is not None
    return int(m.group(1)), int(m.group(2))


@cli.command("template", help=t("cli.template.help"))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("lkjip_template.xlsx"), show_default=True)
@click.option("--tahun", type=click.IntRange(1990, 2100), default=2019, show_default=True)
@click.option("--periode", default="2016-2021", show_default=True,
              help="Periode RPJMD/Renstra, e.g. 2016-2021.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.pass_context
def template_cmd(ctx: click.Context, output: Path, tahun: int, periode: str, force: bool) -> None:
    from .template import save_template

    start, end = _period(ctx, periode)
    if output.exists() and not force:
        fail(ctx, "cli.exists", path=output)
    path = save_template(output, tahun=tahun, periode_awal=start, periode_akhir=end)
    click.echo(t("cli.template.written", _lang(ctx), path=path))


@cli.command("quickstart", help=t("cli.quickstart.help"))
@click.argument("name")
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help=t("cli.quickstart.dir"))
@click.option("--tahun", type=click.IntRange(1990, 2100), default=2019, show_default=True)
@click.option("--periode", default="2016-2021", show_default=True,
              help="Periode RPJMD/Renstra, e.g. 2016-2021.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.pass_context
def quickstart_cmd(ctx: click.Context, name: str, directory: Path, tahun: int, periode: str,
                   force: bool) -> None:
    from .quickstart import QuickstartError, write_quickstart

    start, end = _period(ctx, periode)
    try:
        xlsm, py, version = write_quickstart(name, directory, force=force, tahun=tahun,
                                             periode_awal=start, periode_akhir=end)
    except QuickstartError as exc:
        fail(ctx, exc.key, **exc.params)
        return
    except FileExistsError as exc:
        fail(ctx, "cli.exists", path=exc.args[0])
        return
    click.echo(t("cli.quickstart.written", _lang(ctx), xlsm=xlsm, py=py, version=version,
                 xlsm_name=xlsm.name))


@cli.command("show", help=t("cli.show.help"))
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
def show_cmd(ctx: click.Context, path: Path) -> None:
    from .model import WorkbookError
    from .reading import read_report
    from .writers.show import render_report

    lang = _lang(ctx)
    try:
        report = read_report(path)
    except WorkbookError as exc:
        click.echo(f"{exc.path}: {t(exc.reason, lang, detail=exc.detail)}", err=True)
        ctx.exit(EXIT_ERROR)
        return
    click.echo(render_report(report, lang))


def settings_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options `check` and `fix` share: config file, rule selection, settings overrides,
    reading limits. They reach the command as keyword arguments for `_config_and_limits`."""
    options = (
        click.option("--config", "config_path", default=None, help=t("cli.check.config"),
                     type=click.Path(dir_okay=False, path_type=Path)),
        click.option("--select", multiple=True, help=t("cli.check.select")),
        click.option("--ignore", multiple=True, help=t("cli.check.ignore")),
        click.option("--scale", default=None, help=t("cli.check.scale")),
        click.option("--negative-formula", default=None,
                     help=t("cli.check.negative_formula")),
        click.option("--tolerance", type=click.FloatRange(0), default=None,
                     help=t("cli.check.tolerance")),
        click.option("--decimals", type=click.IntRange(0, 6), default=None,
                     help=t("cli.check.decimals")),
        click.option("--max-rows", type=click.IntRange(1), default=None,
                     help=t("cli.opt.max_rows")),
        click.option("--max-cells", type=click.IntRange(1), default=None,
                     help=t("cli.opt.max_cells")),
        click.option("--max-file-mb", type=click.FloatRange(0, min_open=True), default=None,
                     help=t("cli.opt.max_file_mb")),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _config_and_limits(ctx: click.Context, opts: dict[str, Any]) -> tuple[Any, Any]:
    """The config (file, then command line) and the reading limits; a bad value exits 2."""
    from .config import ConfigError, load_config

    try:
        config = load_config(opts["config_path"]).merged(
            select=_split_codes(opts["select"]), ignore=_split_codes(opts["ignore"]),
            scale=opts["scale"], negative_formula=opts["negative_formula"],
            tolerance=opts["tolerance"], decimals=opts["decimals"])
        limits = _limits(config, opts["max_rows"], opts["max_cells"], opts["max_file_mb"])
    except ConfigError as exc:
        fail(ctx, "cli.bad_config", detail=str(exc))
        raise AssertionError("unreachable") from exc  # fail() exits
    return config, limits


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


@cli.command("check", help=t("cli.check.help"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "sarif"]),
              default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=t("cli.check.output"))
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("cli.check.report"))
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help=t("cli.check.fail_on"))
@click.option("--exit-zero", is_flag=True, help=t("cli.check.exit_zero"))
@click.option("--jobs", "-j", type=click.IntRange(0, 256), default=0, show_default=True,
              help=t("cli.check.jobs_auto"))
@click.option("--timeout", type=click.FloatRange(0), default=60.0, show_default=True,
              help=t("cli.check.timeout"))
@settings_options
@click.pass_context
def check_cmd(ctx: click.Context, paths: tuple[str, ...], fmt: str, output: Path | None,
              report_path: Path | None, fail_on: str, exit_zero: bool, jobs: int,
              timeout: float, **settings: Any) -> None:
    """Results stream from the workers to the output (and the rekap) one file at a time."""
    import contextlib

    from .batch import check_many, default_jobs, expand_paths
    from .rules import Severity
    from .writers import formats

    lang = _lang(ctx)
    config, limits = _config_and_limits(ctx, settings)
    if report_path is not None and report_path.suffix.lower() not in (".xlsx", ".csv"):
        fail(ctx, "rekap.bad_suffix", path=report_path)
    files = expand_paths(paths)
    if not files:
        fail(ctx, "cli.no_files", paths=", ".join(paths))
    threshold = Severity(fail_on).rank
    progress = fmt == "text" and len(files) > 1 and sys.stderr.isatty()
    stdout = _Echo()
    unreadable = failing = False
    with contextlib.ExitStack() as stack:
        out = _check_output(stack, output, spool=progress, stdout=stdout)
        stream = formats.open_stream(fmt, out, lang,
                                     color=output is None and fmt == "text"
                                     and sys.stdout.isatty())
        rekap = None
        if report_path is not None:
            from .writers.rekap import open_rekap

            rekap = open_rekap(report_path, lang, config)
            stack.callback(_abort_unless_closed, rekap)
        results = check_many(files, config, limits, jobs=jobs or default_jobs(len(files)),
                             timeout=timeout or None, summarise=rekap is not None)
        for r in _with_progress(results, len(files), lang, progress):
            stream.add(r)
            if rekap is not None:
                rekap.add(r)
            if r.error is not None:
                unreadable = True
                if r.error.reason == "open.unreadable" and _debug(ctx):
                    from .engine import check_file

                    check_file(r.path, config, limits)  # the internal error, with its traceback
                if fmt != "text" and output is None:
                    click.echo(f"{r.path}: {t(r.error.reason, lang, detail=r.error.detail)}",
                               err=True)
            elif not failing:
                failing = any(f.severity.rank >= threshold for f in r.findings)
        stream.close()
        if rekap is not None:
            rekap.close()
            rekap = None
        if output is None:
            if out is not stdout:  # spooled while the progress bar was on screen
                out.seek(0)
                shutil.copyfileobj(out, stdout)
            stdout.write("\n")
            stdout.flush()
    if unreadable:
        ctx.exit(EXIT_ERROR)
    ctx.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


class _Echo:
    """Standard output as a file for the streams: click.echo, in chunks of 64 KB."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= 1 << 16:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            click.echo("".join(self.parts), nl=False)
            self.parts.clear()
            self.size = 0


def _check_output(stack, output: Path | None, spool: bool, stdout):
    """Where check's output goes: the -o file (written atomically), a spool file (while a
    progress bar is on the terminal), or standard output as it comes."""
    if output is not None:
        from .writers.atomic import open_atomic

        return stack.enter_context(open_atomic(output, encoding="utf-8"))
    if spool:
        import tempfile

        return stack.enter_context(tempfile.SpooledTemporaryFile(8 << 20, "w+",
                                                                 encoding="utf-8"))
    return stdout


def _abort_unless_closed(rekap) -> None:
    if not rekap.closed:
        rekap.abort()


def _with_progress(results, total: int, lang: str, enabled: bool = True):
    """A progress bar on the terminal (stderr) for batches; silent otherwise.

    Refreshed from this thread only (no refresh thread), so worker processes can be forked
    safely at any time.
    """
    if total < 2 or not enabled:
        yield from results
        return
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(), transient=True,
                  auto_refresh=False, console=Console(stderr=True),
                  redirect_stdout=False, redirect_stderr=False) as progress:
        task = progress.add_task(t("cli.check.progress", lang), total=total)
        progress.refresh()
        shown = time.monotonic()
        for result in results:
            progress.advance(task)
            now = time.monotonic()
            if now - shown >= 0.1:
                progress.refresh()
                shown = now
            yield result


@cli.command("fix", help=t("fix.help"))
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=t("fix.opt.output"))
@click.option("--unsafe-fixes", "unsafe", is_flag=True, help=t("fix.opt.unsafe"))
@click.option("--diff", is_flag=True, help=t("fix.opt.diff"))
@click.option("--in-place", is_flag=True, help=t("fix.opt.in_place"))
@click.option("--force", is_flag=True, help=t("fix.opt.force"))
@settings_options
@click.pass_context
def fix_cmd(ctx: click.Context, path: Path, output: Path | None, unsafe: bool, diff: bool,
            in_place: bool, force: bool, **settings: Any) -> None:
    """Exit 0 when written (or, with --diff, when nothing would change), 1 when --diff shows
    changes, 2 on bad input, a refusal or a failed write."""
    from .config import ConfigError
    from .fixing import BACKUP_SUFFIX, default_output, prepare_fix, write_fix
    from .model import WorkbookError
    from .writers.preserve import describe

    lang = _lang(ctx)
    out = output or (path if in_place else default_output(path))
    if not diff:
        if _same_file(out, path) and not in_place:
            fail(ctx, "fix.same_file", path=out)
        wanted = path.suffix.lower() if path.suffix.lower() in (".xlsx", ".xlsm", ".xltx",
                                                                ".xltm") else ".xlsx"
        if out.suffix.lower() != wanted:
            fail(ctx, "fix.bad_suffix", suffix=wanted, path=out)
    config, limits = _config_and_limits(ctx, settings)
    try:
        prepared = prepare_fix(path, config, unsafe=unsafe, limits=limits)
    except ConfigError as exc:
        fail(ctx, "cli.bad_config", detail=str(exc))
        return
    except WorkbookError as exc:
        click.echo(f"lkjip-xl: {exc.path}: {t(exc.reason, lang, detail=exc.detail)}", err=True)
        ctx.exit(EXIT_ERROR)
        return
    except Exception as exc:  # never a traceback for a workbook the reader chokes on
        if (ctx.find_root().obj or {}).get("debug"):
            raise
        detail = f"{type(exc).__name__}: {exc}"[:300]
        click.echo(f"lkjip-xl: {path}: {t('open.unreadable', lang, detail=detail)}", err=True)
        ctx.exit(EXIT_ERROR)
        return
    plan = prepared.plan
    if diff:
        for change in plan.changes:
            old = _diff_value(change.old, lang, change.old_percent_format)
            click.echo(f"{change.ref}: {old} -> {_diff_value(change.new, lang)}  ({change.code})")
        click.echo(t("fix.diff.count", lang, n=len(plan.changes)) if plan.changes
                   else t("fix.diff.none", lang))
        ctx.exit(EXIT_FINDINGS if plan.changes else EXIT_OK)
        return
    if prepared.blocking and not force:
        fail(ctx, "fix.drop.refuse", parts=describe(list(prepared.blocking), lang))
    cosmetic = [p for p in prepared.dropped if p.cosmetic]
    if cosmetic:
        click.echo(f"lkjip-xl: {t('fix.drop.note', lang, parts=describe(cosmetic, lang))}",
                   err=True)
    try:
        if _same_file(out, path):
            from datetime import datetime

            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.stem}{BACKUP_SUFFIX}{stamp}{path.suffix}")
            shutil.copy2(path, backup)
            click.echo(t("fix.backup", lang, path=backup))
        written = write_fix(prepared, out, lang)
    except WorkbookError as exc:  # openpyxl cannot load what calamine read
        click.echo(f"lkjip-xl: {exc.path}: {t(exc.reason, lang, detail=exc.detail)}", err=True)
        ctx.exit(EXIT_ERROR)
        return
    except Exception as exc:  # a failed save must be one clear line, never a traceback
        if (ctx.find_root().obj or {}).get("debug"):
            raise
        fail(ctx, "fix.write_failed", path=out, detail=f"{type(exc).__name__}: {exc}"[:300])
        return
    click.echo(t("fix.written", lang, path=written))
    actions = prepared.actions
    line = t("fix.counts", lang, corrected=actions["corrected"], filled=actions["filled"],
             converted=actions["converted"], review=actions["review"],
             findings=len(prepared.findings))
    if plan.unsafe_skipped:
        line += " " + t("fix.unsafe_skipped_line", lang, n=plan.unsafe_skipped)
    click.echo(line)


def _debug(ctx: click.Context) -> bool:
    return bool((ctx.find_root().obj or {}).get("debug"))


def _limits(config, max_rows: int | None, max_cells: int | None, max_file_mb: float | None):
    """The reading limits: defaults, then the config's [limits], then the command line."""
    from .reading.limits import MB, limits_from_dict

    return limits_from_dict(config.limits).replace(
        max_rows=max_rows, max_cells=max_cells,
        max_file_bytes=int(max_file_mb * MB) if max_file_mb else None)


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _diff_value(value: object, lang: str, percent_format: bool = False) -> str:
    """A value for `fix --diff`: numbers as 95.12, text in double quotes, '(blank)'."""
    import json

    from .formulas import fmt

    if value is None:
        return f"({t('fix.blank', lang)})"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{fmt(round(float(value) * 100, 10))}%" if percent_format else fmt(float(value))
    return json.dumps(str(value), ensure_ascii=False)


@cli.command("rules", help=t("cli.rules.help"))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def rules_cmd(ctx: click.Context, fmt: str) -> None:
    import json

    from .rules import all_rules

    lang = _lang(ctx)
    rules = all_rules()
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.value,
                                "family": r.family, "summary": t(f"rule.{r.code}.summary", lang)
                                if f"rule.{r.code}.summary" in _catalogue() else r.summary,
                                "doc": r.doc.strip(), "options": dict(r.options)}
                               for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        key = f"rule.{r.code}.summary"
        summary = t(key, lang) if key in _catalogue() else r.summary
        click.echo(f"{r.code:<8} {r.severity.value:<8} {r.name:<32} {summary}")


def _catalogue() -> dict:
    from .messages import MESSAGES

    return MESSAGES


def main() -> None:
    """Console entry point: never a traceback unless --debug.

    A file the system will not let us read or write (a missing folder, no permission, a full
    disk) ends any command with one line naming it, exit 2; outputs are atomic, so nothing
    half-written is left behind.
    """
    try:
        cli.main(prog_name="lkjip-xl", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:
        if "--debug" in sys.argv[1:]:
            raise
        lang = _lang_from_argv(sys.argv[1:])
        where = exc.filename or ""
        reason = exc.strerror or type(exc).__name__
        click.echo(f"lkjip-xl: {t('cli.os_error', lang, path=where, reason=reason)}", err=True)
        sys.exit(EXIT_ERROR)


def _lang_from_argv(args: list[str]) -> str:
    """The --lang given on the command line (for a message after click has finished)."""
    import os

    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in LANGS:
            return args[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    env = os.environ.get("LKJIP_XL_LANG", "")
    return env if env in LANGS else DEFAULT_LANG
