"""The template's own words (Bahasa Indonesia): titles, hints, explanations, the guide.

The workbook is an Indonesian document for Indonesian staff, so these texts are content, not
translatable messages. Header names and column help never appear here: they come from
`lkjip_xl.schema`.
"""

from __future__ import annotations

from ..schema import (
    SHEET_BUDGET,
    SHEET_COMPARISON,
    SHEET_FINDINGS,
    SHEET_IDENTITY,
    SHEET_MEASUREMENT,
    SHEET_PK,
    SHEET_RPJMD,
    SHEET_SUMMARY,
    RowRole,
)

TITLE_GUIDE = "Petunjuk Pengisian Buku Kerja LKjIP (lkjip-xl)"
TITLE_IDENTITY = "Identitas Instansi dan Pengaturan"
HINT_IDENTITY = ("Isi nilai di kolom B. Label di kolom A jangan diubah; "
                 "kolom C berisi penjelasan.")
SCALE_SECTION_TITLE = "Skala Kustom (isi bila Skala Penilaian = Kustom)"
SCALE_SECTION_EXPLAIN = (
    "Satu baris per kategori. Batas Bawah = nilai terendah kategori itu; nilai masuk kategori "
    "tertinggi yang batas bawahnya terlewati. Termasuk Batas = Tidak berarti nilai harus lebih "
    "besar dari batas (kosong = Ya). Batas Atas boleh kosong (= sampai kategori di atasnya); "
    "bila diisi, lkjip-xl memeriksa celah dan tumpang tindih antar-kategori. Nilai di atas "
    "100 masuk kategori tertinggi."
)
LEGEND = "Kolom berwarna seperti sel ini dihitung oleh lkjip-xl"


def title(sheet: str, tahun: int, awal: int, akhir: int) -> str:
    return {
        SHEET_RPJMD: f"Tabel VI.1 - Indikator Kinerja dan Target RPJMD/Renstra {awal}-{akhir}",
        SHEET_PK: f"Lampiran II - Perjanjian Kinerja Tahun {tahun} dan Realisasinya",
        SHEET_MEASUREMENT: f"Pengukuran Kinerja Tahun {tahun} (seperti tertulis di laporan)",
        SHEET_BUDGET: f"Aspek Keuangan Tahun {tahun} (Pagu dan Realisasi Anggaran)",
        SHEET_COMPARISON: (f"Perbandingan Kinerja Tahun {tahun} dengan Tahun Sebelumnya, "
                           f"Target Akhir Periode {akhir} dan Standar Nasional"),
    }[sheet]


HINTS = {
    SHEET_RPJMD: ("Satu baris per indikator; target tiap tahun di kolom tahunnya "
                  "(rentang boleh ditulis 80-90)."),
    SHEET_PK: "Kolom Baris: Indikator, Program, Kegiatan, Jumlah atau Total (lihat Petunjuk).",
    SHEET_MEASUREMENT: ("Salin angka persis seperti di laporan. Baris: Indikator atau "
                        "Rata-rata."),
    SHEET_BUDGET: "Kolom Baris: Kelompok, Program, Rincian, Jumlah atau Total (rupiah penuh).",
    SHEET_COMPARISON: ("Boleh tidak diisi. Satu baris per indikator: realisasi tahun-tahun "
                       "sebelumnya seperti tertulis di laporan, target akhir periode, standar "
                       "nasional."),
}

