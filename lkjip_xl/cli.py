"""The `lkjip-xl` command line. The only module that prints or exits."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import click

from . import __version__
from .messages import DEFAULT_LANG, LANGS, t

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LANG_ENV = "LKJIP_XL_LANG"

# The language of the command being run, known before click parses anything (so that click's
# own errors and help are in it too); None outside `cli.main`.
_RUN_LANG: ContextVar[str | None] = ContextVar("lkjip_xl_lang", default=None)


def _lang(ctx: click.Context | None = None) -> str:
    if ctx is not None:
        lang = (ctx.find_root().obj or {}).get("lang")
        if lang:
            return lang
    return _RUN_LANG.get() or DEFAULT_LANG


# --- click in the user's language -----------------------------------------------------------
# click builds its messages with gettext (`_` and `ngettext` in each of its modules): they
# are routed through the catalogue while an lkjip-xl command runs, keeping click's
# placeholders ({name!r}, {possibility}, ...) and so its "did you mean" suggestions.
CLICK_TEXTS = {
    "Usage:": "cli.click.usage",
    "Options": "cli.click.options",
    "Commands": "cli.click.commands",
    "Positional arguments": "cli.click.arguments",
    "Show this message and exit.": "cli.click.help_option",
    "Show the version and exit.": "cli.click.version_option",
    "%(prog)s, version %(version)s": "cli.click.version",
    "default: {default}": "cli.click.default",
    "env var: {var}": "cli.click.env",
    "required": "cli.click.required",
    "Error: {message}": "cli.click.error",
    "Try '{command} {option}' for help.": "cli.click.try_help",
    "No such option {name!r}.": "cli.click.no_such_option",
    "No such command {name!r}.": "cli.click.no_such_command",
    "Did you mean {possibility}?": "cli.click.did_you_mean",
    "(Did you mean one of: {possibilities}?)": "cli.click.did_you_mean_many",
    "Missing argument": "cli.click.missing_argument",
    "Missing option": "cli.click.missing_option",
    "Missing parameter": "cli.click.missing_parameter",
    "Missing {param_type}": "cli.click.missing_param_type",
    "Missing command.": "cli.click.missing_command",
    "Invalid value: {message}": "cli.click.invalid_value",
    "Invalid value for {param_hint}: {message}": "cli.click.invalid_value_for",
    "Got unexpected extra argument ({args})": "cli.click.extra_argument",
    "Got unexpected extra arguments ({args})": "cli.click.extra_arguments",
    "Option {name!r} requires an argument.": "cli.click.requires_argument",
    "Option {name!r} requires {nargs} arguments.": "cli.click.requires_arguments",
    "Option {name!r} does not take a value.": "cli.click.no_value",
    "{value!r} is not {choice}.": "cli.click.not_choice",
    "{value!r} is not one of {choices}.": "cli.click.not_choices",
    "{value!r} is not a valid {number_type}.": "cli.click.not_number",
    "{value} is not in the range {range}.": "cli.click.not_in_range",
    "{value!r} is not a valid boolean. Recognized values: {states}": "cli.click.not_bool",
    "file": "cli.click.file",
    "directory": "cli.click.directory",
    "path": "cli.click.path",
    "{name} {filename!r} does not exist.": "cli.click.not_exist",
    "{name} {filename!r} is a file.": "cli.click.is_file",
    "{name} {filename!r} is a directory.": "cli.click.is_dir",
    "Aborted!": "cli.click.aborted",
}
_NUMBER_TYPES = {"integer": "cli.click.integer", "integer range": "cli.click.integer",
                 "float": "cli.click.float", "float range": "cli.click.float"}


class _ClickTemplate(str):
    """A translated click template that also translates the number type click fills in
    ("'x' is not a valid integer range.")."""

    lang: str

    def format(self, *args: Any, **kw: Any) -> str:
        kind = kw.get("number_type")
        if isinstance(kind, str) and kind in _NUMBER_TYPES:
            kw["number_type"] = t(_NUMBER_TYPES[kind], self.lang)
        return str.format(self, *args, **kw)


def _click_gettext(message: str) -> str:
    lang = _RUN_LANG.get()
    key = CLICK_TEXTS.get(message)
    if not (lang and key):
        return message
    text = _ClickTemplate(t(key, lang))
    text.lang = lang
    return text


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return _click_gettext(singular if n == 1 else plural)


def _route_click_messages() -> None:
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting,
                   click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


_route_click_messages()


def lang_from_args(args: Sequence[str], environ: Any = None) -> tuple[list[str], str | None]:
    """`args` with every `--lang X` / `--lang=X` moved to the front (where the group's option
    takes it, so it works before or after the subcommand), and the language they, or
    LKJIP_XL_LANG, ask for (None when neither names a known one)."""
    environ = os.environ if environ is None else environ
    moved: list[str] = []
    rest: list[str] = []
    lang = None
    items = list(args)
    i = 0
    while i < len(items):
        arg = items[i]
        if arg == "--":
            rest.extend(items[i:])
            break
        if arg == "--lang":
            if i + 1 == len(items):  # no value: left for click to say so
                rest.append(arg)
                break
            moved.extend(items[i:i + 2])
            lang = items[i + 1]
            i += 2
            continue
        if arg.startswith("--lang="):
            moved.append(arg)
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    if lang not in LANGS:
        env = environ.get(LANG_ENV, "")
        lang = lang if lang in LANGS else (env if env in LANGS else None)
    return moved + rest, lang


class _Help(str):
    """A help text that remembers its catalogue key, re-rendered in the run's language."""

    key: str

    def __new__(cls, key: str, lang: str = DEFAULT_LANG) -> _Help:
        text = super().__new__(cls, t(key, lang))
        text.key = key
        return text


