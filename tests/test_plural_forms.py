"""Hugo's ``T "key" count``: the plural form go-i18n picks for whole numbers, floats and
numeric texts in twenty languages, and what the translation prints for each kind of count.
Every expectation is what hugo 0.149.1 printed for the same site (a table naming each form
by its name), found by comparing random sites with the binary."""

from __future__ import annotations

import pytest

from manualgen.i18n import count_text, plural_category

from .conftest import build_all, page, write_site

# (kind:count) as the template gave it: an int, a float (tenths: "float:15" is 1.5), a text
COUNTS = [
    "int:0", "int:1", "int:2", "int:3", "int:5", "int:11", "int:21", "int:101", "int:111",
    "int:1000000", "int:2000000", "float:5", "float:10", "float:15", "float:30", "float:210",
    "float:0", "float:11", "float:25", "float:10000000", "text:1", "text:21", "text:1.5",
    "text:3.0", "text:x",
]
FORMS = [
    ('en', "other one other other other other other other other other other other other other other other other other other other one other other other other"),
    ('fr', "one one other other other other other other other other other one one one other other one one other other one other one other other"),
    ('es', "other one other other other other other other other other other other one other other other other other other other one other other other other"),
    ('pt-br', "one one other other other other other other other other other one one one other other one one other other one other one other other"),
    ('pt-pt', "other one other other other other other other other other other other other other other other other other other other one other other other other"),
    ('cs', "other one few few other other other other other other other many many many many many many many many many one other many many other"),
    ('is', "other one other other other other one one other other other one one one other one other one one other one one one other other"),
    ('he', "other one two other other other other other other many many other other other other other other other other other one other other other other"),
    ('ar', "zero one two few few many many other many other other other one other few many zero other other other one many other few other"),
    ('ru', "many one few few many many one one many many many other other other other other other other other other one one other other other"),
    ('be', "many one few few many many one one many many many other one other few one many other other many one one other few other"),
    ('pl', "many one few few many many many many many many many other other other other other other other other other one many other other other"),
    ('lv', "zero one other other other zero one one zero zero zero other one other other one zero one other zero one one other other other"),
    ('ro', "few one few few few few other other few other other few few few few few few few few few one other few few other"),
    ('ga', "other one two few few other other other other other other other one other few other other other other other one other other few other"),
    ('cy', "zero one two few other other other other other other other other one other few other zero other other other one other other few other"),
    ('mk', "other one other other other other one one other other other other other other other other other one other other one one other other other"),
    ('hr', "other one few few other other one one other other other other other other other other other one other other one one other other other"),
    ('lt', "other one few few few other one one other other other many one many few one other many many other one one many few other"),
    ('sl', "other one two few other other other one other other other few few few few few few few few few one other few few other"),
    ('ja', "other other other other other other other other other other other other other other other other other other other other other other other other other"),
]


def _count(given: str) -> object:
    kind, digits = given.split(":")
    return int(digits) if kind == "int" else count_text(int(digits) / 10) if kind == "float" else count_text(digits)


@pytest.mark.parametrize("lang, forms", FORMS)
def test_the_plural_form_of_each_count_is_the_one_hugo_picks(lang, forms):
    assert [plural_category(lang, _count(given)) for given in COUNTS] == forms.split()


def test_what_t_prints_for_each_kind_of_count(tmp_path):
    # hugo 0.149.1 printed, in Czech: [a:3 x][b:][c:P][d:][e:P][f:][g:1 of 1][h:][i:P][j:O2][k:O2]
    # (a float's or a text's {{ .Count }} fails; go-i18n then takes "other", if it can)
    template = ('[a:{{ T "k" 3 }}][b:{{ T "k" 1.5 }}][c:{{ T "p" 1.5 }}][d:{{ T "k" "21" }}]'
                '[e:{{ T "p" "21" }}][f:{{ T "onlyone" 5 }}][g:{{ T "k" (dict "Count" 1) }}]'
                '[h:{{ T "onlyone" }}][i:{{ T "p" 2 }}][j:{{ T "k2" "1" }}][k:{{ T "k2" 1.5 }}]')
    root = write_site(tmp_path / "site", {
        "i18n/cs.toml": 'p = "P"\n[k]\none = "{{ .Count }} of {{ .Count }}"\nfew = "{{ .Count }} x"\n'
                        'many = "{{ .Count }} m"\nother = "{{ .Count }} o"\n[onlyone]\none = "single"\n'
                        '[k2]\none = "{{ .Count }} one"\nother = "O2"\n',
        "layouts/shortcodes/t.html": template,
        "content/a.md": page("A", body="{{< t >}}")},
        hugo='title = "T"\ndefaultContentLanguage = "cs"\n[languages.cs]\nweight = 1\n')
    status, said = build_all(root, tmp_path / "out")
    assert status == 0, said
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "[a:3 x][b:][c:P][d:][e:P][f:][g:1 of 1][h:][i:P][j:O2][k:O2]" in html