# Short field explanations for Identitas column C, by IDENTITY_FIELDS key.
IDENTITY_EXPLAIN = {
    "nama_instansi": "Nama OPD, mis. Dinas Sosial dan Pemberdayaan Masyarakat.",
    "pemerintah_daerah": "Pemerintah kabupaten/kota/provinsi, mis. Pemerintah Kota Batam.",
    "tahun": "Tahun yang dilaporkan (4 digit).",
    "periode_awal": "Tahun awal periode RPJMD/Renstra (tahun Kondisi Awal).",
    "periode_akhir": "Tahun akhir periode RPJMD/Renstra.",
    "nama_kepala": "Nama kepala OPD yang menandatangani laporan.",
    "nip_kepala": "NIP 18 digit; disimpan sebagai teks agar tidak berubah.",
    "preset": ("Paket konvensi: {presets}. Bawaan = konvensi laporan contoh (tanpa batas "
               "capaian, Skala 4). Pengaturan di bawahnya yang diisi menimpa paket ini; "
               "kosong = menurut paket."),
    "skala": ("Skala penilaian kategori capaian: {choices}. Skala 5: 91/76/66/51 (Sangat "
              "Tinggi ... Sangat Rendah); Skala 5 Baik: batas sama, Sangat Baik ... Sangat "
              "Kurang. Kosong = menurut Preset Konvensi."),
    "rumus_negatif": ("Rumus capaian indikator negatif (makin rendah makin baik): "
                      "(2T-R)/T (baku; sama dengan (1 + (1 - R/T)) x 100%) atau T/R. "
                      "Kosong = menurut Preset Konvensi."),
    "batas_capaian": ("Capaian di atas batas ditulis sama dengan batas: Tanpa Batas (baku), "
                      "Maks. 100, atau Maks. 120 (mis. 138,75 ditulis 120). Kosong = menurut "
                      "Preset Konvensi."),
    "target_rentang": ("Target rentang (mis. 80-90): Dalam Rentang = 100 (baku: di dalam "
                       "rentang 100; di luar dibandingkan batas yang dilewati) atau Batas "
                       "Target (selalu terhadap batas atas indikator positif / batas bawah "
                       "indikator negatif). Kosong = menurut Preset Konvensi."),
    "metode_efisiensi": ("Cara Ringkasan menilai efisiensi: Selisih +/-5 (baku: capaian - "
                         "serapan, -5 sampai 5 cukup efisien), Capaian >= Serapan, atau "
                         "Indeks Efisiensi (capaian / serapan, > 1 efisien). Kosong = "
                         "menurut Preset Konvensi."),
    "toleransi": ("Selisih (poin persen) yang masih dianggap sama saat memeriksa angka "
                  "tertulis, mis. 0,01."),
    "desimal": "Jumlah angka desimal untuk pembulatan capaian (baku 2).",
}

# What each Baris value means on each sheet: (role, meaning, example).
ROLE_GUIDE: dict[str, tuple[tuple[RowRole, str, str], ...]] = {
    SHEET_PK: (
        (RowRole.INDIKATOR, "Indikator yang diperjanjikan dalam PK: Kode Indikator, Sasaran, "
                            "Indikator Kinerja, Target, Satuan.",
         "IK-1 | Menurunnya jumlah PMKS | Target 2.819 | Org"),
        (RowRole.PROGRAM, "Program: Kode, nama, Anggaran; Target/Realisasi bila laporan "
                          "menuliskannya.",
         "Program Penanganan PMKS | Anggaran 18.685.267.564"),
        (RowRole.KEGIATAN, "Kegiatan dari program di atasnya: Kode Indikator yang didukung, "
                           "Target, Realisasi, Satuan, Capaian (boleh kosong), Anggaran. "
                           "Kegiatan dengan beberapa satuan ditulis beberapa baris. Capaian "
                           "kegiatan dihitung Positif (makin tinggi makin baik) walaupun "
                           "indikatornya Negatif, kecuali kolom Polaritas baris ini diisi.",
         "Verifikasi dan Validasi data PMKS | IK-1 | 12 | 12 | Kecamatan"),
        (RowRole.JUMLAH, "Subtotal tertulis untuk program di atasnya (per Satuan bila Satuan "
                         "diisi).", "Jumlah Program Penanganan PMKS"),
        (RowRole.TOTAL, "Total keseluruhan tertulis untuk semua program (per Satuan bila "
                        "diisi).", "Jumlah Total"),
    ),
    SHEET_MEASUREMENT: (
        (RowRole.INDIKATOR, "Target, realisasi, capaian dan kategori satu indikator seperti "
                            "tertulis; Sumber = bagian laporan.",
         "IK-1 | 2.819 | 2.109 | 74,81 | Bab III 3.2"),
        (RowRole.RATA_RATA, "Rata-rata tertulis (dan kategorinya). Kode Indikator: daftar "
                            "kode yang dirata-ratakan, dipisah koma; kosong = semua indikator "
                            "di lembar ini.", "IK-1, IK-2, IK-3 | 84,02 | Berhasil"),
    ),
    SHEET_BUDGET: (
        (RowRole.KELOMPOK, "Membuka kelompok belanja atau sumber dana.",
         "Belanja Tidak Langsung; Belanja Langsung; Belanja Operasi"),
        (RowRole.PROGRAM, "Sub-kelompok di dalam kelompok; tanpa Rincian, baris Program "
                          "membawa angkanya sendiri.", "Program Penanganan PMKS"),
        (RowRole.RINCIAN, "Satu mata anggaran.", "Belanja Pegawai"),
        (RowRole.JUMLAH, "Subtotal tertulis dari kelompok yang sedang berjalan.",
         "Jumlah Belanja Langsung"),
        (RowRole.TOTAL, "Total keseluruhan tertulis.", "Total Belanja"),
    ),
}

