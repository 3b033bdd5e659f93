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
