"""A small multilingual site with three right-to-left languages (Arabic, Hebrew, Persian)
beside English, each set right to left as Hugo 0.149 reads it (``languageDirection = "rtl"``;
Hugo ≥ 0.158 calls the key ``direction``, which Docsy's baseof reads as
``.Site.Language.Direction`` and Hextra's as ``.Site.Language.LanguageDirection``).

Every language has the same pages: an introduction with Latin words and numbers inside its
sentences, a guide of steps with a screenshot beside the text (the two-column HTML blocks of
a hand-written site, Hugo Book's ``columns`` and a CSS grid), a numbered list, alerts
(Docsy's shortcode and GitHub's block quote), a table, code blocks, questions and answers in
``details``, and headings with Latin terms.  The text is our own."""

from __future__ import annotations

from pathlib import Path

from .conftest import png_bytes, write_site

HUGO = """\
baseURL = "https://example.org/docs/"
title = "Dataloom"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
[params]
version = "3.2"
[markup.goldmark.renderer]
unsafe = true
[languages.en]
languageName = "English"
languageCode = "en-US"
contentDir = "content/en"
weight = 1
title = "Dataloom manual"
[languages.ar]
languageName = "العربية"
languageCode = "ar"
languageDirection = "rtl"
contentDir = "content/ar"
weight = 2
title = "دليل Dataloom"
[languages.he]
languageName = "עברית"
languageCode = "he-IL"
languageDirection = "rtl"
contentDir = "content/he"
weight = 3
title = "מדריך Dataloom"
[languages.fa]
languageName = "فارسی"
languageCode = "fa-IR"
languageDirection = "rtl"
contentDir = "content/fa"
weight = 4
title = "راهنمای Dataloom"
"""

RTL_LANGS = ("ar", "he", "fa")