SHEET_GUIDE_LINES = (
    (SHEET_IDENTITY, "Nama instansi, tahun, periode RPJMD, kepala, dan pengaturan "
                     "perhitungan: Preset Konvensi (paket), lalu skala penilaian, rumus "
                     "indikator negatif, batas capaian, target rentang, metode efisiensi "
                     "(kosong = menurut paket), toleransi, desimal."),
    (SHEET_RPJMD, "Indikator RPJMD/Renstra: kondisi awal, target per tahun, kondisi akhir, "
                  "dan Polaritas (Positif = makin tinggi makin baik, Negatif = makin rendah "
                  "makin baik)."),
    (SHEET_PK, "Perjanjian Kinerja tahun ini: indikator dan target, program dan kegiatan "
               "dengan realisasi fisik dan anggaran."),
    (SHEET_MEASUREMENT, "Tabel pengukuran kinerja Bab III seperti tertulis. Indikator yang "
                        "sama boleh muncul beberapa kali dari bagian laporan yang berbeda."),
    (SHEET_BUDGET, "Aspek keuangan (Bab III 3.4): pagu dan realisasi anggaran per kelompok, "
                   "program dan rincian."),
    (SHEET_COMPARISON, "Boleh tidak diisi. Perbandingan yang dinilai evaluasi AKIP: realisasi "
                       "tahun-tahun sebelumnya (kolom Realisasi <tahun>), Target Akhir Periode "
                       "RPJMD/Renstra, Standar Nasional dan sumbernya, Cara Hitung (Kumulatif "
                       "atau Nilai Terakhir) dan Tren. lkjip-xl memeriksa angka yang tertulis "
                       "dua kali dan menampilkan tabel dan grafik antar tahun di Ringkasan."),
    (f"{SHEET_SUMMARY}, {SHEET_FINDINGS}", "Ditulis oleh lkjip-xl (ringkasan dan temuan); "
                                            "tidak perlu dibuat atau diisi."),
)

NUMBER_LINES = (
    ("Persen", "Tulis poin persen: 93,05 berarti 93,05%. Jangan memakai format % Excel; "
               "bila terlanjur, 93,05% (tersimpan 0,9305) tetap dibaca 93,05."),
    ("Rupiah", "Tulis angka penuh, tanpa Rp: 18685267564 atau 18.685.267.564."),
    ("Desimal", "Koma desimal (74,94) dan titik ribuan (6.910.387.000) dipahami; gaya "
                "Inggris (95.56; 1,004,422,800) juga. Satu pemisah diikuti tepat tiga angka "
                "(1.697; 21,378) dibaca sebagai ribuan, kecuali di kolom persen (93,055); "
                "angka seperti ini dilaporkan sebagai bermakna ganda."),
    ("Rentang", "Target berupa rentang ditulis 80-90 atau 80 s/d 90."),
    ("Rasio", "Target atau realisasi berupa rasio ditulis 1:40 atau 1:25,5 (dibaca 40 dan "
              "25,5). Capaian rasio hanya dihitung bila Polaritas tertulis (rasio murid per "
              "guru: Negatif, makin kecil makin baik)."),
    ("Predikat", "Target berupa predikat (WTP, AA, Baik) ditulis apa adanya; capaiannya "
                 "tidak dapat dihitung dan dilaporkan sebagai info, bukan kesalahan."),
    ("Tanda -", "Tanda - saja berarti tidak ada angka (dihitung 0 dalam penjumlahan)."),
    ("Satuan", "Teks di belakang angka (21.378 KPM) dianggap satuan; sebaiknya tulis satuan "
               "di kolom Satuan."),
    ("Salah hitung", "Salin angka persis seperti tertulis di laporan, termasuk yang salah: "
                     "menemukannya adalah tugas lkjip-xl."),
)

