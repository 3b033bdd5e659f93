"""Jinja templates compiled once per process, not once per language and build (issue 11).

Every language of a build renders its shortcodes and its document through Jinja
environments of its own (each holds that language's helpers), and each compiled every
template it used again: 39 templates, 0.13 s, for a German corpus page set, before the
layout could start; under ``--watch`` again after every save.  Jinja's bytecode cache
hands a compiled template from one environment to the next.  Each entry is checked
against the checksum of the template's source when it is loaded, so an edited template
(a site's own shortcode) is compiled afresh; the rendered HTML is the same either way.
"""

from __future__ import annotations

import hashlib

import jinja2
from jinja2.bccache import Bucket


class CompiledTemplates(jinja2.BytecodeCache):
    """The compiled code of every template this process has compiled, by the template's
    name and file and the options of the environment that compiled it (the shortcodes'
    and the document's environments compile differently)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        options = (environment.autoescape, environment.trim_blocks, environment.lstrip_blocks,
                   environment.keep_trailing_newline, environment.undefined.__name__,
                   sorted(environment.extensions), environment.block_start_string,
                   environment.variable_start_string, environment.comment_start_string,
                   environment.line_statement_prefix, environment.newline_sequence)
        key = hashlib.sha256(repr((name, filename, options)).encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped by Jinja when the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)