_HELP_KEYS: dict[str, str] = {}  # help text as click keeps it -> its catalogue key


def _h(key: str) -> _Help:
    """A help text for a decorator; click keeps a cleaned copy (losing `key`), so the text
    is indexed to find its key again at rendering time."""
    import inspect

    text = _Help(key)
    _HELP_KEYS[inspect.cleandoc(text)] = key
    return text


def _localise(command: click.Command, ctx: click.Context) -> None:
    """Put `command`'s help, its options' help and click's help option in the run's
    language."""
    lang = _lang(ctx)
    for item in (command, *command.params):
        text = getattr(item, "help", None)
        if not isinstance(text, str):
            continue
        key = getattr(item, "help_key", None) or getattr(text, "key", None) \
            or _HELP_KEYS.get(text)
        if key:
            item.help_key = key  # type: ignore[union-attr]
            item.help = _Help(key, lang)  # type: ignore[union-attr]
    option = command.get_help_option(ctx)
    if option is not None:
        option.help = t("cli.click.help_option", lang)
    _localise_metavars(command, ctx)


# click's metavars (type names, argument names) in Indonesian.
METAVARS_ID = {"TEXT": "TEKS", "INTEGER": "BILANGAN", "FLOAT": "ANGKA", "RANGE": "",
               "FILE": "BERKAS", "DIRECTORY": "FOLDER", "PATH": "BERKAS", "PATHS": "BERKAS",
               "NAME": "NAMA", "CODE": "KODE"}


def _localise_metavars(command: click.Command, ctx: click.Context) -> None:
    """Each parameter's metavar (INTEGER RANGE, FILE, PATHS...) in the run's language."""
    lang = _lang(ctx)
    for param in command.params:
        if not getattr(param, "metavar_auto", True):
            continue  # a metavar given in the code
        if not hasattr(param, "metavar_auto"):
            param.metavar_auto = param.metavar is None  # type: ignore[attr-defined]
            if not param.metavar_auto:  # type: ignore[attr-defined]
                continue
        param.metavar = None
        if lang != "id":
            continue
        english = param.make_metavar(ctx)
        param.metavar = re.sub(r"[A-Z]+", lambda m: METAVARS_ID.get(m.group(0), m.group(0)),
                               english).replace(" ]", "]").replace("  ", " ").strip()


class _LocalisedUsage:
    """The usage line's [OPTIONS], COMMAND [ARGS]... and metavars in the run's language (also
    in the usage line of an error)."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        lang = _lang(ctx)
        _localise_metavars(self, ctx)  # type: ignore[arg-type]
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        names = {"[OPTIONS]": "cli.click.options_metavar",
                 "COMMAND [ARGS]...": "cli.click.command_metavar"}
        return [t(names[p], lang) if p in names else p for p in pieces]


class _VersionMessage(str):
    """click's version line, translated when it is printed (`message % values`)."""

    def __mod__(self, values: Any) -> str:
        return t("cli.click.version", _lang()) % values


class LocalisedCommand(_LocalisedUsage, click.Command):
    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _localise(self, ctx)
        super().format_help(ctx, formatter)


class LocalisedGroup(_LocalisedUsage, click.Group):
    """The `lkjip-xl` group: --lang anywhere on the line or from LKJIP_XL_LANG, click's own
    texts in that language, and a file that cannot be written ending with one line (exit 2)."""

    command_class = LocalisedCommand

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Every subcommand also knows --lang (hidden): `check x --lang` without a value says
        that --lang needs one; with a value, `main` has moved it before the subcommand."""
        if not any(p.name == "lang_again" for p in cmd.params):
            cmd.params.append(click.Option(["--lang", "lang_again"], type=click.Choice(LANGS),
                                           hidden=True, expose_value=False))
        super().add_command(cmd, name)

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        args, lang = lang_from_args(sys.argv[1:] if args is None else args)
        token = _RUN_LANG.set(lang or DEFAULT_LANG)
        try:
            return super().main(args, *a, **kw)
        finally:
            _RUN_LANG.reset(token)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _localise(self, ctx)
        for command in self.commands.values():
            _localise(command, ctx)
        super().format_help(ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if _debug(ctx) or isinstance(exc, BrokenPipeError):
                raise
            click.echo(f"lkjip-xl: {os_error_message(exc, _lang(ctx))}", err=True)
            ctx.exit(EXIT_ERROR)


def os_error_message(exc: OSError, lang: str, target: object = None) -> str:
    """One sentence for a file the system would not let us read or write: an output open in
    Excel or read-only says to close it; never a temporary file's name or an errno."""
    from .writers.atomic import OutputExistsError, is_locked

    where = target if target is not None else (exc.filename or "")
    if isinstance(exc, OutputExistsError):
        return t("cli.exists", lang, path=exc.path)
    if is_locked(exc):
        return t("cli.locked", lang, path=where)
    reason = exc.strerror or type(exc).__name__
    return t("cli.os_error", lang, path=where, reason=reason)


def fail(ctx: click.Context, key: str, **params: object) -> None:
    """Print one clear line to stderr and exit 2."""
    click.echo(f"lkjip-xl: {t(key, _lang(ctx), **params)}", err=True)
    ctx.exit(EXIT_ERROR)


