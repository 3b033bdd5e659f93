"""Manuals in languages whose labels hold only the words a native source gave (Galician,
Esperanto, Georgian, Swahili, Belarusian, Icelandic, Macedonian, Azerbaijani, Albanian,
Tamil, Welsh, Irish, Amharic, Marathi, Telugu, Kannada; labels.toml names each source): each prints its
own words for the contents, the footer, the alerts, a page reference and the cover, every
letter drawn by a font, and the words it has no source for print in English with a warning
that names them."""

from __future__ import annotations

import dataclasses
import re

import pytest

from manualgen.build import BuildOptions, build
from manualgen.i18n import labels_in_english, load_labels

from .conftest import notdef_fonts, printed_pages, skip_without_fonts_for, write_site


@dataclasses.dataclass(frozen=True)
class Words:
    """A tiny manual in the language: its home page, a section, and the words in them."""

    title: str
    intro: str  # with "{link}" where the link to the section goes
    section: str
    step: str
    alert: str
    note: str
    tip: str


WORDS = {
    "gl": Words("Manual", "Unha guía curta. Vexa {link}.", "Instalación", "Primeiro paso.",
                "Garde o ficheiro antes.", "Unha nota breve.", "Un consello útil."),
    "eo": Words("Gvidilo", "Mallonga gvidilo. Vidu {link}.", "Instalado", "Unua paŝo.",
                "Konservu la dosieron antaŭe.", "Mallonga noto.", "Utila konsilo."),
    "ka": Words("სახელმძღვანელო", "მოკლე სახელმძღვანელო. იხილეთ {link}.", "დაყენება",
                "პირველი ნაბიჯი.", "ჯერ შეინახეთ ფაილი.", "მოკლე შენიშვნა.", "სასარგებლო რჩევა."),
    "sw": Words("Mwongozo", "Mwongozo mfupi. Tazama {link}.", "Usakinishaji", "Hatua ya kwanza.",
                "Hifadhi faili kwanza.", "Kumbuka fupi.", "Ushauri mzuri."),
    "is": Words("Handbók", "Stutt handbók. Sjá {link}.", "Uppsetning", "Fyrsta skref.",
                "Vistaðu skrána fyrst.", "Stutt athugasemd.", "Gagnlegt ráð."),
    "mk": Words("Прирачник", "Краток прирачник. Видете {link}.", "Инсталација", "Прв чекор.",
                "Прво зачувајте ја датотеката.", "Кратка белешка.", "Корисен совет."),
    "az": Words("Təlimat", "Qısa təlimat. Baxın: {link}.", "Quraşdırma", "Birinci addım.",
                "Əvvəlcə faylı saxlayın.", "Qısa qeyd.", "Faydalı məsləhət."),
    "sq": Words("Manuali", "Një manual i shkurtër. Shiko {link}.", "Instalimi", "Hapi i parë.",
                "Ruaj skedarin më parë.", "Një shënim i shkurtër.", "Një propozim i dobishëm."),
    "ta": Words("கையேடு", "இது ஒரு சிறிய கையேடு. {link} பார்க்கவும்.", "நிறுவல்",
                "முதல் படி.", "முதலில் கோப்பைச் சேமிக்கவும்.", "ஒரு சிறிய குறிப்பு.",
                "பயனுள்ள யோசனை."),
    "cy": Words("Llawlyfr", "Llawlyfr byr. Gweler {link}.", "Gosod", "Y cam cyntaf.",
                "Cadwch y ffeil yn gyntaf.", "Nodyn byr.", "Cyngor defnyddiol."),
    "ga": Words("Lámhleabhar", "Lámhleabhar gearr. Féach {link}.", "Suiteáil", "An chéad chéim.",
                "Sábháil an comhad ar dtús.", "Nóta gearr.", "Leid úsáideach."),
    "am": Words("መመሪያ", "አጭር መመሪያ። {link} ይመልከቱ።", "መጫን", "የመጀመሪያ ደረጃ።",
                "መጀመሪያ ፋይሉን ያስቀምጡ።", "አጭር ማስታወሻ።", "ጠቃሚ ምክር።"),
    "mr": Words("पुस्तिका", "ही एक छोटी पुस्तिका आहे. {link} पाहा.", "स्थापना", "पहिली पायरी.",
                "आधी फाइल जतन करा.", "एक छोटी टीप.", "उपयुक्त सल्ला."),
    "te": Words("కరదీపిక", "ఇది చిన్న కరదీపిక. {link} చూడండి.", "స్థాపన", "మొదటి అడుగు.",
                "ముందుగా ఫైల్‌ను భద్రపరచండి.", "చిన్న గమనిక.", "ఉపయోగకరమైన సలహా."),
    "kn": Words("ಕೈಪಿಡಿ", "ಇದು ಚಿಕ್ಕ ಕೈಪಿಡಿ. {link} ನೋಡಿ.", "ಸ್ಥಾಪನೆ", "ಮೊದಲ ಹಂತ.",
                "ಮೊದಲು ಕಡತವನ್ನು ಉಳಿಸಿ.", "ಒಂದು ಚಿಕ್ಕ ಸೂಚನೆ.", "ಉಪಯುಕ್ತ ಸಲಹೆ."),
    "be": Words("Кіраўніцтва", "Кароткае кіраўніцтва. Глядзіце {link}.", "Усталяванне",
                "Першы крок.", "Спачатку захавайце файл.", "Кароткая заўвага.", "Карысная парада."),
}


