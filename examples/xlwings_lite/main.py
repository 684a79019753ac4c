"""lkjip-xl: Periksa & Hitung, for xlwings Lite (Python inside Excel, in the browser).

Paste this file into the xlwings Lite editor (main.py) and requirements.txt into its
requirements.txt tab; see README.md next to this file. The button runs the same check and
fix as `lkjip-xl fix` and the desktop button, on the open workbook: computed values are
written, changed cells coloured, and the Ringkasan and Temuan sheets replaced.
Messages are in Bahasa Indonesia; set LANG = "en" below for English.
"""

import traceback

import xlwings as xw
from xlwings import script

from lkjip_xl.excel import alert, run_on_book
from lkjip_xl.messages import t

LANG = "id"


@script(name="Periksa & Hitung")
def periksa_dan_hitung(book: xw.Book):
    """# Periksa & Hitung
    Memeriksa buku kerja LKjIP ini, menghitung capaian, kategori dan persentase, lalu
    menulis lembar Ringkasan dan Temuan."""
    try:
        result = run_on_book(book, lang=LANG)
    except Exception as exc:  # staff get one clear message, not a traceback
        traceback.print_exc()  # for whoever maintains the workbook: the output pane
        message = t("excel.unexpected", LANG, detail=f"{type(exc).__name__}: {exc}"[:400])
        print(message)
        alert(book, message, LANG, critical=True)
        return None
    print(result.message)
    alert(book, result.message, LANG, critical=not result.ok)
    return result