@click.group(cls=LocalisedGroup, help=_h("cli.help"),
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="lkjip-xl",
                      help=_h("cli.version"), message=_VersionMessage("%(prog)s, %(version)s"))
@click.option("--lang", type=click.Choice(LANGS), default=None, envvar=LANG_ENV,
              help=_h("cli.lang"))
@click.option("--debug", is_flag=True, hidden=True)
@click.pass_context
def cli(ctx: click.Context, lang: str | None, debug: bool) -> None:
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang or _RUN_LANG.get() or DEFAULT_LANG
    ctx.obj["debug"] = debug
    _RUN_LANG.set(ctx.obj["lang"])


def _period(ctx: click.Context, value: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})\s*[-\u2013/]\s*(\d{4})\s*", value or "")
    if not m or int(m.group(1)) >= int(m.group(2)):
        fail(ctx, "cli.bad_period", value=value)
    assert m is not None
    return int(m.group(1)), int(m.group(2))


def default_period(tahun: int) -> tuple[int, int]:
    """The five-year RPJMD period (2016-2021, 2021-2026, ...) a report year belongs to: a
    year that ends one period is reported in it (2021 -> 2016-2021)."""
    start = 2016 + 5 * ((tahun - 2017) // 5)
    return start, start + 5


def _year_and_period(ctx: click.Context, tahun: int | None, periode: str | None
                     ) -> tuple[int, int, int, str]:
    """--tahun (default: this year) and --periode (default: the period holding it), and the
    line saying what was assumed ('' when both were given), to print once written."""
    from datetime import date

    year = tahun if tahun is not None else date.today().year
    start, end = _period(ctx, periode) if periode else default_period(year)
    assumed = t("cli.template.assumed", _lang(ctx), tahun=year, start=start, end=end) \
        if tahun is None or periode is None else ""
    return year, start, end, assumed


@cli.command("template", help=_h("cli.template.help"))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("lkjip_template.xlsx"), show_default=True,
              help=_h("cli.template.output"))
@click.option("--tahun", type=click.IntRange(1990, 2100), default=None,
              help=_h("cli.template.tahun"))
@click.option("--periode", default=None, help=_h("cli.template.periode"))
@click.option("--force", is_flag=True, help=_h("cli.template.force"))
@click.pass_context
def template_cmd(ctx: click.Context, output: Path, tahun: int | None, periode: str | None,
                 force: bool) -> None:
    from .template import save_template
    from .writers.atomic import refuse_existing

    year, start, end, assumed = _year_and_period(ctx, tahun, periode)
    refuse_existing(output, force=force)
    path = save_template(output, tahun=year, periode_awal=start, periode_akhir=end)
    click.echo(t("cli.template.written", _lang(ctx), path=path))
    if assumed:
        click.echo(assumed)


@cli.command("quickstart", help=_h("cli.quickstart.help"))
@click.argument("name")
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help=_h("cli.quickstart.dir"))
@click.option("--tahun", type=click.IntRange(1990, 2100), default=None,
              help=_h("cli.template.tahun"))
@click.option("--periode", default=None, help=_h("cli.template.periode"))
@click.option("--force", is_flag=True, help=_h("cli.quickstart.force"))
@click.pass_context
def quickstart_cmd(ctx: click.Context, name: str, directory: Path, tahun: int | None,
                   periode: str | None, force: bool) -> None:
    from .quickstart import QuickstartError, write_quickstart

    year, start, end, assumed = _year_and_period(ctx, tahun, periode)
    try:
        xlsm, py, version = write_quickstart(name, directory, force=force, tahun=year,
                                             periode_awal=start, periode_akhir=end)
    except QuickstartError as exc:
        fail(ctx, exc.key, **exc.params)
        return
    click.echo(t("cli.quickstart.written", _lang(ctx), xlsm=xlsm, py=py, version=version,
                 xlsm_name=xlsm.name))
    if assumed:
        click.echo(assumed)


@cli.command("show", help=_h("cli.show.help"))
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
    from .reading.opening import extension_mismatch

    if (real := extension_mismatch(path)) is not None:
        warning = t("cli.wrong_extension", lang, path=path, real=real,
                    stated=path.suffix or "-")
        click.echo(f"lkjip-xl: {warning}", err=True)
    click.echo(render_report(report, lang))


