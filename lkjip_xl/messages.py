"""The message catalogue: every user-facing sentence, in Bahasa Indonesia and English.

Keys are stable; `t(key, lang, **params)` formats one. Indonesian is the default.
Sections are grouped by prefix: cli., open., problem., num., rule., fix., excel., ...
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any

LANGS = ("id", "en")
DEFAULT_LANG = "id"

# key: (Bahasa Indonesia, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # --- cli ---------------------------------------------------------------------------
    "cli.help": (
        "lkjip-xl: membaca, memeriksa dan membetulkan buku kerja LKjIP standar.",
        "lkjip-xl: read, check and correct the standard LKjIP workbook.",
    ),
    "cli.lang": ("Bahasa pesan: id (Indonesia) atau en (Inggris); boleh sebelum atau sesudah "
                 "subperintah, atau lewat variabel lingkungan LKJIP_XL_LANG.",
                 "Message language: id (Indonesian) or en (English); before or after the "
                 "subcommand, or from the environment variable LKJIP_XL_LANG."),
    "cli.version": ("Tampilkan versi lalu keluar.", "Show the version and exit."),
    "cli.template.help": ("Tulis templat buku kerja LKjIP standar.",
                          "Write the standard LKjIP workbook template."),
    "cli.template.written": ("Templat ditulis: {path}", "Template written: {path}"),
    "cli.template.output": ("Berkas keluaran.", "Output file."),
    "cli.template.tahun": ("Tahun laporan (bawaan: tahun ini).",
                           "Report year (default: the current year)."),
    "cli.template.periode": ("Periode RPJMD/Renstra, misalnya 2016-2021 (bawaan: periode "
                             "lima tahunan 2016-2021, 2021-2026, ... yang memuat tahun "
                             "laporan).",
                             "RPJMD/Renstra period, for example 2016-2021 (default: the "
                             "five-year period 2016-2021, 2021-2026, ... holding the report "
                             "year)."),
    "cli.template.force": ("Timpa berkas yang sudah ada.", "Overwrite an existing file."),
    "cli.template.assumed": ("Dianggap: tahun laporan {tahun}, periode {start}-{end} (ubah "
                             "dengan --tahun dan --periode).",
                             "Assumed: report year {tahun}, period {start}-{end} (change "
                             "with --tahun and --periode)."),
    "cli.show.help": ("Tampilkan apa yang dipahami pembaca dari buku kerja.",
                      "Show what the reader understood of a workbook."),
    "cli.bad_period": ("Periode harus ditulis TAHUN-TAHUN, misalnya 2016-2021: {value}",
                       "The period must be written YEAR-YEAR, e.g. 2016-2021: {value}"),
    "cli.exists": ("berkas sudah ada dan tidak ditimpa (pakai --force untuk menimpanya): {path}",
                   "the file exists and is not replaced (use --force to overwrite it): {path}"),
    "cli.locked": ("tidak dapat menulis {path}: berkas sedang dibuka (mis. di Excel) atau "
                   "hanya-baca. Tutup berkas di Excel lalu ulangi (atau tulis ke folder lain)",
                   "cannot write {path}: the file is open (e.g. in Excel) or read-only. Close "
                   "the file in Excel and try again (or write to another folder)"),
    # click's own texts (usage errors, help boilerplate): the English is click's msgid.
    "cli.click.usage": ("Penggunaan:", "Usage:"),
    "cli.click.options": ("Opsi", "Options"),
    "cli.click.commands": ("Perintah", "Commands"),
    "cli.click.arguments": ("Argumen", "Positional arguments"),
    "cli.click.help_option": ("Tampilkan bantuan ini lalu keluar.", "Show this message and exit."),
    "cli.click.version_option": ("Tampilkan versi lalu keluar.", "Show the version and exit."),
    "cli.click.version": ("%(prog)s, versi %(version)s", "%(prog)s, version %(version)s"),
    "cli.click.default": ("bawaan: {default}", "default: {default}"),
    "cli.click.env": ("variabel lingkungan: {var}", "env var: {var}"),
    "cli.click.required": ("wajib", "required"),
    "cli.click.error": ("Galat: {message}", "Error: {message}"),
    "cli.click.try_help": ("Lihat '{command} {option}' untuk bantuan.",
                           "Try '{command} {option}' for help."),
    "cli.click.no_such_option": ("Tidak ada opsi {name!r}.", "No such option {name!r}."),
    "cli.click.no_such_command": ("Tidak ada perintah {name!r}.", "No such command {name!r}."),
    "cli.click.did_you_mean": ("Mungkin maksud Anda {possibility}?",
                               "Did you mean {possibility}?"),
    "cli.click.did_you_mean_many": ("(Mungkin maksud Anda salah satu dari: {possibilities}?)",
                                    "(Did you mean one of: {possibilities}?)"),
    "cli.click.missing_argument": ("Argumen wajib tidak diberikan:", "Missing argument"),
    "cli.click.missing_option": ("Opsi wajib tidak diberikan:", "Missing option"),
    "cli.click.missing_parameter": ("Parameter wajib tidak diberikan:", "Missing parameter"),
    "cli.click.options_metavar": ("[OPSI]", "[OPTIONS]"),
    "cli.click.command_metavar": ("PERINTAH [ARG]...", "COMMAND [ARGS]..."),
    "cli.click.missing_param_type": ("{param_type} belum diberikan", "Missing {param_type}"),
    "cli.click.missing_command": ("Perintah belum diberikan.", "Missing command."),
    "cli.click.invalid_value": ("Nilai tidak valid: {message}", "Invalid value: {message}"),
    "cli.click.invalid_value_for": ("Nilai tidak valid untuk {param_hint}: {message}",
                                    "Invalid value for {param_hint}: {message}"),
    "cli.click.extra_argument": ("Ada argumen lebih yang tidak dikenal ({args})",
                                 "Got unexpected extra argument ({args})"),
    "cli.click.extra_arguments": ("Ada argumen lebih yang tidak dikenal ({args})",
                                  "Got unexpected extra arguments ({args})"),
    "cli.click.requires_argument": ("Opsi {name!r} memerlukan nilai.",
                                    "Option {name!r} requires an argument."),
    "cli.click.requires_arguments": ("Opsi {name!r} memerlukan {nargs} nilai.",
                                     "Option {name!r} requires {nargs} arguments."),
    "cli.click.no_value": ("Opsi {name!r} tidak menerima nilai.",
                           "Option {name!r} does not take a value."),
    "cli.click.not_choice": ("{value!r} bukan {choice}.", "{value!r} is not {choice}."),
    "cli.click.not_choices": ("{value!r} bukan salah satu dari {choices}.",
                              "{value!r} is not one of {choices}."),
    "cli.click.not_number": ("{value!r} bukan {number_type} yang valid.",
                             "{value!r} is not a valid {number_type}."),
    "cli.click.integer": ("bilangan bulat", "integer"),
    "cli.click.float": ("bilangan", "float"),
    "cli.click.not_in_range": ("{value} di luar rentang {range}.",
                               "{value} is not in the range {range}."),
    "cli.click.not_bool": ("{value!r} bukan nilai ya/tidak yang valid. Nilai yang dikenal: "
                           "{states}", "{value!r} is not a valid boolean. Recognized values: "
                           "{states}"),
    "cli.click.file": ("Berkas", "file"),
    "cli.click.directory": ("Folder", "directory"),
    "cli.click.path": ("Jalur", "path"),
    "cli.click.not_exist": ("{name} {filename!r} tidak ada.",
                            "{name} {filename!r} does not exist."),
    "cli.click.is_file": ("{name} {filename!r} adalah berkas.", "{name} {filename!r} is a file."),
    "cli.click.is_dir": ("{name} {filename!r} adalah folder.",
                         "{name} {filename!r} is a directory."),
    "cli.click.aborted": ("Dibatalkan!", "Aborted!"),
    "cli.output_is_input": ("berkas keluaran {path} adalah salah satu buku kerja yang diperiksa; "
                            "pilih nama lain (--force pun tidak menimpa masukan)",
                            "the output {path} is one of the workbooks being checked; choose "
                            "another name (not even --force overwrites an input)"),
    "cli.written": ("Hasil ditulis: {path}", "Result written: {path}"),
    "cli.config_file": ("Konfigurasi: {path}", "Configuration: {path}"),
    "cli.config_none": ("Konfigurasi: tidak ada (pengaturan bawaan dan buku kerja)",
                        "Configuration: none (defaults and the workbook's settings)"),
    "cli.unknown_code": ("kode aturan tidak dikenal di {where}: {code}. {hint}Daftar kode: "
                         "lkjip-xl rules",
                         "unknown rule code in {where}: {code}. {hint}List of codes: "
                         "lkjip-xl rules"),
    "cli.unknown_code.hint": ("Mungkin maksud Anda: {suggestions}. ",
                              "Did you mean: {suggestions}? "),
    "cli.no_rules": ("tidak ada aturan yang aktif ({detail}): pemeriksaan tanpa aturan selalu "
                     "tampak bersih. Periksa --select, --ignore dan berkas konfigurasinya",
                     "no rule is enabled ({detail}): a check without rules always looks "
                     "clean. Check --select, --ignore and the config file"),
    "cli.wrong_extension": ("peringatan: {path}: isinya buku kerja {real} walaupun namanya "
                            "berakhiran {stated}; dibaca sebagai {real}. Ganti ekstensinya "
                            "menjadi {real}",
                            "warning: {path}: the content is an {real} workbook although the "
                            "name ends in {stated}; read as {real}. Rename it to {real}"),
    "show.file": ("Berkas", "File"),
    "show.agency": ("Instansi", "Agency"),
    "show.year": ("tahun", "year"),
    "show.settings": ("Pengaturan", "Settings"),
    "show.tolerance_decimals": ("toleransi {tol}; {decimals} desimal",
                                "tolerance {tol}; {decimals} decimals"),
    "show.sheets": ("Lembar", "Sheets"),
    "show.indicators": ("Indikator (Tabel VI.1): {n}", "Indicators (Tabel VI.1): {n}"),
    "show.pk": ("Baris Lampiran II: {n}", "Lampiran II rows: {n}"),
    "show.measurements": ("Baris Pengukuran Kinerja: {n}", "Pengukuran Kinerja rows: {n}"),
    "show.budget": ("Baris Keuangan: {n}", "Keuangan rows: {n}"),
    "show.comparisons": ("Baris Perbandingan: {n} (realisasi tahun {years})",
                         "Perbandingan rows: {n} (realisation of {years})"),
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
    "cli.check.scale": ("Timpa skala penilaian: 'Skala 4', 'Skala 5', 'Skala 5 Baik' atau "
                        "Kustom.",
                        "Override the rating scale: 'Skala 4', 'Skala 5', 'Skala 5 Baik' or "
                        "Kustom."),
    "cli.check.negative_formula": (
        "Timpa rumus indikator negatif: (2T-R)/T (sama dengan (1 + (1 - R/T)) x 100%) atau "
        "T/R.",
        "Override the negative-indicator formula: (2T-R)/T (the same as (1 + (1 - R/T)) x "
        "100%) or T/R."),
    "cli.check.preset": (
        "Timpa Preset Konvensi: Bawaan, 'Permendagri 86/2017' atau PermenPAN-RB (mengganti "
        "semua konvensi dari Identitas dan berkas konfigurasi).",
        "Override the Preset Konvensi: Bawaan, 'Permendagri 86/2017' or PermenPAN-RB "
        "(replaces every convention set on Identitas and in the config file)."),
    "cli.check.cap": ("Timpa Batas Capaian: none (tanpa batas), 100 atau 120.",
                      "Override Batas Capaian (the capaian cap): none, 100 or 120."),
    "cli.check.range_target": (
        "Timpa pembacaan Target Rentang: 'Dalam Rentang = 100' atau 'Batas Target'.",
        "Override how a range target is read: 'Dalam Rentang = 100' or 'Batas Target'."),
    "cli.check.efficiency": (
        "Timpa Metode Efisiensi: 'Selisih +/-5', 'Capaian >= Serapan' atau 'Indeks "
        "Efisiensi'.",
        "Override Metode Efisiensi: 'Selisih +/-5', 'Capaian >= Serapan' or 'Indeks "
        "Efisiensi'."),
    "cli.check.tolerance": ("Timpa toleransi (poin persen).",
                            "Override the tolerance (percentage points)."),
    "cli.check.decimals": ("Timpa jumlah desimal.", "Override the number of decimals."),
    "cli.check.show_info": ("Tampilkan setiap temuan info (bawaan: satu baris per aturan).",
                            "List every info finding (default: one line per rule)."),
    "cli.check.progress": ("Memeriksa", "Checking"),
    "cli.check.format": ("Format keluaran.", "Output format."),
    "cli.check.force": ("Timpa berkas -o/--report yang sudah ada.",
                        "Overwrite existing -o/--report files."),
    "cli.check.previous": ("Laporan tahun sebelumnya (instansi yang sama) untuk dibandingkan "
                           "dengan satu BERKAS yang diperiksa. Tanpa opsi ini, berkas-berkas "
                           "yang diperiksa bersama dipasangkan otomatis menurut lembar "
                           "Identitas: Nama Instansi dan Pemerintah Daerah yang sama, Tahun "
                           "Laporan n dan n-1.",
                           "Last year's report of the same agency, to compare the one FILE "
                           "checked with. Without it, files checked together are paired "
                           "automatically by their Identitas sheet: same Nama Instansi and "
                           "Pemerintah Daerah, Tahun Laporan n and n-1."),
    "cli.check.no_pair": ("Jangan pasangkan berkas dengan laporan tahun sebelumnya secara "
                          "otomatis.", "Do not pair files with last year's report "
                          "automatically."),
    "cli.rules.help": ("Daftar semua aturan pemeriksaan, atau penjelasan satu aturan "
                       "(lkjip-xl rules CAP001).",
                       "List every check rule, or explain one (lkjip-xl rules CAP001)."),
    "cli.rules.format": ("Format keluaran.", "Output format."),
    "cli.rules.unknown": ("aturan tidak dikenal: {code}. {hint}Daftar kode: lkjip-xl rules",
                          "unknown rule: {code}. {hint}List of codes: lkjip-xl rules"),
    "cli.rule.what": ("Yang diperiksa", "What it checks"),
    "cli.rule.why": ("Mengapa penting", "Why it matters"),
    "cli.rule.formula": ("Rumus", "Formula"),
    "cli.rule.example": ("Contoh temuan", "Example finding"),
    "cli.rule.fix": ("Yang dilakukan fix", "What fix does"),
    "cli.rule.silence": ("Cara membungkam", "How to silence it"),
    "cli.rule.details": ("Rincian (dokumentasi pengembang, bahasa Inggris)",
                         "Details (developer documentation)"),
    "cli.rule.severity": ("tingkat bawaan: {severity}; keluarga: {family}",
                          "default severity: {severity}; family: {family}"),
    "cli.rule.no_formula": ("Tidak ada rumus: aturan ini memeriksa isi atau bentuk sel.",
                            "No formula: this rule checks what a cell holds or how."),
    "cli.rule.silence.text": (
        "Untuk satu pemeriksaan: lkjip-xl check --ignore {code} BERKAS. Untuk seterusnya, di "
        "lkjip-xl.toml: ignore = [\"{code}\"]; atau turunkan tingkatnya: [severity] "
        "{code} = \"info\". Lebih baik betulkan selnya: temuan ini menunjuk sel yang perlu "
        "dilihat.",
        "For one check: lkjip-xl check --ignore {code} FILE. For good, in lkjip-xl.toml: "
        "ignore = [\"{code}\"]; or lower its level: [severity] {code} = \"info\". Better to "
        "correct the cell: the finding points at the cell to look at."),
    "cli.rule.fix.correct": ("Aman: fix menulis nilai yang dihitung di sel itu (ungu muda) dan "
                             "menyimpan nilai semula di komentar sel dan lembar Temuan.",
                             "Safe: fix writes the computed value into the cell (light "
                             "purple) and keeps the original in the cell comment and on the "
                             "Temuan sheet."),
    "cli.rule.fix.fill": ("Aman: fix mengisi sel kosong dengan nilai yang dihitung (ungu muda) "
                          "dan mencatatnya di komentar sel dan lembar Temuan.",
                          "Safe: fix fills the blank cell with the computed value (light "
                          "purple) and records it in the cell comment and on the Temuan "
                          "sheet."),
    "cli.rule.fix.unsafe": ("Tidak aman: fix hanya menandai sel (kuning) dan menulis usulan di "
                            "komentar; nilai ditimpa hanya dengan --unsafe-fixes, karena angka "
                            "yang tertulis mungkin justru yang benar.",
                            "Unsafe: fix only marks the cell (yellow) and writes the proposal "
                            "in the comment; the value is replaced only with --unsafe-fixes, "
                            "since the stated figure may be the right one."),
    "cli.rule.fix.review": ("Tidak ada perbaikan otomatis: fix menandai sel (kuning) dan "
                            "menjelaskan di komentar dan lembar Temuan apa yang perlu ditinjau.",
                            "No automatic fix: fix marks the cell (yellow) and explains on the "
                            "comment and the Temuan sheet what to review."),
    "cli.rule.details_en": ("Rincian teknis (dokumentasi pengembang, bahasa Inggris): "
                            "lkjip-xl --lang en rules {code}",
                            "Technical details: lkjip-xl --lang en rules {code}"),
    "cli.rule.formula.CAP001": (
        "Indikator positif: Capaian = R / T x 100. Indikator negatif: (2T - R) / T x 100 "
        "(paling kecil 0), atau T / R x 100 bila Identitas menulis Rumus Indikator Negatif = "
        "T/R. Target rentang: diukur terhadap batas yang dilewati realisasi (di dalam rentang "
        "= 100). Dibulatkan setengah ke atas sampai Desimal; selisih dalam Toleransi bukan "
        "temuan.",
        "Positive indicator: Capaian = R / T x 100. Negative: (2T - R) / T x 100 (at least 0), "
        "or T / R x 100 when Identitas says Rumus Indikator Negatif = T/R. Range target: "
        "measured against the bound the realisation is past (inside = 100). Rounded half up "
        "to Desimal; a difference within Toleransi is not a finding."),
    "cli.rule.formula.CAP002": (
        "Nilai tertulis = nilai yang dihitung (R / T x 100 atau Realisasi / Pagu x 100) "
        "dipotong setelah Desimal, padahal seharusnya dibulatkan setengah ke atas: 67 / 72 x "
        "100 = 93,0555... ditulis 93,05, seharusnya 93,06.",
        "Stated value = the computed value (R / T x 100 or Realisasi / Pagu x 100) cut after "
        "Desimal where rounding half up is expected: 67 / 72 x 100 = 93.0555... written 93.05, "
        "expected 93.06."),
    "cli.rule.formula.CAP003": (
        "Nilai yang dihitung dibulatkan ke jumlah Desimal buku kerja; nilai tertulis hanya "
        "benar sampai desimal yang lebih sedikit (149 untuk 148,74).",
        "The computed value rounded to the workbook's Desimal; the stated value is right only "
        "to fewer decimals (149 for 148.74)."),
    "cli.rule.formula.CAP004": (
        "Seperti CAP001: R / T x 100 (positif) atau rumus negatif, dibulatkan ke Desimal.",
        "As CAP001: R / T x 100 (positive) or the negative formula, rounded to Desimal."),
    "cli.rule.formula.CAP005": (
        "R / T x 100 tidak dapat dihitung bila T kosong atau 0, atau bila T atau R bukan "
        "angka.",
        "R / T x 100 cannot be computed when T is blank or 0, or T or R is not a number."),
    "cli.rule.formula.CAP006": (
        "Persentase = Realisasi / Pagu x 100, dibulatkan setengah ke atas sampai Desimal.",
        "Persentase = Realisasi / Pagu x 100, rounded half up to Desimal."),
    "cli.rule.formula.CAP007": ("Persentase = Realisasi / Pagu x 100.",
                                "Persentase = Realisasi / Pagu x 100."),
    "cli.rule.formula.AVG001": (
        "Rata-rata = jumlah capaian terhitung indikator yang dicakup / banyaknya indikator, "
        "dibulatkan setengah ke atas sampai Desimal (Kode Indikator kosong = semua "
        "indikator).",
        "Mean = sum of the computed capaian of the indicators covered / their number, rounded "
        "half up to Desimal (blank Kode Indikator = every indicator)."),
    "cli.rule.formula.AVG002": (
        "Rata-rata yang dipotong setelah Desimal, bukan dibulatkan: 84,17 untuk 84,175 "
        "(seharusnya 84,18).",
        "The mean cut after Desimal instead of rounded: 84.17 for 84.175 (expected 84.18)."),
    "cli.rule.formula.KAT001": (
        "Kategori = pita skala penilaian (Skala 4, Skala 5 atau Kustom di Identitas) tempat "
        "capaian terhitung (dibulatkan ke Desimal) berada.",
        "Kategori = the band of the rating scale (Skala 4, Skala 5 or Kustom on Identitas) "
        "the computed capaian (rounded to Desimal) falls in."),
    "cli.rule.formula.KAT002": (
        "Seperti KAT001: pita skala untuk capaian atau rata-rata yang dapat dihitung.",
        "As KAT001: the scale band of the capaian or mean that can be computed."),
    "cli.rule.formula.TOT001": (
        "Program/Jumlah/Total = jumlah Kegiatan yang dicakupnya: Target dan Realisasi per "
        "Satuan yang sama, Anggaran dan Realisasi Anggaran dalam rupiah.",
        "Program/Jumlah/Total = the sum of the Kegiatan it covers: Target and Realisasi per "
        "same Satuan, Anggaran and Realisasi Anggaran in rupiah."),
    "cli.rule.formula.TOT002": (
        "Program = jumlah Rinciannya; Jumlah = jumlah isi Kelompoknya; Total = jumlah subtotal "
        "Kelompok di atasnya; Pagu dan Realisasi masing-masing, dalam toleransi rupiah.",
        "Program = the sum of its Rincian; Jumlah = the sum of its Kelompok's items; Total = "
        "the sum of the Kelompok subtotals above it; Pagu and Realisasi each, within the "
        "rupiah tolerance."),
    "cli.rule.formula.XTB001": (
        "Target (dan Realisasi) baris Indikator Pengukuran Kinerja = angka baris Indikator "
        "Lampiran II dengan Kode Indikator yang sama.",
        "Target (and Realisasi) of a Pengukuran Kinerja Indikator row = the figure of the "
        "Lampiran II Indikator row with the same Kode Indikator."),
    "cli.rule.formula.XTB002": (
        "Capaian satu indikator harus sama di setiap tempat ia ditulis (Lampiran II, "
        "Pengukuran Kinerja).",
        "One indicator's capaian must be the same wherever it is stated (Lampiran II, "
        "Pengukuran Kinerja)."),
    "cli.rule.formula.XTB003": (
        "Target PK (Lampiran II) = target Tabel VI.1 di kolom Tahun Laporan, kecuali "
        "Keterangan menjelaskan bedanya (lalu XTB004).",
        "PK target (Lampiran II) = the Tabel VI.1 target in the Tahun Laporan column, unless "
        "Keterangan explains the difference (then XTB004)."),
    "cli.rule.formula.XTB006": (
        "Pagu Program di Keuangan = Anggaran program yang sama di Lampiran II; Realisasi = "
        "Realisasi Anggaran (dalam toleransi rupiah).",
        "Keuangan Program Pagu = the same programme's Anggaran in Lampiran II; Realisasi = "
        "Realisasi Anggaran (within the rupiah tolerance)."),
    "cli.rule.formula.XTB007": (
        "Seperti XTB006, untuk program yang hanya cocok sebagian namanya.",
        "As XTB006, for programmes matched only by part of their name."),
    "cli.rule.why.capaian": ("Capaian adalah angka utama LKjIP: kategori, rata-rata sasaran "
                             "dan kesimpulan laporan dihitung darinya. Satu capaian yang salah "
                             "hitung membuat penilaian kinerja salah.",
                             "Capaian is the LKjIP's key figure: categories, goal averages and "
                             "the report's conclusion derive from it. One miscomputed capaian "
                             "makes the performance rating wrong."),
    "cli.rule.why.averages": ("Rata-rata capaian dan kategori (Sangat Berhasil, Berhasil, ...) "
                              "adalah yang dibaca pimpinan dan evaluator; harus sesuai dengan "
                              "angka di bawahnya dan skala yang berlaku.",
                              "Mean capaian and categories (Sangat Berhasil, Berhasil, ...) "
                              "are what leaders and evaluators read; they must agree with the "
                              "figures below them and the scale in force."),
    "cli.rule.why.totals": ("Jumlah program dan total anggaran yang tidak sama dengan rinciannya "
                            "membuat serapan anggaran dan efisiensi salah, dan mudah ditemukan "
                            "pemeriksa.",
                            "Programme sums and budget totals that differ from their parts "
                            "make budget absorption and efficiency wrong, and auditors find "
                            "them at once."),
    "cli.rule.why.consistency": ("Angka yang sama muncul di beberapa lembar (Perjanjian Kinerja, "
                                 "RPJMD, Pengukuran, Keuangan); jika berbeda, salah satunya "
                                 "salah dan laporan tidak dapat dipercaya.",
                                 "The same figure appears on several sheets (Perjanjian "
                                 "Kinerja, RPJMD, Pengukuran, Keuangan); when they differ, one "
                                 "is wrong and the report cannot be trusted."),
    "cli.rule.why.hygiene": ("Sel yang tidak dapat dibaca sebagai angka, kolom atau lembar "
                             "yang hilang, dan kode yang tidak bertemu membuat sebagian "
                             "laporan tidak terperiksa sama sekali.",
                             "Cells that cannot be read as numbers, missing columns or sheets "
                             "and codes that join nothing leave part of the report unchecked."),
    "cli.rule.why.previous": ("Evaluasi AKIP membandingkan realisasi dengan tahun-tahun "
                              "sebelumnya, dan Inspektorat memeriksa bahwa angkanya sama dengan "
                              "laporan tahun lalu: realisasi yang berubah, target RPJMD yang "
                              "diubah diam-diam, atau indikator yang hilang membuat "
                              "perbandingan antartahun tidak dapat dipercaya.",
                              "The AKIP evaluation compares realisation with earlier years, and "
                              "the Inspektorat checks the figures against last year's report: "
                              "a changed realisation, an RPJMD target changed silently or an "
                              "indicator gone make the comparison across years untrustworthy."),
    "cli.rule.why.other": ("Temuan aturan ini menunjuk sel yang perlu diperiksa sebelum laporan "
                           "dikirim.", "This rule's findings point at cells to check before "
                           "the report is sent."),
    "cli.os_error": ("tidak dapat membaca atau menulis {path}: {reason}. Periksa folder dan "
                     "izin aksesnya", "cannot read or write {path}: {reason}. Check the folder "
                     "and its permissions"),
    "cli.bad_config": ("konfigurasi tidak valid: {detail}", "invalid configuration: {detail}"),
    "cli.no_files": ("tidak ada buku kerja ditemukan di: {paths} (yang dicari: berkas {types})",
                     "no workbooks found in: {paths} (looked for {types} files)"),
    "check.unreadable": ("tidak dapat dibaca", "cannot be read"),
    "check.clean": ("tidak ada temuan", "no findings"),
    "check.stated": ("tertulis", "stated"),
    "check.expected": ("seharusnya", "expected"),
    "check.file_counts": ("{error} galat, {warning} peringatan, {info} info",
                          "{error} errors, {warning} warnings, {info} info"),
    "check.group.error": ("Galat ({n})", "Errors ({n})"),
    "check.group.warning": ("Peringatan ({n})", "Warnings ({n})"),
    "check.group.info": ("Info ({n})", "Info ({n})"),
    "check.group.info_hint": ("\u2014 satu baris per aturan; --show-info menampilkan semuanya",
                              "\u2014 one line per rule; --show-info lists them all"),
    "check.by_rule": ("Per aturan", "By rule"),
    "check.by_rule_all": ("Per aturan, semua berkas", "By rule, all files"),
    "check.action.correct": ("fix mengubahnya", "fix changes them"),
    "check.action.fill": ("fix mengisinya", "fix fills them in"),
    "check.action.correct-unsafe": ("fix mengubahnya dengan --unsafe-fixes",
                                    "fix changes them with --unsafe-fixes"),
    "check.action.review": ("perlu diperiksa", "to review"),
    "check.action_n.correct": ("fix mengubah {n}", "fix changes {n}"),
    "check.action_n.fill": ("fix mengisi {n}", "fix fills in {n}"),
    "check.action_n.correct-unsafe": ("fix mengubah {n} dengan --unsafe-fixes",
                                      "fix changes {n} with --unsafe-fixes"),
    "check.action_n.review": ("{n} perlu diperiksa", "{n} to review"),
    "check.summary": (
        "{files} berkas diperiksa: {error} galat, {warning} peringatan, {info} info; "
        "{unreadable} tidak terbaca.",
        "{files} files checked: {error} errors, {warning} warnings, {info} info; "
        "{unreadable} unreadable.",
    ),
    # --- opening a file ----------------------------------------------------------------
    "open.not_found": ("berkas tidak ditemukan", "file not found"),
    "open.is_directory": ("ini folder, bukan berkas", "this is a folder, not a file"),
    "open.empty": ("berkas kosong (0 byte); minta berkasnya lagi",
                   "the file is empty (0 bytes); ask for the file again"),
    "open.not_zip": (
        "bukan buku kerja Excel (.xlsx/.xlsm); simpan ulang dari Excel sebagai .xlsx",
        "not an Excel workbook (.xlsx/.xlsm); save it again from Excel as .xlsx",
    ),
    "open.document": (
        "bukan buku kerja Excel melainkan laporan {detail}; jadikan buku kerja dulu dengan "
        "'lkjip-xl import BERKAS' (docs/import.md)",
        "not an Excel workbook but a {detail} report; make a workbook of it first with "
        "'lkjip-xl import FILE' (docs/import.md)",
    ),
    "open.corrupt": ("buku kerja rusak atau terpotong; minta berkas aslinya lagi",
                     "the workbook is corrupt or truncated; ask for the original file again"),
    "open.password": ("buku kerja dilindungi kata sandi; buka di Excel dan simpan tanpa kata sandi",
                      "the workbook is password-protected; open it in Excel and save it "
                      "without a password"),
    "open.legacy_xls": ("format Excel lama (.xls); buka di Excel dan simpan sebagai .xlsx",
                        "legacy Excel format (.xls); open it in Excel and save it as .xlsx"),
    "open.legacy_xls_renamed": ("format Excel lama (.xls) walaupun namanya berakhiran {detail}; "
                                "buka di Excel dan simpan sebagai Buku Kerja Excel (.xlsx)",
                                "legacy Excel format (.xls) although the name ends in "
                                "{detail}; open it in Excel and save it as Excel Workbook "
                                "(.xlsx)"),
    "open.ods": ("berkas OpenDocument (.ods); simpan sebagai .xlsx",
                 "OpenDocument file (.ods); save it as .xlsx"),
    "open.xlsb": ("format biner Excel (.xlsb); simpan sebagai .xlsx",
                  "Excel binary format (.xlsb); save it as .xlsx"),
    "open.no_workbook_part": ("arsip zip tanpa bagian buku kerja (xl/workbook.xml), jadi bukan "
                              "buku kerja Excel; simpan dari Excel sebagai .xlsx",
                              "a zip archive without a workbook part (xl/workbook.xml), so not "
                              "an Excel workbook; save it from Excel as .xlsx"),
    "open.unreadable": ("kesalahan internal saat membaca ({detail}); laporkan ke pengembang "
                        "lkjip-xl beserta berkasnya dan keluaran --debug (docs/security.md)",
                        "internal error while reading ({detail}); please report it to the "
                        "lkjip-xl developers with the file and the --debug output "
                        "(docs/security.md)"),
    "open.pandas_missing": (
        "pandas diperlukan untuk DataFrame; pasang dengan: pip install \"lkjip-xl[pandas]\"",
        "pandas is needed for DataFrames; install it with: pip install \"lkjip-xl[pandas]\"",
    ),
    "limit.file_size": ("berkas terlalu besar ({detail} byte); hapus gambar atau lembar yang tidak "
                        "perlu, atau naikkan batas dengan --max-file-mb",
                        "file too large ({detail} bytes); remove pictures or sheets it does not "
                        "need, or raise the limit with --max-file-mb"),
    "limit.uncompressed": ("isi zip terlalu besar setelah dibuka ({detail} byte); mungkin bom zip: "
                           "minta berkas asli yang disimpan dari Excel",
                           "zip content too large once unpacked ({detail} bytes); "
                           "possibly a zip bomb: ask for the original file saved from Excel"),
    "limit.zip_ratio": ("rasio kompresi mencurigakan ({detail}); mungkin bom zip: minta berkas "
                        "asli yang disimpan dari Excel",
                        "suspicious compression ratio ({detail}); possibly a zip bomb: ask for "
                        "the original file saved from Excel"),
    # --- reading a Word or PDF report (importing/document.py) --------------------------
    "doc.not_found": ("berkas tidak ditemukan", "file not found"),
    "doc.is_directory": ("ini folder, bukan berkas", "this is a folder, not a file"),
    "doc.empty": ("berkas kosong (0 byte); minta berkasnya lagi",
                  "the file is empty (0 bytes); ask for the file again"),
    "doc.os_error": ("tidak dapat membaca berkas ({detail})", "cannot read the file ({detail})"),
    "doc.unknown_type": ("bukan dokumen Word (.docx) atau PDF (isinya: {detail}); simpan ulang "
                         "sebagai .docx atau PDF",
                         "not a Word document (.docx) nor a PDF (it holds: {detail}); save it "
                         "again as .docx or PDF"),
    "doc.legacy_doc": ("format Word lama (.doc); buka di Word dan simpan sebagai Dokumen Word "
                       "(.docx)",
                       "legacy Word format (.doc); open it in Word and save it as Word "
                       "Document (.docx)"),
    "doc.password_docx": ("dokumen Word dilindungi kata sandi; buka di Word dan simpan tanpa "
                          "kata sandi",
                          "the Word document is password-protected; open it in Word and save "
                          "it without a password"),
    "doc.rtf": ("berkas RTF; buka di Word dan simpan sebagai Dokumen Word (.docx)",
                "an RTF file; open it in Word and save it as Word Document (.docx)"),
    "doc.odf": ("berkas OpenDocument (.odt); simpan sebagai .docx atau PDF",
                "an OpenDocument file (.odt); save it as .docx or PDF"),
    "doc.is_workbook": ("ini buku kerja Excel, bukan dokumen; periksa dengan: lkjip-xl check",
                        "this is an Excel workbook, not a document; check it with: "
                        "lkjip-xl check"),
    "doc.no_document_part": ("arsip zip tanpa isi dokumen Word (word/document.xml); simpan dari "
                             "Word sebagai .docx",
                             "a zip archive without a Word document part (word/document.xml); "
                             "save it from Word as .docx"),
    "doc.corrupt_docx": ("dokumen Word rusak atau terpotong ({detail}); minta berkas aslinya lagi",
                         "the Word document is corrupt or truncated ({detail}); ask for the "
                         "original file again"),
    "doc.corrupt_pdf": ("PDF rusak atau terpotong ({detail}); minta berkas aslinya lagi",
                        "the PDF is corrupt or truncated ({detail}); ask for the original file "
                        "again"),
    "doc.pdf_password": ("PDF dikunci dengan kata sandi untuk membuka; minta berkas tanpa kata "
                         "sandi",
                         "the PDF is locked with an opening password; ask for the file without "
                         "a password"),
    "doc.no_text_layer": ("PDF ini hasil pindaian (gambar halaman, tanpa lapisan teks: {detail} "
                          "halaman); tabelnya tidak dapat dibaca tanpa OCR, yang di luar cakupan "
                          "lkjip-xl. Yang dibutuhkan: berkas Word (.docx) aslinya, PDF yang "
                          "diekspor dari Word, atau PDF ini setelah OCR (mis. ocrmypdf)",
                          "this PDF is a scan (page images, no text layer: {detail} pages); its "
                          "tables cannot be read without OCR, which is outside lkjip-xl. What "
                          "is needed: the original Word file (.docx), a PDF exported from Word, "
                          "or this PDF after OCR (e.g. ocrmypdf)"),
    "doc.limit_file_size": ("berkas terlalu besar ({detail} byte); naikkan batas jika berkasnya "
                            "memang sebesar itu",
                            "file too large ({detail} bytes); raise the limit if the file is "
                            "really that large"),
    "doc.limit_pages": ("PDF terlalu banyak halaman ({detail}); pisahkan bagian laporan yang "
                        "berisi tabel atau naikkan batas halaman",
                        "the PDF has too many pages ({detail}); split off the part of the "
                        "report that holds the tables or raise the page limit"),
    "doc.limit_parts": ("arsip .docx berisi terlalu banyak bagian ({detail}); mungkin bukan "
                        "dokumen Word asli",
                        "the .docx archive holds too many parts ({detail}); possibly not a "
                        "genuine Word document"),
    "doc.limit_part_size": ("bagian .docx terlalu besar setelah dibuka ({detail} byte); mungkin "
                            "bom zip: minta berkas asli yang disimpan dari Word",
                            "a .docx part is too large once unpacked ({detail} bytes); possibly "
                            "a zip bomb: ask for the original file saved from Word"),
    "doc.limit_uncompressed": ("isi .docx terlalu besar setelah dibuka ({detail} byte); mungkin "
                               "bom zip: minta berkas asli yang disimpan dari Word",
                               "the .docx content is too large once unpacked ({detail} bytes); "
                               "possibly a zip bomb: ask for the original file saved from Word"),
    "doc.limit_zip_ratio": ("rasio kompresi .docx mencurigakan ({detail}); mungkin bom zip: minta "
                            "berkas asli yang disimpan dari Word",
                            "suspicious .docx compression ratio ({detail}); possibly a zip "
                            "bomb: ask for the original file saved from Word"),
    "doc.limit_cells": ("tabel dokumen terlalu besar ({detail} sel); mungkin bukan laporan LKjIP",
                        "the document's tables are too large ({detail} cells); possibly not an "
                        "LKjIP report"),
    "doc.limit_memory": ("memori habis saat membaca dokumen; berkas terlalu besar atau rusak",
                         "out of memory while reading the document; the file is too large or "
                         "corrupt"),
    "doc.xml_dtd": ("dokumen Word berisi deklarasi DTD ({detail}), yang tidak pernah ditulis Word; "
                    "ditolak demi keamanan: minta berkas asli",
                    "the Word document declares a DTD ({detail}), which Word never writes; "
                    "refused for safety: ask for the original file"),
    "doc.extra_missing": ("membaca Word/PDF memerlukan paket tambahan ({detail}); pasang dengan: "
                          "pip install \"lkjip-xl[import]\"",
                          "reading Word/PDF needs extra packages ({detail}); install them with: "
                          "pip install \"lkjip-xl[import]\""),
    "doc.unreadable": ("kesalahan internal saat membaca dokumen ({detail}); laporkan ke "
                       "pengembang lkjip-xl beserta berkasnya dan keluaran --debug",
                       "internal error while reading the document ({detail}); please report it "
                       "to the lkjip-xl developers with the file and the --debug output"),
    # --- importing a Word or PDF report into the template (importing/) ---------------
    "import.help": ("Impor tabel LKjIP dari laporan Word (.docx) atau PDF ke templat standar.",
                    "Import the LKjIP tables of a Word (.docx) or PDF report into the standard "
                    "template."),
    "import.opt.output": ("Buku kerja keluaran (.xlsx; bawaan: NAMA.impor.xlsx di samping "
                          "dokumen).",
                          "Output workbook (.xlsx; default: NAME.impor.xlsx next to the "
                          "document)."),
    "import.opt.force": ("Timpa berkas keluaran yang sudah ada.",
                         "Overwrite an existing output file."),
    "import.written": ("Diimpor: {path} ({tables} tabel dipetakan dari {found}, {rows} baris; "
                       "keyakinan {confidence}). Periksa lembar Impor, lalu: lkjip-xl check "
                       "{path}",
                       "Imported: {path} ({tables} of {found} tables mapped, {rows} rows; "
                       "confidence {confidence}). Review the Impor sheet, then: lkjip-xl check "
                       "{path}"),
    "import.bad_suffix": ("keluaran impor harus berakhiran .xlsx: {path}",
                          "the import output must end in .xlsx: {path}"),
    "import.same_file": ("keluaran sama dengan dokumen masukan; dokumen tidak pernah ditimpa: "
                         "{path}",
                         "the output is the input document; a document is never overwritten: "
                         "{path}"),
    "import.no_tables": ("dokumen tidak berisi tabel; lkjip-xl hanya mengimpor tabel (Tabel "
                         "VI.1, Lampiran II, Pengukuran Kinerja, Keuangan)",
                         "the document holds no tables; lkjip-xl imports tables only (Tabel "
                         "VI.1, Lampiran II, Pengukuran Kinerja, Keuangan)"),
    "import.nothing_mapped": ("tidak ada tabel dokumen ({found}) yang dikenali sebagai tabel "
                              "LKjIP; daftarnya ada di lembar Impor",
                              "none of the document's tables ({found}) was recognised as an "
                              "LKjIP table; they are listed on the Impor sheet"),
    "import.failed": ("gagal mengimpor dokumen ({detail}); laporkan ke pengembang lkjip-xl "
                      "beserta berkasnya dan keluaran --debug",
                      "the import failed ({detail}); please report it to the lkjip-xl "
                      "developers with the file and the --debug output"),
    "import.from_pdf": ("diimpor dari PDF", "imported from PDF"),
    "import.from_docx": ("diimpor dari Word", "imported from Word"),
    "import.rekap": ("{source}, keyakinan {confidence}", "{source}, confidence {confidence}"),
    "import.table_n": ("Tabel {n} dokumen", "Document table {n}"),
    "import.sumber": ("{table}, hal. {pages}", "{table}, p. {pages}"),
    "import.note.source": ("Impor: tabel {table}, hal. {page}, baris {row}.",
                           "Imported: table {table}, page {page}, row {row}."),
    "import.note.source_nopage": ("Impor: tabel {table}, baris {row}.",
                                  "Imported: table {table}, row {row}."),
    "import.note.cell": ("Sel {column} tertulis \"{text}\"", "The {column} cell reads \"{text}\""),
    "import.note.others": ("angka lain: {figures}", "other figures: {figures}"),
    "import.note.percent_unit": ("Satuan % dari tanda % pada angka.",
                                 "Unit % from the % sign of the figures."),
    "import.note.shared_row": ("Sel target satu baris dengan kegiatan di bawah.",
                               "The target cell shares its row with the kegiatan below."),
    "import.note.split": ("Sel target \"{cell_target}\" dan realisasi \"{cell_real}\" memuat "
                          "{n} angka bersatuan: dipecah menjadi {n} baris; anggaran di baris "
                          "pertama.",
                          "The target cell \"{cell_target}\" and realisation cell "
                          "\"{cell_real}\" hold {n} figures with units: split into {n} rows; "
                          "the budget is on the first."),
    "import.note.split_more": ("Baris {i} dari {n} sel yang dipecah; anggaran di baris "
                               "pertama.",
                               "Row {i} of {n} of the split cell; the budget is on the "
                               "first."),
    "import.note.summary_cells": ("Baris jumlah tertulis: target \"{cell_target}\", realisasi "
                                  "\"{cell_real}\".",
                                  "The sum line reads: target \"{cell_target}\", realisation "
                                  "\"{cell_real}\"."),
    "import.note.continuation": ("Di bawahnya baris uraian tanpa angka: \"{text}\".",
                                 "Below it a line of words without figures: \"{text}\"."),
    "import.note.below": ("Di bawahnya tertulis: \"{text}\".", "Printed below it: \"{text}\"."),
    "import.note.context": ("{header}: \"{text}\".", "{header}: \"{text}\"."),
    "import.note.other_year": ("Tahun {year}: {values}.", "Year {year}: {values}."),
    "import.note.code_made": ("Kode {code} diberikan oleh impor (laporan tidak mencetak kode "
                              "indikator).",
                              "Code {code} given by the import (the report prints no "
                              "indicator code)."),
    "import.comment": ("Sumber: tabel {table}{page}, baris {row}, kolom {col}{header}",
                       "Source: table {table}{page}, row {row}, column {col}{header}"),
    "import.comment.page": (", hal. {page}", ", p. {page}"),
    "import.skip.no_header": ("tanpa baris judul kolom yang dikenali",
                              "no recognised header row"),
    "import.skip.not_recognised": ("judul kolom tidak cocok dengan tabel templat mana pun",
                                   "the column headers match no template table"),
    "import.skip.nested": ("tabel di dalam sel tabel {n}", "a table inside a cell of table {n}"),
    "import.skip.duplicate": ("salinan tabel {n} (dicetak dua kali); yang dipakai tabel {n}",
                              "a copy of table {n} (printed twice); table {n} is used"),
    "import.skip.no_indicator": ("tanpa nama indikator", "no indicator name"),
    "import.skip.no_label": ("tanpa uraian atau nama", "no name or description"),
    "import.skip.note": ("kalimat melintang tabel sebelum baris data mana pun",
                         "a sentence across the table before any data row"),
    "import.skip.no_figures": ("tanpa angka", "no figures"),
    "import.skip.rows": ("baris {rows}: {reason}", "rows {rows}: {reason}"),
    "import.sheet.title": ("Impor dari {name}", "Imported from {name}"),
    "import.sheet.pages": ("{kind}, {pages} halaman", "{kind}, {pages} pages"),
    "import.sheet.intro": ("{kind}, {found} tabel; {mapped} dipetakan, "
                           "keyakinan {confidence}. Setiap sel yang diimpor memuat sumbernya "
                           "(komentar sel dan Keterangan). Tabel yang tidak dipetakan "
                           "tercantum di sini, tidak dibuang.",
                           "{kind}, {found} tables; {mapped} mapped, "
                           "confidence {confidence}. Every imported cell carries its source "
                           "(cell comment and Keterangan). Tables not mapped are listed here, "
                           "never dropped."),
    "import.sheet.identity": ("Identitas dari teks: {fields}", "Identitas from the text: {fields}"),
    "import.sheet.identity_none": ("Identitas: tidak ditemukan di teks dokumen; isi lembar "
                                   "Identitas sendiri.",
                                   "Identitas: not found in the document's text; fill the "
                                   "Identitas sheet yourself."),
    "import.sheet.not_mapped": ("tidak dipetakan", "not mapped"),
    "import.col.no": ("No", "No"),
    "import.col.page": ("Halaman", "Page"),
    "import.col.table": ("Tabel", "Table"),
    "import.col.caption": ("Judul tabel", "Caption"),
    "import.col.header": ("Baris judul kolom", "Header row"),
    "import.col.sheet": ("Dipetakan ke", "Mapped to"),
    "import.col.imported": ("Baris diimpor", "Rows imported"),
    "import.col.skipped": ("Baris dilewati", "Rows skipped"),
    "import.col.why": ("Alasan", "Why"),
    "import.col.confidence": ("Keyakinan", "Confidence"),
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
    "problem.unknown-basis": (
        "nilai Terhadap tidak dikenal: '{detail}' (Target PK, Target RPJMD, Target Akhir "
        "Periode, Tahun Lalu, Standar Nasional)",
        "unknown Terhadap value: '{detail}' (Target PK, Target RPJMD, Target Akhir Periode, "
        "Tahun Lalu, Standar Nasional)"),
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
    "num.bound": ("tanda batas di depan angka (≥, >, Min., Maks.) diabaikan: dibaca angkanya",
                  "bound before the number (≥, >, Min., Max.) ignored: its figure is read"),
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
    "num.clipped": ("{text}… (teks dipotong; panjangnya {n} karakter)",
                    "{text}… (text cut; {n} characters long)"),
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
    # --- rules: totals and cross-table consistency (TOT, XTB) ---
    "rule.TOT001.plain": (
        "{quantity} pada baris {role}{label}{unit} tertulis {stated}, tetapi {n} angka kegiatan "
        "yang dicakupnya berjumlah {expected} (selisih {difference}): {formula}. "
        "Sel yang dijumlah: {cells}.",
        "{quantity} on the {role} row{label}{unit} is stated as {stated}, but the {n} Kegiatan "
        "figures it covers add up to {expected} (difference {difference}): {formula}. "
        "Cells added: {cells}.",
    ),
    "rule.TOT001.mixed": (
        "{quantity} pada baris {role}{label}{unit} tertulis {stated}, tetapi {n} angka kegiatan "
        "dengan satuan itu berjumlah {expected} (selisih {difference}): {formula}. Angka "
        "{stated} sama dengan jumlah semua kegiatan tanpa memandang satuan ({mixed_sum}): "
        "total ini menjumlahkan satuan yang berbeda.",
        "{quantity} on the {role} row{label}{unit} is stated as {stated}, but the {n} Kegiatan "
        "figures in that unit add up to {expected} (difference {difference}): {formula}. "
        "{stated} is the sum of all Kegiatan regardless of unit ({mixed_sum}): this total "
        "adds different units together.",
    ),
    "rule.TOT002.plain": (
        "{quantity} pada baris {role}{label} tertulis {stated}, tetapi {n} angka yang "
        "dicakupnya berjumlah {expected} (selisih {difference}): {formula}. "
        "Sel yang dijumlah: {cells}.",
        "{quantity} on the {role} row{label} is stated as {stated}, but the {n} amounts it "
        "covers add up to {expected} (difference {difference}): {formula}. "
        "Cells added: {cells}.",
    ),
    "rule.TOT003.mixed_units": (
        "{quantity} pada baris {role}{label} tertulis {stated} tanpa Satuan, sedangkan "
        "kegiatannya memakai beberapa satuan ({units}): jumlahnya tidak dapat diperiksa. "
        "Semua angka tanpa memandang satuan berjumlah {mixed_sum} (selisih {difference}).",
        "{quantity} on the {role} row{label} is stated as {stated} without a Satuan, while its "
        "Kegiatan use several units ({units}): the sum cannot be checked. All figures added "
        "regardless of unit make {mixed_sum} (difference {difference}).",
    ),
    "rule.TOT003.mixed_units_equal": (
        "{quantity} pada baris {role}{label} tertulis {stated} tanpa Satuan, sedangkan "
        "kegiatannya memakai beberapa satuan ({units}): jumlahnya tidak dapat diperiksa per "
        "satuan. Angka itu sama dengan jumlah semua angka tanpa memandang satuan.",
        "{quantity} on the {role} row{label} is stated as {stated} without a Satuan, while its "
        "Kegiatan use several units ({units}): the sum cannot be checked per unit. The figure "
        "equals all figures added regardless of unit.",
    ),
    "rule.TOT003.mixed_units_unknown": (
        "{quantity} pada baris {role}{label} tertulis {stated} tanpa Satuan, sedangkan "
        "kegiatannya memakai beberapa satuan ({units}): jumlahnya tidak dapat diperiksa.",
        "{quantity} on the {role} row{label} is stated as {stated} without a Satuan, while its "
        "Kegiatan use several units ({units}): the sum cannot be checked.",
    ),
    "rule.TOT003.no_unit_terms": (
        "{quantity} pada baris {role}{label}{unit} tertulis {stated}, tetapi tidak ada kegiatan "
        "dengan satuan itu (satuan kegiatan: {units}): jumlahnya tidak dapat diperiksa.",
        "{quantity} on the {role} row{label}{unit} is stated as {stated}, but no Kegiatan uses "
        "that unit (units used: {units}): the sum cannot be checked.",
    ),
    "rule.TOT003.unusable": (
        "{quantity} pada baris {role}{label}{unit} tertulis {stated}, tetapi jumlahnya tidak "
        "dapat diperiksa karena sel {cells} tidak berisi angka yang dapat dipakai.",
        "{quantity} on the {role} row{label}{unit} is stated as {stated}, but the sum cannot "
        "be checked because cell(s) {cells} hold no usable number.",
    ),
    "rule.XTB001.plain": (
        "{quantity} {code} di Pengukuran Kinerja ({sumber}) tertulis {stated}, tetapi di "
        "Perjanjian Kinerja ({pk_cell}) {pk}.",
        "{quantity} of {code} in Pengukuran Kinerja ({sumber}) is stated as {stated}, but the "
        "Perjanjian Kinerja ({pk_cell}) says {pk}.",
    ),
    "rule.XTB001.typo_one_digit": (
        "{quantity} {code} di Pengukuran Kinerja ({sumber}) tertulis {stated}, tetapi di "
        "Perjanjian Kinerja ({pk_cell}) {pk}; keduanya hanya beda satu angka, kemungkinan "
        "salah ketik.",
        "{quantity} of {code} in Pengukuran Kinerja ({sumber}) is stated as {stated}, but the "
        "Perjanjian Kinerja ({pk_cell}) says {pk}; they differ in one digit, a likely typo.",
    ),
    "rule.XTB001.typo_swapped": (
        "{quantity} {code} di Pengukuran Kinerja ({sumber}) tertulis {stated}, tetapi di "
        "Perjanjian Kinerja ({pk_cell}) {pk}; dua angka tertukar, kemungkinan salah ketik.",
        "{quantity} of {code} in Pengukuran Kinerja ({sumber}) is stated as {stated}, but the "
        "Perjanjian Kinerja ({pk_cell}) says {pk}; two digits are swapped, a likely typo.",
    ),
    "rule.XTB001.elsewhere_one_digit": (
        "{quantity} {code} di Pengukuran Kinerja ({sumber}) tertulis {stated}, tetapi di "
        "Perjanjian Kinerja ({pk_cell}) {pk}. Angka {stated} hanya beda satu angka dari {other} "
        "yang tertulis untuk indikator yang sama di {other_cell}: kemungkinan salah ketik.",
        "{quantity} of {code} in Pengukuran Kinerja ({sumber}) is stated as {stated}, but the "
        "Perjanjian Kinerja ({pk_cell}) says {pk}. {stated} differs in one digit from {other} "
        "stated for the same indicator at {other_cell}: a likely typo.",
    ),
    "rule.XTB001.elsewhere_swapped": (
        "{quantity} {code} di Pengukuran Kinerja ({sumber}) tertulis {stated}, tetapi di "
        "Perjanjian Kinerja ({pk_cell}) {pk}. Angka {stated} sama dengan {other} yang tertulis "
        "untuk indikator yang sama di {other_cell} dengan dua angka tertukar: kemungkinan "
        "salah ketik.",
        "{quantity} of {code} in Pengukuran Kinerja ({sumber}) is stated as {stated}, but the "
        "Perjanjian Kinerja ({pk_cell}) says {pk}. {stated} is {other}, stated for the same "
        "indicator at {other_cell}, with two digits swapped: a likely typo.",
    ),
    "rule.XTB002.plain": (
        "Capaian {code} tertulis berbeda di {n} tempat: {listing_id}. {wrong_id} tidak cocok "
        "dengan perhitungan mana pun; dihitung: {computed} = {formula}.",
        "The capaian of {code} is stated differently in {n} places: {listing_en}. {wrong_en} "
        "matches no computation; computed: {computed} = {formula}.",
    ),
    "rule.XTB002.rows": (
        "Capaian {code} tertulis berbeda di {n} tempat: {listing_id}. Target PK tidak "
        "berpasangan dengan realisasi; dihitung dari target dan realisasi tiap baris: "
        "{rows_id}. {wrong_id} tidak cocok dengan perhitungan mana pun.",
        "The capaian of {code} is stated differently in {n} places: {listing_en}. The PK target "
        "has no realisation paired with it; computed from each row's own target and "
        "realisation: {rows_en}. {wrong_en} matches no computation.",
    ),
    "rule.XTB002.no_computed": (
        "Capaian {code} tertulis berbeda di {n} tempat: {listing_id}. Capaian tidak dapat "
        "dihitung dari target dan realisasi.",
        "The capaian of {code} is stated differently in {n} places: {listing_en}. It cannot be "
        "computed from target and realisation.",
    ),
    # one statement of a listing: the number in each language's way, the Sumber as typed
    "rule.XTB002.item": ("{sumber}: {value} ({cell})", "{sumber}: {value} ({cell})"),
    "rule.XTB002.wrong_item": ("{value} ({sumber})", "{value} ({sumber})"),
    "rule.XTB002.row_item": ("{sumber}: {computed} = {formula}",
                             "{sumber}: {computed} = {formula}"),
    "rule.XTB003.plain": (
        "Target PK {code} adalah {pk}, tetapi target RPJMD tahun {year} ({rpjmd_cell}) {rpjmd}, "
        "tanpa penjelasan di Keterangan.",
        "The PK target of {code} is {pk}, but the RPJMD target for {year} ({rpjmd_cell}) is "
        "{rpjmd}, with no explanation in Keterangan.",
    ),
    "rule.XTB004.plain": (
        "Target PK {code} adalah {pk}, berbeda dari target RPJMD tahun {year} ({rpjmd_cell}) "
        "{rpjmd}; penjelasan: \"{explanation}\".",
        "The PK target of {code} is {pk}, unlike the RPJMD target for {year} ({rpjmd_cell}) "
        "{rpjmd}; explanation given: \"{explanation}\".",
    ),
    "rule.XTB005.plain": (
        "Kondisi akhir {code} tertulis {akhir}, tetapi target tahun terakhir {year} "
        "({target_cell}) {target}.",
        "The kondisi akhir of {code} is stated as {akhir}, but the target of the last year "
        "{year} ({target_cell}) is {target}.",
    ),
    "rule.XTB006.code": (
        "{quantity} program \"{name}\" di Keuangan tertulis {stated}, tetapi program yang sama "
        "di Lampiran II ({pk_cell}, dicocokkan menurut Kode) {pk} (selisih {difference}).",
        "{quantity} of program \"{name}\" in Keuangan is stated as {stated}, but the same "
        "program in Lampiran II ({pk_cell}, matched by Kode) says {pk} (difference "
        "{difference}).",
    ),
    "rule.XTB006.name": (
        "{quantity} program \"{name}\" di Keuangan tertulis {stated}, tetapi program yang sama "
        "di Lampiran II ({pk_cell}, dicocokkan menurut nama) {pk} (selisih {difference}).",
        "{quantity} of program \"{name}\" in Keuangan is stated as {stated}, but the same "
        "program in Lampiran II ({pk_cell}, matched by name) says {pk} (difference "
        "{difference}).",
    ),
    "rule.XTB007.containment": (
        "{quantity} program \"{name}\" di Keuangan tertulis {stated}, tetapi program "
        "\"{pk_name}\" di Lampiran II ({pk_cell}) {pk} (selisih {difference}). Keduanya "
        "dicocokkan karena nama yang satu memuat nama yang lain: periksa apakah memang program "
        "yang sama.",
        "{quantity} of program \"{name}\" in Keuangan is stated as {stated}, but program "
        "\"{pk_name}\" in Lampiran II ({pk_cell}) says {pk} (difference {difference}). They "
        "were paired because one name contains the other: check that they are the same "
        "program.",
    ),
    "rule.XTB007.similarity": (
        "{quantity} program \"{name}\" di Keuangan tertulis {stated}, tetapi program "
        "\"{pk_name}\" di Lampiran II ({pk_cell}) {pk} (selisih {difference}). Keduanya "
        "dicocokkan karena namanya mirip: periksa apakah memang program yang sama.",
        "{quantity} of program \"{name}\" in Keuangan is stated as {stated}, but program "
        "\"{pk_name}\" in Lampiran II ({pk_cell}) says {pk} (difference {difference}). They "
        "were paired because their names are similar: check that they are the same program.",
    ),
    # --- rules: hygiene ---
    "rule.INP.decimal-dot": ("titik dibaca sebagai desimal", "dot read as decimal point"),
    "rule.INP.decimal-comma": ("koma dibaca sebagai desimal", "comma read as decimal point"),
    "rule.INP001.plain": (
        "angka '{raw}' disimpan sebagai teks; dibaca {value}. Simpan sebagai angka agar Excel "
        "dapat menghitungnya",
        "number '{raw}' is stored as text; read as {value}. Store it as a number so that Excel "
        "can compute with it"),
    "rule.INP001.fix": (
        "angka '{raw}' disimpan sebagai teks; dibaca {value} ({how_id}). Simpan sebagai angka "
        "agar Excel dapat menghitungnya",
        "number '{raw}' is stored as text; read as {value} ({how_en}). Store it as a number so "
        "that Excel can compute with it"),
    "rule.INP001.count": (
        "angka '{raw}' disimpan sebagai teks; dibaca {value} ({how_id}): satuan '{satuan}' "
        "dihitung dalam bilangan bulat. Simpan sebagai angka agar Excel dapat menghitungnya",
        "number '{raw}' is stored as text; read as {value} ({how_en}): the unit '{satuan}' is "
        "counted in whole numbers. Store it as a number so that Excel can compute with it"),
    "rule.INP001.money": (
        "angka '{raw}' disimpan sebagai teks; dibaca {value} ({how_id}): rupiah tidak memakai "
        "tiga desimal. Simpan sebagai angka agar Excel dapat menghitungnya",
        "number '{raw}' is stored as text; read as {value} ({how_en}): rupiah never have three "
        "decimals. Store it as a number so that Excel can compute with it"),
    "rule.INP001.efficiency": (
        "angka '{raw}' disimpan sebagai teks; dibaca {value} ({how_id}): indeks efisiensi "
        "ditulis dengan tiga desimal. Simpan sebagai angka agar Excel dapat menghitungnya",
        "number '{raw}' is stored as text; read as {value} ({how_en}): an efficiency index is "
        "written with three decimals. Store it as a number so that Excel can compute with it"),
    "rule.INP001.review": (
        "angka '{raw}' disimpan sebagai teks; dibaca {value} ({how_id}). Periksa bacaan ini, "
        "lalu ketik ulang sebagai angka",
        "number '{raw}' is stored as text; read as {value} ({how_en}). Check this reading, then "
        "type it again as a number"),
    "rule.INP001.unit": (
        "angka '{raw}' disimpan sebagai teks bersama satuan; dibaca {value} ({how_id}). Tulis "
        "angkanya saja dan satuan '{unit}' di kolom Satuan",
        "number '{raw}' is stored as text with a unit; read as {value} ({how_en}). Write the "
        "number alone and the unit '{unit}' in the Satuan column"),
    "rule.INP002.other": (
        "'{raw}' bermakna ganda: dibaca {value} ({how_id}), tetapi bisa juga {other}. Ketik "
        "angka yang dimaksud sebagai angka, bukan teks",
        "'{raw}' is ambiguous: read as {value} ({how_en}), but it could also be {other}. Type "
        "the intended value as a number, not text"),
    "rule.INP002.space": (
        "'{raw}' bermakna ganda: dibaca {value} ({how_id}), tetapi spasinya bisa memisahkan "
        "dua angka. Ketik angka yang dimaksud sebagai angka",
        "'{raw}' is ambiguous: read as {value} ({how_en}), but the space may separate two "
        "numbers. Type the intended value as a number"),
    "rule.INP002.plain": (
        "'{raw}' bermakna ganda: dibaca {value} ({how_id}). Ketik angka yang dimaksud sebagai "
        "angka",
        "'{raw}' is ambiguous: read as {value} ({how_en}). Type the intended value as a number"),
    "rule.INP003.several-numbers": (
        "'{raw}' bukan satu angka: sel berisi beberapa angka. Tulis satu angka saja; angka "
        "lain ke kolom Keterangan",
        "'{raw}' is not one number: the cell holds several numbers. Write one number; put the "
        "others in the Keterangan column"),
    "rule.INP003.parentheses": (
        "'{raw}' bukan angka yang dapat dipakai: angka dalam kurung bisa berarti angka "
        "pendamping atau negatif. Tulis angkanya tanpa kurung (negatif dengan tanda -)",
        "'{raw}' is not a usable number: a number in parentheses may be a side figure or a "
        "negative. Write it without parentheses (a negative with a - sign)"),
    "rule.INP003.bad-grouping": (
        "'{raw}' bukan angka yang dapat dipakai: pemisah ribuan/desimal tidak masuk akal. "
        "Periksa angkanya dan ketik ulang",
        "'{raw}' is not a usable number: the thousands/decimal separators make no sense. Check "
        "the figure and type it again"),
    "rule.INP003.boolean": (
        "'{raw}' adalah nilai benar/salah, bukan angka. Isi angka",
        "'{raw}' is a true/false value, not a number. Enter a number"),
    "rule.INP003.date": (
        "'{raw}' adalah tanggal, bukan angka (Excel mungkin mengubah ketikan menjadi tanggal). "
        "Format sel sebagai angka dan ketik ulang",
        "'{raw}' is a date, not a number (Excel may have turned the typing into a date). Format "
        "the cell as a number and type it again"),
    "rule.INP003.not-finite": (
        "'{raw}' bukan angka hingga. Isi angka yang benar",
        "'{raw}' is not a finite number. Enter the right number"),
    "rule.INP003.words": (
        "'{raw}' bukan angka; sel ini tidak ikut dihitung. Isi angka, atau kosongkan dan "
        "jelaskan di kolom Keterangan",
        "'{raw}' is not a number; the cell is left out of every computation. Enter a number, "
        "or leave it blank and explain in the Keterangan column"),
    "rule.INP003.no-figure.capaian": (
        "'{raw}': laporan menyatakan tidak ada angka capaian di sel ini (bukan kesalahan); "
        "capaian baris ini tidak diperiksa dan tidak ikut rata-rata atau kategori",
        "'{raw}': the report states no capaian figure in this cell (not a mistake); this "
        "row's capaian is not checked and not used in averages or categories"),
    "rule.INP003.no-figure.inputs": (
        "'{raw}': laporan menyatakan tidak ada angka di sel ini (bukan kesalahan); capaian "
        "baris ini tidak dapat dihitung, jadi tidak diperiksa",
        "'{raw}': the report states no figure in this cell (not a mistake); this row's "
        "capaian cannot be computed, so it is not checked"),
    "rule.INP003.no-figure.percentage": (
        "'{raw}': laporan menyatakan tidak ada angka persentase di sel ini (bukan kesalahan); "
        "persentase baris ini tidak diperiksa",
        "'{raw}': the report states no percentage in this cell (not a mistake); this row's "
        "percentage is not checked"),
    "rule.INP003.no-figure.budget": (
        "'{raw}': laporan menyatakan tidak ada angka anggaran di sel ini (bukan kesalahan); "
        "serapan dan jumlah yang memakai sel ini tidak diperiksa",
        "'{raw}': the report states no budget figure in this cell (not a mistake); the "
        "absorption and the sums using this cell are not checked"),
    "rule.INP003.no-figure.rpjmd": (
        "'{raw}': laporan menyatakan tidak ada angka target di sel ini (bukan kesalahan); "
        "target ini tidak dibandingkan dengan tabel lain dan tidak dipakai menghitung capaian",
        "'{raw}': the report states no target figure in this cell (not a mistake); this "
        "target is not compared with the other tables nor used to compute a capaian"),
    "rule.INP003.no-figure.cell": (
        "'{raw}': laporan menyatakan tidak ada angka di sel ini (bukan kesalahan); sel ini "
        "tidak ikut dihitung dan tidak diperiksa",
        "'{raw}': the report states no figure in this cell (not a mistake); the cell is left "
        "out of every computation and check"),
    "rule.INP003.range": (
        "'{raw}' adalah rentang ({value}); kolom ini memerlukan satu angka. Rentang hanya boleh "
        "di kolom target",
        "'{raw}' is a range ({value}); this column needs one number. Ranges are allowed in "
        "target columns only"),
    "rule.INP004.error": (
        "sel berisi nilai galat Excel {error}; sel ini tidak ikut dihitung. Perbaiki rumusnya "
        "atau ketik nilainya",
        "the cell holds the Excel error value {error}; it is left out of every computation. "
        "Correct the formula or type the value"),
    "rule.INP005.formula": (
        "rumus ={formula} tidak punya nilai tersimpan, jadi terbaca kosong. Buka dan simpan "
        "berkas di Excel atau LibreOffice agar nilainya dihitung",
        "the formula ={formula} has no stored value, so it reads as blank. Open and save the "
        "file in Excel or LibreOffice so that the values are computed"),
    "rule.INP006.aliases": (
        "lembar '{sheet}' tidak ada (nama lain yang dikenali: {aliases}); isinya tidak "
        "diperiksa. Tambahkan lembar ini atau ganti nama lembar yang ada",
        "sheet '{sheet}' is missing (other names recognised: {aliases}); its content is not "
        "checked. Add the sheet or rename the existing one"),
    "rule.INP006.plain": (
        "lembar '{sheet}' tidak ada; isinya tidak diperiksa. Tambahkan lembar ini",
        "sheet '{sheet}' is missing; its content is not checked. Add the sheet"),
    "rule.INP007.header": (
        "baris judul kolom lembar '{sheet}' tidak ditemukan di 40 baris pertama (dicari: "
        "{names}); lembar ini tidak diperiksa. Pakai judul kolom dari templat",
        "the header row of sheet '{sheet}' was not found in the first 40 rows (looked for: "
        "{names}); the sheet is not checked. Use the template's column headers"),
    "rule.INP008.column": (
        "kolom wajib '{column}' tidak ada di baris judul (baris {row}); tabel ini tidak dibaca. "
        "Tambahkan kolom '{column}'",
        "required column '{column}' is missing from the header row (row {row}); the table is "
        "not read. Add the column '{column}'"),
    "rule.INP009.column": (
        "judul kolom '{column}' muncul dua kali; kolom pertama yang dipakai dan kolom ini "
        "diabaikan. Hapus atau ganti nama salah satunya",
        "column header '{column}' appears twice; the first column is used and this one ignored. "
        "Delete or rename one of them"),
    "rule.INP010.blank": (
        "kolom Baris kosong pada baris berisi data; baris ini tidak ikut diperiksa. Isi salah "
        "satu: {allowed}",
        "the Baris cell is blank on a row with data; the row is not checked. Enter one of: "
        "{allowed}"),
    "rule.INP010.other-sheet": (
        "Baris '{value}' tidak dipakai di lembar ini; baris ini tidak ikut diperiksa. Pakai "
        "salah satu: {allowed}",
        "Baris '{value}' is not used on this sheet; the row is not checked. Use one of: "
        "{allowed}"),
    "rule.INP010.suggest": (
        "Baris '{value}' tidak dikenal (maksudnya '{suggestion}'?); baris ini tidak ikut "
        "diperiksa. Pakai salah satu: {allowed}",
        "unknown Baris value '{value}' (did you mean '{suggestion}'?); the row is not checked. "
        "Use one of: {allowed}"),
    "rule.INP010.unknown": (
        "Baris '{value}' tidak dikenal; baris ini tidak ikut diperiksa. Pakai salah satu: "
        "{allowed}",
        "unknown Baris value '{value}'; the row is not checked. Use one of: {allowed}"),
    "rule.INP011.polarity": (
        "Polaritas '{value}' tidak dikenal; indikator dianggap Positif (makin tinggi makin "
        "baik). Tulis Positif atau Negatif",
        "unknown Polaritas '{value}'; the indicator is treated as Positif (higher is better). "
        "Write Positif or Negatif"),
    "rule.INP011.basis": (
        "Terhadap '{value}' tidak dikenal; capaian baris ini dianggap terhadap Target PK. "
        "Pakai salah satu: Target PK, Target RPJMD, Target Akhir Periode, Tahun Lalu, "
        "Standar Nasional",
        "unknown Terhadap '{value}'; this row's capaian is taken as measured against the "
        "Target PK. Use one of: Target PK, Target RPJMD, Target Akhir Periode, Tahun Lalu, "
        "Standar Nasional"),
    "rule.INP012.preset": (
        "Preset Konvensi '{value}' tidak dikenal; dipakai {default}. Pilihan: {choices}",
        "unknown Preset Konvensi '{value}'; {default} is used. Choices: {choices}"),
    "rule.INP012.batas_capaian": (
        "Batas Capaian '{value}' tidak dikenal; dipakai {default}. Pilihan: {choices}",
        "unknown Batas Capaian '{value}'; {default} is used. Choices: {choices}"),
    "rule.INP012.target_rentang": (
        "Target Rentang '{value}' tidak dikenal; dipakai {default}. Pilihan: {choices}",
        "unknown Target Rentang '{value}'; {default} is used. Choices: {choices}"),
    "rule.INP012.metode_efisiensi": (
        "Metode Efisiensi '{value}' tidak dikenal; dipakai {default}. Pilihan: {choices}",
        "unknown Metode Efisiensi '{value}'; {default} is used. Choices: {choices}"),
    "rule.INP012.skala": (
        "Skala Penilaian '{value}' tidak dikenal; dipakai {default}. Pilihan: {choices}",
        "unknown Skala Penilaian '{value}'; {default} is used. Choices: {choices}"),
    "rule.INP012.skala-custom": (
        "Skala Penilaian '{value}' dipilih tetapi tabel skala (Kategori, Batas Bawah) tidak "
        "ada di lembar Identitas; dipakai {default}",
        "Skala Penilaian '{value}' is chosen but the scale table (Kategori, Batas Bawah) is "
        "not on the Identitas sheet; {default} is used"),
    "rule.INP012.rumus_negatif": (
        "Rumus Indikator Negatif '{value}' tidak dikenal; dipakai {default}. Pilihan: "
        "{formulas}",
        "unknown Rumus Indikator Negatif '{value}'; {default} is used. Choices: {formulas}"),
    "rule.INP012.toleransi": (
        "Toleransi '{value}' bukan angka >= 0; dipakai {default} poin persen",
        "Toleransi '{value}' is not a number >= 0; {default} percentage points is used"),
    "rule.INP012.desimal": (
        "Desimal '{value}' harus bilangan bulat 0 sampai 6; dipakai {default}",
        "Desimal '{value}' must be a whole number from 0 to 6; {default} is used"),
    "rule.INP012.other": (
        "pengaturan tidak dikenal: {detail}; nilai bawaan dipakai",
        "unknown setting: {detail}; the default is used"),
    "rule.INP013.blank": (
        "{label} wajib diisi di lembar Identitas",
        "{label} is required on the Identitas sheet"),
    "rule.INP013.absent": (
        "label '{label}' tidak ada di lembar Identitas; tambahkan baris '{label}' dengan "
        "nilainya di sel kanannya",
        "label '{label}' is not on the Identitas sheet; add a row '{label}' with its value in "
        "the cell to its right"),
    "rule.INP013.scale-row": (
        "baris skala kustom tanpa Kategori atau Batas Bawah (angka); baris ini diabaikan",
        "a custom scale row without Kategori or a numeric Batas Bawah; the row is ignored"),
    "rule.INP014.hidden": (
        "lembar '{sheet}' tersembunyi; tetap dibaca dan diperiksa. Tampilkan (Unhide) agar "
        "pemeriksa melihatnya",
        "sheet '{sheet}' is hidden; it is read and checked all the same. Unhide it so that "
        "reviewers see it"),
    "rule.INP015.rows": (
        "lembar '{sheet}' terlalu besar: hanya {rows} baris pertama dibaca. Hapus baris kosong "
        "atau sisa isi di bawah tabel",
        "sheet '{sheet}' is too large: only its first {rows} rows were read. Delete the empty "
        "rows or stray content below the table"),
    "rule.INP016.blank-name": (
        "Kode Indikator kosong; nama indikator '{name}' sama dengan indikator {match}. Isi "
        "{match} agar baris ini terhubung",
        "Kode Indikator is blank; the indicator name '{name}' matches indicator {match}. Enter "
        "{match} so that the row joins up"),
    "rule.INP016.blank-names": (
        "Kode Indikator kosong; nama indikator '{name}' sama dengan beberapa indikator: "
        "{match}. Isi kode yang benar",
        "Kode Indikator is blank; the indicator name '{name}' matches several indicators: "
        "{match}. Enter the right code"),
    "rule.INP016.blank": (
        "Kode Indikator kosong dan nama indikator '{name}' tidak cocok dengan indikator yang "
        "dikenal; baris ini tidak terhubung ke lembar lain. Isi Kode Indikator",
        "Kode Indikator is blank and the indicator name '{name}' matches no known indicator; "
        "the row joins nothing on other sheets. Enter the Kode Indikator"),
    "rule.INP016.unknown-name": (
        "Kode Indikator '{code}' tidak ada di Tabel VI.1 maupun baris Indikator Lampiran II, "
        "tetapi nama indikatornya sama dengan {match}: mungkin kodenya salah tulis",
        "Kode Indikator '{code}' is in neither Tabel VI.1 nor a Lampiran II Indikator row, but "
        "the indicator name matches {match}: the code may be mistyped"),
    "rule.INP016.unknown": (
        "Kode Indikator '{code}' tidak ada di Tabel VI.1 maupun baris Indikator Lampiran II "
        "(kode yang ada: {known}); baris ini tidak terhubung",
        "Kode Indikator '{code}' is in neither Tabel VI.1 nor a Lampiran II Indikator row "
        "(known codes: {known}); the row joins nothing"),
    "rule.INP017.duplicate": (
        "Kode Indikator '{code}' sudah dipakai di {first}; setiap indikator perlu kode "
        "sendiri. Ganti salah satu kode",
        "Kode Indikator '{code}' is already used at {first}; every indicator needs its own "
        "code. Change one of them"),
    "rule.INP018.blank": (
        "Kegiatan '{name}' tanpa Kode Indikator: tidak jelas indikator mana yang didukungnya. "
        "Isi kode indikatornya",
        "Kegiatan '{name}' has no Kode Indikator: it is unclear which indicator it supports. "
        "Enter the indicator's code"),
    "rule.INP018.unknown": (
        "Kegiatan '{name}' menunjuk Kode Indikator '{code}' yang tidak ada (kode yang ada: "
        "{known}). Perbaiki kodenya",
        "Kegiatan '{name}' points to Kode Indikator '{code}', which does not exist (known "
        "codes: {known}). Correct the code"),
    "rule.INP019.none": (
        "indikator {code} ('{name}') tidak didukung satu pun Kegiatan di Lampiran II; isi Kode "
        "Indikator {code} pada kegiatan yang mendukungnya",
        "indicator {code} ('{name}') is served by no Kegiatan on Lampiran II; enter Kode "
        "Indikator {code} on the kegiatan that serve it"),
    "rule.INP020.bad-period": (
        "Periode Awal {start} tidak sebelum Periode Akhir {end}; perbaiki periode RPJMD",
        "Periode Awal {start} is not before Periode Akhir {end}; correct the RPJMD period"),
    "rule.INP020.outside": (
        "Tahun Laporan {year} di luar periode RPJMD: kolom tahun Tabel VI.1 mencakup {first} "
        "sampai {last}, jadi target RPJMD tahun ini tidak dapat ditemukan. Periksa Tahun "
        "Laporan",
        "Tahun Laporan {year} is outside the RPJMD period: the Tabel VI.1 year columns run "
        "from {first} to {last}, so the RPJMD target for the year cannot be found. Check "
        "Tahun Laporan"),
    "rule.INP020.no-columns": (
        "Tabel VI.1 tidak punya kolom tahun, jadi target RPJMD tahun {year} tidak dapat "
        "ditemukan. Beri judul kolom target dengan tahunnya (mis. 2019)",
        "Tabel VI.1 has no year columns, so the RPJMD target for {year} cannot be found. Head "
        "the target columns with their year (e.g. 2019)"),
    "rule.INP020.not-in-columns": (
        "Tahun Laporan {year} tidak ada di kolom tahun Tabel VI.1 ({years}); target RPJMD "
        "tahun ini tidak dapat ditemukan",
        "Tahun Laporan {year} is not among the Tabel VI.1 year columns ({years}); the RPJMD "
        "target for the year cannot be found"),
    "rule.INP021.no-column": (
        "kolom Polaritas tidak ada: {n} indikator dianggap Positif (makin tinggi makin baik). "
        "Tambahkan kolom Polaritas",
        "there is no Polaritas column: {n} indicators are treated as Positif (higher is "
        "better). Add a Polaritas column"),
    "rule.INP021.blank": (
        "Polaritas indikator {code} kosong; dianggap Positif (makin tinggi makin baik). Isi "
        "Positif atau Negatif",
        "Polaritas of indicator {code} is blank; it is treated as Positif (higher is better). "
        "Enter Positif or Negatif"),
    "rule.INP022.blank": (
        "baris Indikator tanpa Kode Indikator ('{name}'); namanya tidak cocok dengan indikator "
        "yang dikenal, jadi baris ini hanya diperiksa sendiri. Isi kodenya bila baris ini "
        "mengukur satu indikator",
        "Indikator row without Kode Indikator ('{name}'); its name matches no known indicator, "
        "so the row is only checked on its own. Enter the code if it measures one indicator"),
    "rule.INP023.rpjmd": (
        "Tabel VI.1 kosong: tanpa tabel ini target RPJMD Tahun Laporan (dibandingkan dengan "
        "target PK), kondisi akhir dan polaritas indikator tidak dapat diperiksa; semua "
        "indikator dianggap Positif dan Kode Indikator hanya dicocokkan dengan baris Indikator "
        "Lampiran II. Baris tabel lain diperiksa sendiri-sendiri",
        "Tabel VI.1 is empty: without it the RPJMD targets of Tahun Laporan (against the PK "
        "targets), the kondisi akhir and the indicators' polarity cannot be checked; every "
        "indicator is treated as Positif and Kode Indikator is joined with the Lampiran II "
        "Indikator rows only. The rows of the other tables are checked on their own"),
    "rule.INP023.rpjmd-no-codes": (
        "Tabel VI.1 kosong (dan Lampiran II tidak punya baris Indikator): tanpa tabel ini "
        "target RPJMD, kondisi akhir, polaritas indikator (semua dianggap Positif) dan Kode "
        "Indikator di lembar lain tidak dapat diperiksa. Baris tabel lain diperiksa "
        "sendiri-sendiri",
        "Tabel VI.1 is empty (and Lampiran II has no Indikator rows): without it the RPJMD "
        "targets, the kondisi akhir, the indicators' polarity (all treated as Positif) and the "
        "Kode Indikator on other sheets cannot be checked. The rows of the other tables are "
        "checked on their own"),
    "rule.INP023.pk": (
        "Lampiran II kosong: tanpa tabel ini target yang diperjanjikan (PK), kegiatan dan "
        "capaiannya, serta anggaran program tidak dapat diperiksa, dan target di Pengukuran "
        "Kinerja tidak dapat dibandingkan dengan target PK. Baris tabel lain diperiksa "
        "sendiri-sendiri",
        "Lampiran II is empty: without it the agreed (PK) targets, the kegiatan and their "
        "capaian and the program budgets cannot be checked, and the Pengukuran Kinerja targets "
        "cannot be compared with the PK targets. The rows of the other tables are checked on "
        "their own"),
    "rule.INP023.measurement": (
        "Pengukuran Kinerja kosong: tanpa tabel ini capaian, kategori dan rata-rata capaian "
        "yang dinyatakan di Bab III tidak dapat diperiksa. Baris tabel lain diperiksa "
        "sendiri-sendiri",
        "Pengukuran Kinerja is empty: without it the capaian, categories and averages stated "
        "in Bab III cannot be checked. The rows of the other tables are checked on their own"),
    "rule.INP023.budget": (
        "Keuangan kosong: tanpa tabel ini serapan anggaran (realisasi dibagi pagu) dan "
        "kecocokan anggaran program dengan Lampiran II tidak dapat diperiksa. Baris tabel lain "
        "diperiksa sendiri-sendiri",
        "Keuangan is empty: without it the budget absorption (realisation over pagu) and the "
        "program budgets against Lampiran II cannot be checked. The rows of the other tables "
        "are checked on their own"),
    "rule.INP024.gap": (
        "Skala Kustom berlubang: nilai di atas {low} dan di bawah {high} (mis. {example}) "
        "tidak masuk {lower_band} maupun {upper_band}, jadi tidak diberi kategori. Tutup "
        "celahnya, mis. Batas Bawah {upper_band} = {low} dengan Termasuk Batas = Tidak",
        "the custom scale has a gap: values above {low} and below {high} (e.g. {example}) "
        "fall in neither {lower_band} nor {upper_band}, so they get no category. Close the "
        "gap, e.g. Batas Bawah of {upper_band} = {low} with Termasuk Batas = Tidak"),
    "rule.INP024.overlap": (
        "Skala Kustom tumpang tindih: nilai {low} sampai {high} masuk {lower_band} dan "
        "{upper_band} sekaligus, jadi tidak diberi kategori. Ubah Batas Atas {lower_band} "
        "atau isi Termasuk Batas = Tidak pada {upper_band}",
        "the custom scale overlaps: values from {low} to {high} fall in both {lower_band} and "
        "{upper_band}, so they get no category. Change the Batas Atas of {lower_band} or set "
        "Termasuk Batas = Tidak on {upper_band}"),
    "rule.INP024.no-top": (
        "Skala Kustom berhenti di {low}: tidak ada kategori untuk nilai di atasnya (capaian "
        "di atas 100 lazim); nilai itu dianggap {lower_band}. Kosongkan Batas Atas "
        "{lower_band} bila memang demikian",
        "the custom scale stops at {low}: no band covers values above it (capaian above 100 "
        "are common); they are taken as {lower_band}. Leave the Batas Atas of {lower_band} "
        "blank if that is meant"),
    # --- rules: capaian, averages and categories (CAP, AVG, KAT) --------------------------
    "rule.CAP001.plain": ("Capaian tertulis {stated} tetapi dihitung {expected} = {formula}.",
                          "Capaian stated as {stated} but computed {expected} = {formula}."),
    "rule.CAP001.unknown-polarity": (
        "Capaian tertulis {stated} salah apa pun polaritasnya: realisasi {realisasi} terhadap "
        "target {target} memberi {readings_id}. Polaritas tidak tertulis, jadi nilai yang "
        "benar belum dapat ditentukan: isi Polaritas (Tabel VI.1 atau baris ini).",
        "Capaian stated as {stated} is wrong whatever the polarity: realisation {realisasi} "
        "against target {target} gives {readings_en}. Polaritas is not stated, so the right "
        "value cannot be chosen yet: fill in Polaritas (Tabel VI.1 or this row).",
    ),
    "rule.CAP001.reading": ("{value} ({label})", "{value} ({label})"),
    "rule.CAP001.agreed-target": (
        "Capaian tertulis {stated} tetapi dihitung {expected} = {formula}, dengan target {other} "
        "yang disepakati untuk {code} di PK ({other_cell}); baris ini menulis target {own}.",
        "Capaian stated as {stated} but computed {expected} = {formula}, with the target {other} "
        "agreed for {code} in the PK ({other_cell}); this row states the target {own}.",
    ),
    "rule.CAP001.inverted": (
        "Capaian tertulis {stated} tetapi dihitung {expected} = {formula}; angka tertulis adalah "
        "rasio terbalik {alt_formula} (target dibagi realisasi).",
        "Capaian stated as {stated} but computed {expected} = {formula}; the stated figure is "
        "the inverted ratio {alt_formula} (target divided by realisation).",
    ),
    "rule.CAP001.fraction": (
        "Capaian tertulis {stated} adalah pecahan, bukan persen ({stated} x 100 = {as_percent}); "
        "dihitung {expected} = {formula}.",
        "Capaian stated as {stated} is a fraction, not a percent ({stated} x 100 = "
        "{as_percent}); computed {expected} = {formula}.",
    ),
    "rule.CAP001.polarity": (
        "Capaian tertulis {stated} tetapi dihitung {expected} = {formula}; angka tertulis memakai "
        "rumus indikator {used_polarity} {alt_formula}, padahal polaritas indikator ini "
        "{polarity}.",
        "Capaian stated as {stated} but computed {expected} = {formula}; the stated figure uses "
        "the {used_polarity} indicator formula {alt_formula}, but this indicator's polarity is "
        "{polarity}.",
    ),
    "rule.CAP001.polarity-kegiatan": (
        "Capaian tertulis {stated} tetapi dihitung {expected} = {formula}; angka tertulis memakai "
        "rumus {used_polarity} {alt_formula}, seperti indikatornya. Keluaran kegiatan dihitung "
        "{polarity} (makin tinggi makin baik); bila keluaran kegiatan ini memang makin rendah "
        "makin baik, isi Polaritas baris ini dengan {used_polarity}.",
        "Capaian stated as {stated} but computed {expected} = {formula}; the stated figure uses "
        "the {used_polarity} formula {alt_formula}, like its indicator. An activity output is "
        "computed {polarity} (higher is better); if this activity's output really is lower is "
        "better, set this row's Polaritas to {used_polarity}.",
    ),
    "rule.CAP001.other-formula": (
        "Capaian tertulis {stated} tetapi dihitung {expected} = {formula}; angka tertulis memakai "
        "rumus negatif lain {alt_formula}, padahal buku kerja memakai {negative_formula} "
        "(Identitas: Rumus Indikator Negatif).",
        "Capaian stated as {stated} but computed {expected} = {formula}; the stated figure uses "
        "the other negative formula {alt_formula}, but the workbook uses {negative_formula} "
        "(Identitas: Rumus Indikator Negatif).",
    ),
    "rule.CAP001.cap": (
        "Capaian tertulis {stated} tetapi dihitung {expected} = {formula}; angka tertulis "
        "adalah capaian yang dibatasi {cap}. Bila laporan memang membatasi capaian, isi "
        "Batas Capaian = {setting} di Identitas (atau --cap {cap}); sekarang: {current}.",
        "Capaian stated as {stated} but computed {expected} = {formula}; the stated figure is "
        "the capaian capped at {cap}. If the report does cap capaian, set Batas Capaian = "
        "{setting} on Identitas (or --cap {cap}); now: {current}.",
    ),
    "rule.CAP001.range-reading": (
        "Capaian tertulis {stated} tetapi dihitung {expected} = {formula}; angka tertulis "
        "membaca target rentang sebagai {setting}: {alt_formula}. Bila laporan memang membaca "
        "rentang begitu, isi Target Rentang = {setting} di Identitas; sekarang: {current}.",
        "Capaian stated as {stated} but computed {expected} = {formula}; the stated figure "
        "reads the range target as {setting}: {alt_formula}. If the report does read ranges "
        "so, set Target Rentang = {setting} on Identitas; now: {current}.",
    ),
    "rule.CAP001.score-110": (
        "Capaian tertulis {stated} tetapi dihitung {expected} = {formula}; angka tertulis "
        "adalah skor 120 untuk capaian di atas 110 (cara menilai kinerja pegawai), bukan "
        "capaian. Batas Capaian hanya memotong capaian di atas batasnya (Maks. 120: 138,75 "
        "menjadi 120; {expected} tetap {expected}).",
        "Capaian stated as {stated} but computed {expected} = {formula}; the stated figure is "
        "the score 120 given to a capaian above 110 (a staff-performance scoring rule), not a "
        "capaian. Batas Capaian only cuts capaian above the cap (Maks. 120: 138.75 becomes "
        "120; {expected} stays {expected}).",
    ),
    "rule.CAP001.uncapped": (
        "Capaian tertulis {stated} = {alt_formula} belum dibatasi, padahal Batas Capaian = "
        "{setting} ({where}): capaian di atas {cap} ditulis {cap}; dihitung {expected} = "
        "{formula}.",
        "Capaian stated as {stated} = {alt_formula} is not capped, but Batas Capaian = "
        "{setting} ({where}): a capaian above {cap} is written {cap}; computed {expected} = "
        "{formula}.",
    ),
    "rule.CAP001.denominator": (
        "Capaian tertulis {stated} = {alt_formula} memakai target {own} dari baris ini, padahal "
        "target {code} yang disepakati di PK adalah {other} ({other_cell}); dihitung {expected} "
        "= {formula}.",
        "Capaian stated as {stated} = {alt_formula} uses this row's target {own}, but the target "
        "agreed for {code} in the PK is {other} ({other_cell}); computed {expected} = {formula}.",
    ),
    "rule.CAP001.denominator.one-digit": (
        "Capaian tertulis {stated} = {alt_formula} memakai target {own} dari baris ini, padahal "
        "target {code} yang disepakati di PK adalah {other} ({other_cell}); dihitung {expected} "
        "= {formula}. Kemungkinan salah ketik: {own} dan {other} hanya berbeda satu angka.",
        "Capaian stated as {stated} = {alt_formula} uses this row's target {own}, but the target "
        "agreed for {code} in the PK is {other} ({other_cell}); computed {expected} = {formula}. "
        "Likely typo: {own} vs {other} differ in one digit.",
    ),
    "rule.CAP001.denominator.swapped": (
        "Capaian tertulis {stated} = {alt_formula} memakai target {own} dari baris ini, padahal "
        "target {code} yang disepakati di PK adalah {other} ({other_cell}); dihitung {expected} "
        "= {formula}. Kemungkinan salah ketik: pada {own} dan {other} dua angka bertukar tempat.",
        "Capaian stated as {stated} = {alt_formula} uses this row's target {own}, but the target "
        "agreed for {code} in the PK is {other} ({other_cell}); computed {expected} = {formula}. "
        "Likely typo: {own} vs {other} have two digits swapped.",
    ),
    "rule.CAP001.numerator": (
        "Capaian tertulis {stated} = {alt_formula} memakai realisasi {other} yang tertulis di "
        "{other_cell}, padahal baris ini menulis realisasi {own}; dihitung {expected} = "
        "{formula}.",
        "Capaian stated as {stated} = {alt_formula} uses the realisation {other} stated in "
        "{other_cell}, but this row states the realisation {own}; computed {expected} = "
        "{formula}.",
    ),
    "rule.CAP001.numerator.one-digit": (
        "Capaian tertulis {stated} = {alt_formula} memakai realisasi {other} yang tertulis di "
        "{other_cell}, padahal baris ini menulis realisasi {own}; dihitung {expected} = "
        "{formula}. Kemungkinan salah ketik: {own} dan {other} hanya berbeda satu angka.",
        "Capaian stated as {stated} = {alt_formula} uses the realisation {other} stated in "
        "{other_cell}, but this row states the realisation {own}; computed {expected} = "
        "{formula}. Likely typo: {own} vs {other} differ in one digit.",
    ),
    "rule.CAP001.numerator.swapped": (
        "Capaian tertulis {stated} = {alt_formula} memakai realisasi {other} yang tertulis di "
        "{other_cell}, padahal baris ini menulis realisasi {own}; dihitung {expected} = "
        "{formula}. Kemungkinan salah ketik: pada {own} dan {other} dua angka bertukar tempat.",
        "Capaian stated as {stated} = {alt_formula} uses the realisation {other} stated in "
        "{other_cell}, but this row states the realisation {own}; computed {expected} = "
        "{formula}. Likely typo: {own} vs {other} have two digits swapped.",
    ),
    "rule.CAP002.truncated": (
        "{count} nilai capaian/persentase ditulis dipotong, bukan dibulatkan; yang pertama: "
        "{stated} untuk {formula} = {exact} (dibulatkan: {expected}). Sel: {cells}.",
        "{count} capaian/percentage values are truncated instead of rounded; the first: "
        "{stated} for {formula} = {exact} (rounded: {expected}). Cells: {cells}.",
    ),
    "rule.CAP003.rounded": (
        "Nilai tertulis {stated} benar pada {decimals} desimal seperti tercetak (tidak diubah); "
        "dengan {workbook_decimals} desimal sesuai pengaturan buku kerja: {expected} = "
        "{formula}.",
        "The stated value {stated} is right at the {decimals} decimals it is printed with (left "
        "as is); with the workbook's {workbook_decimals} decimals: {expected} = {formula}.",
    ),
    "rule.CAP004.blank": ("Capaian kosong; dapat dihitung {expected} = {formula}.",
                          "Capaian is blank; it computes to {expected} = {formula}."),
    "rule.CAP005.no-target": (
        "Capaian tidak dapat dihitung: target kosong ({cell}); realisasi {realisasi}, capaian "
        "tertulis {stated}. Tidak dibagi.",
        "Capaian cannot be computed: the target is blank ({cell}); realisation {realisasi}, "
        "capaian stated {stated}. Not divided.",
    ),
    "rule.CAP005.zero-target": (
        "Capaian tidak dapat dihitung: target bernilai 0 ({cell}) dan tidak dapat menjadi "
        "pembagi; realisasi {realisasi}, capaian tertulis {stated}.",
        "Capaian cannot be computed: the target is 0 ({cell}) and cannot be a divisor; "
        "realisation {realisasi}, capaian stated {stated}.",
    ),
    "rule.CAP005.zero-realisation": (
        "Capaian tidak dapat dihitung dengan rumus T/R: realisasi bernilai 0 ({cell}) dan tidak "
        "dapat menjadi pembagi; target {target}, capaian tertulis {stated}.",
        "Capaian cannot be computed with the T/R formula: the realisation is 0 ({cell}) and "
        "cannot be a divisor; target {target}, capaian stated {stated}.",
    ),
    "rule.CAP005.no-realisation": (
        "Capaian tertulis {stated} tidak dapat dihitung: realisasi kosong ({cell}); target "
        "{target}.",
        "Capaian stated as {stated} cannot be computed: the realisation is blank ({cell}); "
        "target {target}.",
    ),
    "rule.CAP005.pagu-blank": (
        "Persentase tertulis {stated} tidak dapat dihitung: pagu kosong ({cell}); realisasi "
        "{realisasi}.",
        "Percentage stated as {stated} cannot be computed: the pagu is blank ({cell}); "
        "realisation {realisasi}.",
    ),
    "rule.CAP005.pagu-zero": (
        "Persentase tertulis {stated} tidak dapat dihitung: pagu bernilai 0 ({cell}); realisasi "
        "{realisasi}.",
        "Percentage stated as {stated} cannot be computed: the pagu is 0 ({cell}); realisation "
        "{realisasi}.",
    ),
    "rule.CAP005.budget-no-realisation": (
        "Persentase tertulis {stated} tidak dapat dihitung: realisasi kosong ({cell}); pagu "
        "{target}.",
        "Percentage stated as {stated} cannot be computed: the realisation is blank ({cell}); "
        "pagu {target}.",
    ),
    "rule.CAP006.plain": (
        "Persentase tertulis {stated} tetapi dihitung {expected} = {formula} "
        "(realisasi / pagu x 100).",
        "Percentage stated as {stated} but computed {expected} = {formula} "
        "(realisation / pagu x 100).",
    ),
    "rule.CAP006.inverted": (
        "Persentase tertulis {stated} tetapi dihitung {expected} = {formula}; angka tertulis "
        "adalah rasio terbalik {alt_formula} (pagu dibagi realisasi).",
        "Percentage stated as {stated} but computed {expected} = {formula}; the stated figure is "
        "the inverted ratio {alt_formula} (pagu divided by realisation).",
    ),
    "rule.CAP006.fraction": (
        "Persentase tertulis {stated} adalah pecahan, bukan persen ({stated} x 100 = "
        "{as_percent}); dihitung {expected} = {formula}.",
        "Percentage stated as {stated} is a fraction, not a percent ({stated} x 100 = "
        "{as_percent}); computed {expected} = {formula}.",
    ),
    "rule.CAP007.blank": (
        "Persentase kosong; dapat dihitung {expected} = {formula} (realisasi / pagu x 100).",
        "Percentage is blank; it computes to {expected} = {formula} (realisation / pagu x 100).",
    ),
    "rule.CAP008.predicate": (
        "Capaian tertulis {stated} tidak dapat diperiksa: target atau realisasi berupa "
        "predikat ('{words}', {cell}), bukan angka; target {target}, realisasi {realisasi}. "
        "Apakah predikat tercapai dinilai oleh pembaca.",
        "Capaian stated as {stated} cannot be checked: the target or realisation is a "
        "predicate ('{words}', {cell}), not a number; target {target}, realisation "
        "{realisasi}. Whether the predicate was reached is for the reader to judge.",
    ),
    "rule.CAP008.no-basis-target": (
        "Capaian tertulis {stated} terhadap {basis} tidak dapat diperiksa: baris ini tidak "
        "menuliskan target pembandingnya dan buku kerja tidak memuatnya; realisasi "
        "{realisasi}. Tulis angka pembanding di kolom Target baris ini.",
        "Capaian stated as {stated} against {basis} cannot be checked: the row states no "
        "target to compare with and the workbook does not hold one; realisation {realisasi}. "
        "Write the figure compared with in this row's Target.",
    ),
    "rule.CAP008.no-figures": (
        "Persentase tertulis {stated} tidak dapat diperiksa: pagu dan realisasi baris ini "
        "tidak tertulis. Isi Pagu dan Realisasi baris ini agar persentasenya dihitung.",
        "Percentage stated as {stated} cannot be checked: this row states neither pagu nor "
        "realisation. Fill in this row's Pagu and Realisasi to have it computed.",
    ),
    "rule.CAP008.ratio-polarity": (
        "Capaian tertulis {stated} tidak dapat diperiksa: target {target} dan realisasi "
        "{realisasi} berupa rasio, dan Polaritas indikator tidak tertulis (makin kecil atau "
        "makin besar yang lebih baik?). Isi Polaritas di Tabel VI.1 atau di baris ini.",
        "Capaian stated as {stated} cannot be checked: target {target} and realisation "
        "{realisasi} are ratios and the indicator's Polaritas is not stated (is smaller or "
        "larger better?). Fill in Polaritas on Tabel VI.1 or on this row.",
    ),
    "rule.CAP009.capped": (
        "Capaian tertulis {stated} benar karena Batas Capaian = {setting} ({where}): tanpa "
        "batas dihitung {uncapped} = {formula}.",
        "Capaian stated as {stated} is right because Batas Capaian = {setting} ({where}): "
        "uncapped it is {uncapped} = {formula}.",
    ),
    "rule.EFF001.program": (
        "Efisiensi tertulis {stated} untuk program {name} tidak cocok dengan kedua cara hitung: "
        "rasio {ratio} = {capaian} / {serapan}, selisih {difference} = {capaian} - {serapan} "
        "(capaian {capaian} = {capaian_formula}; serapan {serapan} = {serapan_formula}). "
        "Cara hitung lain: {others}.",
        "Stated efficiency {stated} for program {name} matches neither reading: ratio {ratio} "
        "= {capaian} / {serapan}, difference {difference} = {capaian} - {serapan} (capaian "
        "{capaian} = {capaian_formula}; absorption {serapan} = {serapan_formula}). Other "
        "readings: {others}.",
    ),
    "rule.EFF001.program-kegiatan": (
        "Efisiensi tertulis {stated} untuk program {name} tidak cocok dengan kedua cara hitung: "
        "rasio {ratio} = {capaian} / {serapan}, selisih {difference} = {capaian} - {serapan} "
        "(capaian rata-rata kegiatan {capaian} = {capaian_formula}; serapan {serapan} = "
        "{serapan_formula}).",
        "Stated efficiency {stated} for program {name} matches neither reading: ratio {ratio} "
        "= {capaian} / {serapan}, difference {difference} = {capaian} - {serapan} (mean "
        "activity capaian {capaian} = {capaian_formula}; absorption {serapan} = "
        "{serapan_formula}).",
    ),
    "rule.EFF001.sasaran": (
        "Efisiensi tertulis {stated} untuk sasaran {name} tidak cocok dengan kedua cara hitung: "
        "rasio {ratio} = {capaian} / {serapan}, selisih {difference} = {capaian} - {serapan} "
        "(capaian rata-rata sasaran {capaian} = {capaian_formula}; serapan {serapan} = "
        "{serapan_formula}). Cara hitung lain: {others}.",
        "Stated efficiency {stated} for sasaran {name} matches neither reading: ratio {ratio} "
        "= {capaian} / {serapan}, difference {difference} = {capaian} - {serapan} (mean "
        "capaian of the sasaran {capaian} = {capaian_formula}; absorption {serapan} = "
        "{serapan_formula}). Other readings: {others}.",
    ),
    "rule.EFF001.average": (
        "Efisiensi tertulis {stated} untuk {name} tidak cocok dengan kedua cara hitung: rasio "
        "{ratio} = {capaian} / {serapan}, selisih {difference} = {capaian} - {serapan} "
        "(capaian rata-rata {capaian} = {capaian_formula}; serapan {serapan} = "
        "{serapan_formula}). Cara hitung lain: {others}.",
        "Stated efficiency {stated} for {name} matches neither reading: ratio {ratio} = "
        "{capaian} / {serapan}, difference {difference} = {capaian} - {serapan} (mean capaian "
        "{capaian} = {capaian_formula}; absorption {serapan} = {serapan_formula}). Other "
        "readings: {others}.",
    ),
    "rule.EFF001.indicator": (
        "Efisiensi tertulis {stated} untuk indikator {name} tidak cocok dengan kedua cara "
        "hitung: rasio {ratio} = {capaian} / {serapan}, selisih {difference} = {capaian} - "
        "{serapan} (serapan {serapan} = {serapan_formula}). Cara hitung lain: {others}.",
        "Stated efficiency {stated} for indicator {name} matches neither reading: ratio "
        "{ratio} = {capaian} / {serapan}, difference {difference} = {capaian} - {serapan} "
        "(absorption {serapan} = {serapan_formula}). Other readings: {others}.",
    ),
    "rule.AVG001.stated": (
        "Rata-rata tertulis {stated} sama dengan rata-rata capaian tertulis {stated_mean} = "
        "{stated_formula}, tetapi rata-rata capaian terhitung adalah {expected} = {formula}.",
        "The stated average {stated} is the mean of the stated capaian {stated_mean} = "
        "{stated_formula}, but the mean of the computed capaian is {expected} = {formula}.",
    ),
    "rule.AVG001.neither": (
        "Rata-rata tertulis {stated} tidak sama dengan rata-rata capaian terhitung {expected} = "
        "{formula}, maupun dengan rata-rata capaian tertulis {stated_mean} = {stated_formula}.",
        "The stated average {stated} is neither the mean of the computed capaian {expected} = "
        "{formula} nor the mean of the stated capaian {stated_mean} = {stated_formula}.",
    ),
    "rule.AVG001.neither-no-stated": (
        "Rata-rata tertulis {stated} tetapi rata-rata capaian terhitung adalah {expected} = "
        "{formula}.",
        "The stated average is {stated} but the mean of the computed capaian is {expected} = "
        "{formula}.",
    ),
    "rule.AVG001.stated-only": (
        "Rata-rata tertulis {stated} tetapi rata-rata capaian tertulis adalah {expected} = "
        "{formula} (capaian {stated_codes} tidak dapat dihitung ulang).",
        "The stated average is {stated} but the mean of the stated capaian is {expected} = "
        "{formula} (the capaian of {stated_codes} cannot be recomputed).",
    ),
    "rule.AVG001.mixed": (
        "Rata-rata tertulis {stated} tetapi seharusnya {expected} = {formula}, dengan capaian "
        "terhitung untuk {computed_codes} dan capaian tertulis untuk {stated_codes} (tidak "
        "dapat dihitung ulang).",
        "The stated average is {stated} but it should be {expected} = {formula}, with the "
        "computed capaian of {computed_codes} and the stated capaian of {stated_codes} (which "
        "cannot be recomputed).",
    ),
    "rule.AVG001.mixed-stated": (
        "Rata-rata tertulis {stated} sama dengan rata-rata capaian tertulis {stated_mean} = "
        "{stated_formula}, tetapi dengan capaian terhitung untuk {computed_codes} (dan capaian "
        "tertulis untuk {stated_codes}) rata-ratanya {expected} = {formula}.",
        "The stated average {stated} is the mean of the stated capaian {stated_mean} = "
        "{stated_formula}, but with the computed capaian of {computed_codes} (and the stated "
        "capaian of {stated_codes}) the mean is {expected} = {formula}.",
    ),
    "rule.AVG001.mixed-divisor": (
        "Rata-rata tertulis {stated} = {alt_formula}: dibagi {k}, padahal ada {n} suku; "
        "seharusnya {expected} = {formula}, dengan capaian terhitung untuk {computed_codes} dan "
        "capaian tertulis untuk {stated_codes}.",
        "The stated average {stated} = {alt_formula}: divided by {k}, but there are {n} terms; "
        "it should be {expected} = {formula}, with the computed capaian of {computed_codes} and "
        "the stated capaian of {stated_codes}.",
    ),
    "rule.AVG001.divisor": (
        "Rata-rata tertulis {stated} = {alt_formula}: dibagi {k}, padahal ada {n} suku; "
        "seharusnya {expected} = {formula}.",
        "The stated average {stated} = {alt_formula}: divided by {k}, but there are {n} terms; "
        "it should be {expected} = {formula}.",
    ),
    "rule.AVG001.divisor-stated": (
        "Rata-rata tertulis {stated} = {alt_formula} (capaian tertulis): dibagi {k}, padahal "
        "ada {n} suku; seharusnya {expected} = {formula}.",
        "The stated average {stated} = {alt_formula} (stated capaian): divided by {k}, but "
        "there are {n} terms; it should be {expected} = {formula}.",
    ),
    "rule.AVG002.truncated": (
        "Rata-rata tertulis {stated} adalah {formula} = {exact} yang dipotong, bukan dibulatkan "
        "({expected}).",
        "The stated average {stated} is {formula} = {exact} truncated instead of rounded "
        "({expected}).",
    ),
    "rule.KAT001.plain": (
        "Kategori tertulis '{stated}', tetapi nilai terhitung {value} termasuk '{expected}' "
        "menurut {scale} ({bands}).",
        "The stated category is '{stated}', but the computed value {value} is '{expected}' on "
        "{scale} ({bands}).",
    ),
    "rule.KAT001.follows-stated": (
        "Kategori tertulis '{stated}' sesuai capaian tertulis {capaian}, tetapi nilai terhitung "
        "{value} termasuk '{expected}' menurut {scale} ({bands}).",
        "The stated category '{stated}' follows the stated capaian {capaian}, but the computed "
        "value {value} is '{expected}' on {scale} ({bands}).",
    ),
    "rule.KAT001.other": (
        "Kategori tertulis '{stated}', tetapi nilai terhitung {value} termasuk '{expected}' "
        "menurut {scale} ({bands}); capaian tertulis {capaian} akan termasuk '{by_stated}'.",
        "The stated category is '{stated}', but the computed value {value} is '{expected}' on "
        "{scale} ({bands}); the stated capaian {capaian} would be '{by_stated}'.",
    ),
    "rule.KAT001.stated-only": (
        "Kategori tertulis '{stated}', tetapi capaian tertulis {value} termasuk '{expected}' "
        "menurut {scale} ({bands}); capaian tidak dapat dihitung ulang.",
        "The stated category is '{stated}', but the stated capaian {value} is '{expected}' on "
        "{scale} ({bands}); the capaian cannot be recomputed.",
    ),
    "rule.KAT002.blank": (
        "Kategori kosong; nilai terhitung {value} termasuk '{expected}' menurut {scale}.",
        "The category is blank; the computed value {value} is '{expected}' on {scale}.",
    ),
    "rule.KAT003.unknown": (
        "Kategori tertulis '{stated}' bukan kategori {scale} yang berlaku di buku kerja ini "
        "({bands}).",
        "The stated category '{stated}' is not a category of {scale}, the scale this workbook "
        "uses ({bands}).",
    ),
    # --- rules: comparisons across years, end target, national standard (CMP, cmp.) ---
    "cmp.source.perbandingan": ("kolom Realisasi {year} di Perbandingan ({cell})",
                                "the Realisasi {year} column of Perbandingan ({cell})"),
    "cmp.source.realisasi": ("realisasi tahun {year} indikator ini ({cell})",
                             "this indicator's realisation of {year} ({cell})"),
    "cmp.source.tahun-lalu": ("Target baris Pengukuran Kinerja terhadap Tahun Lalu ({cell})",
                              "the Target of the Pengukuran Kinerja row measured against "
                              "Tahun Lalu ({cell})"),
    "cmp.source.kondisi-awal": ("Kondisi Awal di Tabel VI.1 ({cell}, kondisi tahun {year})",
                                "the Kondisi Awal of Tabel VI.1 ({cell}, the condition of "
                                "{year})"),
    "cmp.source.target-rpjmd": ("target tahun terakhir periode di Tabel VI.1 ({cell})",
                                "the target of the period's last year on Tabel VI.1 ({cell})"),
    "cmp.source.perbandingan-target": ("Target Akhir Periode di Perbandingan ({cell})",
                                       "the Target Akhir Periode on Perbandingan ({cell})"),
    "cmp.source.row-target": ("Target baris Pengukuran Kinerja terhadap Target Akhir Periode "
                              "({cell})",
                              "the Target of the Pengukuran Kinerja row measured against "
                              "Target Akhir Periode ({cell})"),
    "cmp.source.standard": ("Standar Nasional di Perbandingan ({cell})",
                            "the Standar Nasional on Perbandingan ({cell})"),
    "cmp.source.row-standard": ("Target baris Pengukuran Kinerja terhadap Standar Nasional "
                                "({cell})",
                                "the Target of the Pengukuran Kinerja row measured against "
                                "Standar Nasional ({cell})"),
    "cmp.accumulation.cumulative": ("Kumulatif: jumlah realisasi tahun-tahun periode",
                                    "Kumulatif: the sum of the period's realisations"),
    "cmp.accumulation.latest": ("Nilai Terakhir: realisasi tahun laporan",
                                "Nilai Terakhir: the realisation of the report year"),
    "cmp.sum.section": ("Perbandingan antar tahun dan target akhir periode",
                        "Across years and against the end-of-period target"),
    "cmp.sum.h_what": ("Uraian", "Figure"),
    "cmp.sum.h_end_target": ("Target Akhir", "End target"),
    "cmp.sum.h_progress": ("Progres (%)", "Progress (%)"),
    "cmp.sum.realisasi": ("Realisasi", "Realisation"),
    "cmp.sum.target": ("Target RPJMD", "RPJMD target"),
    "cmp.sum.end_year": ("tahun {year}", "year {year}"),
    "cmp.sum.how.cumulative": ("Kumulatif", "Kumulatif (cumulative)"),
    "cmp.sum.how.latest": ("Nilai Terakhir", "Nilai Terakhir (latest value)"),
    "cmp.sum.progress_computed": (
        "Progres ({how}): realisasi s.d. tahun laporan {to_date}; {formula} = {value}",
        "Progress ({how}): realisation to date {to_date}; {formula} = {value}"),
    "cmp.sum.progress_missing": (
        "Progres ({how}) tidak dapat dihitung: realisasi tahun {years} tidak tertulis",
        "Progress ({how}) not computable: the realisation of {years} is not stated"),
    "cmp.sum.progress_none": (
        "Progres ({how}) tidak dapat dihitung: tidak ada realisasi tahun laporan atau target "
        "akhir periode",
        "Progress ({how}) not computable: no realisation of the report year or no "
        "end-of-period target"),
    "cmp.sum.progress_stated": ("kolom Progres menampilkan angka tertulis di Perbandingan",
                                "the Progress column shows the figure stated on "
                                "Perbandingan"),
    "cmp.sum.end_sum": ("target akhir = jumlah target tahunan Tabel VI.1 {formula}",
                        "end target = the sum of Tabel VI.1's yearly targets {formula}"),
    "cmp.sum.trend": ("tren tahun terakhir: {trend}", "trend over the last year: {trend}"),
    "cmp.sum.trend_stated": (" (tertulis {trend})", " (stated {trend})"),
    "cmp.sum.standard": (
        "Standar Nasional {standard} ({source}): capaian {capaian} = {formula}",
        "national standard {standard} ({source}): capaian {capaian} = {formula}"),
    "cmp.sum.note": (
        "Realisasi tiap tahun seperti tertulis (Perbandingan, realisasi tahun laporan di "
        "Lampiran II/Pengukuran Kinerja, baris Tahun Lalu, Kondisi Awal); target tiap tahun "
        "dari Tabel VI.1. Progres = realisasi s.d. tahun laporan / target akhir periode x 100 "
        "(Kumulatif: jumlah realisasi tahun-tahun periode; Nilai Terakhir: realisasi tahun "
        "laporan; indikator Negatif menurut Rumus Indikator Negatif).",
        "Each year's realisation as stated (Perbandingan, the report year's realisation on "
        "Lampiran II/Pengukuran Kinerja, a Tahun Lalu row, Kondisi Awal); each year's target "
        "from Tabel VI.1. Progress = realisation to date / end-of-period target x 100 "
        "(Kumulatif: the sum of the period's realisations; Nilai Terakhir: the report year's "
        "realisation; a Negatif indicator by the Rumus Indikator Negatif)."),
    "cmp.sum.chart_title": ("{code}: realisasi dan target RPJMD per tahun",
                            "{code}: realisation and RPJMD target by year"),
    "rule.CMP001.plain": (
        "Realisasi {code} tahun {year} tertulis {stated} di {what_id}, tetapi {expected} di "
        "{ref_id}.",
        "The {year} realisation of {code} is stated as {stated} in {what_en}, but as "
        "{expected} in {ref_en}.",
    ),
    "rule.CMP002.plain": (
        "Tren {code} tertulis {trend}, tetapi realisasi {year_before} {before} dan "
        "{year_now} {now}: {expected_trend}.",
        "The Tren of {code} is stated as {trend}, but the realisation was {before} in "
        "{year_before} and {now} in {year_now}: {expected_trend}.",
    ),
    "rule.CMP002.polarity": (
        "Tren {code} tertulis {trend}, tetapi realisasi {year_before} {before} dan "
        "{year_now} {now}: angkanya {expected_trend}. Indikator ini {polarity} (makin rendah "
        "makin baik), jadi kinerjanya {better}: tulis {expected_trend} (arah angka) atau "
        "{better} (arah kinerja).",
        "The Tren of {code} is stated as {trend}, but the realisation was {before} in "
        "{year_before} and {now} in {year_now}: the figure went {expected_trend}. The "
        "indicator is {polarity} (lower is better), so its performance is {better}: write "
        "{expected_trend} (the figure) or {better} (the performance).",
    ),
    "rule.CMP002.improvement": (
        "Tren {code} tertulis {trend}, tetapi realisasi {year_before} {before} dan "
        "{year_now} {now} pada indikator {polarity}: {expected_trend}.",
        "The Tren of {code} is stated as {trend}, but the realisation was {before} in "
        "{year_before} and {now} in {year_now} for a {polarity} indicator: "
        "{expected_trend}.",
    ),
    "rule.CMP002.flat": (
        "Tren {code} tertulis {trend}, tetapi realisasi {year_before} dan {year_now} sama "
        "({now}): Tetap.",
        "The Tren of {code} is stated as {trend}, but the realisation of {year_before} and "
        "{year_now} is the same ({now}): Tetap.",
    ),
    "rule.CMP003.stated": (
        "Progres {code} terhadap target akhir periode tertulis {stated}, hasil hitung "
        "{computed} = {formula} (Cara Hitung {how_id}; realisasi s.d. tahun laporan "
        "{to_date} = {to_date_formula}; tahun {years}; Target Akhir Periode {target}).",
        "The progress of {code} against the end-of-period target is stated as {stated}, "
        "computed {computed} = {formula} (Cara Hitung {how_en}; realisation to date "
        "{to_date} = {to_date_formula}; years {years}; Target Akhir Periode {target}).",
    ),
    "rule.CMP003.blank-cumulative": (
        "Progres {code} tertulis {stated} adalah progres Kumulatif ({cumulative_formula}; "
        "realisasi s.d. tahun laporan {cumulative_to_date}), tetapi Cara Hitung kosong dan "
        "dibaca Nilai Terakhir ({formula}): isi Cara Hitung = Kumulatif.",
        "The stated progress {stated} of {code} is the Kumulatif one ({cumulative_formula}; "
        "realisation to date {cumulative_to_date}), but Cara Hitung is blank and read as "
        "Nilai Terakhir ({formula}): fill in Cara Hitung = Kumulatif.",
    ),
    "rule.CMP003.row": (
        "Capaian {code} terhadap Target Akhir Periode tertulis {stated}, hasil hitung "
        "{computed} = {formula} (Cara Hitung {how_id}; realisasi s.d. tahun laporan "
        "{to_date} = {to_date_formula}).",
        "The capaian of {code} against the Target Akhir Periode is stated as {stated}, "
        "computed {computed} = {formula} (Cara Hitung {how_en}; realisation to date "
        "{to_date} = {to_date_formula}).",
    ),
    "rule.CMP003.row-realisasi": (
        "Realisasi {code} terhadap Target Akhir Periode tertulis {stated}, tetapi indikator "
        "ini Kumulatif: realisasi s.d. tahun laporan adalah jumlah tahun {years} = "
        "{to_date_formula} = {to_date}.",
        "The realisation of {code} against the Target Akhir Periode is stated as {stated}, "
        "but the indicator is Kumulatif: the realisation to date is the sum of {years} = "
        "{to_date_formula} = {to_date}.",
    ),
    "rule.CMP003.missing": (
        "Progres {code} tertulis {stated} tidak dapat diperiksa: realisasi tahun {missing} "
        "tidak tertulis (Cara Hitung {how_id}).",
        "The stated progress {stated} of {code} cannot be checked: the realisation of "
        "{missing} is not stated (Cara Hitung {how_en}).",
    ),
    "rule.CMP003.no-target": (
        "Progres {code} tertulis {stated} tidak dapat diperiksa: Target Akhir Periode tidak "
        "tertulis di Perbandingan maupun di Tabel VI.1.",
        "The stated progress {stated} of {code} cannot be checked: no Target Akhir Periode "
        "on Perbandingan nor on Tabel VI.1.",
    ),
    "rule.CMP004.plain": (
        "Target akhir periode {code} ({year}) tertulis {stated} di {what_id}, tetapi "
        "{expected} di {ref_id}.",
        "The end-of-period target of {code} ({year}) is stated as {stated} in {what_en}, but "
        "as {expected} in {ref_en}.",
    ),
    "rule.CMP004.cumulative": (
        "Target akhir periode {code} tertulis {stated} di {what_id}, tetapi indikator ini "
        "Kumulatif dan jumlah target tahunannya di Tabel VI.1 {formula} = {expected}.",
        "The end-of-period target of {code} is stated as {stated} in {what_en}, but the "
        "indicator is Kumulatif and its yearly targets on Tabel VI.1 add up to {formula} = "
        "{expected}.",
    ),
    "rule.CMP005.plain": (
        "Standar nasional {code} tertulis {stated} di {what_id}, tetapi {expected} di "
        "{ref_id} (sumber: {source}).",
        "The national standard of {code} is stated as {stated} in {what_en}, but as "
        "{expected} in {ref_en} (source: {source}).",
    ),
    "rule.CMP006.plain": (
        "Capaian {code} terhadap standar nasional tertulis {stated}, hasil hitung {computed} "
        "= {formula} (realisasi {realisasi}, standar {standard}; sumber: {source}).",
        "The capaian of {code} against the national standard is stated as {stated}, "
        "computed {computed} = {formula} (realisation {realisasi}, standard {standard}; "
        "source: {source}).",
    ),
    "rule.CMP007.accumulation": (
        "Cara Hitung tidak dikenal: '{value}' (Kumulatif atau Nilai Terakhir); dibaca Nilai "
        "Terakhir.",
        "Unknown Cara Hitung: '{value}' (Kumulatif or Nilai Terakhir); read as Nilai "
        "Terakhir.",
    ),
    "rule.CMP007.trend": (
        "Tren tidak dikenal: '{value}' (Naik, Turun, Tetap, Membaik, Memburuk); tidak "
        "diperiksa.",
        "Unknown Tren: '{value}' (Naik, Turun, Tetap, Membaik, Memburuk); not checked.",
    ),
    "rule.CMP007.code": (
        "Kode Indikator {code} di Perbandingan tidak ada di Tabel VI.1 maupun Lampiran II: "
        "angkanya tidak terhubung ke indikator mana pun.",
        "Kode Indikator {code} on Perbandingan is in neither Tabel VI.1 nor Lampiran II: its "
        "figures are linked to no indicator.",
    ),
    "rule.CMP007.future": (
        "Realisasi {code} tahun {year} tertulis {stated}, padahal Tahun Laporan {report_year}: "
        "realisasi tahun yang belum lewat (target yang salah tempat?).",
        "A realisation of {code} for {year} is stated ({stated}), but Tahun Laporan is "
        "{report_year}: a year not yet over (a target in the wrong table?).",
    ),
    "rule.CMP001.title": ("Realisasi tahun lalu berbeda", "Earlier realisation differs"),
    "rule.CMP002.title": ("Tren tidak sesuai angka", "Trend does not match"),
    "rule.CMP003.title": ("Progres target akhir tidak sesuai", "End-target progress differs"),
    "rule.CMP004.title": ("Target akhir periode berbeda", "End-of-period target differs"),
    "rule.CMP005.title": ("Standar nasional berbeda", "National standard differs"),
    "rule.CMP006.title": ("Capaian thd standar tidak sesuai", "Capaian vs standard differs"),
    "rule.CMP007.title": ("Baris Perbandingan bermasalah", "Perbandingan row problem"),
    "rule.CMP001.summary": (
        "Realisasi satu tahun tertulis dua kali dengan angka berbeda.",
        "The realisation of one year is stated twice with two different figures.",
    ),
    "rule.CMP002.summary": (
        "Tren yang tertulis di Perbandingan tidak sesuai dengan realisasinya.",
        "The Tren stated on Perbandingan does not follow from the realisations.",
    ),
    "rule.CMP003.summary": (
        "Progres tertulis terhadap target akhir periode berbeda dari realisasi s.d. tahun "
        "laporan / target akhir.",
        "A stated progress against the end-of-period target differs from the realisation to "
        "date / the end target.",
    ),
    "rule.CMP004.summary": (
        "Target akhir periode tertulis dua kali dengan angka berbeda.",
        "The end-of-period target is stated twice with two different figures.",
    ),
    "rule.CMP005.summary": (
        "Standar nasional suatu indikator tertulis dua kali dengan angka berbeda.",
        "The national standard of an indicator is stated twice with two different figures.",
    ),
    "rule.CMP006.summary": (
        "Capaian tertulis terhadap standar nasional berbeda dari realisasi / standar.",
        "A stated capaian against the national standard differs from realisation / standard.",
    ),
    "rule.CMP007.summary": (
        "Baris Perbandingan yang tidak dapat dibaca sebagaimana dimaksud.",
        "A Perbandingan row that cannot be read as meant.",
    ),
    # --- rekap ---
    "cli.check.report": ("Tulis rekap untuk penelaah (.xlsx atau .csv): satu baris per buku "
                         "kerja, semua temuan, jumlah per aturan.",
                         "Write a rekap for reviewers (.xlsx or .csv): one row per workbook, "
                         "every finding, counts per rule."),
    "cli.check.timeout": ("Batas waktu per berkas dalam detik (0 = tanpa batas).",
                          "Time limit per file in seconds (0 = no limit)."),
    "cli.check.jobs_auto": ("Jumlah proses paralel (0 = satu per CPU).",
                            "Number of parallel processes (0 = one per CPU)."),
    "rekap.bad_suffix": ("berkas rekap harus berakhiran .xlsx atau .csv: {path}",
                         "the rekap file must end in .xlsx or .csv: {path}"),
    "rekap.title": ("Rekap pemeriksaan LKjIP", "LKjIP check summary"),
    "rekap.sheet.files": ("Rekap", "Files"),
    "rekap.sheet.findings": ("Temuan", "Findings"),
    "rekap.sheet.rules": ("Aturan", "Rules"),
    "rekap.col.file": ("Berkas", "File"),
    "rekap.col.status": ("Status", "Status"),
    "rekap.col.source": ("Sumber berkas", "File source"),
    "rekap.col.duplicate": ("Duplikat", "Duplicate"),
    "rekap.col.previous": ("Dibandingkan dengan Tahun Sebelumnya",
                           "Compared with Previous Year"),
    "rekap.col.reason": ("Alasan", "Reason"),
    "rekap.col.message": ("Pesan", "Message"),
    "rekap.col.agency": ("Nama Instansi", "Agency"),
    "rekap.col.government": ("Pemerintah Daerah", "Regional Government"),
    "rekap.col.year": ("Tahun", "Year"),
    "rekap.col.indicators": ("Jumlah Indikator", "Indicators"),
    "rekap.col.computed": ("Capaian Terhitung", "Capaian Computed"),
    "rekap.col.capaian": ("Rata-rata Capaian (%)", "Mean Capaian (%)"),
    "rekap.col.category": ("Kategori", "Category"),
    "rekap.col.scale": ("Skala", "Scale"),
    "rekap.col.pagu": ("Pagu (Rp)", "Budget (Rp)"),
    "rekap.col.realisasi": ("Realisasi (Rp)", "Spent (Rp)"),
    "rekap.col.serapan": ("Serapan Anggaran (%)", "Budget Absorption (%)"),
    "rekap.col.error": ("Galat", "Errors"),
    "rekap.col.warning": ("Peringatan", "Warnings"),
    "rekap.col.info": ("Info", "Info"),
    "rekap.col.sheet": ("Lembar", "Sheet"),
    "rekap.col.cell": ("Sel", "Cell"),
    "rekap.col.code": ("Kode", "Code"),
    "rekap.col.name": ("Nama Aturan", "Rule Name"),
    "rekap.col.severity": ("Tingkat", "Severity"),
    "rekap.col.stated": ("Tertulis", "Stated"),
    "rekap.col.expected": ("Seharusnya", "Expected"),
    "rekap.col.difference": ("Selisih", "Difference"),
    "rekap.col.tolerance": ("Toleransi", "Tolerance"),
    "rekap.col.formula": ("Rumus", "Formula"),
    "rekap.col.inputs": ("Masukan", "Inputs"),
    "rekap.col.related": ("Sel Terkait", "Related Cells"),
    "rekap.col.action": ("Tindakan", "Action"),
    "rekap.col.findings": ("Jumlah Temuan", "Findings"),
    "rekap.col.files": ("Jumlah Berkas", "Files"),
    "rekap.col.summary": ("Uraian", "Description"),
    "rekap.status.unreadable": ("tidak terbaca", "unreadable"),
    "rekap.status.findings": ("ada temuan", "with findings"),
    "rekap.status.clean": ("tanpa temuan", "no findings"),
    "rekap.duplicate": ("sama persis dengan {file}", "identical to {file}"),
    "rekap.action.correct": ("dibetulkan oleh fix", "corrected by fix"),
    "rekap.action.fill": ("diisi oleh fix", "filled by fix"),
    "rekap.action.correct-unsafe": ("perbaikan tidak aman (menimpa jumlah tertulis)",
                                    "unsafe correction (overwrites a stated total)"),
    "rekap.action.review": ("perlu ditinjau", "to review"),
    "limit.timeout": ("pemeriksaan melewati batas waktu ({detail}); berkas mungkin rusak atau "
                      "terlalu rumit",
                      "checking took longer than the limit ({detail}); the file may be "
                      "damaged or too complex"),
    "limit.crashed": ("proses pemeriksa berhenti mendadak ({detail}); berkas mungkin rusak atau "
                      "terlalu besar",
                      "the checking process died ({detail}); the file may be damaged or too "
                      "large"),
    "limit.memory": ("memori habis saat membaca berkas; berkas terlalu besar atau rusak",
                     "out of memory while reading the file; it is too large or damaged"),
    # --- fix ---
    "fix.help": ("Tulis buku kerja yang dibetulkan, dengan lembar Ringkasan dan Temuan.",
                 "Write the corrected workbook, with the Ringkasan and Temuan sheets."),
    "fix.opt.output": ("Berkas keluaran (bawaan: NAMA.diperbaiki.xlsx di samping masukan).",
                       "Output file (default: NAME.diperbaiki.xlsx beside the input)."),
    "fix.opt.unsafe": ("Terapkan juga perbaikan tidak aman (menimpa jumlah yang tertulis).",
                       "Also apply unsafe fixes (overwrite stated totals)."),
    "fix.opt.diff": ("Tampilkan perubahan sel tanpa menulis apa pun.",
                     "Show the cell changes and write nothing."),
    "fix.opt.in_place": ("Timpa berkas masukan (cadangan bertanggal dibuat dulu).",
                         "Overwrite the input (a timestamped backup is kept first)."),
    "fix.opt.force": ("Timpa berkas keluaran yang sudah ada, dan tulis walaupun ada bagian buku "
                      "kerja yang akan hilang.",
                      "Overwrite an existing output, and write even when parts of the "
                      "workbook would be lost."),
    "fix.written": ("Buku kerja yang dibetulkan: {path}", "Corrected workbook: {path}"),
    "fix.counts": ("{corrected} nilai dibetulkan, {filled} sel kosong diisi, {converted} teks "
                   "diubah menjadi angka, {review} sel perlu ditinjau; {findings} temuan.",
                   "{corrected} values corrected, {filled} blanks filled, {converted} texts "
                   "turned into numbers, {review} cells to review; {findings} findings."),
    "fix.unsafe_skipped_line": ("{n} perbaikan tidak aman tidak diterapkan (pakai "
                                "--unsafe-fixes).",
                                "{n} unsafe fixes not applied (use --unsafe-fixes)."),
    "fix.backup": ("Cadangan: {path}", "Backup: {path}"),
    "fix.wrong_extension": ("{path}: isinya buku kerja {real} walaupun namanya berakhiran "
                            "{stated}; Excel tidak akan membuka salinan yang dibetulkan. Ganti "
                            "namanya menjadi {suggestion} lalu jalankan fix lagi",
                            "{path}: the content is an {real} workbook although the name ends "
                            "in {stated}; Excel would not open the corrected copy. Rename it "
                            "to {suggestion} and run fix again"),
    "fix.not_lkjip": ("bukan buku kerja LKjIP: lembar templat tidak ditemukan. Yang dibutuhkan: "
                      "{expected}. Yang ada: {found}. Tidak ada yang ditulis",
                      "not an LKjIP workbook: the template sheets are not there. Needed: "
                      "{expected}. Found: {found}. Nothing was written"),
    "fix.no_data": ("lembar templat ada tetapi belum berisi data (Tabel VI.1, Lampiran II, "
                    "Pengukuran Kinerja, Keuangan); tidak ada yang ditulis",
                    "the template sheets are there but hold no data (Tabel VI.1, Lampiran "
                    "II, Pengukuran Kinerja, Keuangan); nothing was written"),
    "fix.macro_module": ("Modul tombol Periksa & Hitung: {path}",
                         "Module of the Check & Compute button: {path}"),
    "fix.macro_broken": ("peringatan: tombol Periksa & Hitung di {path} tidak akan berjalan: "
                         "makronya mengimpor modul Python bernama seperti buku kerjanya "
                         "({module}), dan itu bukan nama modul. Pakai nama berisi huruf, angka "
                         "dan garis bawah saja, misalnya {suggestion}",
                         "warning: the Check & Compute button in {path} will not run: its "
                         "macro imports the Python module named like the workbook ({module}), "
                         "which is not a module name. Use a name of letters, digits and "
                         "underscores only, for example {suggestion}"),
    "fix.same_file": ("berkas keluaran sama dengan berkas masukan; pakai --in-place untuk "
                      "menimpanya (cadangan dibuat dulu): {path}",
                      "the output is the input file; use --in-place to overwrite it (a backup "
                      "is kept first): {path}"),
    "fix.bad_suffix": ("berkas keluaran harus {suffix} seperti masukannya: {path}",
                       "the output must be {suffix} like its input: {path}"),
    "fix.write_failed": ("gagal menulis {path}: {detail}", "could not write {path}: {detail}"),
    "fix.diff.none": ("tidak ada sel yang berubah", "no cell would change"),
    "fix.diff.count": ("{n} sel akan berubah; tidak ada yang ditulis.",
                       "{n} cells would change; nothing written."),
    "fix.blank": ("kosong", "blank"),
    "fix.comment.changed": ("Semula {old}; dihitung {new} = {formula} (aturan {code})",
                            "Was {old}; computed {new} = {formula} (rule {code})"),
    "fix.comment.changed_plain": ("Semula {old}; menjadi {new} (aturan {code})",
                                  "Was {old}; now {new} (rule {code})"),
    "fix.comment.filled": ("Semula kosong; diisi {new} = {formula} (aturan {code})",
                           "Was blank; filled with {new} = {formula} (rule {code})"),
    "fix.comment.filled_plain": ("Semula kosong; diisi {new} (aturan {code})",
                                 "Was blank; filled with {new} (rule {code})"),
    "fix.comment.aligned": ("Semula {old}; menjadi {new}, angka {source} yang dipakai untuk "
                            "menghitung {cell} di baris ini (aturan {code})",
                            "Was {old}; now {new}, the figure of {source} used to compute "
                            "{cell} on this row (rule {code})"),
    "fix.comment.unsafe_applied": ("Jumlah yang tertulis ditimpa dengan jumlah terhitung "
                                   "(perbaikan tidak aman, diterapkan atas permintaan); "
                                   "cocokkan dengan angka-angka yang dijumlahkan.",
                                   "The stated total was overwritten with the computed one "
                                   "(an unsafe fix, applied on request); compare it with the "
                                   "figures added up."),
    "fix.comment.review": ("Periksa: {message} (aturan {code})",
                           "Check: {message} (rule {code})"),
    "fix.comment.stated_mean": ("Periksa: rata-rata ini dihitung dari capaian yang tertulis di "
                                "lembar; sebagian capaian itu tidak dapat dihitung ulang, jadi "
                                "periksa juga capaiannya.",
                                "Check: this average is the mean of the capaian written on the "
                                "sheet; some of them cannot be recomputed, so check them too."),
    "fix.comment.unsafe_hint": ("Usulan: {new} (tidak diterapkan otomatis, karena menimpa "
                                "angka yang tertulis).",
                                "Proposed: {new} (not applied automatically, as it would "
                                "overwrite a stated figure)."),
    "fix.comment.formula": ("Sel berisi rumus dan tidak ditimpa; nilai yang dihitung: {new} "
                            "(aturan {code})",
                            "The cell holds a formula and was not overwritten; computed "
                            "value: {new} (rule {code})"),
    "fix.action.corrected": ("dibetulkan", "corrected"),
    "fix.action.filled": ("diisi", "filled"),
    "fix.action.converted": ("teks diubah menjadi angka", "text turned into a number"),
    "fix.action.review": ("perlu ditinjau", "to review"),
    "fix.severity.error": ("galat", "error"),
    "fix.severity.warning": ("peringatan", "warning"),
    "fix.severity.info": ("info", "info"),
    "fix.eff.efisien": ("efisien", "efficient"),
    "fix.eff.cukup-efisien": ("cukup efisien", "fairly efficient"),
    "fix.eff.tidak-efisien": ("tidak efisien", "not efficient"),
    "fix.legend.changed": ("Dibetulkan atau diisi oleh lkjip-xl; nilai semula ada di komentar "
                           "sel.",
                           "Corrected or filled by lkjip-xl; the original value is in the "
                           "cell's comment."),
    "fix.legend.review": ("Perlu ditinjau: komentar sel dan lembar Temuan menjelaskan apa yang "
                          "diperiksa.",
                          "To review: the cell's comment and the Temuan sheet say what to "
                          "check."),
    "fix.legend.line": ("Tanda lkjip-xl:", "lkjip-xl marks:"),
    "fix.legend.mark.corrected": ("dibetulkan (tebal)", "corrected (bold)"),
    "fix.legend.mark.filled": ("diisi (miring)", "filled (italic)"),
    "fix.legend.mark.converted": ("teks jadi angka (garis titik)", "text to number (dotted)"),
    "fix.legend.mark.review": ("perlu ditinjau (bingkai)", "to review (frame)"),
    "fix.legend.where": ("nilai semula di komentar sel", "original value in the comment"),
    "fix.legend.category": ("Kategori: {name}", "Category: {name}"),
    "fix.legend.reading.efisien": ("Efisiensi: efisien", "Efficiency: efficient"),
    "fix.legend.reading.cukup-efisien": ("Efisiensi: cukup efisien",
                                         "Efficiency: fairly efficient"),
    "fix.legend.reading.tidak-efisien": ("Efisiensi: tidak efisien",
                                         "Efficiency: not efficient"),
    "fix.sum.title": ("Ringkasan Kinerja {agency} Tahun {year}",
                      "Performance Summary, {agency}, {year}"),
    "fix.sum.settings": ("Skala penilaian: {scale} ({bands}). Rumus indikator negatif: "
                         "{formula}. Desimal: {decimals}.",
                         "Rating scale: {scale} ({bands}). Negative-indicator formula: "
                         "{formula}. Decimals: {decimals}."),
    "fix.sum.conventions": ("Konvensi: preset {preset}; batas capaian {cap}; target "
                            "rentang {range}; metode efisiensi {efficiency}.",
                            "Conventions: preset {preset}; capaian cap {cap}; range targets "
                            "{range}; efficiency method {efficiency}."),
    "fix.sum.generated": ("Dihitung oleh lkjip-xl {version} dari lembar masukan; nilai, "
                          "bukan rumus.",
                          "Computed by lkjip-xl {version} from the input sheets; values, "
                          "not formulas."),
    "fix.sum.source_file": ("Berkas sumber: {file} (SHA-256 {sha256})",
                            "Source file: {file} (SHA-256 {sha256})"),
    "fix.sum.settings_short": ("{scale}; {formula}; desimal {decimals}; toleransi {tolerance}",
                               "{scale}; {formula}; decimals {decimals}; tolerance "
                               "{tolerance}"),
    "fix.sum.made": ("Dibuat {time} (UTC) oleh lkjip-xl {version}; pengaturan: {settings}",
                     "Written {time} (UTC) by lkjip-xl {version}; settings: {settings}"),
    "fix.sum.unsafe_applied": ("; perbaikan yang menimpa jumlah tertulis diterapkan",
                               "; corrections overwriting stated totals applied"),
    "fix.sum.omitted": ("Tidak ditampilkan: {parts}.", "Not shown: {parts}."),
    "fix.sum.omit.indicators": ("capaian per indikator (Tabel VI.1, Lampiran II dan Pengukuran "
                                "Kinerja tidak berisi indikator)",
                                "achievement per indicator (Tabel VI.1, Lampiran II and "
                                "Pengukuran Kinerja hold no indicator)"),
    "fix.sum.omit.budget": ("anggaran dan efisiensi (Lampiran II dan Keuangan tidak berisi "
                            "pagu)",
                            "budget and efficiency (Lampiran II and Keuangan hold no budget)"),
    "fix.sum.omit.efficiency": ("efisiensi (tidak ada program dengan capaian dan serapan)",
                                "efficiency (no programme with both achievement and "
                                "absorption)"),
    "fix.sum.footer": ("Halaman &P dari &N", "Page &P of &N"),
    "fix.sum.s_indicators": ("Capaian per indikator", "Achievement per indicator"),
    "fix.sum.s_sasaran": ("Capaian per sasaran dan keseluruhan",
                          "Achievement per goal and overall"),
    "fix.sum.s_budget": ("Anggaran per program", "Budget per program"),
    "fix.sum.s_efficiency": ("Efisiensi", "Efficiency"),
    "fix.sum.s_findings": ("Temuan dan sel yang ditandai", "Findings and marked cells"),
    "fix.sum.s_legend": ("Keterangan warna", "Colour legend"),
    "fix.sum.s_chart": ("Grafik capaian per indikator", "Chart of achievement"),
    "fix.sum.h_code": ("Kode", "Code"),
    "fix.sum.h_indicator": ("Indikator Kinerja", "Indicator"),
    "fix.sum.h_sasaran": ("Sasaran", "Goal (sasaran)"),
    "fix.sum.h_unit": ("Satuan", "Unit"),
    "fix.sum.h_polarity": ("Polaritas", "Polarity"),
    "fix.sum.h_target": ("Target PK", "PK target"),
    "fix.sum.h_realisasi": ("Realisasi", "Realisation"),
    "fix.sum.h_capaian": ("Capaian (%)", "Achievement (%)"),
    "fix.sum.h_category": ("Kategori", "Category"),
    "fix.sum.h_rpjmd_target": ("Target RPJMD {year}", "RPJMD target {year}"),
    "fix.sum.h_capaian_rpjmd": ("Capaian thd RPJMD (%)", "Achievement vs RPJMD (%)"),
    "fix.sum.h_formula": ("Rumus", "Formula"),
    "fix.sum.h_no": ("No", "No"),
    "fix.sum.h_codes": ("Indikator", "Indicators"),
    "fix.sum.h_count": ("Jumlah indikator", "Indicators counted"),
    "fix.sum.h_average": ("Rata-rata capaian (%)", "Mean achievement (%)"),
    "fix.sum.h_program": ("Program", "Programme"),
    "fix.sum.h_source": ("Sumber angka", "Source of the figures"),
    "fix.sum.h_pagu": ("Pagu (Rp)", "Budget (Rp)"),
    "fix.sum.h_realisasi_rp": ("Realisasi (Rp)", "Spent (Rp)"),
    "fix.sum.h_serapan": ("Serapan (%)", "Absorption (%)"),
    "fix.sum.h_capaian_kinerja": ("Capaian kinerja (%)", "Performance (%)"),
    "fix.sum.h_difference": ("Selisih (poin)", "Difference (points)"),
    "fix.sum.h_difference_reading": ("Menurut selisih", "By difference"),
    "fix.sum.h_ratio": ("Rasio (IE)", "Ratio (IE)"),
    "fix.sum.h_ratio_reading": ("Menurut rasio", "By ratio"),
    "fix.sum.h_difference_reading.used": ("Menurut selisih (metode laporan)",
                                          "By difference (the report's method)"),
    "fix.sum.h_difference_reading.at-least": ("Capaian >= serapan (metode laporan)",
                                              "Achievement >= absorption (the report's "
                                              "method)"),
    "fix.sum.h_ratio_reading.used": ("Menurut rasio (metode laporan)",
                                     "By ratio (the report's method)"),
    "fix.sum.h_severity": ("Tingkat", "Severity"),
    "fix.sum.h_findings": ("Temuan", "Findings"),
    "fix.sum.h_action": ("Tindakan", "Action"),
    "fix.sum.h_cells": ("Sel", "Cells"),
    "fix.sum.h_colour": ("Warna", "Colour"),
    "fix.sum.h_meaning": ("Arti", "Meaning"),
    "fix.sum.h_note": ("Keterangan", "Note"),
    "fix.sum.h_line": ("Garis 100%", "100% line"),
    "fix.sum.chart_title": ("Capaian per indikator (%), {agency} {year}",
                            "Achievement per indicator (%), {agency} {year}"),
    "fix.sum.na": ("n/a", "n/a"),
    "fix.sum.chart_na": ("{na}: capaian tidak dapat dihitung (lihat bagian pertama)",
                         "{na}: achievement not computable (see the first section)"),
    "fix.sum.measured_row": ("(dari baris {where} sendiri)", "(from row {where} itself)"),
    "fix.sum.magnitude": ("Target PK {pk} dan target RPJMD {rpjmd} berbeda lebih dari 10 "
                          "kali: mungkin satuannya berbeda; capaian terhadap RPJMD tidak "
                          "dapat dibandingkan.",
                          "PK target {pk} and RPJMD target {rpjmd} differ more than tenfold: "
                          "probably different units; the achievement against RPJMD is not "
                          "comparable."),
    "fix.sum.polarity_assumed": ("{polarity} (tidak tertulis)", "{polarity} (not stated)"),
    "fix.sum.reason.no-target": ("tidak dapat dihitung: target kosong",
                                 "not computable: no target"),
    "fix.sum.reason.zero-target": ("tidak dapat dihitung: target 0",
                                   "not computable: target 0"),
    "fix.sum.reason.no-realisation": ("tidak dapat dihitung: realisasi kosong",
                                      "not computable: no realisation"),
    "fix.sum.reason.zero-realisation": ("tidak dapat dihitung: realisasi 0 (rumus T/R)",
                                        "not computable: realisation 0 (T/R formula)"),
    "fix.sum.reason.predicate": ("tidak dapat dihitung: target atau realisasi berupa predikat",
                                 "not computable: the target or realisation is a predicate"),
    "fix.sum.reason.ratio-polarity": ("tidak dapat dihitung: rasio tanpa Polaritas",
                                      "not computable: a ratio without a stated Polaritas"),
    "fix.sum.reason.none": ("tidak ada capaian yang dapat dihitung",
                            "no computable achievement"),
    "fix.sum.left_out": ("(tidak dihitung: {codes})", "(left out: {codes})"),
    "fix.sum.overall": ("Keseluruhan", "Overall"),
    "fix.sum.total": ("Jumlah", "Total"),
    "fix.sum.no_serapan": ("serapan tidak dapat dihitung", "absorption not computable"),
    "fix.sum.flagged_used": ("jumlah tertulis {cells} tidak sama dengan rinciannya: dipakai "
                             "jumlah rinciannya",
                             "stated total {cells} does not equal its items: their sum is "
                             "used"),
    "fix.sum.budget_rincian": ("Keuangan tidak berisi baris Program: baris Rincian "
                               "dijumlahkan.",
                               "Keuangan has no Program row: the Rincian rows are added up."),
    "fix.sum.budget_indikator": ("Tidak ada anggaran program (di Lampiran II maupun "
                                 "Keuangan): anggaran yang tertulis di baris Indikator "
                                 "Lampiran II dipakai.",
                                 "No program budget (in Lampiran II or Keuangan): the budget "
                                 "stated on the Lampiran II Indikator rows is used."),
    "fix.sum.budget_left_out": ("Tidak ikut dijumlahkan (pagu atau realisasi tidak ada): "
                                "{programs}",
                                "Not added to the total (no budget or no spending figure): "
                                "{programs}"),
    "fix.sum.source_matched": ("{where} ({how})", "{where} ({how})"),
    "fix.sum.match.code": ("cocok menurut kode", "matched by code"),
    "fix.sum.match.name": ("cocok menurut nama", "matched by name"),
    "fix.sum.match.containment": ("nama sebagian sama: periksa", "name partly equal: check"),
    "fix.sum.match.similarity": ("nama mirip: periksa", "similar name: check"),
    "fix.sum.eff_note": ("Selisih = capaian - serapan: di atas +5 efisien, -5 s.d. +5 cukup "
                         "efisien, di bawah -5 tidak efisien. Rasio = capaian / serapan: di "
                         "atas 1 efisien, 1 cukup efisien, di bawah 1 tidak efisien.",
                         "Difference = achievement - absorption: above +5 efficient, -5 to +5 "
                         "fairly efficient, below -5 not efficient. Ratio = achievement / "
                         "absorption: above 1 efficient, 1 fairly efficient, below 1 not "
                         "efficient."),
    "fix.sum.eff_method.difference": (
        "Metode efisiensi laporan: Selisih +/-5 ({where}): kesimpulan menurut kolom 'Menurut "
        "selisih'.",
        "The report's efficiency method: Selisih +/-5 ({where}): the conclusion is the 'By "
        "difference' column."),
    "fix.sum.eff_method.at_least": (
        "Metode efisiensi laporan: Capaian >= Serapan ({where}): efisien bila capaian "
        "sekurang-kurangnya serapan (selisih >= 0), selain itu tidak efisien.",
        "The report's efficiency method: Capaian >= Serapan ({where}): efficient when the "
        "achievement is at least the absorption (difference >= 0), else not efficient."),
    "fix.sum.eff_method.ratio": (
        "Metode efisiensi laporan: Indeks Efisiensi ({where}): kesimpulan menurut kolom "
        "'Menurut rasio' (IE = capaian / serapan).",
        "The report's efficiency method: Indeks Efisiensi ({where}): the conclusion is the "
        "'By ratio' column (IE = achievement / absorption)."),
    "fix.sum.eff_method_default": ("bawaan", "default"),
    "fix.sum.eff_note.at-least": (
        "Selisih = capaian - serapan: 0 atau lebih efisien, di bawah 0 tidak efisien (Capaian "
        ">= Serapan). Rasio = capaian / serapan: di atas 1 efisien, 1 cukup efisien, di bawah "
        "1 tidak efisien.",
        "Difference = achievement - absorption: 0 or more efficient, below 0 not efficient "
        "(Capaian >= Serapan). Ratio = achievement / absorption: above 1 efficient, 1 fairly "
        "efficient, below 1 not efficient."),
    "fix.sum.eff_by_program": ("Per program", "Per programme"),
    "fix.sum.eff_by_indicator": ("Per indikator (anggaran tertulis di baris Indikator)",
                                 "Per indicator (budget stated on the Indikator row)"),
    "fix.sum.eff_by_sasaran": ("Per sasaran (program yang melayani indikatornya)",
                               "Per goal (the programmes serving its indicators)"),
    "fix.sum.eff_missing": ("tidak dihitung: {codes} (capaian tidak dapat dihitung)",
                            "left out: {codes} (achievement not computable)"),
    "fix.sum.eff_no_capaian": ("tidak ada capaian yang dapat dihitung",
                               "no computable achievement"),
    "fix.sum.eff_no_serapan": ("serapan tidak dapat dihitung", "absorption not computable"),
    "fix.sum.eff_disagree": ("selisih dan rasio berbeda: lihat catatan di bawah",
                             "difference and ratio disagree: see the note below"),
    "fix.sum.eff_disagree_note": ("Bila selisih dan rasio berbeda: selisih memberi "
                                  "kelonggaran 5 poin, rasio tidak. Capaian sedikit di bawah "
                                  "serapan (mis. -2 poin) adalah cukup efisien menurut "
                                  "selisih dan tidak efisien menurut rasio (di bawah 1). "
                                  "Sebutkan metode yang dipakai laporan; keduanya benar "
                                  "menurut definisinya masing-masing.",
                                  "When difference and ratio disagree: the difference allows "
                                  "5 points either way, the ratio does not. Achievement "
                                  "slightly below absorption (e.g. -2 points) is fairly "
                                  "efficient by difference and not efficient by ratio (below "
                                  "1). State which method the report uses; both are right by "
                                  "their own definition."),
    "fix.sum.mark.corrected": ("Nilai dibetulkan", "Value corrected"),
    "fix.sum.mark.filled": ("Sel kosong diisi", "Blank filled"),
    "fix.sum.mark.converted": ("Teks diubah menjadi angka", "Text turned into a number"),
    "fix.sum.mark.review": ("Perlu ditinjau", "To review"),
    "fix.sum.mark_meaning.corrected": ("nilai tertulis salah dan diganti; nilai semula ada di "
                                       "komentar sel",
                                       "the stated value was wrong and replaced; the original "
                                       "is in the cell's comment"),
    "fix.sum.mark_meaning.filled": ("sel kosong diisi dengan nilai yang dihitung",
                                    "a blank cell filled with the computed value"),
    "fix.sum.mark_meaning.converted": ("angka yang tersimpan sebagai teks disimpan sebagai "
                                       "angka yang sama; nilainya tidak berubah",
                                       "a number stored as text stored as the same number; "
                                       "the value did not change"),
    "fix.sum.mark_meaning.review": ("komentar sel berisi \u201cPeriksa:\u201d; termasuk sel "
                                    "yang juga diubah",
                                    "the cell's comment says \u201cCheck:\u201d; includes "
                                    "cells also changed"),
    "fix.sum.unsafe_skipped": ("{n} usulan yang akan menimpa jumlah tertulis tidak diterapkan; "
                               "sel-selnya ditandai perlu ditinjau.",
                               "{n} proposals that would overwrite stated totals were not "
                               "applied; their cells are marked to review."),
    "fix.tem.no": ("No", "No"),
    "fix.tem.code": ("Kode", "Code"),
    "fix.tem.name": ("Aturan", "Rule"),
    "fix.tem.severity": ("Tingkat", "Severity"),
    "fix.tem.sheet": ("Lembar", "Sheet"),
    "fix.tem.cell": ("Sel", "Cell"),
    "fix.tem.message": ("Pesan", "Message"),
    "fix.tem.stated": ("Tertulis", "Stated"),
    "fix.tem.expected": ("Seharusnya", "Expected"),
    "fix.tem.difference": ("Selisih", "Difference"),
    "fix.tem.formula": ("Rumus", "Formula"),
    "fix.tem.related": ("Sel terkait", "Related cells"),
    "fix.tem.more": ("dan {n} sel lain", "and {n} more cells"),
    "fix.tem.action": ("Tindakan", "Action taken"),
    "fix.tem.response": ("Tanggapan / Tindak Lanjut", "Response / Follow-up"),
    "fix.tem.advice_store": ("Simpan sebagai angka agar Excel dapat menghitungnya",
                             "Store it as a number so that Excel can compute with it"),
    "fix.tem.stored": ("Sudah disimpan sebagai angka oleh lkjip-xl",
                       "Stored as a number by lkjip-xl"),
    "fix.drop.refuse": ("buku kerja berisi bagian yang akan hilang jika disimpan: {parts}; "
                        "pakai --force untuk tetap menulis",
                        "the workbook holds parts that saving would lose: {parts}; use "
                        "--force to write anyway"),
    "fix.drop.note": ("catatan: tidak ikut disimpan (tidak mengubah isi): {parts}",
                      "note: not saved again (no content lost): {parts}"),
    "fix.drop.forced": ("catatan: --force: bagian ini tidak ikut disimpan: {parts}",
                        "note: --force: these parts were not saved again: {parts}"),
    "fix.drop.shape": ("bentuk/kotak teks", "shapes or text boxes"),
    "fix.drop.image": ("gambar (Pillow tidak terpasang)", "images (Pillow not installed)"),
    "fix.drop.graphic": ("objek gambar yang tidak dikenal", "unrecognised drawing objects"),
    "fix.drop.diagram": ("SmartArt", "SmartArt"),
    "fix.drop.pivot": ("tabel pivot", "pivot tables"),
    "fix.drop.slicer": ("slicer", "slicers"),
    "fix.drop.timeline": ("timeline", "timelines"),
    "fix.drop.webextension": ("add-in Office (mis. kode xlwings Lite)",
                              "Office add-ins (e.g. xlwings Lite code)"),
    "fix.drop.richdata": ("gambar di dalam sel / nilai kaya", "pictures in cells / rich values"),
    "fix.drop.metadata": ("metadata sel (rumus array dinamis)",
                          "cell metadata (dynamic array formulas)"),
    "fix.drop.threaded": ("komentar berutas (balasan)", "threaded comments (replies)"),
    "fix.drop.embedding": ("objek tersemat (OLE)", "embedded objects (OLE)"),
    "fix.drop.datamodel": ("model data (Power Pivot)", "data model (Power Pivot)"),
    "fix.drop.connection": ("koneksi data / kueri", "data connections / queries"),
    "fix.drop.powerquery": ("Power Query", "Power Query"),
    "fix.drop.control": ("kontrol formulir / ActiveX", "form or ActiveX controls"),
    "fix.drop.customui": ("pita (ribbon) khusus", "custom ribbon"),
    "fix.drop.vba": ("proyek VBA dalam berkas .xlsx", "a VBA project in an .xlsx file"),
    "fix.drop.sparkline": ("sparkline", "sparklines"),
    "fix.drop.x14-conditional-format": ("format bersyarat Excel 2010+",
                                        "Excel 2010+ conditional formats"),
    "fix.drop.x14-data-validation": ("validasi data Excel 2010+",
                                     "Excel 2010+ data validation"),
    "fix.drop.extension": ("ekstensi lembar kerja", "worksheet extensions"),
    "fix.drop.unknown": ("bagian yang tidak dikenal", "unrecognised parts"),
    "fix.drop.printer": ("pengaturan printer", "printer settings"),
    "fix.drop.chartstyle": ("gaya warna grafik", "chart colour styles"),
    "fix.drop.thumbnail": ("gambar mini", "thumbnail"),
    "fix.drop.sheetview": ("tampilan lembar bernama", "named sheet views"),
    "fix.drop.ignored-errors": ("tanda 'abaikan galat' sel", "cells' 'ignore error' flags"),
    "fix.drop.customxml": ("XML khusus (metadata dokumen)", "custom XML (document metadata)"),
    # --- rules: titles (Temuan sheet, rekap) ---
    "rule.AVG001.title": ("Rata-rata capaian tidak sesuai", "Average does not match"),
    "rule.AVG002.title": ("Rata-rata dipotong, bukan dibulatkan", "Average truncated"),
    "rule.CAP001.title": ("Capaian tidak sesuai perhitungan", "Achievement does not match"),
    "rule.CAP002.title": ("Capaian dipotong, bukan dibulatkan", "Achievement truncated"),
    "rule.CAP003.title": ("Pembulatan capaian", "Achievement rounding"),
    "rule.CAP004.title": ("Capaian kosong", "Achievement blank"),
    "rule.CAP005.title": ("Capaian tidak dapat dihitung", "Achievement not computable"),
    "rule.CAP006.title": ("Persentase tidak sesuai", "Percentage does not match"),
    "rule.CAP007.title": ("Persentase kosong", "Percentage blank"),
    "rule.CAP009.title": ("Capaian dibatasi", "Achievement capped"),
    "rule.INP001.title": ("Angka disimpan sebagai teks", "Number stored as text"),
    "rule.INP002.title": ("Angka bermakna ganda", "Ambiguous number"),
    "rule.INP003.title": ("Bukan angka", "Not a number"),
    "rule.INP004.title": ("Nilai galat Excel", "Excel error value"),
    "rule.INP005.title": ("Rumus tanpa nilai tersimpan", "Formula without a stored value"),
    "rule.INP006.title": ("Lembar tidak ada", "Sheet missing"),
    "rule.INP007.title": ("Baris judul kolom tidak ditemukan", "Header row not found"),
    "rule.INP008.title": ("Kolom tidak ada", "Column missing"),
    "rule.INP009.title": ("Kolom ganda", "Duplicate column"),
    "rule.INP010.title": ("Jenis baris tidak dikenal", "Unknown row type"),
    "rule.INP011.title": ("Polaritas tidak dikenal", "Unknown polarity"),
    "rule.INP012.title": ("Pengaturan tidak dikenal", "Unknown setting"),
    "rule.INP013.title": ("Identitas belum lengkap", "Identity incomplete"),
    "rule.INP014.title": ("Lembar tersembunyi", "Hidden sheet"),
    "rule.INP015.title": ("Lembar terlalu besar", "Sheet too large"),
    "rule.INP016.title": ("Kode indikator tidak dikenal", "Unknown indicator code"),
    "rule.INP017.title": ("Kode indikator ganda", "Duplicate indicator code"),
    "rule.INP018.title": ("Kegiatan tanpa indikator", "Activity without indicator"),
    "rule.INP019.title": ("Indikator tanpa kegiatan", "Indicator without activity"),
    "rule.INP020.title": ("Tahun di luar periode", "Year outside the period"),
    "rule.INP021.title": ("Polaritas kosong", "Polarity missing"),
    "rule.INP022.title": ("Pengukuran tanpa kode indikator", "Measurement without code"),
    "rule.KAT001.title": ("Kategori tidak sesuai skala", "Category does not match"),
    "rule.KAT002.title": ("Kategori kosong", "Category blank"),
    "rule.KAT003.title": ("Kategori tidak dikenal", "Unknown category"),
    "rule.TOT001.title": ("Jumlah Lampiran II tidak sesuai", "Lampiran II total does not match"),
    "rule.TOT002.title": ("Jumlah anggaran tidak sesuai", "Budget total does not match"),
    "rule.TOT003.title": ("Jumlah tidak dapat diperiksa", "Total not verifiable"),
    "rule.XTB001.title": ("Pengukuran berbeda dengan PK", "Measurement differs from PK"),
    "rule.XTB002.title": ("Capaian tertulis berbeda antarbab", "Achievement stated differently"),
    "rule.XTB003.title": ("Target PK berbeda dengan RPJMD", "PK target differs from RPJMD"),
    "rule.XTB004.title": ("Target PK berbeda dengan RPJMD (dijelaskan)",
                          "PK vs RPJMD target (explained)"),
    "rule.XTB005.title": ("Kondisi akhir berbeda dengan target akhir",
                          "Final condition vs final target"),
    "rule.XTB006.title": ("Anggaran Keuangan berbeda dengan PK", "Budget differs from PK"),
    "rule.XTB007.title": ("Anggaran berbeda (nama program mirip)",
                          "Budget differs (similar programme name)"),
    # --- rules: summaries (lkjip-xl rules) ---
    "rule.AVG001.summary": (
        'Rata-rata capaian yang tertulis berbeda dari rata-rata indikator yang dicakupnya.',
        'A stated average of capaian differs from the mean of the indicators it covers.',
    ),
    "rule.AVG002.summary": (
        'Rata-rata tertulis sama dengan rata-rata yang dipotong, bukan dibulatkan.',
        'A stated average equal to the mean cut after its decimals instead of rounded.',
    ),
    "rule.CAP001.summary": (
        'Capaian tertulis berbeda dari capaian yang dihitung dari target dan realisasinya.',
        'A stated capaian differs from the one computed from its target and realisation.',
    ),
    "rule.CAP002.summary": (
        'Capaian atau persentase ditulis dipotong, bukan dibulatkan (dilaporkan sekali).',
        'Capaian or percentages written truncated instead of rounded (reported once).',
    ),
    "rule.CAP003.summary": (
        'Capaian atau persentase ditulis dengan desimal lebih sedikit dari pengaturan Desimal.',
        "A capaian or percentage written with fewer decimals than the workbook's `Desimal`.",
    ),
    "rule.CAP004.summary": (
        'Capaian kosong yang dapat dihitung.',
        'A blank Capaian that can be computed.',
    ),
    "rule.CAP005.summary": (
        'Capaian atau persentase yang tidak dapat dihitung (target kosong atau nol); tidak dibagi.',
        'A capaian or percentage that cannot be computed (blank or zero target), never divided.',
    ),
    "rule.CAP006.summary": (
        'Persentase di Keuangan berbeda dari Realisasi / Pagu x 100.',
        'A Keuangan Persentase differs from Realisasi / Pagu x 100.',
    ),
    "rule.CAP007.summary": (
        'Persentase Keuangan kosong pada baris yang punya Pagu dan Realisasi.',
        'A blank Keuangan Persentase on a row with both Pagu and Realisasi.',
    ),
    "rule.CAP008.summary": (
        'Capaian tertulis yang tidak dapat diperiksa (target berupa predikat atau rasio tanpa '
        'polaritas, persentase Keuangan tanpa pagu dan realisasi), dan alasannya.',
        'A stated capaian that cannot be checked (a predicate target, a ratio without a '
        'stated polarity, a Keuangan percentage without pagu and realisation), and why.',
    ),
    "rule.CAP009.summary": (
        'Capaian tertulis yang benar karena Batas Capaian (mis. 120 untuk 138,75 dengan '
        'Maks. 120): pengaturan mana yang membuatnya benar.',
        'A stated capaian that is right because of Batas Capaian (120 for 138,75 under '
        'Maks. 120): which setting made it so.',
    ),
    "rule.EFF001.summary": (
        'Efisiensi tertulis tidak cocok dengan capaian / serapan maupun capaian - serapan.',
        'A stated efficiency matches neither reading: capaian / serapan, nor capaian - serapan.',
    ),
    "rule.INP001.summary": (
        'Angka disimpan sebagai teks: dibaca, dan dapat ditulis ulang sebagai angka.',
        'A number stored as text: read, and rewritable as a real number.',
    ),
    "rule.INP002.summary": (
        'Angka berupa teks dengan dua kemungkinan bacaan: disebutkan bacaan yang dipakai.',
        'A number written as text with two plausible readings: say which one was taken.',
    ),
    "rule.INP003.summary": (
        'Nilai di kolom angka yang bukan angka yang dapat dipakai, beserta alasannya.',
        'A value in a number column that is not a usable number, and why.',
    ),
    "rule.INP004.summary": (
        'Nilai galat Excel (#DIV/0!, #N/A, #VALUE!, #REF! ...) di sel yang dibaca.',
        'An Excel error value (#DIV/0!, #N/A, #VALUE!, #REF!...) in a cell the toolkit reads.',
    ),
    "rule.INP005.summary": (
        'Rumus yang nilainya belum pernah dihitung (tidak ada nilai tersimpan di berkas).',
        'A formula whose value was never computed (no cached value in the file).',
    ),
    "rule.INP006.summary": (
        'Lembar input standar tidak ada: isinya tidak dapat diperiksa.',
        'A standard input sheet is missing: nothing of it is checked.',
    ),
    "rule.INP007.summary": (
        'Baris judul kolom sebuah lembar tidak ditemukan.',
        'A sheet whose header row could not be found.',
    ),
    "rule.INP008.summary": (
        'Kolom wajib tidak ada di baris judul (Baris; Kode Indikator di Tabel VI.1).',
        'A required column is missing from a header row (Baris; Kode Indikator on Tabel VI.1).',
    ),
    "rule.INP009.summary": (
        'Judul kolom (atau aliasnya) muncul dua kali di baris judul.',
        'A column header (or one of its aliases) appears twice in a header row.',
    ),
    "rule.INP010.summary": (
        'Baris berisi data yang sel Baris-nya kosong atau bukan peran yang dikenal di lembar itu.',
        'A row with data whose Baris cell is blank or not a role of its sheet.',
    ),
    "rule.INP011.summary": (
        'Nilai Polaritas di Tabel VI.1 yang bukan Positif atau Negatif.',
        'A Polaritas value on Tabel VI.1 that is neither Positif nor Negatif.',
    ),
    "rule.INP012.summary": (
        'Pengaturan di Identitas yang tidak dipahami: nilai bawaan dipakai.',
        'A setting on Identitas that is not understood: the default is used instead.',
    ),
    "rule.INP013.summary": (
        'Nilai wajib di Identitas kosong atau labelnya tidak ada.',
        'A required value on Identitas is blank or its label is missing.',
    ),
    "rule.INP014.summary": (
        'Lembar input standar disembunyikan (tetap dibaca dan diperiksa).',
        'A standard input sheet is hidden (it is read and checked all the same).',
    ),
    "rule.INP015.summary": (
        'Lembar melebihi batas jumlah baris: hanya baris awal yang dibaca.',
        'A sheet has more rows than the reading limit: only the first ones were read.',
    ),
    "rule.INP016.summary": (
        'Kode Indikator yang tidak merujuk indikator mana pun, atau baris indikator tanpa kode.',
        'A Kode Indikator that joins to no indicator, or an indicator row without a code.',
    ),
    "rule.INP017.summary": (
        'Kode Indikator yang sama di dua baris Tabel VI.1 atau dua baris Indikator Lampiran II.',
        'The same Kode Indikator on two Tabel VI.1 rows, or on two Lampiran II Indikator rows.',
    ),
    "rule.INP018.summary": (
        'Kegiatan di Lampiran II yang Kode Indikator-nya kosong atau tidak dikenal.',
        'A Lampiran II Kegiatan whose Kode Indikator is blank or names no known indicator.',
    ),
    "rule.INP019.summary": (
        'Indikator PK di Lampiran II yang tidak dilayani Kegiatan mana pun.',
        'A Lampiran II Indikator (a PK commitment) that no Kegiatan row serves.',
    ),
    "rule.INP020.summary": (
        'Tahun Laporan tanpa kolom tahun di Tabel VI.1: target RPJMD-nya tidak dapat ditemukan.',
        'Tahun Laporan has no year column on Tabel VI.1, so its RPJMD target cannot be found.',
    ),
    "rule.INP021.summary": (
        'Indikator Tabel VI.1 tanpa Polaritas: dianggap Positif (makin tinggi makin baik).',
        'A Tabel VI.1 indicator without Polaritas: it is treated as Positif (higher is better).',
    ),
    "rule.INP022.summary": (
        'Baris Indikator di Pengukuran Kinerja tanpa kode, tidak terhubung ke indikator mana pun.',
        'A Pengukuran Kinerja Indikator row without a code, joined to no indicator.',
    ),
    "rule.INP023.summary": (
        'Tabel yang terbaca tetapi kosong: satu temuan yang menyebut apa yang tidak dapat '
        'diperiksa.',
        'A table that is read but has no rows: one finding naming what cannot be checked.',
    ),
    "rule.INP024.summary": (
        'Skala Kustom yang berlubang, tumpang tindih, atau tidak mencakup nilai di atas 100.',
        'A custom scale with gaps, overlaps, or no band for values above 100.',
    ),
    "rule.KAT001.summary": (
        'Kategori tertulis berbeda dari kategori menurut skala untuk nilai yang dihitung.',
        'A stated Kategori differs from the category the scale gives to the computed value.',
    ),
    "rule.KAT002.summary": (
        'Kategori kosong pada baris yang capaian atau rata-ratanya dapat dihitung.',
        'A blank Kategori on a row whose capaian or average can be computed.',
    ),
    "rule.KAT003.summary": (
        'Kategori tertulis yang bukan bagian dari skala penilaian buku kerja.',
        "A stated Kategori that is not a band of the workbook's scale.",
    ),
    "rule.TOT001.summary": (
        'Angka Program, Jumlah atau Total di Lampiran II berbeda dari jumlah Kegiatannya.',
        'A Program, Jumlah or Total figure in Lampiran II differs from the sum of its Kegiatan.',
    ),
    "rule.TOT002.summary": (
        'Jumlah Program, Jumlah atau Total di Keuangan berbeda dari jumlah yang dicakupnya.',
        'A Program, Jumlah or Total amount in Keuangan differs from the sum of what it covers.',
    ),
    "rule.TOT003.summary": (
        'Jumlah tertulis di Lampiran II atau Keuangan yang tidak dapat diperiksa, dan alasannya.',
        'A stated total in Lampiran II or Keuangan that cannot be checked, and why.',
    ),
    "rule.XTB001.summary": (
        'Target atau realisasi di Pengukuran Kinerja berbeda dari PK (Lampiran II).',
        'A target or realisation in Pengukuran Kinerja differs from the signed PK (Lampiran II).',
    ),
    "rule.XTB002.summary": (
        'Capaian satu indikator tertulis berbeda di beberapa bagian laporan.',
        "One indicator's capaian is stated differently in different places of the report.",
    ),
    "rule.XTB003.summary": (
        'Target PK berbeda dari target RPJMD (Tabel VI.1) Tahun Laporan, tanpa penjelasan.',
        'The PK target differs from the RPJMD (Tabel VI.1) target of Tahun Laporan, unexplained.',
    ),
    "rule.XTB004.summary": (
        'Target PK berbeda dari target RPJMD Tahun Laporan, dengan penjelasan.',
        'The PK target differs from the RPJMD target of Tahun Laporan, with an explanation.',
    ),
    "rule.XTB005.summary": (
        'Tabel VI.1: Kondisi Akhir berbeda dari target tahun terakhir periode.',
        "Tabel VI.1: the Kondisi Akhir differs from the target of the period's last year.",
    ),
    "rule.XTB006.summary": (
        'Pagu (atau Realisasi) Program di Keuangan berbeda dari program yang sama di Lampiran II.',
        "A Keuangan Program's Pagu (or Realisasi) differs from the same program in Lampiran II.",
    ),
    "rule.XTB007.summary": (
        'Seperti XTB006, untuk program yang dicocokkan hanya dengan nama yang mirip.',
        'Like XTB006, for programs matched only by a partial or similar name.',
    ),
    # --- pair rules (rules/previous.py) and pairing (pairing.py): this year against last ---
    "rule.PRV001.plain": (
        "Realisasi {year} {code} di {where} tertulis {stated}, tetapi laporan tahun lalu "
        "({previous}, {other_cell}) menyebut {other}.",
        "The {year} realisation of {code} in {where} is stated as {stated}, but last year's "
        "report ({previous}, {other_cell}) says {other}.",
    ),
    "rule.PRV002.plain": (
        "Target RPJMD {code} ({what}) tertulis {stated}, tetapi di laporan tahun lalu "
        "({previous}, {other_cell}) {other}: target berubah tanpa keterangan.",
        "The RPJMD target of {code} ({what}) is {stated}, but last year's report ({previous}, "
        "{other_cell}) has {other}: the target changed without a note.",
    ),
    "rule.PRV002.explained": (
        "Target RPJMD {code} ({what}) tertulis {stated}, di laporan tahun lalu ({previous}, "
        "{other_cell}) {other}; keterangan tahun ini: \"{note}\".",
        "The RPJMD target of {code} ({what}) is {stated}, last year's report ({previous}, "
        "{other_cell}) has {other}; this year's note: \"{note}\".",
    ),
    "rule.PRV003.plain": (
        "Indikator {code} ({name}) ada di laporan tahun lalu ({previous}, {other_cell}) tetapi "
        "tidak ada di laporan ini, tanpa keterangan.",
        "Indicator {code} ({name}) is in last year's report ({previous}, {other_cell}) but not "
        "in this one, without a note.",
    ),
    "rule.PRV003.noted": (
        "Indikator {code} ({name}) dari laporan tahun lalu ({previous}, {other_cell}) tidak "
        "ada di laporan ini; keterangan di {note_cell}: \"{note}\".",
        "Indicator {code} ({name}) of last year's report ({previous}, {other_cell}) is not in "
        "this one; note at {note_cell}: \"{note}\".",
    ),
    "rule.PRV003.new_period": (
        "Indikator {code} ({name}) dari laporan tahun lalu ({previous}, {other_cell}) tidak "
        "ada di laporan ini, yang memakai periode RPJMD baru ({period}).",
        "Indicator {code} ({name}) of last year's report ({previous}, {other_cell}) is not in "
        "this one, which follows a new RPJMD period ({period}).",
    ),
    "rule.PRV003.recoded": (
        "Indikator {code} laporan tahun lalu ({previous}, {other_cell}) kini berkode {new_code} "
        "(namanya sama: {name}); dibandingkan dengan kode barunya.",
        "Indicator {code} of last year's report ({previous}, {other_cell}) now has the code "
        "{new_code} (same name: {name}); compared under its new code.",
    ),
    "rule.PRV004.plain": (
        "Nama indikator {code} berubah tanpa keterangan: tahun lalu ({previous}, {other_cell}) "
        "\"{old_name}\", kini \"{name}\".",
        "The name of indicator {code} changed without a note: last year ({previous}, "
        "{other_cell}) \"{old_name}\", now \"{name}\".",
    ),
    "rule.PRV004.explained": (
        "Nama indikator {code} berubah: tahun lalu ({previous}, {other_cell}) \"{old_name}\", "
        "kini \"{name}\"; keterangan tahun ini: \"{note}\".",
        "The name of indicator {code} changed: last year ({previous}, {other_cell}) "
        "\"{old_name}\", now \"{name}\"; this year's note: \"{note}\".",
    ),
    "rule.PRV004.new_period": (
        "Nama indikator {code} berubah dengan periode RPJMD baru ({period}): tahun lalu "
        "({previous}, {other_cell}) \"{old_name}\", kini \"{name}\".",
        "The name of indicator {code} changed with the new RPJMD period ({period}): last year "
        "({previous}, {other_cell}) \"{old_name}\", now \"{name}\".",
    ),
    "rule.PRV005.plain": (
        "Indikator {code} ({name}) baru: tidak ada di laporan tahun lalu ({previous}).",
        "Indicator {code} ({name}) is new: it is not in last year's report ({previous}).",
    ),
    "rule.PRV001.title": ("Realisasi tahun lalu berbeda", "Last year's realisation differs"),
    "rule.PRV002.title": ("Target RPJMD berubah antartahun", "RPJMD target changed"),
    "rule.PRV003.title": ("Indikator hilang", "Indicator removed"),
    "rule.PRV004.title": ("Nama indikator berubah", "Indicator renamed"),
    "rule.PRV005.title": ("Indikator baru", "New indicator"),
    "rule.PRV001.summary": (
        'Realisasi tahun sebelumnya berbeda dari yang tertulis di laporan tahun lalu.',
        "A realisation of an earlier year differs from the one the earlier report states.",
    ),
    "rule.PRV002.summary": (
        'Target RPJMD di Tabel VI.1 berubah sejak laporan tahun lalu, tanpa keterangan.',
        "An RPJMD target in Tabel VI.1 changed since last year's report without a note.",
    ),
    "rule.PRV003.summary": (
        'Indikator laporan tahun lalu tidak ada lagi tahun ini, tanpa keterangan.',
        "An indicator of last year's report is gone this year without a note.",
    ),
    "rule.PRV004.summary": (
        'Kode indikator sama tetapi namanya berubah dari tahun lalu, tanpa keterangan.',
        "An indicator kept its Kode Indikator but changed its name without a note.",
    ),
    "rule.PRV005.summary": (
        'Indikator tahun ini yang tidak ada di laporan tahun lalu.',
        "An indicator of this year's report was not in last year's report.",
    ),
    "prv.compared": ("dibandingkan dengan laporan tahun sebelumnya: {previous}",
                     "compared with last year's report: {previous}"),
    "prv.not_compared": ("tidak dibandingkan dengan tahun sebelumnya ({previous}): {reason}",
                         "not compared with the previous year ({previous}): {reason}"),
    "prv.not_paired": ("tidak dibandingkan dengan tahun sebelumnya: {reason}",
                       "not compared with the previous year: {reason}"),
    "prv.wrong_year": ("bukan laporan tahun sebelumnya (Tahun Laporan tertulis / yang "
                       "diharapkan: {detail})", "not the previous year's report (Tahun "
                       "Laporan stated / expected: {detail})"),
    "prv.no_year": ("Tahun Laporan tidak terbaca di salah satu berkas",
                    "Tahun Laporan cannot be read in one of the files"),
    "prv.other_agency": ("laporan instansi lain ({detail}); samakan Nama Instansi dan "
                         "Pemerintah Daerah di lembar Identitas bila memang instansi yang sama",
                         "another agency's report ({detail}); write Nama Instansi and "
                         "Pemerintah Daerah alike on the Identitas sheets if it is the same "
                         "agency"),
    "prv.nothing_shared": ("tidak ada indikator yang sama (nama Indikator Kinerja) dengan "
                           "laporan tahun lalu: laporan unit lain atau petikan bab lain, "
                           "tidak ada yang dapat dibandingkan",
                           "no indicator in common (by Indikator Kinerja name) with last "
                           "year's report: another office's report or an excerpt of another "
                           "chapter, nothing to compare"),
    "prv.ambiguous": ("ada lebih dari satu laporan tahun sebelumnya untuk instansi ini "
                      "({detail}); tidak ada yang dipilih: pakai --previous",
                      "there is more than one previous-year report of this agency "
                      "({detail}); none was chosen: use --previous"),
    "prv.previous_needs_one": ("--previous hanya dapat dipakai dengan satu berkas yang "
                               "diperiksa (diberikan: {n})", "--previous works with one file "
                               "to check only (given: {n})"),
    "prv.previous_is_input": ("--previous menunjuk berkas yang sama dengan yang diperiksa: "
                              "{path}", "--previous names the file being checked: {path}"),
    # --- excel ---
    "excel.button": ("Periksa & Hitung", "Check & Compute"),
    "excel.title": ("lkjip-xl: Periksa & Hitung", "lkjip-xl: Check & Compute"),
    "excel.done": ("Selesai. {counts}\nHasilnya ada di lembar Ringkasan dan Temuan. Sel ungu "
                   "muda telah dibetulkan atau diisi; sel kuning perlu ditinjau.",
                   "Done. {counts}\nSee the Ringkasan and Temuan sheets. Lavender cells were "
                   "corrected or filled; amber cells need review."),
    "excel.no_notes": ("Excel ini tidak dapat diberi catatan sel dari Python: alasan setiap "
                       "perubahan ada di lembar Temuan.",
                       "This Excel client cannot take cell notes from Python: the reason for "
                       "every change is on the Temuan sheet."),
    "excel.missing_some": ("Lembar tidak ditemukan: {sheets}. Lihat lembar Temuan.",
                           "Sheets not found: {sheets}. See the Temuan sheet."),
    "excel.wrong_sheets": ("Lembar templat LKjIP tidak ditemukan di buku kerja ini.\n"
                           "Yang dibutuhkan: {expected}.\nYang ada: {found}.\nGanti nama "
                           "lembar seperti di templat (lihat lembar Petunjuk), atau buat buku "
                           "kerja baru dengan lkjip-xl quickstart. Tidak ada yang diubah.",
                           "The LKjIP template sheets are not in this workbook.\n"
                           "Needed: {expected}.\nFound: {found}.\nRename the sheets as in "
                           "the template (see the Petunjuk sheet), or create a new workbook "
                           "with lkjip-xl quickstart. Nothing was changed."),
    "excel.empty_book": ("Buku kerja ini kosong: tidak ada sel yang berisi. Buka buku kerja "
                         "LKjIP, isi lembarnya, lalu klik Periksa & Hitung lagi.",
                         "This workbook is empty: no cell holds anything. Open the LKjIP "
                         "workbook, fill its sheets, then click Check & Compute again."),
    "excel.no_data": ("Lembar templat ada tetapi belum berisi data. Isi Tabel VI.1, "
                      "Lampiran II, Pengukuran Kinerja dan Keuangan (lihat lembar Petunjuk), "
                      "lalu klik Periksa & Hitung lagi. Tidak ada yang diubah.",
                      "The template sheets are there but hold no data yet. Fill Tabel VI.1, "
                      "Lampiran II, Pengukuran Kinerja and Keuangan (see the Petunjuk "
                      "sheet), then click Check & Compute again. Nothing was changed."),
    "excel.version": ("Versi xlwings berbeda: makro buku kerja ini untuk xlwings {expected}, "
                      "tetapi Python memakai xlwings {found}.\nJalankan di Command Prompt: "
                      "pip install xlwings=={expected}\nlalu klik lagi. Tidak ada yang diubah.",
                      "xlwings versions differ: this workbook's macro is for xlwings "
                      "{expected}, but Python has xlwings {found}.\nRun in a Command Prompt: "
                      "pip install xlwings=={expected}\nthen click again. Nothing was "
                      "changed."),
    "excel.no_package": ("Paket lkjip-xl tidak ditemukan di Python yang dipakai Excel "
                         "({python}).\nPasang dengan: \"{python}\" -m pip install lkjip-xl\n"
                         "(lihat panduan Excel, bagian Pemasangan). Tidak ada yang diubah.",
                         "The lkjip-xl package is not installed in the Python that Excel uses "
                         "({python}).\nInstall it with: \"{python}\" -m pip install lkjip-xl\n"
                         "(see the Excel guide, Installation). Nothing was changed."),
    "excel.unexpected": ("Terjadi kesalahan yang tidak terduga: {detail}\nMungkin tidak semua "
                         "hasil tertulis. Simpan salinan buku kerja ini dan kirimkan kepada "
                         "pengelola lkjip-xl.",
                         "An unexpected error occurred: {detail}\nThe results may be "
                         "incomplete. Save a copy of this workbook and send it to whoever "
                         "maintains lkjip-xl."),
    "excel.sheet.name": ("Mulai", "Start"),
    "excel.sheet.title": ("Periksa & Hitung LKjIP", "Check & Compute the LKjIP"),
    "excel.sheet.intro": ("Templat LKjIP dengan tombol. Isi lembar-lembarnya, lalu klik "
                          "tombol: capaian, kategori dan persentase dihitung, masalah ditandai, "
                          "dan lembar Ringkasan dan Temuan ditulis di buku kerja ini.",
                          "The LKjIP template with a button. Fill the sheets, then click the "
                          "button: capaian, categories and percentages are computed, problems "
                          "are marked, and the Ringkasan and Temuan sheets are written here."),
    "excel.sheet.steps": ("Langkah", "Steps"),
    "excel.sheet.step1": ("1. Isi Identitas, Tabel VI.1, Lampiran II, Pengukuran Kinerja dan "
                          "Keuangan (petunjuk ada di lembar Petunjuk).",
                          "1. Fill Identitas, Tabel VI.1, Lampiran II, Pengukuran Kinerja and "
                          "Keuangan (see the Petunjuk sheet)."),
    "excel.sheet.step2": ("2. Klik Periksa & Hitung. Jika Excel bertanya tentang makro, pilih "
                          "Aktifkan Konten (Enable Content).",
                          "2. Click Check & Compute. If Excel asks about macros, choose "
                          "Enable Content."),
    "excel.sheet.step3": ("3. Baca lembar Ringkasan (capaian, kategori, anggaran) dan Temuan "
                          "(setiap masalah: lembar, sel, nilai tertulis, nilai seharusnya).",
                          "3. Read the Ringkasan sheet (capaian, categories, budget) and Temuan "
                          "(every problem: sheet, cell, stated value, expected value)."),
    "excel.sheet.step4": ("4. Sel ungu muda telah dibetulkan atau diisi; sel kuning perlu "
                          "ditinjau. Perbaiki, lalu klik lagi: Ringkasan dan Temuan ditulis "
                          "ulang.",
                          "4. Lavender cells were corrected or filled; amber cells need review. "
                          "Fix them and click again: Ringkasan and Temuan are rewritten."),
    "excel.sheet.step5": ("5. Simpan {module}.xlsm dan {module}.py di satu folder lokal (bukan "
                          "OneDrive), dan jangan ganti nama keduanya.",
                          "5. Keep {module}.xlsm and {module}.py in one local folder (not "
                          "OneDrive), and do not rename them."),
    "excel.sheet.trouble": ("Jika muncul pesan", "If a message appears"),
    "excel.sheet.h_message": ("Pesan", "Message"),
    "excel.sheet.h_meaning": ("Artinya", "Meaning"),
    "excel.sheet.h_fix": ("Yang harus dilakukan", "What to do"),
    "excel.trouble.python.msg": ("Could not find Interpreter! / Could not activate Python COM "
                                 "server / The system cannot find the file specified",
                                 "Could not find Interpreter! / Could not activate Python COM "
                                 "server / The system cannot find the file specified"),
    "excel.trouble.python.meaning": ("Excel tidak menemukan Python.",
                                     "Excel cannot find Python."),
    "excel.trouble.python.fix": ("Pasang Python 3.11+ dari python.org (centang Add python.exe "
                                 "to PATH), atau ganti nama lembar _xlwings.conf menjadi "
                                 "xlwings.conf dan isi Interpreter_Win dengan lokasi "
                                 "pythonw.exe.",
                                 "Install Python 3.11+ from python.org (tick Add python.exe to "
                                 "PATH), or rename the _xlwings.conf sheet to xlwings.conf and "
                                 "put the path of pythonw.exe in Interpreter_Win."),
    "excel.trouble.dll.msg": ("File not found: xlwings64-{version}.dll (atau xlwings32-...)",
                              "File not found: xlwings64-{version}.dll (or xlwings32-...)"),
    "excel.trouble.dll.meaning": ("xlwings belum terpasang di Python itu, atau versinya bukan "
                                  "{version}.",
                                  "xlwings is not installed in that Python, or it is not "
                                  "version {version}."),
    "excel.trouble.dll.fix": ("Jalankan di Command Prompt: pip install xlwings=={version}",
                              "Run in a Command Prompt: pip install xlwings=={version}"),
    "excel.trouble.noxlwings.msg": ("ModuleNotFoundError: No module named 'xlwings'",
                                    "ModuleNotFoundError: No module named 'xlwings'"),
    "excel.trouble.noxlwings.meaning": ("Python yang dipakai Excel tidak memiliki xlwings.",
                                        "The Python that Excel uses has no xlwings."),
    "excel.trouble.noxlwings.fix": ("pip install xlwings=={version} dengan Python yang sama, "
                                    "atau atur Interpreter_Win (lihat baris pertama).",
                                    "pip install xlwings=={version} with that same Python, or "
                                    "set Interpreter_Win (see the first row)."),
    "excel.trouble.module.msg": ("ModuleNotFoundError: No module named '{module}'",
                                 "ModuleNotFoundError: No module named '{module}'"),
    "excel.trouble.module.meaning": ("Berkas {module}.py tidak ada di samping buku kerja, atau "
                                     "buku kerja diganti namanya.",
                                     "{module}.py is not beside the workbook, or the workbook "
                                     "was renamed."),
    "excel.trouble.module.fix": ("Simpan {module}.xlsm dan {module}.py di satu folder; "
                                 "kembalikan nama aslinya.",
                                 "Keep {module}.xlsm and {module}.py in one folder, with their "
                                 "original names."),
    "excel.trouble.package.msg": ("Paket lkjip-xl tidak ditemukan ...",
                                  "The lkjip-xl package is not installed ..."),
    "excel.trouble.package.meaning": ("lkjip-xl belum terpasang di Python yang dipakai Excel.",
                                      "lkjip-xl is not installed in the Python Excel uses."),
    "excel.trouble.package.fix": ("Jalankan perintah pip yang tertulis di pesan itu.",
                                  "Run the pip command the message shows."),
    "excel.trouble.version.msg": ("Versi xlwings berbeda ...", "xlwings versions differ ..."),
    "excel.trouble.version.meaning": ("xlwings di Python bukan versi {version} seperti makro "
                                      "buku kerja ini.",
                                      "Python's xlwings is not version {version}, the "
                                      "version of this workbook's macro."),
    "excel.trouble.version.fix": ("pip install xlwings=={version}",
                                  "pip install xlwings=={version}"),
    "excel.trouble.macros.msg": ("Microsoft has blocked macros from running ... / Macros have "
                                 "been disabled",
                                 "Microsoft has blocked macros from running ... / Macros have "
                                 "been disabled"),
    "excel.trouble.macros.meaning": ("Makro diblokir: berkas berasal dari internet atau surel, "
                                     "atau makro belum diaktifkan.",
                                     "Macros are blocked: the file came from the internet or "
                                     "an e-mail, or macros are not enabled yet."),
    "excel.trouble.macros.fix": ("Tutup berkas; klik kanan > Properties > centang Unblock > "
                                 "OK; buka lagi dan klik Enable Content.",
                                 "Close the file; right-click > Properties > tick Unblock > "
                                 "OK; open it again and click Enable Content."),
    "excel.trouble.onedrive.msg": ("Couldn't find your local OneDrive file",
                                   "Couldn't find your local OneDrive file"),
    "excel.trouble.onedrive.meaning": ("Buku kerja dibuka dari OneDrive atau SharePoint.",
                                       "The workbook was opened from OneDrive or SharePoint."),
    "excel.trouble.onedrive.fix": ("Salin kedua berkas ke folder lokal (mis. C:\\LKjIP) dan "
                                   "buka dari sana.",
                                   "Copy both files to a local folder (e.g. C:\\LKjIP) and "
                                   "open them there."),
    "excel.trouble.mac.msg": ("To enable RunPython, please run 'xlwings runpython install' "
                              "(Mac)",
                              "To enable RunPython, please run 'xlwings runpython install' "
                              "(Mac)"),
    "excel.trouble.mac.meaning": ("macOS belum mengizinkan Excel menjalankan Python.",
                                  "macOS does not yet let Excel run Python."),
    "excel.trouble.mac.fix": ("Jalankan di Terminal: xlwings runpython install; izinkan akses "
                              "folder jika macOS bertanya.",
                              "Run in a Terminal: xlwings runpython install; allow folder "
                              "access when macOS asks."),
    "excel.trouble.sheets.msg": ("Lembar templat LKjIP tidak ditemukan ...",
                                 "The LKjIP template sheets are not in this workbook ..."),
    "excel.trouble.sheets.meaning": ("Nama lembar tidak sesuai templat.",
                                     "The sheet names differ from the template's."),
    "excel.trouble.sheets.fix": ("Ganti nama lembar seperti yang tertulis di pesan.",
                                 "Rename the sheets as the message says."),
    "excel.trouble.empty.msg": ("Buku kerja ini kosong ... / belum berisi data ...",
                                "This workbook is empty ... / hold no data yet ..."),
    "excel.trouble.empty.meaning": ("Belum ada data untuk diperiksa.",
                                    "There is no data to check yet."),
    "excel.trouble.empty.fix": ("Isi lembar-lembar templat, lalu klik lagi.",
                                "Fill the template sheets, then click again."),
    "cli.quickstart.help": ("Tulis NAMA.xlsm (templat LKjIP dengan tombol Periksa & Hitung, "
                            "xlwings) dan NAMA.py di sampingnya.",
                            "Write NAME.xlsm (the LKjIP template with a Check & Compute "
                            "button, xlwings) and NAME.py beside it."),
    "cli.quickstart.dir": ("Folder tujuan (bawaan: folder saat ini).",
                           "Destination folder (default: the current folder)."),
    "cli.quickstart.force": ("Timpa berkas yang sudah ada.", "Overwrite existing files."),
    "cli.quickstart.bad_name": ("NAME harus nama modul Python baru (huruf, angka, garis bawah; "
                                "tidak diawali angka; bukan nama modul yang sudah ada): {name}",
                                "NAME must be a new Python module name (letters, digits, "
                                "underscores; not starting with a digit; not an existing "
                                "module): {name}"),
    "cli.quickstart.no_xlwings": ("xlwings tidak terpasang dengan benar: {detail}",
                                  "xlwings is not installed properly: {detail}"),
    "cli.quickstart.written": ("Ditulis: {xlsm} dan {py}\nDi setiap PC: pip install lkjip-xl "
                               "xlwings=={version}; simpan kedua berkas di satu folder; buka "
                               "{xlsm_name} dan klik Periksa & Hitung (docs/panduan-excel.md).",
                               "Written: {xlsm} and {py}\nOn each PC: pip install lkjip-xl "
                               "xlwings=={version}; keep both files in one folder; open "
                               "{xlsm_name} and click Check & Compute (docs/panduan-excel.md)."),
    # --- hardening ---
    "limit.parts": ("zip berisi terlalu banyak bagian ({detail}), bukan buku kerja biasa; minta "
                    "berkas asli yang disimpan dari Excel",
                    "the zip holds too many parts ({detail}), not an ordinary workbook; ask for "
                    "the original file saved from Excel"),
    "limit.part_size": ("satu bagian buku kerja terlalu besar setelah dibuka ({detail} byte); "
                        "hapus isi yang tidak perlu, atau naikkan max-part-bytes di [limits] "
                        "berkas konfigurasi",
                        "one part of the workbook is too large once unpacked ({detail} bytes); "
                        "remove what it does not need, or raise max-part-bytes in the [limits] "
                        "table of the config file"),
    "limit.rows": ("lembar berisi data sampai baris yang terlalu jauh ke bawah ({detail}); hapus "
                   "baris di bawah tabel, atau naikkan batas dengan --max-rows",
                   "a sheet holds content too far down ({detail}); delete the rows below the "
                   "table, or raise the limit with --max-rows"),
    "limit.cells": ("lembar terlalu besar untuk dibaca ({detail} sel); hapus baris dan kolom di "
                    "luar tabel, atau naikkan batas dengan --max-cells",
                    "a sheet is too large to read ({detail} cells); delete the rows and columns "
                    "outside the table, or raise the limit with --max-cells"),
    "open.xml_dtd": ("buku kerja berisi deklarasi DTD XML ({detail}) yang tidak pernah ditulis "
                     "Excel; mungkin berkas berbahaya, tidak dibaca: minta berkas asli yang "
                     "disimpan dari Excel",
                     "the workbook contains an XML document type declaration ({detail}), which "
                     "Excel never writes; possibly a malicious file, not read: ask for the "
                     "original file saved from Excel"),
    "open.unconvertible": ("nilai sel yang tidak dapat dikonversi ({detail}), misalnya angka "
                           "negatif sangat besar di sel berformat tanggal; ubah format sel itu "
                           "menjadi Angka di Excel, simpan, lalu periksa lagi",
                           "a cell value the reader cannot convert ({detail}), e.g. a huge "
                           "negative number in a date-formatted cell; format that cell as "
                           "Number in Excel, save, and check again"),
    "open.os_error": ("berkas tidak dapat dibuka ({detail}); periksa nama dan izin akses "
                      "berkasnya, atau salin ke folder lain",
                      "the file cannot be opened ({detail}); check its name and permissions, "
                      "or copy it to another folder"),
    "fix.cannot_load": ("buku kerja ini terbaca untuk diperiksa tetapi tidak dapat dibuka untuk "
                        "ditulis ({detail}); buka di Excel atau LibreOffice, simpan sebagai "
                        ".xlsx, lalu jalankan fix lagi",
                        "this workbook can be checked but not opened for writing ({detail}); "
                        "open it in Excel or LibreOffice, save it as .xlsx, and run fix again"),
    "cli.opt.max_rows": ("Baca paling banyak N baris per lembar (bawaan 100000); lembar yang "
                         "isinya jauh lebih ke bawah ditolak.",
                         "Read at most N rows per sheet (default 100000); a sheet whose content "
                         "goes much further down is refused."),
    "cli.opt.max_cells": ("Batas sel per lembar, baris x kolom (bawaan 5000000).",
                          "Limit of cells per sheet, rows x columns (default 5000000)."),
    "cli.opt.max_file_mb": ("Ukuran berkas terbesar yang dibaca, dalam MB (bawaan 100).",
                            "Largest file read, in MB (default 100)."),
    # --- end of catalogue (add new sections above this line) ---
}


# Parameters that hold numbers, or formulas made of numbers, are written the Indonesian way in
# Indonesian messages (95,12; 7.015.268.631). Free text (names, sources like "Bab III 3.2",
# the raw cell text) is never touched.
NUMERIC_PARAMS = frozenset({
    "stated", "expected", "difference", "other", "pk", "own", "target", "realisasi", "new",
    "old", "rpjmd", "stated_mean", "mixed_sum", "formula", "alt_formula", "stated_formula",
    "parts", "sum", "total", "mean", "computed", "akhir", "value", "capaian", "by_stated",
    # numbers inside a message that are not the finding's own figures: a value read as a
    # percent, an unrounded mean, a scale's band limits (87.5), a default setting (0.5), a
    # row count (100000); efficiency readings
    "as_percent", "exact", "bands", "default", "rows",
    "ratio", "serapan", "capaian_formula", "serapan_formula", "others",
    # conventions: the cap (120), the uncapped capaian, a custom scale's edges
    "cap", "uncapped", "low", "high", "example",
    # comparisons across years (CMP)
    "to_date", "to_date_formula", "before", "now", "standard", "cumulative_formula",
    "cumulative_to_date",
})
_NUMBER_TOKEN = re.compile(r"(?<![\w.,])-?\d+(?:\.\d+)?(?![\w]|\.\d)")


class Verbatim(str):
    """Text shown exactly as it is, even under a numeric parameter: a cell's original text
    quoted in a comment ("Semula “1.697”") must never be re-read as a number."""

    __slots__ = ()


@lru_cache(maxsize=4096)
def localise_number(token: str, lang: str) -> str:
    """A number token written with a decimal point and no separators ('1697', '93.05'), as
    the reader of `lang` writes it (`numtext.format_number`: 1.697 / 93,05; 1,697 / 93.05).
    Cached: the same figures recur in many messages (the seed's `fix` formats 2,239 tokens,
    430 of them distinct), and the result depends on the token and the language only."""
    from .numtext import format_number, to_decimal

    value = to_decimal(token)
    return token if value is None else format_number(value, lang)


@lru_cache(maxsize=4096, typed=True)
def _localise_figure(value: float | int, lang: str) -> str:
    """`numtext.format_number(value, lang)` of a float or int, cached: a finding's figures
    recur in its message, its formula and other findings. Only for values that no other
    value equals unless it is written the same (not 0.0, equal to -0.0; not Decimal, where
    1.0 equals 1.00): typed, so that 1 and 1.0 are kept apart."""
    from .numtext import format_number

    return format_number(value, lang)


def localise(value: object, lang: str) -> object:
    """A numeric parameter as the reader writes it: numbers through `numtext.format_number`,
    and every number token of a text (a formula such as '565 / 594 x 100') likewise.
    `Verbatim` text is left as it is."""
    kind = type(value)
    if (kind is float or kind is int) and value:  # not 0 (-0.0); NaN: never found again
        return _localise_figure(value, lang)  # type: ignore[arg-type]
    if kind is str:  # plain text (not Verbatim): its number tokens
        return _localise_text(value, lang)  # type: ignore[arg-type]
    if isinstance(value, Verbatim | bool):
        return value
    if isinstance(value, int | float | Decimal):
        from .numtext import format_number

        return format_number(value, lang)
    if isinstance(value, str):
        return outside_workbook_names(
            value, lambda part: _NUMBER_TOKEN.sub(lambda m: localise_number(m.group(0), lang),
                                                  part))
    return value


@lru_cache(maxsize=4096)
def _localise_text(text: str, lang: str) -> str:
    """`localise` of a plain str: its number tokens as the reader of `lang` writes them.
    Cached: a finding's figures come pre-formatted as text ('93.05', '565 / 594 x 100'),
    and the same ones recur across its findings (a report's many '100' and '10')."""
    if "[" not in text:
        return _NUMBER_TOKEN.sub(_token_localiser(lang), text)
    return outside_workbook_names(text, lambda part: _NUMBER_TOKEN.sub(_token_localiser(lang),
                                                                         part))


_TOKEN_LOCALISERS: dict[str, Callable[[re.Match[str]], str]] = {}


def _token_localiser(lang: str) -> Callable[[re.Match[str]], str]:
    """The `_NUMBER_TOKEN.sub` replacement for `lang`, made once per language."""
    localiser = _TOKEN_LOCALISERS.get(lang)
    if localiser is None:
        def localiser(match: re.Match[str]) -> str:
            return localise_number(match.group(0), lang)

        if len(_TOKEN_LOCALISERS) < 16:
            _TOKEN_LOCALISERS[lang] = localiser
    return localiser


_WORKBOOK_NAME = re.compile(r"(\[[^\]\n]*\])")  # '[lkjip_2023.xlsx]Lampiran II!H4'


def outside_workbook_names(text: str, change: Callable[[str], str]) -> str:
    """`change` applied to `text` except inside a bracketed workbook name (another workbook's
    cell as Excel writes it, `[2023.xlsx]Lampiran II!H4`): a file name is not a number."""
    if "[" not in text:
        return change(text)
    return "".join(part if i % 2 else change(part)
                   for i, part in enumerate(_WORKBOOK_NAME.split(text)))


MAX_QUOTED = 300  # characters of a quoted value (a cell's text) shown in a message


def _clip(value: object, lang: str = DEFAULT_LANG) -> object:
    """A long quoted text (a cell may hold 32,767 characters) is cut: a message must fit in
    one output cell and stay readable. The cut says so in words."""
    if isinstance(value, str) and len(value) > MAX_QUOTED:
        from .numtext import format_number

        return t("num.clipped", lang, text=Verbatim(value[:MAX_QUOTED].rstrip()),
                 n=Verbatim(format_number(len(value), lang)))
    return value


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The message `key` in `lang`, formatted with `params`. Unknown keys come back as is."""
    return message(key, lang, params.items())


def message(key: str, lang: str, params: Iterable[tuple[str, object]]) -> str:
    """`t(key, lang, **dict(params))`, the params given as (name, value) pairs (a finding's
    `params`); a later pair wins over an earlier one of the same name.

    Only the params the text names are localised: a finding's params serve both languages
    (`how_id` and `how_en`) and often more messages than the one shown."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    if not params:
        return text
    names = _FIELDS.get(text, _UNSEEN)
    if names is _UNSEEN:
        names = _FIELDS[text] = _field_names(text)
    shown = {}
    for k, v in params:
        if names is not None and k not in names:
            continue  # not in the text (None: the text's fields cannot be told)
        if k in NUMERIC_PARAMS:
            shown[k] = _localise_text(v, lang) if v.__class__ is str else localise(v, lang)
        elif isinstance(v, str) and len(v) > MAX_QUOTED:
            shown[k] = _clip(v, lang)
        else:
            shown[k] = v
    try:
        return text.format_map(shown)
    except (KeyError, IndexError, ValueError):
        return text


# A catalogue text -> the params its fields name (`_field_names`), filled as texts are used.
_FIELDS: dict[str, frozenset[str] | None] = {}
_UNSEEN: Any = object()


def _field_names(text: str) -> frozenset[str] | None:
    """The names of the params `text`'s replacement fields use ('{value:.2f}', '{x[0]}' and
    '{x.y}' use value, x); None when that cannot be told (a positional field, a
    field inside a format spec, a malformed text): then every param is localised."""
    from string import Formatter

    names: set[str] = set()
    try:
        for _, field, spec, _ in Formatter().parse(text):
            if field is None:
                continue
            name = re.split(r"[.\[]", field, maxsplit=1)[0]
            if not name.isidentifier() or (spec and "{" in spec):
                return None
            names.add(name)
    except ValueError:
        return None
    return frozenset(names)
