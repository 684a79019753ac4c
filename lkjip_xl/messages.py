"""The message catalogue: every user-facing sentence, in Bahasa Indonesia and English.

Keys are stable; `t(key, lang, **params)` formats one. Indonesian is the default.
Sections are grouped by prefix: cli., open., problem., num., rule., fix., excel., ...
"""

from __future__ import annotations

LANGS = ("id", "en")
DEFAULT_LANG = "id"

# key: (Bahasa Indonesia, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # --- cli ---------------------------------------------------------------------------
    "cli.help": (
        "lkjip-xl: membaca, memeriksa dan membetulkan buku kerja LKjIP standar.",
        "lkjip-xl: read, check and correct the standard LKjIP workbook.",
    ),
    "cli.lang": ("Bahasa pesan: id (Indonesia) atau en (Inggris).",
                 "Message language: id (Indonesian) or en (English)."),
    "cli.template.help": ("Tulis templat buku kerja LKjIP standar.",
                          "Write the standard LKjIP workbook template."),
    "cli.template.written": ("Templat ditulis: {path}", "Template written: {path}"),
    "cli.show.help": ("Tampilkan apa yang dipahami pembaca dari buku kerja.",
                      "Show what the reader understood of a workbook."),
    "cli.bad_period": ("Periode harus ditulis TAHUN-TAHUN, misalnya 2016-2021: {value}",
                       "The period must be written YEAR-YEAR, e.g. 2016-2021: {value}"),
    "cli.exists": ("Berkas sudah ada (pakai --force untuk menimpa): {path}",
                   "File exists (use --force to overwrite): {path}"),
    "show.file": ("Berkas", "File"),
    "show.agency": ("Instansi", "Agency"),
    "show.year": ("tahun", "year"),
    "show.settings": ("Pengaturan", "Settings"),
    "show.sheets": ("Lembar", "Sheets"),
    "show.indicators": ("Indikator (Tabel VI.1): {n}", "Indicators (Tabel VI.1): {n}"),
    "show.pk": ("Baris Lampiran II: {n}", "Lampiran II rows: {n}"),
    "show.measurements": ("Baris Pengukuran Kinerja: {n}", "Pengukuran Kinerja rows: {n}"),
    "show.budget": ("Baris Keuangan: {n}", "Keuangan rows: {n}"),
    "show.problems": ("Masalah pembacaan: {n}", "Reading problems: {n}"),
    "cli.check.help": (
        "Periksa buku kerja (berkas, folder, atau pola glob) dan laporkan temuan.",
        "Check workbooks (files, folders or globs) and report findings.",
    ),
    "cli.check.output": ("Tulis hasil ke berkas ini.", "Write the result to this file."),
    "cli.check.select": ("Hanya aturan dengan kode/awalan ini (mis. CAP,TOT).",
                         "Only rules with these codes/prefixes (e.g. CAP,TOT)."),
    "cli.check.ignore": ("Abaikan aturan dengan kode/awalan ini.",
                         "Ignore rules with these codes/prefixes."),
    "cli.check.fail_on": ("Tingkat temuan terendah yang membuat kode keluar 1.",
                          "Lowest finding level that makes the exit code 1."),
    "cli.check.exit_zero": ("Keluar dengan 0 walaupun ada temuan.",
                            "Exit 0 even when there are findings."),
    "cli.check.jobs": ("Jumlah proses paralel.", "Number of parallel processes."),
    "cli.check.config": ("Berkas konfigurasi (lkjip-xl.toml atau pyproject.toml).",
                         "Config file (lkjip-xl.toml or pyproject.toml)."),
    "cli.check.scale": ("Timpa skala penilaian: 'Skala 4', 'Skala 5' atau Kustom.",
                        "Override the rating scale: 'Skala 4', 'Skala 5' or Kustom."),
    "cli.check.negative_formula": ("Timpa rumus indikator negatif: (2T-R)/T atau T/R.",
                                   "Override the negative-indicator formula: (2T-R)/T or T/R."),
    "cli.check.tolerance": ("Timpa toleransi (poin persen).",
                            "Override the tolerance (percentage points)."),
    "cli.check.decimals": ("Timpa jumlah desimal.", "Override the number of decimals."),
    "cli.check.progress": ("Memeriksa", "Checking"),
    "cli.rules.help": ("Daftar semua aturan pemeriksaan.", "List every check rule."),
    "cli.bad_config": ("konfigurasi tidak valid: {detail}", "invalid configuration: {detail}"),
    "cli.no_files": ("tidak ada buku kerja ditemukan di: {paths}",
                     "no workbooks found in: {paths}"),
    "check.unreadable": ("tidak dapat dibaca", "cannot be read"),
    "check.clean": ("tidak ada temuan", "no findings"),
    "check.stated": ("tertulis", "stated"),
    "check.expected": ("seharusnya", "expected"),
    "check.summary": (
        "{files} berkas diperiksa: {error} galat, {warning} peringatan, {info} info; "
        "{unreadable} tidak terbaca.",
        "{files} files checked: {error} errors, {warning} warnings, {info} info; "
        "{unreadable} unreadable.",
    ),
    # --- opening a file ----------------------------------------------------------------
    "open.not_found": ("berkas tidak ditemukan", "file not found"),
    "open.is_directory": ("ini folder, bukan berkas", "this is a folder, not a file"),
    "open.empty": ("berkas kosong (0 byte)", "the file is empty (0 bytes)"),
    "open.not_zip": (
        "bukan buku kerja Excel (.xlsx/.xlsm); simpan ulang dari Excel sebagai .xlsx",
        "not an Excel workbook (.xlsx/.xlsm); save it again from Excel as .xlsx",
    ),
    "open.corrupt": ("buku kerja rusak atau terpotong; minta berkas aslinya lagi",
                     "the workbook is corrupt or truncated; ask for the original file again"),
    "open.password": ("buku kerja dilindungi kata sandi; buka di Excel dan simpan tanpa kata sandi",
                      "the workbook is password-protected; open it in Excel and save it "
                      "without a password"),
    "open.legacy_xls": ("format Excel lama (.xls); buka di Excel dan simpan sebagai .xlsx",
                        "legacy Excel format (.xls); open it in Excel and save it as .xlsx"),
    "open.ods": ("berkas OpenDocument (.ods); simpan sebagai .xlsx",
                 "OpenDocument file (.ods); save it as .xlsx"),
    "open.xlsb": ("format biner Excel (.xlsb); simpan sebagai .xlsx",
                  "Excel binary format (.xlsb); save it as .xlsx"),
    "open.no_workbook_part": ("arsip zip tanpa bagian buku kerja (xl/workbook.xml)",
                              "a zip archive without a workbook part (xl/workbook.xml)"),
    "open.unreadable": ("tidak dapat dibaca: {detail}", "cannot be read: {detail}"),
    "limit.file_size": ("berkas terlalu besar ({detail} byte)", "file too large ({detail} bytes)"),
    "limit.uncompressed": ("isi zip terlalu besar setelah dibuka ({detail} byte); mungkin bom zip",
                           "zip content too large once unpacked ({detail} bytes); "
                           "possibly a zip bomb"),
    "limit.zip_ratio": ("rasio kompresi mencurigakan ({detail}); mungkin bom zip",
                        "suspicious compression ratio ({detail}); possibly a zip bomb"),
    # --- reading problems (the reader collects them; rules report them) -----------------
    "problem.missing-sheet": ("lembar '{detail}' tidak ada", "sheet '{detail}' is missing"),
    "problem.missing-header": ("baris judul kolom tidak ditemukan (dicari: {detail})",
                               "header row not found (looked for: {detail})"),
    "problem.missing-column": ("kolom '{detail}' tidak ada", "column '{detail}' is missing"),
    "problem.duplicate-column": ("kolom '{detail}' muncul dua kali; yang pertama dipakai",
                                 "column '{detail}' appears twice; the first is used"),
    "problem.unknown-role": ("nilai Baris tidak dikenal: '{detail}'",
                             "unknown Baris value: '{detail}'"),
    "problem.unknown-polarity": ("nilai Polaritas tidak dikenal: '{detail}' (Positif/Negatif)",
                                 "unknown Polaritas value: '{detail}' (Positif/Negatif)"),
    "problem.unknown-setting": ("pengaturan tidak dikenal: '{detail}'",
                                "unknown setting: '{detail}'"),
    "problem.not-a-number": ("bukan angka: '{detail}'", "not a number: '{detail}'"),
    "problem.ambiguous-number": ("angka bermakna ganda: '{detail}'",
                                 "ambiguous number: '{detail}'"),
    "problem.number-as-text": ("angka disimpan sebagai teks: '{detail}'",
                               "number stored as text: '{detail}'"),
    "problem.error-value": ("nilai galat Excel: {detail}", "Excel error value: {detail}"),
    "problem.formula-no-value": ("rumus tanpa nilai tersimpan: ={detail}",
                                 "formula without a cached value: ={detail}"),
    "problem.missing-value": ("nilai wajib kosong: {detail}",
                              "required value is blank: {detail}"),
    "problem.hidden-sheet": ("lembar tersembunyi: {detail}", "hidden sheet: {detail}"),
    "problem.too-large": ("terlalu besar: {detail}", "too large: {detail}"),
    # --- how a number was read ---------------------------------------------------------
    "num.thousands-dot": ("titik dibaca sebagai pemisah ribuan", "dot read as thousands separator"),
    "num.thousands-comma": ("koma dibaca sebagai pemisah ribuan",
                            "comma read as thousands separator"),
    "num.decimal-dot-3": ("titik dibaca sebagai desimal (kolom persen)",
                          "dot read as decimal point (percent column)"),
    "num.decimal-comma-3": ("koma dibaca sebagai desimal (kolom persen)",
                            "comma read as decimal point (percent column)"),
    "num.last-group-decimal": ("kelompok terakhir dibaca sebagai desimal",
                               "last group read as decimals"),
    "num.space-in-number": ("spasi di dalam angka diabaikan", "space inside the number ignored"),
    "num.trailing-dash": ("tanda '-' di belakang diabaikan", "trailing '-' ignored"),
    "num.percent-sign": ("tanda % diabaikan", "% sign ignored"),
    "num.currency": ("awalan Rp diabaikan", "Rp prefix ignored"),
    "num.unit-text": ("teks satuan di belakang angka diabaikan",
                      "unit text after the number ignored"),
    "num.range": ("dibaca sebagai rentang", "read as a range"),
    "num.not-a-number": ("bukan angka", "not a number"),
    "num.several-numbers": ("berisi lebih dari satu angka", "holds more than one number"),
    "num.parentheses": ("angka dalam kurung: angka pendamping atau negatif?",
                        "number in parentheses: a side figure or a negative?"),
    "num.bad-grouping": ("pemisah ribuan/desimal tidak masuk akal",
                         "thousands/decimal separators make no sense"),
    "num.not-finite": ("bukan angka hingga", "not a finite number"),
    "num.boolean": ("nilai benar/salah, bukan angka", "a true/false value, not a number"),
    "num.date": ("tanggal, bukan angka", "a date, not a number"),
    "num.percent-format": ("format persen Excel: dikali 100", "Excel percent format: times 100"),
    # --- template ---
    "template.bad_period": ("periode tidak sah: {awal}-{akhir} (tahun awal harus sebelum "
                            "tahun akhir)",
                            "invalid period: {awal}-{akhir} (the first year must come before "
                            "the last)"),
    "template.unknown_key": ("kunci tidak dikenal untuk lembar '{sheet}': {key}",
                             "unknown key for sheet '{sheet}': {key}"),
    "template.unknown_sheet": ("lembar '{sheet}' bukan tabel templat yang dikenal",
                               "sheet '{sheet}' is not a known template table"),
    "template.label_absent": ("label '{label}' tidak ada di kolom A lembar '{sheet}'",
                              "label '{label}' is not in column A of sheet '{sheet}'"),
    "template.no_scale_table": ("tabel Skala Kustom (Kategori, Batas Bawah, Termasuk Batas) "
                                "tidak ditemukan di lembar '{sheet}'",
                                "the Skala Kustom table (Kategori, Batas Bawah, Termasuk "
                                "Batas) is not on sheet '{sheet}'"),
    # --- end of catalogue (add new sections above this line) ---
}


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The message `key` in `lang`, formatted with `params`. Unknown keys come back as is."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