def settings_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options `check` and `fix` share: config file, rule selection, settings overrides,
    reading limits. They reach the command as keyword arguments for `_config_and_limits`."""
    options = (
        click.option("--config", "config_path", default=None, help=_h("cli.check.config"),
                     type=click.Path(dir_okay=False, path_type=Path)),
        click.option("--select", multiple=True, help=_h("cli.check.select")),
        click.option("--ignore", multiple=True, help=_h("cli.check.ignore")),
        click.option("--scale", default=None, help=_h("cli.check.scale")),
        click.option("--negative-formula", default=None,
                     help=_h("cli.check.negative_formula")),
        click.option("--preset", default=None, help=_h("cli.check.preset")),
        click.option("--cap", default=None, help=_h("cli.check.cap")),
        click.option("--range-target", default=None, help=_h("cli.check.range_target")),
        click.option("--efficiency", default=None, help=_h("cli.check.efficiency")),
        click.option("--tolerance", type=click.FloatRange(0), default=None,
                     help=_h("cli.check.tolerance")),
        click.option("--decimals", type=click.IntRange(0, 6), default=None,
                     help=_h("cli.check.decimals")),
        click.option("--max-rows", type=click.IntRange(1), default=None,
                     help=_h("cli.opt.max_rows")),
        click.option("--max-cells", type=click.IntRange(1), default=None,
                     help=_h("cli.opt.max_cells")),
        click.option("--max-file-mb", type=click.FloatRange(0, min_open=True), default=None,
                     help=_h("cli.opt.max_file_mb")),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _config_and_limits(ctx: click.Context, opts: dict[str, Any]) -> tuple[Any, Any]:
    """The config (file, then command line) and the reading limits; a bad value, an unknown
    rule code or a selection that leaves no rule exits 2."""
    from .config import ConfigError, NoRulesError, UnknownCodeError, check_codes, load_config

    try:
        select, ignore = _split_codes(opts["select"]), _split_codes(opts["ignore"])
        check_codes(select, "--select")
        check_codes(ignore, "--ignore")
        config = load_config(opts["config_path"]).merged(
            select=select, ignore=ignore,
            scale=opts["scale"], negative_formula=opts["negative_formula"],
            preset=opts["preset"], cap=opts["cap"], range_target=opts["range_target"],
            efficiency=opts["efficiency"],
            tolerance=opts["tolerance"], decimals=opts["decimals"])
        config.validate()
        config.check_conventions()
        limits = _limits(config, opts["max_rows"], opts["max_cells"], opts["max_file_mb"])
    except UnknownCodeError as exc:
        _unknown_code(ctx, "cli.unknown_code", exc.code, exc.suggestions, where=exc.where)
        raise AssertionError("unreachable") from exc
    except NoRulesError as exc:
        fail(ctx, "cli.no_rules", detail=str(exc))
        raise AssertionError("unreachable") from exc
    except ConfigError as exc:
        fail(ctx, "cli.bad_config", detail=str(exc))
        raise AssertionError("unreachable") from exc  # fail() exits
    return config, limits


def _unknown_code(ctx: click.Context, key: str, code: str, suggestions: Sequence[str],
                  **params: object) -> None:
    lang = _lang(ctx)
    hint = t("cli.unknown_code.hint", lang, suggestions=", ".join(suggestions)) \
        if suggestions else ""
    fail(ctx, key, code=code, hint=hint, **params)


def _config_line(config: Any, lang: str) -> str:
    """Which config file is in force (one found in a parent folder changes results)."""
    return t("cli.config_file", lang, path=config.source) if config.source \
        else t("cli.config_none", lang)


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


@cli.command("check", help=_h("cli.check.help"))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "sarif"]),
              default="text", show_default=True, help=_h("cli.check.format"))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=_h("cli.check.output"))
@click.option("--force", is_flag=True, help=_h("cli.check.force"))
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=_h("cli.check.report"))
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help=_h("cli.check.fail_on"))
@click.option("--exit-zero", is_flag=True, help=_h("cli.check.exit_zero"))
@click.option("--jobs", "-j", type=click.IntRange(0, 256), default=0, show_default=True,
              help=_h("cli.check.jobs_auto"))
@click.option("--timeout", type=click.FloatRange(0), default=60.0, show_default=True,
              help=_h("cli.check.timeout"))
@click.option("--show-info", "-v", "show_info", is_flag=True, help=_h("cli.check.show_info"))
@click.option("--previous", "previous", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=_h("cli.check.previous"))
@click.option("--no-pair", "no_pair", is_flag=True, help=_h("cli.check.no_pair"))
@settings_options
@click.pass_context
def check_cmd(ctx: click.Context, paths: tuple[str, ...], fmt: str, output: Path | None,
              force: bool, report_path: Path | None, fail_on: str, exit_zero: bool, jobs: int,
              timeout: float, show_info: bool, previous: Path | None, no_pair: bool,
              **settings: Any) -> None:
    """Results stream from the workers to the output (and the rekap) one file at a time.

    With `--previous`, the one file is also compared with last year's report; with several
    files (a folder), files are paired by agency and year (`pairing.pair_files`) unless
    `--no-pair`."""
    import contextlib

    from .batch import SEARCHED_SUFFIXES, check_many, default_jobs, expand_paths
    from .reading.opening import extension_mismatch
    from .rules import Severity
    from .writers import formats
    from .writers.atomic import refuse_existing

    lang = _lang(ctx)
    config, limits = _config_and_limits(ctx, settings)
    if report_path is not None and report_path.suffix.lower() not in (".xlsx", ".csv"):
        fail(ctx, "rekap.bad_suffix", path=report_path)
    files = expand_paths(paths)
    if not files:
        fail(ctx, "cli.no_files", paths=", ".join(paths), types=", ".join(SEARCHED_SUFFIXES))
    outputs = [output] if output is not None else []
    if report_path is not None:
        from .writers.rekap import rekap_paths

        outputs.extend(rekap_paths(report_path))
    if previous is not None:
        if len(files) != 1:
            fail(ctx, "prv.previous_needs_one", n=len(files))
        if _same_file(previous, files[0]):
            fail(ctx, "prv.previous_is_input", path=previous)
    for written in outputs:  # never the report over a workbook it reads, even with --force
        if any(_same_file(written, f) for f in (*files, *([previous] if previous else []))):
            fail(ctx, "cli.output_is_input", path=written)
    refuse_existing(*outputs, force=force)
    jobs = jobs or default_jobs(len(files))
    pairs = _pairs(files, previous, no_pair, limits, jobs)
    threshold = Severity(fail_on).rank
    progress = fmt == "text" and len(files) > 1 and sys.stderr.isatty()
    stdout = _Echo()
    unreadable = failing = False
    with contextlib.ExitStack() as stack:
        out = _check_output(stack, output, spool=progress, stdout=stdout,
                            bom=fmt == "csv")
        if fmt == "text":  # the header; JSON and SARIF carry it in the document
            out.write(_config_line(config, lang) + "\n")
        stream = formats.open_stream(fmt, out, lang,
                                     color=output is None and fmt == "text"
                                     and sys.stdout.isatty(), show_info=show_info,
                                     config=config.source or None, paired=bool(pairs))
        rekap = None
        if report_path is not None:
            from .writers.rekap import open_rekap

            rekap = open_rekap(report_path, lang, config)
            stack.callback(_abort_unless_closed, rekap)
        # Several workers render their files' output (messages, JSON) themselves, so that
        # this process, which receives and writes everything, does not hold them up; one
        # worker leaves it here, where it runs while the worker checks the next file.
        results = check_many(files, config, limits, jobs=jobs,
                             timeout=timeout or None, summarise=rekap is not None,
                             pairs=pairs, render=stream.renderer() if jobs > 1 else None,
                             findings=rekap is not None)  # else only counted
        for r in _with_progress(results, len(files), lang, progress):
            if r.error is None and (real := extension_mismatch(r.path)):
                warning = t("cli.wrong_extension", lang, path=r.path, real=real,
                            stated=r.path.suffix or "-")
                click.echo(f"lkjip-xl: {warning}", err=True)
            stream.add(r)
            if rekap is not None:
                rekap.add(r)
            if r.previous_error is not None:
                if previous is not None:  # the comparison asked for did not happen
                    unreadable = True
                if fmt != "text" or output is not None:
                    from .writers.formats import pairing_line

                    click.echo(f"lkjip-xl: {r.path}: {pairing_line(r, lang)}", err=True)
            if r.error is not None:
                unreadable = True
                if r.error.reason == "open.unreadable" and _debug(ctx):
                    from .engine import check_file

                    check_file(r.path, config, limits)  # the internal error, with its traceback
                if fmt != "text" and output is None:
                    click.echo(f"{r.path}: {t(r.error.reason, lang, detail=r.error.detail)}",
                               err=True)
            elif not failing:
                failing = any(Severity(severity).rank >= threshold
                              for severity, _ in formats.severity_code_counts(r.findings))
        stream.close()
        if rekap is not None:
            rekap.close()
            rekap = None
        if output is None:
            if out is not stdout:  # spooled while the progress bar was on screen
                import shutil

                out.seek(0)
                shutil.copyfileobj(out, stdout)
            stdout.write("\n")
            stdout.flush()
    for written in (output, report_path):
        if written is not None:
            click.echo(t("cli.written", lang, path=written), err=True)
    if unreadable:
        ctx.exit(EXIT_ERROR)
    ctx.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _pairs(files: list[Path], previous: Path | None, no_pair: bool, limits: Any,
           jobs: int = 1) -> dict[Path, Any]:
    """Which file is compared with which earlier report: the `--previous` given, else, for
    several files and unless `--no-pair`, the pairs their Identitas sheets make (read by
    `jobs` processes)."""
    if previous is None and (no_pair or len(files) < 2):
        return {}
    from .pairing import Pairing, pair_files

    if previous is not None:
        return {files[0]: Pairing(previous)}
    return pair_files(files, limits, jobs)


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


def _check_output(stack, output: Path | None, spool: bool, stdout, bom: bool = False):
    """Where check's output goes: the -o file (written atomically; a CSV file starts with the
    UTF-8 BOM Excel needs, like rekap.csv), a spool file (while a progress bar is on the
    terminal), or standard output as it comes (no BOM: a pipe is not Excel)."""
    if output is not None:
        from .writers.atomic import open_atomic

        return stack.enter_context(open_atomic(output, encoding="utf-8-sig" if bom
                                               else "utf-8"))
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


@cli.command("fix", help=_h("fix.help"))
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=_h("fix.opt.output"))
@click.option("--unsafe-fixes", "unsafe", is_flag=True, help=_h("fix.opt.unsafe"))
@click.option("--diff", is_flag=True, help=_h("fix.opt.diff"))
@click.option("--in-place", is_flag=True, help=_h("fix.opt.in_place"))
@click.option("--force", is_flag=True, help=_h("fix.opt.force"))
@settings_options
@click.pass_context
def fix_cmd(ctx: click.Context, path: Path, output: Path | None, unsafe: bool, diff: bool,
            in_place: bool, force: bool, **settings: Any) -> None:
    """Exit 0 when written (or, with --diff, when nothing would change), 1 when --diff shows
    changes, 2 on bad input, a refusal or a failed write."""
    _without_cycle_collector(ctx)
    from .config import ConfigError
    from .fixing import BACKUP_SUFFIX, default_output, prepare_fix, write_fix
    from .model import WorkbookError
    from .writers.atomic import copy_to_backup, is_locked, refuse_existing
    from .writers.preserve import describe, may_hold_pictures

    lang = _lang(ctx)
    from .reading.opening import extension_mismatch

    if (real := extension_mismatch(path)) is not None:  # check reads it; fix cannot write it
        fail(ctx, "fix.wrong_extension", path=path, real=real, stated=path.suffix or "-",
             suggestion=path.with_suffix(real).name)
    out = output or (path if in_place else default_output(path))
    if not diff:
        if _same_file(out, path) and not in_place:
            fail(ctx, "fix.same_file", path=out)
        wanted = path.suffix.lower() if path.suffix.lower() in (".xlsx", ".xlsm", ".xltx",
                                                                ".xltm") else ".xlsx"
        if out.suffix.lower() != wanted:
            fail(ctx, "fix.bad_suffix", suffix=wanted, path=out)
        if not in_place:
            refuse_existing(out, force=force)
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
    if not diff:  # --diff writes nothing: it may show that nothing would change
        _refuse_unless_lkjip(ctx, prepared.report, path)
        if ENDS_PROCESS and not may_hold_pictures(path):  # no picture: no Pillow to load
            from .optional_imports import without_pillow

            without_pillow()
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
    if prepared.blocking:  # written with --force: say what was not kept
        click.echo(f"lkjip-xl: "
                   f"{t('fix.drop.forced', lang, parts=describe(list(prepared.blocking), lang))}",
                   err=True)
    companion = _macro_companion(ctx, path, out, force)
    try:
        if _same_file(out, path):
            from datetime import datetime

            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = copy_to_backup(path, BACKUP_SUFFIX, stamp)  # never replaces a file
            click.echo(t("fix.backup", lang, path=backup))
        written = write_fix(prepared, out, lang)
        if companion is not None:
            from .writers.atomic import write_text_atomic

            write_text_atomic(companion[0], companion[1])
    except WorkbookError as exc:  # openpyxl cannot load what calamine read
        click.echo(f"lkjip-xl: {exc.path}: {t(exc.reason, lang, detail=exc.detail)}", err=True)
        ctx.exit(EXIT_ERROR)
        return
    except Exception as exc:  # a failed save must be one clear line, never a traceback
        if (ctx.find_root().obj or {}).get("debug"):
            raise
        if isinstance(exc, OSError) and (is_locked(exc) or isinstance(exc, FileExistsError)):
            # open in Excel, read-only, a backup name taken: one sentence, no errno
            click.echo(f"lkjip-xl: {os_error_message(exc, lang, exc.filename or out)}",
                       err=True)
            ctx.exit(EXIT_ERROR)
        fail(ctx, "fix.write_failed", path=out, detail=f"{type(exc).__name__}: {exc}"[:300])
        return
    click.echo(t("fix.written", lang, path=written))
    if companion is not None:
        click.echo(t("fix.macro_module", lang, path=companion[0]))
    actions = prepared.actions
    line = t("fix.counts", lang, corrected=actions["corrected"], filled=actions["filled"],
             converted=actions["converted"], review=actions["review"],
             findings=len(prepared.findings))
    if plan.unsafe_skipped:
        line += " " + t("fix.unsafe_skipped_line", lang, n=plan.unsafe_skipped)
    click.echo(line)
    click.echo(_config_line(config, lang))  # the corrections depend on it


def _without_cycle_collector(ctx: click.Context) -> None:
    """Pause Python's cyclic garbage collector until the command's context closes. `fix`
    of one workbook allocates a few hundred thousand objects (openpyxl's load, the
    corrected sheets) and frees almost all by reference counting: the collector's ~170
    passes freed about 540 objects and cost about 30 ms on the seed example (6 %), and the
    peak memory is the same without them (52 MB on the seed and on a 300-kegiatan
    workbook).
    Re-enabled when the command ends, also for a caller running `cli.main` in-process."""
    import gc

    if gc.isenabled():
        gc.disable()
        ctx.call_on_close(_resume_cycle_collector)


# Set by `lkjip_xl.__main__.run()`: the process ends right after the command.
ENDS_PROCESS = False


def _resume_cycle_collector() -> None:
    """Turn the collector back on. In the program (`ENDS_PROCESS`), whose end is next, what
    the command allocated first moves to the permanent generation (as `__main__` does at
    exit): otherwise the first pass after re-enabling traces all of it (about 25,000
    objects, 18 ms after `fix` of the seed) to free nothing that matters to a process about
    to end. An in-process caller of `cli.main` gets the collector back untouched."""
    import gc

    if ENDS_PROCESS:
        gc.freeze()
    gc.enable()


def _refuse_unless_lkjip(ctx: click.Context, report: Any, path: Path) -> None:
    """Refuse (exit 2) a workbook that is not an LKjIP, or has no data yet, as the Excel
    button does (`excel.run_on_book`): nothing is written."""
    from .schema import INPUT_SHEETS

    if not report.sheet_names:
        found = _sheet_list(path)
        fail(ctx, "fix.not_lkjip", expected=", ".join(INPUT_SHEETS), found=found)
    if not (report.indicators or report.pk_rows or report.measurements or report.budget_rows):
        fail(ctx, "fix.no_data")


def _sheet_list(path: Path) -> str:
    """The workbook's sheet names, for a refusal's message ('-' when none can be read)."""
    try:
        from openpyxl.reader.excel import load_workbook

        wb = load_workbook(path, read_only=True)
        try:
            names = list(wb.sheetnames)
        finally:
            wb.close()
    except Exception:
        return "-"
    shown = ", ".join(names[:12])
    return shown + (", ..." if len(names) > 12 else "") if names else "-"


def _macro_companion(ctx: click.Context, src: Path, out: Path, force: bool
                     ) -> tuple[Path, str] | None:
    """The Python module the Check & Compute button of the corrected workbook will import.

    The quickstart macro runs `import <workbook name>; <workbook name>.main()`, so a macro
    workbook written under another name needs a module of that name beside it: written when
    the input has its module beside it (the quickstart convention) and the output's name is a
    module name; a warning when the output's name cannot be one. None when nothing is needed.
    """
    from .writers.atomic import refuse_existing

    if out.suffix.lower() not in (".xlsm", ".xltm") or _same_file(out, src):
        return None
    module = src.with_suffix(".py")
    if not src.stem.isidentifier() or not module.is_file():
        return None  # no button module to keep working
    if not out.stem.isidentifier():
        suggestion = re.sub(r"\W", "_", out.stem)
        suggestion = suggestion if suggestion[:1].isalpha() else f"lkjip_{suggestion}"
        warning = t("fix.macro_broken", _lang(ctx), path=out, module=out.stem,
                    suggestion=suggestion + out.suffix)
        click.echo(f"lkjip-xl: {warning}", err=True)
        return None
    target = out.with_suffix(".py")
    refuse_existing(target, force=force)
    return target, macro_module_source(out.stem, src.stem, module)


def macro_module_source(name: str, original: str, module: Path) -> str:
    """NAME.py for a corrected copy of ORIGINAL.xlsm: the quickstart module for NAME, with
    the xlwings version ORIGINAL.py names (the one of the VBA module inside the workbook);
    when that cannot be read, a module handing over to ORIGINAL.py."""
    from .quickstart import module_source

    try:
        text = module.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    m = re.search(r"^XLWINGS_VERSION\s*=\s*['\"]([^'\"]+)['\"]", text, re.M)
    if m:
        return module_source(name, m.group(1))
    return _SHIM.format(name=name, original=original)


_SHIM = '''"""The Check & Compute button of {name}.xlsm (written by lkjip-xl fix): the same as
{original}.py, which must stay beside it."""

from {original} import *  # noqa: F403
from {original} import main  # noqa: F401
'''


@cli.command("import", help=_h("import.help"))
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=_h("import.opt.output"))
@click.option("--force", is_flag=True, help=_h("import.opt.force"))
@click.pass_context
def import_cmd(ctx: click.Context, path: Path, output: Path | None, force: bool) -> None:
    """Exit 0 when written, 2 on a document that cannot be read or a refused output."""
    from .importing import DocumentError, import_document
    from .importing.checking import percent
    from .writers.atomic import refuse_existing

    lang = _lang(ctx)
    out = output or path.with_name(f"{path.stem}.impor.xlsx")
    if out.suffix.lower() != ".xlsx":
        fail(ctx, "import.bad_suffix", path=out)
    if _same_file(out, path):
        fail(ctx, "import.same_file", path=out)  # the document is never overwritten
    refuse_existing(out, force=force)
    try:
        result = import_document(path, lang=lang)
    except DocumentError as exc:
        click.echo(f"lkjip-xl: {path}: {exc.message(lang)}", err=True)
        ctx.exit(EXIT_ERROR)
        return
    except Exception as exc:  # never a traceback for a document a parser chokes on
        if _debug(ctx):
            raise
        fail(ctx, "import.failed", detail=f"{path}: {type(exc).__name__}: {exc}"[:300])
        return
    result.save(out)
    click.echo(t("import.written", lang, path=out, tables=result.mapped,
                 found=len(result.tables), rows=result.rows,
                 confidence=percent(result.confidence, lang)))
    if not result.mapped:
        click.echo(f"lkjip-xl: {t('import.nothing_mapped', lang, found=len(result.tables))}",
                   err=True)


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


@cli.command("rules", help=_h("cli.rules.help"))
@click.argument("code", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help=_h("cli.rules.format"))
@click.pass_context
def rules_cmd(ctx: click.Context, code: str | None, fmt: str) -> None:
    import json

    from .rules import every_rule

    lang = _lang(ctx)
    rules = every_rule()
    if code is not None:
        wanted = code.strip().upper()
        rule = next((r for r in rules if r.code == wanted), None)
        if rule is None:
            from .config import nearest_codes

            _unknown_code(ctx, "cli.rules.unknown", code,
                          [c for c in nearest_codes(wanted) if len(c) == 6])
            return
        if fmt == "json":
            click.echo(json.dumps(explain_rule(rule, lang), ensure_ascii=False, indent=2))
        else:
            click.echo(render_rule(rule, lang))
        return
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.value,
                                "family": r.family, "summary": _summary(r, lang),
                                "doc": r.doc.strip(), "options": dict(r.options)}
                               for r in rules], ensure_ascii=False, indent=2))
        return
    for r in rules:
        click.echo(f"{r.code:<8} {r.severity.value:<8} {r.name:<32} {_summary(r, lang)}")


def _alias(command: click.Command, name: str) -> click.Command:
    import copy

    alias = copy.copy(command)
    alias.name, alias.hidden = name, True
    return alias


cli.add_command(_alias(rules_cmd, "rule"))  # `lkjip-xl rule CAP001` reads as well

# How `fix` handles each rule's findings (the Fix actions its findings carry, see rules/):
# written when safe, filled when blank, proposed only (--unsafe-fixes) or left to review.
RULE_FIX = {
    "AVG001": "correct", "AVG002": "correct", "CAP001": "correct", "CAP006": "correct",
    "INP001": "correct", "KAT001": "correct",
    "CAP004": "fill", "CAP007": "fill", "KAT002": "fill", "INP016": "fill",
    "TOT001": "unsafe", "TOT002": "unsafe",
}


def _summary(rule: Any, lang: str) -> str:
    key = f"rule.{rule.code}.summary"
    return t(key, lang) if key in _catalogue() else rule.summary


def _formula(rule: Any) -> str:
    """The formula paragraph of the rule's documentation ('Formula: ...'), or ''."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", rule.doc.strip())]
    for p in paragraphs:
        m = re.match(r"(?:Formulas?|Computed|Expected)\b[^:]*:\s*(.+)", p)
        if m:
            return m.group(1)
    return ""


