"""Questions to an archive as an office asks them: totals when a search is cut, metrics found by name, every hit
in context; statistics per document with Chinese headings, aligned; documented options; titles never empty."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES

from nlp.batch import store
from nlp.batch.query import (
    STATS_COLUMNS,
    _draw,
    export_tasks,
    matplotlib_style,
    search,
    search_count,
    stats,
    stats_table,
)
from nlp.cli import build_parser, main
from nlp.export.text_out import display_width

# a report without a title line (its file name stands in), with figures for named metrics
REPORT = ("各位代表：\n一、过去一年工作回顾\n过去一年，全省粮食产量达到1285万吨，城镇新增就业110万人。\n"
          "二、今年工作安排\n各市县要深入开展“三会一课”，确保年底前全覆盖。\n")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    shutil.copy(SAMPLES / "sample_speech.txt", folder / "speech2024.txt")
    (folder / "2025").mkdir()
    (folder / "2025" / "hn.txt").write_text(REPORT, encoding="utf-8")
    db = folder / "archive.sqlite"
    assert main(["batch", str(folder), "--db", str(db), "--format", "json"]) == 0
    return db


def test_search_gives_the_total_when_cut(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = store.connect(archive)
    total = search_count(db, "要")
    assert total > 3 and len(search(db, "要", limit=3)) == 3
    assert main(["search", "要", "--db", str(archive), "--limit", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"3 of {total} hits shown; raise --limit to see more"
    assert main(["search", "三会一课", "--db", str(archive)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"{len(out) - 1} hits"


def test_metrics_are_searchable(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "粮食产量", "--db", str(archive), "--kind", "quantity", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["text"] for h in hits] == ["1285万吨"]
    assert hits[0]["kind"] == "quantity" and "粮食产量" in hits[0]["metric"]
    assert hits[0]["before"].endswith("全省粮食产量达到") and hits[0]["after"].startswith("，城镇新增就业")


def test_every_hit_has_its_context(archive: Path) -> None:
    db = store.connect(archive)
    hits = search(db, "三会一课") + search(db, "就业") + search(db, "派出所")
    assert {h["kind"] for h in hits} >= {"campaign", "quantity", "directive"}
    texts = {p: json.loads(a)["text"] for p, a in db.execute("SELECT path, analysis FROM documents")}
    for h in hits:
        text = texts[h["path"]]
        assert h["before"] or h["after"]
        assert text[h["start"] - len(h["before"]):h["start"]] == h["before"]
        assert text[h["end"]:h["end"] + len(h["after"])] == h["after"]


def test_a_missing_title_falls_back_to_the_file_name(archive: Path, tmp_path: Path) -> None:
    db = store.connect(archive)
    assert {h["title"] for h in search(db, "粮食产量")} == {"hn"}
    from io import BytesIO

    from openpyxl import load_workbook

    ws = load_workbook(BytesIO(export_tasks(db)))["任务清单"]
    titles = [c.value for c in ws["B"][1:]]
    assert titles and all(titles) and "hn" in titles
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"


def test_stats_per_document_and_by_unit(archive: Path) -> None:
    db = store.connect(archive)
    by_year = stats(db)
    for r in by_year["rows"]:
        assert r["directives_per_document"] == round(r["directives"] / r["documents"], 1)
        assert r["mentions_per_document"] == round(r["campaign_mentions"] / r["documents"], 1)
    units = {r["key"]: r for r in stats(db, by="unit")["rows"]}
    # the campaigns named in a unit's directives: 各级党组织 are to hold 三会一课
    assert units["各级党组织"]["campaign_mentions"] >= 1
    only = {r["key"]: r["campaign_mentions"] for r in stats(db, by="unit", campaign="三会一课")["rows"]}
    assert 1 <= only["各级党组织"] <= units["各级党组织"]["campaign_mentions"]
    assert sum(only.values()) < sum(r["campaign_mentions"] for r in units.values())


def test_stats_table_is_chinese_and_aligned(archive: Path) -> None:
    db = store.connect(archive)
    for by in ("year", "document", "unit"):
        lines = stats_table(stats(db, by=by)).splitlines()
        assert lines[0].startswith("文件总数：")
        assert lines[1].split()[1:] == [label for _, label in STATS_COLUMNS]
        # numbers right-aligned under their headings, whatever mix of 汉字 and ASCII precedes them
        assert len({display_width(line) for line in lines[1:]}) == 1, lines


def test_plot_draws_per_document_values_in_chinese(archive: Path) -> None:
    from matplotlib.figure import Figure

    result = stats(store.connect(archive))
    fig = Figure()
    with matplotlib_style():
        _draw(fig, result)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "年份" and "每份" in ax.get_ylabel()
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    assert lines["每份文件任务数"] == [r["directives_per_document"] for r in result["rows"] if r["key"] != "unknown"]
    assert not any(ch.isascii() and ch.isalpha() for t in (ax.get_title(), ax.get_xlabel(), ax.get_ylabel())
                   for ch in t)


def test_cjk_font_is_found_when_installed() -> None:
    from matplotlib import font_manager

    from nlp.batch.query import cjk_font

    if not any("CJK" in Path(p).name for p in font_manager.findSystemFonts()):
        pytest.skip("no CJK font on this machine")
    assert cjk_font() is not None


@pytest.mark.parametrize("command", ["search", "stats", "export"])
def test_every_option_is_documented(command: str) -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    parser = sub.choices[command]
    undocumented = [a.dest for a in parser._actions if a.dest != "help" and not a.help]
    assert undocumented == []
