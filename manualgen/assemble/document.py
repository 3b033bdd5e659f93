"""The document: cover, contents and chapters, through the manual.html template (the
site's own first, then manualgen's)."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from ..config import BUILTIN_TEMPLATES
from ..content import Page
from ..i18n import format_date
from ..inline_text import plain_inline
from ..selection import blog_posts
from ..shortcodes import SiteTemplateLoader, template_frame
from .context import Context
from .outline import title_level, toc
from .word_joins import joined_words


def render_document(ctx: Context, bodies: dict[str, str], meta: dict,
                    stylesheets: list[str], edition=None,
                    compiled: jinja2.BytecodeCache | None = None) -> str:
    """The whole manual as HTML; "" with a finding when the template fails."""
    settings = ctx.settings
    loaders: list[jinja2.BaseLoader] = [SiteTemplateLoader(str(d))
                                        for d in settings.template_dirs if d.is_dir()]
    loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, bytecode_cache=compiled)
    env.filters["keep_words"] = joined_words  # Korean words not broken inside (word_joins.py)
    home = ctx.outline.home
    try:
        return env.get_template("manual.html").render(
            home=home,
            chapters=home.children,
            bodies={anchor: Markup(body) for anchor, body in bodies.items()},
            toc=toc(ctx.outline, settings.print.toc_depth),
            labels=ctx.labels,
            meta=meta,
            stylesheets=stylesheets,
            settings=settings,
            lang=ctx.lang,
            title_level=title_level,
            changes=_changes_list(ctx, edition),
            borrowed=_borrowed(ctx),
            posts=_post_bylines(ctx),
        )
    except Exception as exc:  # noqa: BLE001 - the site's own manual.html or page.html
        file, line = template_frame(exc)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            file, line = exc.filename, exc.lineno
        detail = exc.message if isinstance(exc, jinja2.TemplateSyntaxError) else exc
        ctx.findings.error("template", f"the document template failed: {type(exc).__name__}: "
                           f"{detail}", file, line, lang=ctx.lang)
        return ""


def _post_bylines(ctx: Context) -> dict[str, str]:
    """By anchor, the line a blog post's web page shows under its title (Docsy's, Hextra's,
    Blowfish's blogs): who wrote it and when, "The team · 02.03.2024"."""
    lines = {}
    for page in blog_posts(ctx.outline.home.page):
        parts = [", ".join(_authors(page))] if _authors(page) else []
        if page.date is not None:
            parts.append(format_date(page.date, ctx.labels))
        if parts and page in ctx.outline.entries:
            lines[ctx.outline.anchor(page)] = " · ".join(parts)
    return lines


def _authors(page: Page) -> list[str]:
    """The names of front matter ``author`` or ``authors``: a name, a list of names, or
    tables with a ``name`` (Hextra's authors).  Docsy runs the author through markdownify,
    so a name written as a link (``[A. Writer](https://github.com/awriter)``) prints as its
    words, not as Markdown."""
    keys = {str(key).lower(): value for key, value in page.meta.items()}
    given = keys.get("authors") or keys.get("author")
    given = given if isinstance(given, list) else [given]
    names = [each.get("name") if isinstance(each, dict) else each for each in given]
    # a name, or a number written as one; not true/false (YAML's yes), which printed "True"
    return [plain_inline(str(name)).strip() for name in names
            if isinstance(name, (str, int, float)) and not isinstance(name, bool)
            and plain_inline(str(name)).strip()]


def _borrowed(ctx: Context) -> dict[str, dict[str, str]]:
    """By anchor, the ``lang`` (and ``dir``, where it differs from the manual's) that the
    header and body of a borrowed page print with (page.html)."""
    marks = {}
    for page in ctx.borrowed:
        tag, direction = ctx.language_of(page)
        marks[ctx.outline.anchor(page)] = {"lang": tag, "dir": direction
                                           if direction != ctx.direction else None}
    return marks


def _changes_list(ctx: Context, edition) -> dict | None:
    """The "Changes in this edition" section: the changed pages by chapter, each with the
    anchor its page number comes from (none for a removed page), or None without --since."""
    if edition is None:
        return None
    groups = []
    for chapter, pages in edition.by_chapter():
        groups.append({"chapter": chapter or ctx.outline.home.title, "pages": [
            {"kind": change.kind, "title": change.title,
             "anchor": ctx.outline.anchor(change.page) if change.page is not None else None}
            for change in pages]})
    return {"since": edition.since, "groups": groups}