# Sample values for an example finding: the case of docs/domain.md (565 / 594 x 100 = 95.12
# written 81.41, the PK target typed 694). A message with other placeholders keeps them as
# <name>.
_SAMPLE = {"stated": 81.41, "expected": 95.12, "formula": "565 / 594 x 100",
           "difference": -13.71, "code": "IK-1.1", "sheet": "Pengukuran Kinerja",
           "cell": "H20", "pk": 594, "other": 694, "pk_cell": "Lampiran II!G17",
           "other_cell": "Pengukuran Kinerja!G20", "year": 2019}
_SAMPLE_HYGIENE = {"sheet": "Pengukuran Kinerja"}  # the input rules quote cells' own text


def _example(rule: Any, lang: str) -> str:
    """The rule's main message from the catalogue (its `.plain` variant when there is one),
    filled with sample values when it needs only those, else with its placeholders as
    <name>."""
    prefix = f"rule.{rule.code}."
    keys = [k for k in _catalogue() if k.startswith(prefix) and not k.endswith(".summary")]
    if not keys:
        return ""
    key = next((k for k in keys if k.endswith(".plain")), keys[0])
    pair = _catalogue()[key]
    names = set(re.findall(r"\{(\w+)", pair[0])) | set(re.findall(r"\{(\w+)", pair[1]))
    sample = _SAMPLE_HYGIENE if rule.family == "hygiene" else _SAMPLE
    if names <= set(sample):
        return t(key, lang, **{n: sample[n] for n in names})
    return re.sub(r"\{(\w+)[^}]*\}", r"<\1>", t(key, lang))


