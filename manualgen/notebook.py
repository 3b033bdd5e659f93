"""A Jupyter notebook read for print, as Hextra's ``jupyter`` shortcode shows it on the web.

The shortcode's template only lays the cells out; this module turns the notebook's JSON into
plain cells first, so the rules (which cells and outputs are hidden, which of an output's
forms is shown) are Python that can be tested alone.  Nothing here runs a notebook."""

from __future__ import annotations

import base64
import json
import re

MAX_NOTEBOOK = 20_000_000  # characters: a notebook of plots is a few MB of base64
# The forms of a rich output, the first present is shown (the order Hextra's template uses).
OUTPUT_FORMS = ("text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown",
                "text/latex", "application/json", "text/plain")
IMAGE_FORMS = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL | re.IGNORECASE)


def _text(value: object) -> str:
    """A notebook string, stored either whole or as a list of lines."""
    if isinstance(value, list):
        return "".join(str(v) for v in value)
    return "" if value is None else str(value)


def _table(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _data_url(form: str, value: object) -> str:
    """An image output as a data: address; SVG is text in a notebook, the others base64."""
    text = _text(value)
    if form == "image/svg+xml":
        return "data:image/svg+xml;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{form};base64," + "".join(text.split())


def _rich(output: dict) -> dict | None:
    """The shown form of a display or result output."""
    data = _table(output.get("data"))
    form = next((f for f in OUTPUT_FORMS if data.get(f)), None)
    if form is None:
        return None
    if form.startswith("image/"):
        return {"kind": "image", "src": _data_url(form, data[form])}
    if form == "text/html":
        return {"kind": "html", "text": _STYLE.sub("", _text(data[form]))}
    if form == "text/markdown":
        return {"kind": "markdown", "text": _text(data[form])}
    if form == "application/json":
        return {"kind": "text", "text": json.dumps(data[form], indent=2, ensure_ascii=False)}
    return {"kind": "text", "text": _text(data[form])}  # text/latex: its source, as math prints


def _output(output: dict) -> dict | None:
    kind = output.get("output_type")
    if kind in ("display_data", "execute_result"):
        return _rich(output)
    if kind == "stream":
        return {"kind": "text", "text": _text(output.get("text"))}
    if kind == "error":
        traceback = output.get("traceback")
        text = "\n".join(map(str, traceback)) if isinstance(traceback, list) else _text(traceback)
        return {"kind": "text", "text": _ANSI.sub("", text)
                or f"{output.get('ename', '')}: {output.get('evalue', '')}"}
    return None


def _markdown(cell: dict) -> str:
    """A Markdown cell's text, its pasted pictures (``attachment:name``) as data: addresses."""
    text = _text(cell.get("source"))
    for name, forms in _table(cell.get("attachments")).items():
        form = next((f for f in IMAGE_FORMS if _table(forms).get(f)), None)
        if form is not None:
            url = _data_url(form, forms[form])
            text = text.replace(f"attachment:{name}", url).replace(
                "attachment:" + str(name).replace(" ", "%20"), url)
    return text


def _cell(cell: dict) -> dict | None:
    meta = _table(cell.get("metadata"))
    tags = meta.get("tags") if isinstance(meta.get("tags"), list) else []
    shown = _table(meta.get("jupyter"))
    kind = cell.get("cell_type")
    if "hide-cell" in tags or kind not in ("code", "markdown", "raw"):
        return None
    if kind == "markdown":
        return {"kind": kind, "source": _markdown(cell), "outputs": [], "result": False}
    if kind == "raw":
        return {"kind": kind, "source": _text(cell.get("source")), "outputs": [], "result": False}
    hide_source = shown.get("source_hidden") or "hide-input" in tags
    hide_outputs = shown.get("outputs_hidden") or "hide-output" in tags
    outputs = [] if hide_outputs else [
        o for o in (_output(out) for out in _list(cell.get("outputs")) if isinstance(out, dict)) if o]
    count = cell.get("execution_count")
    result = not hide_outputs and any(isinstance(out, dict) and out.get("output_type") == "execute_result"
                                      for out in _list(cell.get("outputs")))
    return {"kind": "code", "source": "" if hide_source else _text(cell.get("source")).rstrip("\n"),
            "count": count if isinstance(count, int) else None, "outputs": outputs,
            "result": result}  # Out[n]: stands before a result only, not before printed text


def notebook(text: str) -> dict | None:
    """The notebook in ``text`` as {"language", "cells"}; None when it is not a notebook
    (not JSON, no list of cells, or larger than :data:`MAX_NOTEBOOK`)."""
    if not text or len(text) > MAX_NOTEBOOK:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None
    info = _table(_table(data.get("metadata")).get("language_info"))
    cells = [c for c in (_cell(cell) for cell in data["cells"] if isinstance(cell, dict)) if c]
    return {"language": str(info.get("name") or "python"), "cells": cells}
