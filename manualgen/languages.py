"""English names of languages, for findings ("the German page", "the French site")."""

from __future__ import annotations

LANGUAGE_NAMES = {"de": "German", "fr": "French", "it": "Italian", "en": "English",
                  "rm": "Romansh"}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code.split("-")[0].lower(), code)
