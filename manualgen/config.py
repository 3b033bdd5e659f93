"""Settings: one typed, validated object built from a Hugo config and ``manualgen.toml``.

The Hugo config (a root ``hugo.toml`` and/or a ``config/`` directory, merged as Hugo merges
them) says what the site is (languages, content folders, static folders, base URL,
version); ``manualgen.toml`` says what only a printed manual needs (file name, subtitle,
publisher, paper, extra styles).  Every problem in either file is collected and reported
together, each with its key, before anything is built.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tomllib
from pathlib import Path
from urllib.parse import urlparse

import yaml

from .errors import ERROR, ConfigError, Finding, shown_from

HUGO_CONFIG_NAMES = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
)
CONFIG_EXTENSIONS = (".toml", ".yaml", ".yml", ".json")
# `hugo build` reads config/_default, then config/production; HUGO_ENVIRONMENT names another.
DEFAULT_ENVIRONMENT = "production"
MANUALGEN_CONFIG = "manualgen.toml"
PAPER_SIZES = ("a4", "a5", "letter")
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3a", "pdf/a-3b", "pdf/a-3u", "none")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUILTIN_STYLES = PROJECT_ROOT / "styles"
BUILTIN_TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclasses.dataclass
class Language:
    code: str
    name: str
    weight: int
    content_dirs: list[Path]
    title: str
    description: str
    locale: str  # languageCode, e.g. "de-CH"; falls back to code
    params: dict
    # Where each content folder sits below Hugo's content/ (a module mount's target subpath,
    # "docs" for target = "content/docs"); empty: every content folder is mounted at the root.
    mounts: list[tuple[Path, str]] = dataclasses.field(default_factory=list)
    direction: str = "ltr"  # "rtl" from Hugo's languageDirection or direction


@dataclasses.dataclass
class PrintOptions:
    paper: str = "a4"
    sides: str = "twoside"  # or "oneside"
    # Page margins; "" keeps manual.css's default for the paper (A4/Letter: inner 25mm,
    # outer 15mm, top and bottom 20mm; A5 smaller). One-sided: inner is left, outer right.
    margin_inner: str = ""
    margin_outer: str = ""
    margin_top: str = ""
    margin_bottom: str = ""
    toc_depth: int = 3
    numbering: bool = True
    pdf_variant: str = "pdf/ua-1"
    image_ppi: int = 200  # target pixels per inch for screenshots at their printed size


@dataclasses.dataclass
class Settings:
    site_root: Path  # folder that holds the Hugo config or config/ (or manualgen.toml)
    config_files: list[Path]  # every file read, in the order read: build inputs for the cache
    title: str
    subtitle: str
    publisher: str
    author: str  # "": the publisher's name
    keywords: list[str]
    version: str
    base_url: str
    base_path: str  # path part of baseURL, always ends with "/"
    default_language: str
    default_in_subdir: bool
    languages: dict[str, Language]  # ordered by weight
    by_filename: bool  # translations by file name (page.fr.md) in one shared tree
    static_dirs: list[Path]
    assets_dirs: list[Path]
    i18n_dirs: list[Path]
    output_name: str  # template with {name} and {lang}
    name: str
    logo: Path | None
    stylesheets: list[Path]
    shortcode_dirs: list[Path]  # the site's own shortcode templates, searched first
    template_dirs: list[Path]  # the site's own page templates, searched first
    labels: dict[str, dict[str, str]]  # per-language label overrides
    language_overrides: dict[str, dict]  # [languages.<lang>] of manualgen.toml
    goldmark: dict
    params: dict
    print: PrintOptions
    # What Hugo publishes: its build environment (cascade targets name it), its
    # buildDrafts/buildFuture/buildExpired switches, the site's [[cascade]] entries and the
    # ignoreFiles patterns (matched against each content file's absolute path).
    environment: str = DEFAULT_ENVIRONMENT
    build_drafts: bool = False
    build_future: bool = False
    build_expired: bool = False
    cascade: list[dict] = dataclasses.field(default_factory=list)
    ignore_files: list[re.Pattern] = dataclasses.field(default_factory=list)
    # How Hugo titles a section that has no _index file (from its folder's name).
    pluralize_list_titles: bool = True
    capitalize_list_titles: bool = True
    title_case_style: str = "ap"

    def language(self, code: str) -> Language:
        return self.languages[code]

    def output_filename(self, lang: str) -> str:
        return self.output_name.format(name=self.name, lang=lang)

    def lang_title(self, lang: str) -> str:
        over = self.language_overrides.get(lang, {})
        return over.get("title") or self.languages[lang].title or self.title

    def lang_subtitle(self, lang: str) -> str:
        over = self.language_overrides.get(lang, {})
        return over.get("subtitle") or self.languages[lang].description or self.subtitle

    # A federal office has a name in each language: [languages.fr] publisher = "Office …".
    def lang_publisher(self, lang: str) -> str:
        return self.language_overrides.get(lang, {}).get("publisher") or self.publisher

    def lang_author(self, lang: str) -> str:
        over = self.language_overrides.get(lang, {})
        return over.get("author") or self.author or self.lang_publisher(lang)

    def lang_keywords(self, lang: str) -> list[str]:
        over = self.language_overrides.get(lang, {}).get("keywords")
        return [str(k) for k in (over if over is not None else self.keywords)]


# --- reading files -------------------------------------------------------------------------


def _load_data_file(path: Path, problems: list[Finding]) -> dict:
    """Read a TOML, YAML or JSON config file; a syntax error becomes a finding with its line."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark: Windows editors
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac line ends, as in pages
    except UnicodeDecodeError as exc:
        problems.append(Finding(ERROR, "config", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                                "save the file as UTF-8", str(path), raw[:exc.start].count(b"\n") + 1))
        return {}
    except OSError as exc:
        problems.append(Finding(ERROR, "config", f"cannot read: {exc.strerror}", str(path)))
        return {}
    if control := re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):  # not "Invalid statement"
        problems.append(Finding(ERROR, "config", f"the control character U+{ord(control.group()):04X} "
                                "is not allowed (a damaged file?)", str(path),
                                text.count("\n", 0, control.start()) + 1))
        return {}
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(text)
        elif path.suffix.lower() in (".yaml", ".yml"):
            data = yaml.safe_load(text) or {}
        else:
            data = json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))  # else "at end of document": the last line
        problems.append(
            Finding(ERROR, "config", f"invalid TOML: {exc}", str(path),
                    int(m.group(1)) if m else len(text.rstrip("\n").split("\n")))
        )
        return {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(
            Finding(ERROR, "config", f"invalid YAML: {getattr(exc, 'problem', exc)}", str(path),
                    mark.line + 1 if mark else None)
        )
        return {}
    except json.JSONDecodeError as exc:
        problems.append(Finding(ERROR, "config", f"invalid JSON: {exc.msg}", str(path), exc.lineno))
        return {}
    if not isinstance(data, dict):
        problems.append(Finding(ERROR, "config", "the file must hold a table of settings", str(path)))
        return {}
    return data


def _line_of_key(path: Path, key: str) -> int | None:
    """Best-effort line number of a key in a config file, for messages."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    leaf = key.split(".")[-1]
    pattern = re.compile(rf'^\s*(\[+\s*)?"?{re.escape(leaf)}"?\s*(=|:|\]|\.)')
    for number, line in enumerate(lines, 1):
        if pattern.search(line):
            return number
    return None


def _ci_get(table: dict, key: str, default=None):
    """Hugo config keys are case-insensitive."""
    if not isinstance(table, dict):
        return default
    if key in table:
        return table[key]
    low = key.lower()
    for k, v in table.items():
        if isinstance(k, str) and k.lower() == low:
            return v
    return default


def find_hugo_config(folder: Path) -> Path | None:
    """The site's root config file: the first of HUGO_CONFIG_NAMES, as Hugo picks it."""
    for name in HUGO_CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def config_dir_files(config_dir: Path, environment: str) -> list[Path]:
    """The files of Hugo's configuration directory in the order Hugo merges them.

    ``_default`` first, then the environment's folder, so that the environment wins; each
    folder is walked in name order, subfolders included.
    """
    return _config_files_below(config_dir / "_default") + _config_files_below(config_dir / environment)


def _config_files_below(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.is_dir():
            found += _config_files_below(entry)
        elif entry.suffix.lower() in CONFIG_EXTENSIONS:
            found.append(entry)
    return found


def _place(path: Path, data: dict) -> dict:
    """Put one config directory file's settings where Hugo puts them.

    ``hugo.toml`` and ``config.toml`` hold root keys; any other name is the key it fills
    (``params.toml`` → ``params``); a language suffix moves it under that language
    (``params.fr.toml`` → ``languages.fr.params``, ``menus.de.toml`` → ``languages.de.menus``,
    any other ``x.it.toml`` → ``languages.it``).
    """
    stem = path.stem
    if stem in ("hugo", "config"):
        return data
    name, _, lang = stem.rpartition(".") if "." in stem else (stem, "", "")
    if len(data) == 1 and str(next(iter(data))).lower() == name.lower():
        data = next(iter(data.values()))  # Hugo ≥ 0.162: "[params]" in params.toml is allowed
    if not lang:
        return {name: data}
    key = {"menu": "menus", "menus": "menus", "params": "params"}.get(name.lower())
    return {"languages": {lang: {key: data} if key else data}}


def _merge(base: dict, over: dict) -> None:
    """Merge ``over`` into ``base`` as Hugo does: a later key wins, tables merge key by key.

    Keys match case-insensitively, as all Hugo config keys do.
    """
    for key, value in over.items():
        same = next((k for k in base if str(k).lower() == str(key).lower()), key)
        if isinstance(base.get(same), dict) and isinstance(value, dict):
            _merge(base[same], value)
        else:
            base[same] = value


def read_hugo_config(files: list[Path], root_file: Path | None,
                     problems: list[Finding]) -> tuple[dict, dict[str, Path]]:
    """Merge the Hugo config files in order; also say which file last set each root key."""
    config: dict = {}
    origin: dict[str, Path] = {}
    for path in files:
        data = _load_data_file(path, problems)
        if path != root_file:
            data = _place(path, data)
        for key in data:
            origin[str(key).lower()] = path
        _merge(config, data)
    return config, origin


# --- manualgen.toml schema -----------------------------------------------------------------

# key -> expected type; nested tables are listed with their own keys.
_MANUALGEN_SCHEMA: dict[str, object] = {
    "hugo_config": str,
    "manual": {
        "name": str,
        "output": str,
        "title": str,
        "subtitle": str,
        "publisher": str,
        "author": str,
        "keywords": list,
        "version": str,
        "logo": str,
    },
    "print": {
        "paper": str,
        "sides": str,
        "margin_inner": str,
        "margin_outer": str,
        "margin_top": str,
        "margin_bottom": str,
        "toc_depth": int,
        "numbering": bool,
        "pdf_variant": str,
        "image_ppi": int,
        "stylesheets": list,
    },
    "paths": {
        "shortcodes": str,
        "templates": str,
        "static": list,
    },
    "labels": dict,  # labels.<lang>.<key> = "text"
    "languages": dict,  # languages.<lang>.<key>: _LANGUAGE_SCHEMA
}

# [languages.<lang>]: what the cover and the PDF's metadata say, in that language.
_LANGUAGE_SCHEMA: dict[str, object] = {
    "title": str,
    "subtitle": str,
    "publisher": str,
    "author": str,
    "keywords": list,
}

_LENGTH = re.compile(r"^\d+(\.\d+)?(mm|cm|in|pt|px)$")


def _validate(data: dict, schema: dict, path: Path, prefix: str, problems: list[Finding]) -> None:
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if key not in schema:
            known = ", ".join(sorted(schema))
            problems.append(
                Finding(ERROR, "config", f'unknown key "{dotted}" (known here: {known})',
                        str(path), _line_of_key(path, dotted))
            )
            continue
        expected = schema[key]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                problems.append(Finding(ERROR, "config", f'"{dotted}" must be a table', str(path),
                                        _line_of_key(path, dotted)))
            else:
                _validate(value, expected, path, dotted + ".", problems)
        elif expected is int and (isinstance(value, bool) or not isinstance(value, int)):
            problems.append(Finding(ERROR, "config", f'"{dotted}" must be a whole number', str(path),
                                    _line_of_key(path, dotted)))
        elif expected is not int and not isinstance(value, expected):  # type: ignore[arg-type]
            name = {str: "a string", list: "a list", bool: "true or false", dict: "a table"}[expected]
            problems.append(Finding(ERROR, "config", f'"{dotted}" must be {name}', str(path),
                                    _line_of_key(path, dotted)))


# --- loading -------------------------------------------------------------------------------


def load_settings(site: Path) -> Settings:
    """Build the settings for the site at ``site`` (a folder or a config file).

    Raises ConfigError with every problem found.
    """
    problems: list[Finding] = []
    given = site  # as the user wrote it, for the messages about the folder itself
    site = site.resolve()
    mg_path: Path | None = None
    hugo_path: Path | None = None  # the root config file
    config_dir: Path | None = None
    if site.is_file():
        if site.name == MANUALGEN_CONFIG:
            mg_path = site
        else:
            hugo_path = site
        site = site.parent
    elif site.is_dir():
        if (site / MANUALGEN_CONFIG).is_file():
            mg_path = site / MANUALGEN_CONFIG
        hugo_path = find_hugo_config(site)
    else:
        raise ConfigError([Finding(ERROR, "config", f'the site folder "{given}" does not exist')])

    mg: dict = {}
    if mg_path:
        mg = _load_data_file(mg_path, problems)
        _validate(mg, _MANUALGEN_SCHEMA, mg_path, "", problems)
        named = mg.get("hugo_config")
        if isinstance(named, str):
            candidate = (mg_path.parent / named).resolve()
            if candidate.is_dir():  # a configuration directory: the site is the folder holding it
                config_dir = candidate
                hugo_path = find_hugo_config(candidate.parent)
            elif candidate.is_file():
                hugo_path = candidate
            else:
                problems.append(Finding(ERROR, "config", f'hugo_config "{named}" does not exist',
                                        str(mg_path), _line_of_key(mg_path, "hugo_config")))

    # The site's root holds the root config file and config/: contentDir and staticDir are
    # relative to it.  Hugo reads the root file first, then merges config/ over it.
    root = config_dir.parent if config_dir else hugo_path.parent if hugo_path else site
    environment = os.environ.get("HUGO_ENVIRONMENT") or DEFAULT_ENVIRONMENT
    hugo_files = [hugo_path] if hugo_path else []
    hugo_files += config_dir_files(config_dir or root / "config", environment)
    if not hugo_files and mg_path is None:
        raise ConfigError([Finding(
            ERROR, "config",
            f"no {MANUALGEN_CONFIG} and no Hugo config ({', '.join(HUGO_CONFIG_NAMES[:4])}, …, "
            f'config/_default/) in the site folder "{given}"')])

    hugo, origin = read_hugo_config(hugo_files, hugo_path, problems)
    config_files = ([mg_path] if mg_path else []) + hugo_files
    manual = mg.get("manual", {}) if isinstance(mg.get("manual"), dict) else {}
    printing = mg.get("print", {}) if isinstance(mg.get("print"), dict) else {}
    paths = mg.get("paths", {}) if isinstance(mg.get("paths"), dict) else {}
    params = _ci_get(hugo, "params", {}) or {}
    if not isinstance(params, dict):
        params = {}

    base_url = str(_ci_get(hugo, "baseURL", "") or "")
    base_path = urlparse(base_url).path or "/"
    if not base_path.endswith("/"):
        base_path += "/"

    # Mounts (module.mounts) may name content folders per language, static and assets folders.
    module = _ci_get(hugo, "module", {}) or {}
    mounts = _ci_get(module, "mounts", []) or []
    content_mounts: dict[str | None, list[Path]] = {}
    static_dirs: list[Path] = []
    assets_dirs: list[Path] = []
    for mount in mounts if isinstance(mounts, list) else []:
        if not isinstance(mount, dict):
            continue
        source, target = mount.get("source"), str(mount.get("target", ""))
        if not source:
            continue
        src = (root / source).resolve()
        top = target.strip("/").split("/")[0]
        if top == "content":
            content_mounts.setdefault(mount.get("lang"), []).append(src)
        elif top == "static":
            static_dirs.append(src)
        elif top == "assets":
            assets_dirs.append(src)

    static_setting = _ci_get(hugo, "staticDir", None)
    if static_setting is not None or not static_dirs:
        for entry in static_setting if isinstance(static_setting, list) else [static_setting or "static"]:
            static_dirs.append((root / str(entry)).resolve())
    for extra in paths.get("static", []) if isinstance(paths.get("static"), list) else []:
        static_dirs.append((root / str(extra)).resolve())
    if not assets_dirs:
        assets_dirs.append((root / str(_ci_get(hugo, "assetDir", "assets"))).resolve())

    # Languages.
    default_lang = str(_ci_get(hugo, "defaultContentLanguage", "en") or "en").lower()
    top_content = str(_ci_get(hugo, "contentDir", "content") or "content")
    raw_langs = _ci_get(hugo, "languages", {}) or {}
    languages: dict[str, Language] = {}
    if not isinstance(raw_langs, dict) or not raw_langs:
        raw_langs = {default_lang: {}}
    for code, spec in raw_langs.items():
        code = str(code).lower()
        if not isinstance(spec, dict):
            where = origin.get("languages")
            problems.append(Finding(ERROR, "config", f'languages.{code} must be a table',
                                    str(where) if where else None, _line_of_key(where, code) if where else None))
            continue
        lparams = _ci_get(spec, "params", {}) or {}
        if code in content_mounts:
            dirs = content_mounts[code]
        elif _ci_get(spec, "contentDir"):
            dirs = [(root / str(_ci_get(spec, "contentDir"))).resolve()]
        elif None in content_mounts:
            dirs = content_mounts[None]
        else:
            dirs = [(root / top_content).resolve()]
        weight = _ci_get(spec, "weight", 0)
        languages[code] = Language(
            code=code,
            name=str(_ci_get(spec, "languageName", code)),
            weight=weight if isinstance(weight, int) else 0,
            content_dirs=dirs,
            title=str(_ci_get(lparams, "title", "") or _ci_get(spec, "title", "") or ""),
            description=str(_ci_get(lparams, "description", "") or _ci_get(spec, "description", "") or ""),
            locale=str(_ci_get(spec, "languageCode", "") or code),
            params=lparams if isinstance(lparams, dict) else {},
        )
    languages = dict(sorted(languages.items(), key=lambda kv: (kv[1].weight or 10**9, kv[0])))
    if default_lang not in languages and languages:
        where = origin.get("defaultcontentlanguage") or origin.get("languages")
        problems.append(Finding(ERROR, "config",
                                f'defaultContentLanguage "{default_lang}" is not among the languages '
                                f'({", ".join(languages)})', str(where) if where else None))
    # Translations by file name: several languages share one content folder.
    dir_sets = [tuple(lang.content_dirs) for lang in languages.values()]
    by_filename = len(languages) > 1 and len(set(dir_sets)) < len(dir_sets)

    # manualgen.toml values.
    print_opts = PrintOptions()
    for field in dataclasses.fields(PrintOptions):
        value = printing.get(field.name)
        default = getattr(print_opts, field.name)
        # A value of the wrong type was reported by _validate: keep the default.
        if value is not None and type(value) is type(default):
            setattr(print_opts, field.name, value)
    if not 50 <= print_opts.image_ppi <= 2400:
        problems.append(Finding(ERROR, "config", "print.image_ppi must be between 50 and 2400",
                                str(mg_path), _line_of_key(mg_path, "image_ppi") if mg_path else None))
    if print_opts.paper not in PAPER_SIZES:
        problems.append(Finding(ERROR, "config", f'print.paper must be one of {", ".join(PAPER_SIZES)}',
                                str(mg_path), _line_of_key(mg_path, "paper") if mg_path else None))
    if print_opts.sides not in ("twoside", "oneside"):
        problems.append(Finding(ERROR, "config", 'print.sides must be "twoside" or "oneside"',
                                str(mg_path), _line_of_key(mg_path, "sides") if mg_path else None))
    if print_opts.pdf_variant not in PDF_VARIANTS:
        problems.append(Finding(ERROR, "config",
                                f'print.pdf_variant must be one of {", ".join(PDF_VARIANTS)}',
                                str(mg_path), _line_of_key(mg_path, "pdf_variant") if mg_path else None))
    for margin in ("margin_inner", "margin_outer", "margin_top", "margin_bottom"):
        value = str(getattr(print_opts, margin))
        if value and not _LENGTH.match(value):
            problems.append(Finding(ERROR, "config", f'print.{margin} must be a length such as "20mm"',
                                    str(mg_path), _line_of_key(mg_path, margin) if mg_path else None))
    if not 1 <= int(print_opts.toc_depth) <= 6:
        problems.append(Finding(ERROR, "config", "print.toc_depth must be between 1 and 6",
                                str(mg_path), _line_of_key(mg_path, "toc_depth") if mg_path else None))

    mg_dir = mg_path.parent if mg_path else root
    stylesheets = []
    for sheet in printing.get("stylesheets", []) if isinstance(printing.get("stylesheets"), list) else []:
        sheet_path = (mg_dir / str(sheet)).resolve()
        if not sheet_path.is_file():
            problems.append(Finding(ERROR, "config", f'stylesheet "{sheet}" does not exist',
                                    str(mg_path), _line_of_key(mg_path, "stylesheets")))
        stylesheets.append(sheet_path)
    logo = None
    if isinstance(manual.get("logo"), str):
        logo = (mg_dir / manual["logo"]).resolve()
        if not logo.is_file():
            problems.append(Finding(ERROR, "config", f'logo "{manual["logo"]}" does not exist',
                                    str(mg_path), _line_of_key(mg_path, "logo")))

    labels = mg.get("labels", {}) if isinstance(mg.get("labels"), dict) else {}
    lang_over = mg.get("languages", {}) if isinstance(mg.get("languages"), dict) else {}
    for table_name, table in (("labels", labels), ("languages", lang_over)):
        for code, value in table.items():
            if code not in languages:
                problems.append(Finding(ERROR, "config",
                                        f'{table_name}.{code}: "{code}" is not a configured language '
                                        f'({", ".join(languages)})', str(mg_path),
                                        _line_of_key(mg_path, code)))
            elif not isinstance(value, dict):
                problems.append(Finding(ERROR, "config", f"{table_name}.{code} must be a table",
                                        str(mg_path), _line_of_key(mg_path, code)))
    for code, value in lang_over.items():
        if isinstance(value, dict):
            _validate(value, _LANGUAGE_SCHEMA, mg_path, f"languages.{code}.", problems)

    ignore_files = []
    raw_ignore = _ci_get(hugo, "ignoreFiles", []) or []
    for pattern in raw_ignore if isinstance(raw_ignore, list) else [raw_ignore]:
        try:
            ignore_files.append(re.compile(str(pattern)))
        except re.error as exc:
            where = origin.get("ignorefiles")
            problems.append(Finding(ERROR, "config", f'ignoreFiles "{pattern}" is not a regular '
                                    f"expression: {exc}", str(where) if where else None,
                                    _line_of_key(where, "ignoreFiles") if where else None))
    cascade = _ci_get(hugo, "cascade", []) or []
    cascade = [c for c in (cascade if isinstance(cascade, list) else [cascade]) if isinstance(c, dict)]

    if problems:  # named relative to the site, as every other finding
        raise ConfigError(shown_from(problems, root))

    site_title = str(manual.get("title") or _ci_get(hugo, "title", "") or root.name)
    name = str(manual.get("name") or _slug(site_title) or "manual")
    goldmark = _ci_get(_ci_get(hugo, "markup", {}) or {}, "goldmark", {}) or {}
    return Settings(
        site_root=root,
        config_files=config_files,
        title=site_title,
        subtitle=str(manual.get("subtitle", "")),
        publisher=str(manual.get("publisher", "")),
        author=str(manual.get("author", "")),
        keywords=[str(k) for k in manual.get("keywords", [])],
        version=str(manual.get("version") or _ci_get(params, "version", "") or ""),
        base_url=base_url,
        base_path=base_path,
        default_language=default_lang,
        default_in_subdir=bool(_ci_get(hugo, "defaultContentLanguageInSubdir", False)),
        languages=languages,
        by_filename=by_filename,
        static_dirs=_unique(static_dirs),
        assets_dirs=_unique(assets_dirs),
        i18n_dirs=[(root / "i18n").resolve()],
        output_name=str(manual.get("output", "{name}-{lang}.pdf")),
        name=name,
        logo=logo,
        stylesheets=stylesheets,
        shortcode_dirs=[(mg_dir / str(paths.get("shortcodes", "manualgen/shortcodes"))).resolve()],
        template_dirs=[(mg_dir / str(paths.get("templates", "manualgen/templates"))).resolve()],
        labels={k: {str(a): str(b) for a, b in v.items()} for k, v in labels.items()},
        language_overrides={k: dict(v) for k, v in lang_over.items()},  # checked by _validate
        goldmark=goldmark if isinstance(goldmark, dict) else {},
        params=params,
        print=print_opts,
        environment=environment,
        build_drafts=bool(_ci_get(hugo, "buildDrafts", False)),
        build_future=bool(_ci_get(hugo, "buildFuture", False)),
        build_expired=bool(_ci_get(hugo, "buildExpired", False)),
        cascade=cascade,
        ignore_files=ignore_files,
        pluralize_list_titles=bool(_ci_get(hugo, "pluralizeListTitles", True)),
        capitalize_list_titles=bool(_ci_get(hugo, "capitalizeListTitles", True)),
        title_case_style=str(_ci_get(hugo, "titleCaseStyle", "ap") or "ap").lower(),
    )


def _unique(paths: list[Path]) -> list[Path]:
    seen: list[Path] = []
    for p in paths:
        if p not in seen:
            seen.append(p)
    return seen


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
