"""Identitas from a document's running text: instansi, pemerintah daerah, tahun, periode.

Only what the text states: the cover's agency line ("Dinas Sosial dan Pemberdayaan
Masyarakat Kota Batam"), the report year ("LKjIP ... Tahun 2019"), the RPJMD/Renstra period
("RPJMD 2016 - 2021"). A field the text does not state is left out, never guessed.
"""

from __future__ import annotations

import re
from collections import Counter

_HEAD_CHARS = 6000  # the cover and the first pages
_AGENCY = re.compile(
    r"(?im)^[^\S\n]*((?:dinas|badan|kantor|sekretariat|inspektorat|satuan|rumah sakit|"
    r"kecamatan|bagian|biro|dinkes|bappeda|sekretariat dprd|lembaga|balai|direktorat|"
    r"kepolisian|polda|polres|rsud|puskesmas|kementerian|pusat|unit)\b[^\n]{3,140})$")
_REGION = re.compile(
    r"\b(?i:(kota|kabupaten|kab\.|provinsi))[ \t]+((?:[A-Z][\w'-]*)(?:[ \t]+[A-Z][\w'-]*){0,3})")
_SMALL = frozenset({"dan", "di", "ke", "dari", "yang"})
# Kept in capitals: a class in Roman numerals ("Kelas IIA", "Kelas III") and an
# abbreviation without vowels ("DPRD", "PPKB"), which no name spells in lower case.
_KEEP_CAPS = re.compile(r"[IVX]+[AB]?|[B-DF-HJ-NP-TV-Z]{2,}[.,]?")
_YEAR = re.compile(r"(?i)\btahun(?:\s+anggaran)?\s+((?:19|20)\d\d)\b")
_PERIOD = re.compile(
    r"(?i)\b(?:rpjmd|renstra|rpjm|periode)\b[^\d]{0,40}?((?:19|20)\d\d)\s*(?:-|–|—|s\.?/?d\.?|"
    r"sampai(?:\s+dengan)?)\s*((?:19|20)\d\d)")
_LKJIP = re.compile(r"(?i)lkjip|laporan\s+kinerja|lakip|lkj\b")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _title(text: str) -> str:
    """A cover line in capitals ("DINAS SOSIAL DAN PEMBERDAYAAN MASYARAKAT") as a name."""
    if text.upper() != text:
        return text
    words = text.split()
    return " ".join(w if _KEEP_CAPS.fullmatch(w) else w.lower() if i and w.lower() in _SMALL
                    else w.capitalize() for i, w in enumerate(words))


def identity_from_text(text: str) -> dict[str, object]:
    """The Identitas fields the text states (keys of schema.IDENTITY_FIELDS)."""
    found: dict[str, object] = {}
    head = text[:_HEAD_CHARS]
    agency = _agency(head)
    region = _region(agency or "") or _region(head)
    if agency:
        if region:  # "Dinas Sosial ... Kota Batam": the region goes to its own field
            cut = re.search(r"(?i)\s+(kota|kabupaten|kab\.|provinsi)\s+", agency)
            if cut:
                agency = agency[:cut.start()].strip(" ,.-")
        found["nama_instansi"] = _title(agency)
    if region:
        found["pemerintah_daerah"] = region
    year = _year(head) or _year(text)
    if year is not None:
        found["tahun"] = year
    period = _period(text)
    if period is not None:
        found["periode_awal"], found["periode_akhir"] = period
    return found


def _agency(head: str) -> str | None:
    for m in _AGENCY.finditer(head):
        line = _collapse(m.group(1))
        if len(line.split()) >= 2 and not line.endswith((".", ";")) and len(line) <= 140:
            return line
    return None


def _region(text: str) -> str | None:
    m = _REGION.search(text)
    if not m:
        return None
    kind = m.group(1).capitalize().replace("Kab.", "Kabupaten")
    name = re.split(r"(?i)\s+(tahun|dan|yang|pada|nomor)\b", m.group(2))[0]
    return f"{kind} {_title(_collapse(name))}"


def _year(text: str) -> int | None:
    """The year stated next to the report's name, else the most frequent 'Tahun NNNN'."""
    for line in text.splitlines():
        if _LKJIP.search(line):
            m = _YEAR.search(line)
            if m:
                return int(m.group(1))
    years = Counter(int(m.group(1)) for m in _YEAR.finditer(text))
    if not years:
        return None
    return years.most_common(1)[0][0]


def _period(text: str) -> tuple[int, int] | None:
    counts = Counter((int(m.group(1)), int(m.group(2))) for m in _PERIOD.finditer(text))
    for (start, end), _ in counts.most_common():
        if 2 <= end - start <= 10:
            return start, end
    return None
