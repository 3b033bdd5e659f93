"""The site's data folder (Hugo's ``site.Data``): tables, and lists as Hugo reads them from
YAML and JSON; a file that holds neither is a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from manualgen.config import load_data_file, load_site_data

from .test_convert import Site

TEAM_TEMPLATE = ("{% set people = data_file('team', get(0)) %}"
                 "{% if people is sequence and people is not string and people is not mapping %}"
                 "<ul>{% for p in people %}<li>{{ p.name }}</li>{% endfor %}</ul>"
                 "{% else %}NO LIST{% endif %}")


def read(tmp_path: Path, name: str, text: str) -> tuple[object, list]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    problems: list = []
    return load_site_data(path, problems), problems


@pytest.mark.parametrize("name, text", [
    ("people.yaml", "- name: Ada\n- name: Linus\n"),
    ("people.json", '[{"name": "Ada"}, {"name": "Linus"}]'),
])
def test_a_data_file_may_hold_a_list(tmp_path, name, text):
    data, problems = read(tmp_path, name, text)
    assert problems == []
    assert data == [{"name": "Ada"}, {"name": "Linus"}]


def test_an_empty_list_stays_a_list_and_an_empty_file_is_an_empty_table(tmp_path):
    assert read(tmp_path, "a.yaml", "[]\n") == ([], [])
    assert read(tmp_path, "b.yaml", "") == ({}, [])


@pytest.mark.parametrize("name, text", [("s.yaml", "just words\n"), ("n.json", "42")])
def test_a_data_file_of_one_value_is_a_finding(tmp_path, name, text):
    data, problems = read(tmp_path, name, text)
    assert data == {}
    assert len(problems) == 1 and "a table or a list" in problems[0].message
    assert problems[0].file == str(tmp_path / name)


def test_a_config_file_must_still_be_a_table(tmp_path):
    path = tmp_path / "hugo.yaml"
    path.write_text("- title: x\n", encoding="utf-8")
    problems: list = []
    assert load_data_file(path, problems) == {}
    assert len(problems) == 1 and "table of settings" in problems[0].message


def test_a_shortcode_reads_a_list_from_the_data_folder(tmp_path):
    site = Site(tmp_path, {
        "manualgen/shortcodes/team.html": TEAM_TEMPLATE,
        "data/team/people.yaml": "- name: Ada\n- name: Linus\n",
        "data/team/more.json": '[{"name": "Grace"}]',
    })
    assert "<li>Ada</li><li>Linus</li>" in site.render("{{< team people >}}")
    assert "<li>Grace</li>" in site.render("{{< team more >}}")
    assert list(site.findings) == []