# The words of each language: (key, text).  Latin words, versions and numbers sit inside
# right-to-left sentences on purpose.
WORDS = {
    "en": {
        "help": "Add `--help` to list the options.",
        "latin_title": "REST API: keys and tokens",
        "mixed": "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy the key, then install **Dataloom** 3.2 and sign in with OAuth 2.0.",
        "other": "The Arabic screen says **إرسال** الملف for Send file.",
        "manual": "Dataloom manual",
        "intro": "This manual describes Dataloom 3.2 for the year 2025, with 14 screens and the API.",
        "guide": "Getting started",
        "guide_text": "Sign in and send your first file.",
        "steps": "Send a file",
        "step1": "Open the **Upload** page at https://example.org/upload and choose the file.",
        "step2": "Check that the file has 12 columns and at most 5 000 rows, then press **Send**.",
        "step3": "Wait for the status OK in the list; it takes about 30 seconds.",
        "list": ["Sign in with your e-mail address.", "Choose the year 2025.",
                 "Press **Next** three times.", "Read the summary and press **Send**."],
        "note": "Files larger than 20 MB are refused by the server.",
        "warn": "A file sent twice replaces the first one.",
        "heading_api": "The REST API and OAuth 2.0 tokens",
        "api_text": "Ask your administrator for a token with the scope upload:write.",
        "table_head": ("Field", "Meaning", "Example"),
        "table_rows": [("year", "The year of the data", "2025"),
                       ("rows", "How many rows the file has", "5 000"),
                       ("format", "CSV or XLSX", "CSV")],
        "faq": "Questions",
        "q1": "Why is my file refused?",
        "a1": "Most often the file has the wrong encoding: save it as UTF-8 and send it again.",
        "q2": "Can I send a ZIP archive?",
        "a2": "No. Send each CSV file on its own, at most 20 MB each.",
        "grid": "The screens side by side",
        "grid_text": "The list on the left shows every file of the year 2025 with its status.",
        "alert_title": "Note",
    },
    "ar": {
        "help": "أضف الخيار `--help` لعرض الخيارات.",
        "latin_title": "REST API: المفاتيح والرموز",
        "mixed": "اضغط <kbd>Ctrl</kbd>+<kbd>C</kbd> لنسخ المفتاح، ثم ثبّت **Dataloom** 3.2 وسجّل الدخول عبر OAuth 2.0.",
        "other": "تعرض الشاشة الإنجليزية **Send** file لإرسال الملف.",
        "manual": "دليل Dataloom",
        "intro": "يشرح هذا الدليل برنامج Dataloom 3.2 لعام 2025، مع 14 شاشة وواجهة API.",
        "guide": "البدء",
        "guide_text": "سجّل الدخول وأرسل ملفك الأول.",
        "steps": "إرسال ملف",
        "step1": "افتح صفحة **Upload** على العنوان https://example.org/upload واختر الملف.",
        "step2": "تحقق من أن الملف يحتوي على 12 عمودًا وعلى 5000 صف على الأكثر، ثم اضغط **إرسال**.",
        "step3": "انتظر ظهور الحالة OK في القائمة؛ يستغرق ذلك نحو 30 ثانية.",
        "list": ["سجّل الدخول بعنوان بريدك الإلكتروني.", "اختر عام 2025.",
                 "اضغط **التالي** ثلاث مرات.", "اقرأ الملخص واضغط **إرسال**."],
        "note": "يرفض الخادم الملفات التي يزيد حجمها على 20 MB.",
        "warn": "الملف المرسل مرتين يحل محل الملف الأول.",
        "heading_api": "واجهة REST API ورموز OAuth 2.0",
        "api_text": "اطلب من المسؤول رمزًا بالنطاق upload:write.",
        "table_head": ("الحقل", "المعنى", "مثال"),
        "table_rows": [("year", "سنة البيانات", "2025"),
                       ("rows", "عدد صفوف الملف", "5000"),
                       ("format", "CSV أو XLSX", "CSV")],
        "faq": "أسئلة",
        "q1": "لماذا رُفض ملفي؟",
        "a1": "في أغلب الأحيان يكون ترميز الملف خاطئًا: احفظه بترميز UTF-8 وأرسله مرة أخرى.",
        "q2": "هل يمكنني إرسال أرشيف ZIP؟",
        "a2": "لا. أرسل كل ملف CSV وحده، بحجم 20 MB على الأكثر لكل ملف.",
        "grid": "الشاشات جنبًا إلى جنب",
        "grid_text": "تعرض القائمة على اليمين كل ملفات عام 2025 مع حالتها.",
        "alert_title": "ملاحظة",
    },
    "he": {
        "help": "הוסיפו את `--help` כדי לראות את האפשרויות.",
        "latin_title": "REST API: מפתחות ואסימונים",
        "mixed": "לחצו <kbd>Ctrl</kbd>+<kbd>C</kbd> כדי להעתיק את המפתח, ואז התקינו את **Dataloom** 3.2 והתחברו עם OAuth 2.0.",
        "other": "במסך האנגלי כתוב **Send** file לשליחת קובץ.",
        "manual": "מדריך Dataloom",
        "intro": "מדריך זה מתאר את Dataloom 3.2 לשנת 2025, עם 14 מסכים וממשק API.",
        "guide": "תחילת העבודה",
        "guide_text": "התחברו ושלחו את הקובץ הראשון.",
        "steps": "שליחת קובץ",
        "step1": "פתחו את הדף **Upload** בכתובת https://example.org/upload ובחרו את הקובץ.",
        "step2": "ודאו שבקובץ 12 עמודות ולכל היותר 5000 שורות, ואז לחצו **שליחה**.",
        "step3": "המתינו למצב OK ברשימה; זה לוקח כ־30 שניות.",
        "list": ["התחברו עם כתובת הדוא״ל שלכם.", "בחרו את שנת 2025.",
                 "לחצו **הבא** שלוש פעמים.", "קראו את הסיכום ולחצו **שליחה**."],
        "note": "השרת דוחה קבצים גדולים מ־20 MB.",
        "warn": "קובץ שנשלח פעמיים מחליף את הראשון.",
        "heading_api": "ממשק REST API ואסימוני OAuth 2.0",
        "api_text": "בקשו ממנהל המערכת אסימון עם ההרשאה upload:write.",
        "table_head": ("שדה", "משמעות", "דוגמה"),
        "table_rows": [("year", "שנת הנתונים", "2025"),
                       ("rows", "מספר השורות בקובץ", "5000"),
                       ("format", "CSV או XLSX", "CSV")],
        "faq": "שאלות",
        "q1": "למה הקובץ שלי נדחה?",
        "a1": "לרוב הקידוד של הקובץ שגוי: שמרו אותו בקידוד UTF-8 ושלחו שוב.",
        "q2": "האם אפשר לשלוח ארכיון ZIP?",
        "a2": "לא. שלחו כל קובץ CSV בנפרד, עד 20 MB לכל קובץ.",
        "grid": "המסכים זה לצד זה",
        "grid_text": "הרשימה מימין מציגה את כל הקבצים של שנת 2025 ואת מצבם.",
        "alert_title": "הערה",
    },
    "fa": {
        "help": "گزینهٔ `--help` را برای دیدن گزینه‌ها اضافه کنید.",
        "latin_title": "REST API: کلیدها و توکن‌ها",
        "mixed": "کلید <kbd>Ctrl</kbd>+<kbd>C</kbd> را بزنید تا کلید کپی شود، سپس **Dataloom** 3.2 را نصب کنید و با OAuth 2.0 وارد شوید.",
        "other": "صفحهٔ انگلیسی **Send** file را برای فرستادن پرونده نشان می‌دهد.",
        "manual": "راهنمای Dataloom",
        "intro": "این راهنما نسخهٔ Dataloom 3.2 را برای سال ۲۰۲۵ با 14 صفحه و رابط API شرح می‌دهد.",
        "guide": "شروع کار",
        "guide_text": "وارد شوید و نخستین پرونده را بفرستید.",
        "steps": "فرستادن پرونده",
        "step1": "صفحهٔ **Upload** را در نشانی https://example.org/upload باز کنید و پرونده را برگزینید.",
        "step2": "بررسی کنید که پرونده 12 ستون و حداکثر 5000 سطر دارد، سپس **فرستادن** را بزنید.",
        "step3": "منتظر وضعیت OK در فهرست بمانید؛ این کار حدود 30 ثانیه طول می‌کشد.",
        "list": ["با نشانی ایمیل خود وارد شوید.", "سال ۱۴۰۴ را برگزینید.",
                 "سه بار **بعدی** را بزنید.", "خلاصه را بخوانید و **فرستادن** را بزنید."],
        "note": "کارساز پرونده‌های بزرگ‌تر از 20 MB را نمی‌پذیرد.",
        "warn": "پرونده‌ای که دو بار فرستاده شود جای نخستین را می‌گیرد.",
        "heading_api": "رابط REST API و توکن‌های OAuth 2.0",
        "api_text": "از مدیر سامانه توکنی با دامنهٔ upload:write بخواهید.",
        "table_head": ("فیلد", "معنا", "نمونه"),
        "table_rows": [("year", "سال داده‌ها", "2025"),
                       ("rows", "شمار سطرهای پرونده", "5000"),
                       ("format", "CSV یا XLSX", "CSV")],
        "faq": "پرسش‌ها",
        "q1": "چرا پرونده‌ام پذیرفته نشد؟",
        "a1": "بیشتر وقت‌ها رمزگذاری پرونده نادرست است: آن را با UTF-8 ذخیره کنید و دوباره بفرستید.",
        "q2": "آیا می‌توانم بایگانی ZIP بفرستم؟",
        "a2": "نه. هر پرونده CSV را جداگانه بفرستید، هر کدام حداکثر 20 MB.",
        "grid": "صفحه‌ها کنار هم",
        "grid_text": "فهرست سمت راست همهٔ پرونده‌های سال 2025 را با وضعیتشان نشان می‌دهد.",
        "alert_title": "یادداشت",
    },
}