LAYOUT_LINES = (
    ("Judul kolom", "Jangan mengubah nama judul kolom (baris 3). Urutan kolom boleh diubah, "
                    "kolom tambahan, baris judul dan baris kosong boleh ditambahkan."),
    ("Kode Indikator", "Kunci penghubung antar-lembar (mis. IK-1): indikator yang sama harus "
                       "berkode sama di Tabel VI.1, Lampiran II dan Pengukuran Kinerja, "
                       "walaupun namanya ditulis berbeda. Bila kode kosong, lkjip-xl "
                       "mencocokkan nama dan memberi tahu."),
    ("Warna", "Judul kolom biru muda = diisi staf. Judul kolom abu-biru dan sel yang "
              "diarsir = dihitung oleh lkjip-xl: isi seperti tertulis di laporan atau "
              "biarkan kosong."),
    ("Catatan", "Arahkan tetikus ke judul kolom untuk melihat penjelasannya."),
)

COMMAND_LINES = (
    ("lkjip-xl check laporan.xlsx", "Memeriksa buku kerja dan menampilkan temuan "
                                    "(angka tidak cocok, total tidak sesuai, kategori salah)."),
    ("lkjip-xl fix laporan.xlsx", "Membetulkan angka turunan (capaian, persentase, kategori) "
                                  "dan menulis hasilnya ke berkas baru; berkas asli tidak "
                                  "ditimpa. Pilihannya: lkjip-xl fix --help."),
    ("lkjip-xl template -o templat.xlsx",
     "Membuat templat kosong baru (pilihan: --tahun 2019 --periode 2016-2021)."),
    ("lkjip-xl --help", "Daftar perintah dan pilihannya."),
)

# Optional columns (issue 10): (header, where, what).
OPTIONAL_LINES = (
    ("Polaritas", "Tabel VI.1 menentukan polaritas indikator. Di Lampiran II dan Pengukuran "
                  "Kinerja kolom Polaritas boleh kosong: baris Indikator memakai polaritas "
                  "indikatornya, baris Kegiatan dianggap Positif (keluaran kegiatan, mis. "
                  "jumlah ibu hamil yang didampingi, makin banyak makin baik walaupun "
                  "indikatornya Angka Kematian Bayi). Isi Positif atau Negatif untuk "
                  "mengganti polaritas satu baris."),
    ("Terhadap", "Pengukuran Kinerja: capaian baris ini diukur terhadap apa. Target PK "
                 "(kosong = Target PK), Target RPJMD (target RPJMD tahun laporan), Target "
                 "Akhir Periode, Tahun Lalu, Standar Nasional. Capaian hanya dibandingkan "
                 "dengan capaian lain yang sama Terhadap-nya: 96,50 terhadap target tahunan "
                 "dan 88,20 terhadap target akhir periode bukan pertentangan."),
    ("Efisiensi", "Efisiensi seperti tertulis di laporan, di baris Program (efisiensi "
                  "program) atau Indikator (efisiensi sasarannya) Lampiran II, atau di "
                  "Pengukuran Kinerja. Boleh berupa indeks (capaian / serapan, mis. 1,02) atau "
                  "selisih (capaian - serapan, mis. 2,15): lkjip-xl memeriksa keduanya."),
)

