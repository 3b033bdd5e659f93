"""English names of languages, for findings ("the German page", "the French site"), and a
language's tag for the document."""

from __future__ import annotations

import re

LANGUAGE_NAMES = {"de": "German", "fr": "French", "it": "Italian", "en": "English",
                  "rm": "Romansh"}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code.split("-")[0].lower(), code)


def language_tag(code: str, lang: str) -> str:
    """Hugo's ``languageCode`` (``de-CH``, ``de_CH``) as the document's language tag, which
    chooses the hyphenation patterns, the quote marks and the PDF's /Lang; the language's
    key when the code is not a language tag."""
    tag = code.replace("_", "-")
    return tag if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", tag) else lang


# Country codes that sites take as a language's key ([languages.cn] for Chinese, as
# apache/shardingsphere's documentation does; jp for Japanese): none of them is a language
# code, so the language meant is the country's.  ("kr", "se" and "tw" are left: they are
# the codes of Kanuri, Northern Sami and Twi.)
COUNTRY_KEYS = {"cn": "zh-CN", "jp": "ja", "cz": "cs", "gr": "el", "ua": "uk", "dk": "da",
                "vn": "vi", "hk": "zh-HK"}


def country_language(code: str) -> str:
    """The language tag a country code used as a language's key stands for ("cn" is
    "zh-CN"); any other code as it is."""
    return COUNTRY_KEYS.get(code.strip().lower(), code)


# Languages written right to left (their usual script), and the right-to-left scripts a tag
# may name ("pa-Arab", "ku-Arab"); a tag naming another script ("ku-Latn") is not.
_RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "pnb", "ps", "sd", "syr",
                  "ug", "ur", "yi"}
_RTL_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"}


def written_right_to_left(tag: str) -> bool:
    """Whether a language tag (``he``, ``fa-IR``, ``pa-Arab``) names a language written
    right to left, by its script subtag if it has one, else by its language."""
    parts = [p.lower() for p in re.split(r"[-_]", tag.strip()) if p]
    if not parts:
        return False
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if script is not None:
        return script in _RTL_SCRIPTS
    return parts[0] in _RTL_LANGUAGES
