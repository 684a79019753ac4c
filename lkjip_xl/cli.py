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


def main() -> None:
    """Console entry point: never a traceback unless --debug."""
    try:
        cli.main(prog_name="lkjip-xl", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
