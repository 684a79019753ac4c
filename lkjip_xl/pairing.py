"""Which earlier report each workbook is compared with (the pair rules, `rules/previous.py`).

- `check FILE --previous EARLIER`: the pair is given. EARLIER must be last year's report of
  the same agency (Tahun Laporan one less, same agency by `agency_key`); otherwise, or when
  it cannot be read, the comparison is left out with a reason (`FileResult.previous_error`)
  and FILE is checked all the same.
- `check FOLDER` (or several files): files are paired by their Identitas: same agency
  (`agency_key`: Nama Instansi and Pemerintah Daerah, compared case-, space- and
  punctuation-insensitively, with 'Kab.'/'Kabupaten', 'Prov.'/'Provinsi', 'Pemerintah ...'
  written either way) and Tahun Laporan n and n-1. A year with two candidate files of the
  same agency is not guessed at: that pairing is left out and said so (`Pairing.ambiguous`).
  `--no-pair` turns the automatic pairing off.

Either way, two reports are compared only when they have an indicator in common: one name
(Indikator Kinerja on any table, case, spaces and punctuation aside), or, when one of them
names no indicator, one Kode Indikator. An Identitas often names only the Pemerintah
Kabupaten/Kota, so two excerpts of different offices (the 2015 environment chapter and the
2016 education chapter) look like one agency's consecutive reports; both number their
indicators IK-1, IK-2, so a shared code says nothing. Compared, every indicator would be
'gone', 'new' or 'renamed'. Such a pair is left out (`prv.nothing_shared`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .analysis import code_key
from .model import Cell, Identity, Report, WorkbookError
from .reading import Limits, read_report
from .reading.report_reader import read_pairing_identity
from .schema import RowRole, normalise

# Words written in several ways in agency and government names (normalised, whole words).
_WORDS = {"kab": "kabupaten", "kabupaten": "kabupaten", "prov": "provinsi",
          "propinsi": "provinsi", "provinsi": "provinsi", "pemkab": "kabupaten",
          "pemkot": "kota", "pemprov": "provinsi", "kota": "kota"}
_DROPPED = {"pemerintah", "pemerintahan", "daerah"}
_WORD = re.compile(r"[^\W_]+")

WRONG_YEAR = "prv.wrong_year"
OTHER_AGENCY = "prv.other_agency"
NO_YEAR = "prv.no_year"
NOTHING_SHARED = "prv.nothing_shared"


def _name_key(text: str) -> str:
    words = [_WORDS.get(w, w) for w in _WORD.findall(text.casefold())]
    return normalise(" ".join(w for w in words if w not in _DROPPED))


def agency_key(identity: Identity) -> tuple[str, str] | None:
    """(agency, government) as compared across years, or None without a Nama Instansi."""
    agency = _name_key(identity.nama_instansi.text)
    if not agency:
        return None
    return agency, _name_key(identity.pemerintah_daerah.text)


def _indicator_cells(report: Report) -> Iterator[tuple[Cell, Cell]]:
    """(Kode Indikator, Indikator Kinerja) of every indicator row of every table."""
    for ind in report.indicators:
        yield ind.kode_indikator, ind.indikator
    for row in report.pk_rows:
        if row.role is RowRole.INDIKATOR:
            yield row.kode_indikator, row.indikator
    for m in report.measurements:
        if m.role is RowRole.INDIKATOR:
            yield m.kode_indikator, m.indikator
    for c in report.comparisons:
        yield c.kode_indikator, c.indikator


def share_indicator(report: Report, other: Report) -> bool:
    """The two reports have an indicator in common: a name, or (when either names none) a
    code. A code alone is not one: excerpts number their indicators IK-1, IK-2 alike."""
    def keys(r: Report) -> tuple[set[str], set[str]]:
        names, codes = set(), set()
        for code, name in _indicator_cells(r):
            if normalise(name.text):
                names.add(normalise(name.text))
            if code.text:
                codes.add(code_key(code.text))
        return names, codes

    (names, codes), (names_, codes_) = keys(report), keys(other)
    if names and names_:
        return bool(names & names_)
    return bool(codes & codes_)


@dataclass(frozen=True, slots=True)
class Pairing:
    """What one file of a batch is compared with: `previous`, or nothing; `ambiguous` lists
    the candidate files when there were several for last year."""

    previous: Path | None = None
    ambiguous: tuple[Path, ...] = ()


def pair_files(paths: Sequence[Path], limits: Limits | None = None,
               jobs: int = 1) -> dict[Path, Pairing]:
    """For each file whose Identitas names an agency and a year, last year's file of the same
    agency among `paths`. Files that cannot be read, or name no agency or year, are left out
    (the check reports them); so are files with no candidate. With `jobs` > 1 the Identitas
    sheets are read by that many processes at once (`batch.map_in_processes`): the same
    pairs, sooner."""
    limits = limits or Limits()
    paths = list(paths)
    if jobs > 1 and len(paths) >= PARALLEL_FROM:
        from .batch import map_in_processes

        found = map_in_processes(_pairing_key, paths, limits, jobs)
    else:
        found = [_pairing_key(path, limits) for path in paths]
    known = {path: key for path, key in zip(paths, found, strict=True) if key is not None}
    by_key: dict[tuple[tuple[str, str], int], list[Path]] = {}
    for path, (key, year) in known.items():
        by_key.setdefault((key, year), []).append(path)
    pairs: dict[Path, Pairing] = {}
    for path, (key, year) in known.items():
        candidates = [p for p in by_key.get((key, year - 1), ()) if p != path]
        if len(candidates) == 1:
            pairs[path] = Pairing(candidates[0])
        elif candidates:
            pairs[path] = Pairing(None, tuple(candidates))
    return pairs


PARALLEL_FROM = 16  # files from which pair_files reads identities in several processes


def _pairing_key(path: Path, limits: Limits) -> tuple[tuple[str, str], int] | None:
    """(agency key, Tahun Laporan) of the workbook at `path`, or None when it cannot be read
    or names no agency or no year (`read_pairing_identity`: the fields of `read_identity`
    that these are made of, read alone)."""
    try:
        identity = read_pairing_identity(path, limits=limits)
    except WorkbookError:
        return None
    except Exception:  # an odd file is the check's to report, never the pairing's
        return None
    key, year = agency_key(identity), identity.year
    return (key, year) if key is not None and year is not None else None


def read_previous(report: Report, path: Path, limits: Limits | None = None
                  ) -> tuple[Report | None, WorkbookError | None]:
    """Last year's report at `path`, or why it cannot be compared with `report`: it cannot be
    read (the reader's reason), it is not the year before (`prv.wrong_year`; `prv.no_year`
    when either has no Tahun Laporan), it is another agency's (`prv.other_agency`), or it has
    no indicator in common with `report` (`prv.nothing_shared`)."""
    try:
        before = read_report(path, limits=limits)
    except WorkbookError as exc:
        return None, exc
    year, earlier = report.identity.year, before.identity.year
    if year is None or earlier is None:
        return None, WorkbookError(path, NO_YEAR, "")
    if earlier != year - 1:
        return None, WorkbookError(path, WRONG_YEAR, f"{earlier} / {year - 1}")
    mine, theirs = agency_key(report.identity), agency_key(before.identity)
    if mine is not None and theirs is not None and mine != theirs:
        name = " ".join(x for x in (before.identity.nama_instansi.text,
                                    before.identity.pemerintah_daerah.text) if x)
        return None, WorkbookError(path, OTHER_AGENCY, name)
    if not share_indicator(report, before):
        return None, WorkbookError(path, NOTHING_SHARED, "")
    return before, None