CODE = """\
```bash
curl -H "Authorization: Bearer $TOKEN" \\
  -F file=@data-2025.csv https://example.org/api/v1/upload
```
"""

CODE_TOKEN = "Authorization: Bearer $TOKEN"


def _front(title: str, weight: int) -> str:
    return f'---\ntitle: "{title}"\nweight: {weight}\n---\n'


def _two_column(text: str, image: str, alt: str) -> str:
    """A step of a hand-written site: the text in one column, the screenshot in the
    other (raw HTML, the Markdown inside through the site's own ``markdown`` shortcode)."""
    return (f'<div class="two_column">\n\n<div class="left_col">\n{{{{<markdown>}}}}\n{text}\n'
            f'{{{{</markdown>}}}}\n</div>\n\n<div class="right_col">\n\n![{alt}]({image})\n\n'
            f'</div>\n</div>\n')


def _steps_page(w: dict) -> str:
    steps = "\n".join(_two_column(f"{n}. {w[f'step{n}']}", f"/img/step{n}.png", w["steps"])
                      for n in (1, 2, 3))
    numbered = "\n".join(f"{n}. {item}" for n, item in enumerate(w["list"], 1))
    head = "| " + " | ".join(w["table_head"]) + " |\n|---|---|---|\n"
    rows = "".join("| `" + r[0] + "` | " + r[1] + " | " + r[2] + " |\n" for r in w["table_rows"])
    return (_front(w["steps"], 1) + w["intro"] + "\n\n" + steps + "\n" + numbered + "\n\n"
            + f'{{{{% alert title="{w["alert_title"]}" %}}}}\n{w["note"]}\n{{{{% /alert %}}}}\n\n'
            + f"> [!WARNING]\n> {w['warn']}\n\n"
            + f"## {w['heading_api']}\n\n{w['api_text']}\n\n{CODE}\n" + head + rows)


