"""The data dictionary follows the declared schemas, and docs/data-dictionary.md follows the dictionary."""
from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest

from tests.conftest import ROOT
from tests.test_sql import combined_warehouse
from warehouse import dictionary

DOC = ROOT / "docs" / "data-dictionary.md"


def test_every_column_has_a_description():
    assert dictionary.missing_descriptions() == []


def test_no_description_is_left_behind_by_a_rename():
    assert dictionary.stale_descriptions() == []


def test_the_published_page_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == dictionary.render_markdown(), \
        "run: python -m warehouse.dictionary --out docs/data-dictionary.md"


def test_contract_views_are_marked():
    page = dictionary.render_markdown()
    for view in dictionary.CONTRACT_VIEWS:
        assert f"| [`{view}`](#{view}) |" in page and f"## {view}\n" in page


def test_it_matches_a_built_warehouse(tmp_path_factory):
    wh = combined_warehouse(tmp_path_factory)
    con = duckdb.connect(str(wh / "dibao.duckdb"), read_only=True)
    try:
        views = [r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()]
        built = {v: [(r[0], r[1]) for r in con.execute(f'describe "{v}"').fetchall()] for v in views}
    finally:
        con.close()
    documented = {v: [(c.name, c.type) for c in cols] for v, cols in dictionary.dictionary().items()}
    assert documented == built


def test_a_new_column_shows_up_undocumented(monkeypatch):
    grown = dict(dictionary.BATCH_SCHEMAS)
    grown["articles"] = grown["articles"].append(pa.field("sentiment", pa.float32()))
    monkeypatch.setattr(dictionary, "BATCH_SCHEMAS", grown)
    assert dictionary.missing_descriptions() == ["articles.sentiment"]
    row = next(c for c in dictionary.dictionary()["articles"] if c.name == "sentiment")
    assert row.type == "FLOAT" and row.nullable is True and row.description == dictionary.UNDOCUMENTED


def test_shared_columns_read_the_same_everywhere():
    cols = dictionary.dictionary()
    article_ids = {c.description for v in cols.values() for c in v if c.name == "article_id"}
    assert article_ids == {dictionary.SHARED_COLUMNS["article_id"]}


@pytest.mark.parametrize("current, expected", [(True, 0), (False, 1)])
def test_check_says_when_the_page_is_stale(tmp_path, capsys, current, expected):
    page = tmp_path / "dd.md"
    page.write_text(dictionary.render_markdown() if current else "# old\n", encoding="utf-8")
    assert dictionary.main(["--check", str(page)]) == expected
    assert ("stale" in capsys.readouterr().err) == (not current)