# The Perbandingan sheet (issue 14): (column, what).
COMPARISON_LINES = (
    ("Realisasi <tahun>", "Realisasi indikator pada tahun itu seperti tertulis di laporan "
                          "(templat: n-4 sampai n-1). Kolom tahun boleh ditambah atau dihapus; "
                          "judulnya harus memuat tahunnya (Realisasi 2021, 2021). Realisasi "
                          "tahun sebelum periode dibandingkan dengan Kondisi Awal di Tabel "
                          "VI.1; kolom tahun laporan dibandingkan dengan realisasi di "
                          "Lampiran II dan Pengukuran Kinerja."),
    ("Target Akhir Periode", "Target indikator pada akhir periode RPJMD/Renstra, biasanya "
                             "sama dengan target tahun terakhir di Tabel VI.1."),
    ("Cara Hitung", "Kumulatif: realisasi tiap tahun periode dijumlahkan (mis. km jalan "
                    "dibangun, rumah direhabilitasi). Nilai Terakhir: realisasi tahun laporan "
                    "adalah tingkat yang dicapai (persentase, angka, indeks). Kosong = Nilai "
                    "Terakhir."),
    ("Tren", "Arah realisasi tahun laporan dibanding tahun sebelumnya: Naik, Turun, Tetap; "
             "atau Membaik/Memburuk menurut Polaritas (angka kemiskinan yang turun = "
             "Membaik)."),
    ("Progres dan Standar", "Progres terhadap Target Akhir (%) = realisasi s.d. tahun "
                            "laporan / Target Akhir Periode x 100; Capaian terhadap Standar "
                            "Nasional (%) = realisasi tahun laporan / Standar Nasional x 100 "
                            "(Negatif: menurut Rumus Indikator Negatif). Isi seperti tertulis "
                            "atau biarkan kosong: lkjip-xl memeriksanya atau menghitungnya di "
                            "Ringkasan."),
)

GUIDE_INTRO = (
    "Satu buku kerja = laporan kinerja (LKjIP) satu instansi untuk satu tahun. Staf mengisi "
    "angka seperti tertulis di laporan; lkjip-xl menghitung ulang capaian, kategori dan "
    "ringkasan, lalu melaporkan setiap perbedaan."
)

# Data validation on Identitas and the Kode Indikator dropdowns.
VALID_TITLE = "Nilai tidak valid"
VALID_YEAR = "Isi tahun 4 digit ({low}-{high})."
VALID_PERIOD_END = "Isi tahun 4 digit, sesudah Periode Awal (paling lambat {high})."
VALID_TOLERANCE = "Isi angka 0 atau lebih, mis. 0,01."
VALID_DECIMALS = "Isi bilangan bulat 0 sampai {high}."
CODE_PROMPT_TITLE = "Kode Indikator"
CODE_PROMPT = "Pilih kode dari Tabel VI.1, atau ketik kode lain."
CODE_ERROR_TITLE = "Kode belum ada di Tabel VI.1"
CODE_ERROR = ("Kode ini belum ada di kolom Kode Indikator lembar Tabel VI.1. Tetap dipakai? "
              "Tambahkan indikatornya di Tabel VI.1 agar lkjip-xl dapat menghubungkannya.")

# Sheet protection, explained in the Petunjuk sheet.
PROTECTION_LINES = (
    ("Apa yang dikunci",
     "Lembar Identitas, Tabel VI.1, Lampiran II, Pengukuran Kinerja, Keuangan dan "
     "Perbandingan diproteksi "
     "tanpa kata sandi: hanya baris judul kolom (baris 3) dan label Identitas yang dikunci, "
     "agar tidak terganti namanya. Semua sel lain dapat diisi, diformat, diurutkan dan "
     "difilter; baris dapat disisipkan dan dihapus."),
    ("Membuka proteksi",
     "Excel: tab Tinjau (Review) > Buka Proteksi Lembar (Unprotect Sheet). LibreOffice: "
     "menu Alat (Tools) > Proteksi Lembar (Protect Sheet), hilangkan centangnya. Tidak ada "
     "kata sandi. Lindungi lagi dengan perintah yang sama setelah selesai."),
    ("lkjip-xl dan proteksi",
     "lkjip-xl fix dan tombol Periksa & Hitung hanya menulis ke sel yang tidak dikunci; "
     "proteksi tetap ada di buku kerja yang diperbaiki."),
)