def explain_rule(rule: Any, lang: str) -> dict[str, str]:
    """What `lkjip-xl rules CODE` says about one rule, section by section."""
    family = rule.family if f"cli.rule.why.{rule.family}" in _catalogue() else "other"
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "family": rule.family,
        "what": _summary(rule, lang),
        "why": t(f"cli.rule.why.{family}", lang),
        "formula": _formula_text(rule, lang),
        "example": _example(rule, lang),
        "fix": t(f"cli.rule.fix.{RULE_FIX.get(rule.code, 'review')}", lang),
        "silence": t("cli.rule.silence.text", lang, code=rule.code),
        "details": " ".join(rule.doc.strip().split()),
    }


def render_rule(rule: Any, lang: str) -> str:
    """One rule explained the way `ruff rule` does: a title, then one section per question."""
    import textwrap

    info = explain_rule(rule, lang)
    lines = [f"{rule.code} ({rule.name})",
             t("cli.rule.severity", lang, severity=rule.severity.value, family=rule.family), ""]
    for key, section in (("what", "cli.rule.what"), ("why", "cli.rule.why"),
                         ("formula", "cli.rule.formula"), ("example", "cli.rule.example"),
                         ("fix", "cli.rule.fix"), ("silence", "cli.rule.silence")):
        if not info[key]:
            continue
        lines.append(f"## {t(section, lang)}")
        lines.extend(textwrap.wrap(info[key], 92, break_on_hyphens=False) or [""])
        lines.append("")
    if lang == "en":
        lines.append(f"## {t('cli.rule.details', lang)}")
        lines.append(textwrap.dedent("    " + rule.doc.strip()))
    else:  # the developer documentation is in English: say where it is
        lines.append(t("cli.rule.details_en", lang, code=rule.code))
    return "\n".join(lines).rstrip() + "\n"


def _formula_text(rule: Any, lang: str) -> str:
    """The rule's formula from the catalogue (cli.rule.formula.CODE); in English, the
    documentation's own formula paragraph when the catalogue has none."""
    key = f"cli.rule.formula.{rule.code}"
    if key in _catalogue():
        return t(key, lang)
    return (lang == "en" and _formula(rule)) or t("cli.rule.no_formula", lang)


def _catalogue() -> dict:
    from .messages import MESSAGES

    return MESSAGES


def main() -> None:
    """Console entry point: never a traceback unless --debug.

    A file the system will not let us read or write (a missing folder, no permission, an
    output open in Excel, a full disk) ends any command with one line naming it, exit 2
    (`LocalisedGroup.invoke`); outputs are atomic, so nothing half-written is left behind.
    """
    try:
        cli.main(prog_name="lkjip-xl", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:  # outside a command (while parsing, say)
        if "--debug" in sys.argv[1:]:
            raise
        lang = lang_from_args(sys.argv[1:])[1] or DEFAULT_LANG
        click.echo(f"lkjip-xl: {os_error_message(exc, lang)}", err=True)
        sys.exit(EXIT_ERROR)
