"""Check written PDFs with a validator, and report each failed rule as a finding.

A PDF that claims PDF/UA or PDF/A and fails the standard's rules is not accessible or
archival, whatever its tags say; ``manualgen build --validate`` shows the verdict of
page-validation (PyPI ``page-validation``, module ``page``) beside the build's other findings.
The package is optional (``pip install 'manualgen[validate]'``): a build without the option
never imports it.

page-validation names the first place where each rule fails (with its page, when it gives
one), not every place: a rule that fails in 300 places is one finding. What a validator cannot
judge (whether an alt text describes its picture, whether a link's words make sense) is in
docs/accessibility.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import Findings, UsageError

# What each pdf_variant claims, as page-validation's profile names; a tagged PDF/A also
# claims PDF/UA-1 (manualgen declares both in its metadata).
PROFILES: dict[str, tuple[str, ...]] = {
    "pdf/ua-1": ("ua1",),
    "pdf/a-3a": ("3a", "ua1"),
    "pdf/a-3b": ("3b",),
    "pdf/a-3u": ("3u",),
    "none": (),
}
INSTALL_HINT = "pip install 'manualgen[validate]' (or pip install page-validation)"
_PAGE = re.compile(r"\bpage (\d+)\b")


def profiles_for(pdf_variant: str | None) -> tuple[str, ...]:
    """The validator's profiles for a PDF written as ``pdf_variant``."""
    return PROFILES.get(pdf_variant or "none", ())


def load_validator():
    """The page-validation module, or a usage error that says how to install it."""
    try:
        import page
    except ImportError:
        page = None
    if page is None or not hasattr(page, "validate_pdf"):
        raise UsageError(f"--validate needs the PDF validator page-validation: {INSTALL_HINT}")
    return page


def code_for(profile: str) -> str:
    """The finding code of a profile's failed rules: ``pdfua`` or ``pdfa``."""
    return "pdfua" if profile.startswith("ua") else "pdfa"


def validate_pdf(path: Path, profiles: tuple[str, ...], findings: Findings,
                 lang: str | None = None, validator=None) -> int:
    """Run each profile on the PDF at ``path``; each failed rule becomes a warning on the
    PDF (``page N:`` in front when the validator names a page). Returns the number of
    failed rules."""
    validator = validator or load_validator()
    failed = 0
    for profile in profiles:
        try:
            report = validator.validate_pdf(path, profile=profile)
        except validator.PageError as exc:
            findings.warning(code_for(profile), f"the validator could not read the PDF "
                             f"({type(exc).__name__}: {exc})", path, lang=lang)
            failed += 1
            continue
        for failure in report.failures:
            findings.warning(code_for(profile), describe(profile, failure.rule_id,
                                                         failure.message), path, lang=lang)
            failed += 1
    return failed


def describe(profile: str, rule: str, message: str) -> str:
    """One line for one failed rule: its page (if named), the rule and what is wrong."""
    match = _PAGE.search(message)
    where = f"page {match.group(1)}: " if match else ""
    standard = "PDF/UA-1" if profile.startswith("ua") else f"PDF/A-{profile.upper()}"
    return f"{where}{standard} rule {rule} fails: {message}"


def validate_results(results, pdf_variant: str | None, findings: Findings) -> int:
    """Validate the PDF of each language a build wrote (or reused); returns the number of
    failed rules. A variant that claims no standard (``none``) is not checked."""
    profiles = profiles_for(pdf_variant)
    if not profiles:
        return 0
    validator = load_validator()
    return sum(validate_pdf(result.pdf, profiles, findings, result.lang, validator)
               for result in results if result.pdf is not None)