def _site(root, key: str, words: Words):
    """A one-language site with no [languages] table: the cover names the language from
    the labels (language_name)."""
    page = '---\ntitle: "{}"\nweight: {}\n---\n{}\n'
    home = "\n\n".join([
        words.intro.format(link=f"[{words.section}](/setup/)"),
        f'{{{{% alert color="warning" %}}}}\n{words.alert}\n{{{{% /alert %}}}}',
        f"> [!NOTE]\n> {words.note}", f"> [!TIP]\n> {words.tip}"])
    return write_site(root, {
        "hugo.toml": (f'baseURL = "https://example.org/"\ntitle = "{words.title}"\n'
                      f'defaultContentLanguage = "{key}"\nlanguageCode = "{key}"\n'
                      '[params]\nversion = "2.1"\n'),
        "content/_index.md": page.format(words.title, 0, home),
        "content/setup/_index.md": page.format(words.section, 1, words.step),
    }, hugo=None)


@pytest.fixture(scope="module", params=sorted(WORDS))
def manual(request, tmp_path_factory):
    key = request.param
    words = WORDS[key]
    skip_without_fonts_for("".join(dataclasses.astuple(words)))
    root = tmp_path_factory.mktemp(key)
    result = build(_site(root / "site", key, words),
                   BuildOptions(all=True, out=root / "out", no_cache=True))
    (lang,) = result.results
    return key, result, lang.pdf


def _capitals(text: str) -> str:
    """``text`` in capitals, as the alerts' titles print (Azerbaijani's dotless ı is I, and
    its i is İ there, as WeasyPrint writes it: both I here; Georgian's are Mtavruli)."""
    return text.upper().replace("\u0130", "I")


def _date_pattern(date_format: str) -> str:
    return re.escape(date_format).replace("%d", r"\d{2}").replace("%m", r"\d{2}").replace(
        "%Y", r"\d{4}")


def test_the_manual_prints_its_languages_words(manual):
    key, result, pdf = manual
    assert pdf is not None and not result.findings.errors
    labels = load_labels(key)
    pages = [_capitals(text) for _, _, text, _ in printed_pages(pdf)]
    cover, contents, body = pages[0], pages[2], pages[-1]
    word = {name: _capitals(labels[name]) for name in labels}
    assert word["contents"] in contents and "CONTENTS" not in contents
    for name in ("language", "language_name", "version", "date"):
        assert word[name] in cover, name
    assert re.search(_date_pattern(labels["date_format"]), cover, re.IGNORECASE)
    # the alerts' titles, the page reference and the footer
    for name in ("warning", "note", "tip"):
        assert word[name] in body, name
    assert re.search(rf"\({re.escape(word['see_page'])}\s\d+\)", body)
    assert re.search(rf"{re.escape(word['page'])}\s*\d+\s*/\s*\d+", body)
    assert "PAGE" not in body and "SEE" not in body


def test_every_letter_is_drawn_by_a_font(manual):
    _, result, pdf = manual
    assert not [f for f in result.findings if f.code in ("missing-glyphs", "css", "glyph-stand-in")]
    assert not notdef_fonts(pdf)


def test_the_words_without_a_source_print_in_english_and_are_named(manual):
    key, result, _ = manual
    (warning,) = [f for f in result.findings if f.code == "untranslated-labels"]
    named = warning.message.split(": ", 1)[1].split(" print in English")[0]
    assert f"manualgen's words for \"{key}\" lack some" in warning.message
    assert named.removesuffix(" …").split(", ") == labels_in_english(key)[:8]
    assert "contents" not in labels_in_english(key) and "answer" in labels_in_english(key)
