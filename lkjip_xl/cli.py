"""The `lkjip-xl` command line. The only module that prints or exits."""

from __future__ import annotations

import re
import sys
from pathlib import Path

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


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


@cli.command("check", help=t("cli.check.help"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "sarif"]),
              default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=t("cli.check.output"))
@click.option("--select", multiple=True, help=t("cli.check.select"))
@click.option("--ignore", multiple=True, help=t("cli.check.ignore"))
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help=t("cli.check.fail_on"))
@click.option("--exit-zero", is_flag=True, help=t("cli.check.exit_zero"))
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help=t("cli.check.jobs"))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("cli.check.config"))
@click.option("--scale", default=None, help=t("cli.check.scale"))
@click.option("--negative-formula", default=None, help=t("cli.check.negative_formula"))
@click.option("--tolerance", type=click.FloatRange(0), default=None,
              help=t("cli.check.tolerance"))
@click.option("--decimals", type=click.IntRange(0, 6), default=None,
              help=t("cli.check.decimals"))
@click.pass_context
def check_cmd(ctx: click.Context, paths: tuple[str, ...], fmt: str, output: Path | None,
              select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str, exit_zero: bool,
              jobs: int, config_path: Path | None, scale: str | None,
              negative_formula: str | None, tolerance: float | None,
              decimals: int | None) -> None:
    from .batch import check_many, expand_paths
    from .config import ConfigError, load_config
    from .rules import Severity
    from .writers import formats

    lang = _lang(ctx)
    try:
        config = load_config(config_path).merged(
            select=_split_codes(select), ignore=_split_codes(ignore), scale=scale,
            negative_formula=negative_formula, tolerance=tolerance, decimals=decimals)
    except ConfigError as exc:
        fail(ctx, "cli.bad_config", detail=str(exc))
        return
    files = expand_paths(paths)
    if not files:
        fail(ctx, "cli.no_files", paths=", ".join(paths))
    results = list(_with_progress(check_many(files, config, jobs=jobs), len(files), lang))
    render = {"text": formats.to_text, "json": formats.to_json, "csv": formats.to_csv,
              "sarif": formats.to_sarif}[fmt]
    if fmt == "text":
        text = formats.to_text(results, lang, color=output is None and sys.stdout.isatty())
    else:
        text = render(results, lang)
    if output is not None:
        from .writers.atomic import write_text_atomic

        write_text_atomic(output, text)
    else:
        click.echo(text)
        if fmt != "text":
            for r in results:
                if r.error is not None:
                    click.echo(f"{r.path}: {t(r.error.reason, lang, detail=r.error.detail)}",
                               err=True)
    if any(r.error is not None for r in results):
        ctx.exit(EXIT_ERROR)
    threshold = Severity(fail_on).rank
    failing = any(f.severity.rank >= threshold for r in results for f in r.findings)
    ctx.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _with_progress(results, total: int, lang: str):
    """A progress bar on a terminal for batches; silent otherwise."""
    if total < 2 or not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(), transient=True) as progress:
        task = progress.add_task(t("cli.check.progress", lang), total=total)
        for result in results:
            progress.advance(task)
            yield result


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
    """Console entry point: never a traceback unless --debug."""
    try:
        cli.main(prog_name="lkjip-xl", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