def _grid_page(w: dict) -> str:
    grid = ('<div style="display: grid; grid-template-columns: 1fr 1fr; gap: 1rem">\n'
            f'<div>\n\n{w["grid_text"]}\n\n</div>\n<div>\n\n![{w["grid"]}](/img/list.png)\n\n'
            '</div>\n</div>\n')
    columns = f'{{{{% columns %}}}}\n- {w["grid_text"]}\n- ![{w["grid"]}](/img/list.png)\n{{{{% /columns %}}}}\n'
    return _front(w["grid"], 2) + grid + "\n" + columns


def _api_page(w: dict) -> str:
    """A title that opens with Latin words; Latin words and numbers split by inline
    elements inside the language's sentences (and the other direction's words)."""
    return (_front(w["latin_title"], 4) + w["mixed"] + "\n\n" + w["other"] + "\n\n"
            + w["help"] + "\n")


def _faq_page(w: dict) -> str:
    return (_front(w["faq"], 3)
            + f'{{{{< details summary="{w["q1"]}" >}}}}\n{w["a1"]}\n{{{{< /details >}}}}\n\n'
            + f'<details>\n<summary>{w["q2"]}</summary>\n\n{w["a2"]}\n\n</details>\n')


def language_files(lang: str) -> dict[str, str]:
    w = WORDS[lang]
    return {
        f"content/{lang}/_index.md": _front(w["manual"], 0) + w["intro"] + "\n",
        f"content/{lang}/guide/_index.md": _front(w["guide"], 1) + w["guide_text"] + "\n",
        f"content/{lang}/guide/send.md": _steps_page(w),
        f"content/{lang}/guide/screens.md": _grid_page(w),
        f"content/{lang}/guide/api.md": _api_page(w),
        f"content/{lang}/faq.md": _faq_page(w),
    }


def write_rtl_site(root: Path, langs=("en", *RTL_LANGS)) -> Path:
    files: dict[str, str | bytes] = {}
    for lang in langs:
        files.update(language_files(lang))
    for n, color in ((1, (40, 90, 160)), (2, (60, 140, 80)), (3, (170, 80, 40))):
        files[f"static/img/step{n}.png"] = png_bytes(1200, 800, color)
    files["static/img/list.png"] = png_bytes(900, 900, (120, 120, 120))
    return write_site(root, files, hugo=HUGO)
