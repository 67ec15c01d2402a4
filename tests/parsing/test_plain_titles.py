"""Plain text, one paragraph per line: title lines known by their shape."""

from __future__ import annotations

from importers.parsing import parse_text
from importers.parsing.marked import (
    TitleContext,
    after_brief,
    after_closed_item,
    after_photo,
    after_separator_gap,
    dash_title_block,
    headline_echoes_lead,
    marked_units,
    opens_file,
    over_dated_lead,
    over_salutation,
    several_title_lines,
)
from importers.parsing.model import Block, ParsedArticle
from importers.parsing.units import Draft

LEAD = "4月20日，某市职工安全生产知识竞赛决赛在市工人文化宫举行，8支代表队同场竞技。"
BODY = "焊接车间承担着大型起重机主梁的焊接任务，一条焊缝长的有十几米。"


def _ctx(lines: list[str], cur: Draft | None = None, gap: bool = False) -> TitleContext:
    units = marked_units(lines)
    titles = sum(1 for u in units if u.kind == "para" and "。" not in u.text)
    return TitleContext(units, 0, titles, cur, gap)


def _draft(*, byline: str = "", runin: bool = False, closed: bool = False,
           photo: bool = False) -> Draft:
    d = Draft(ParsedArticle(position=0, byline=byline,
                            body=[Block("photo", caption="图") if photo
                                  else Block("paragraph", text=BODY)]))
    d.runin, d.closed = runin, closed
    return d


def test_opens_file() -> None:
    assert opens_file(_ctx(["某区评选“金牌工人”", LEAD]))
    assert not opens_file(_ctx(["某区评选“金牌工人”", LEAD], _draft()))


def test_dash_title_block() -> None:
    assert dash_title_block(_ctx(["某县总工会为环卫职工送清凉——", "“一瓶水也是一份心意”", BODY]))
    assert dash_title_block(_ctx(["电焊班长的“三本账”", "——记某车间班长", BODY]))
    assert not dash_title_block(_ctx(["“技术账”算的是质量", BODY]))


def test_after_closed_item_and_photo() -> None:
    assert after_closed_item(_ctx(["某区评选“金牌工人”", BODY], _draft(closed=True)))
    assert after_photo(_ctx(["港口夜色里的“守护者”", BODY], _draft(photo=True)))
    assert not after_photo(_ctx(["港口夜色里的“守护者”", BODY], _draft()))


def test_after_separator_gap() -> None:
    ctx = _ctx(["", "某县举办职工书法作品展", BODY], _draft(), gap=True)
    assert after_separator_gap(ctx)
    assert not after_separator_gap(_ctx(["", "某县举办职工书法作品展", BODY], _draft()))


def test_over_dated_lead() -> None:
    assert over_dated_lead(_ctx(["某市开展职工安全知识竞赛", LEAD], _draft(byline="本报记者 张三")))
    assert not over_dated_lead(_ctx(["“技术账”算的是质量", BODY], _draft()))


def test_after_brief() -> None:
    assert after_brief(_ctx(["某镇职工运动会开赛", BODY], _draft(runin=True)))
    assert not after_brief(_ctx(["“技术账”算的是质量", BODY], _draft(byline="本报记者 张三")))


def test_several_title_lines() -> None:
    assert several_title_lines(_ctx(["某县总工会为环卫职工送清凉", "“一瓶水也是一份心意”", BODY]))
    assert not several_title_lines(_ctx(["“技术账”算的是质量", BODY]))


def test_headline_echoes_lead() -> None:
    ctx = _ctx(["某港务集团开展“师徒结对”",
                "某港务集团工会日前组织开展新一轮“师徒结对”活动，46对师徒现场签订协议。"])
    assert headline_echoes_lead(ctx)
    assert not headline_echoes_lead(_ctx(["“技术账”算的是质量", BODY]))


def test_simple_article_with_edition_line() -> None:
    page = ("某区评选“金牌工人”\n《某某日报》（2012年05月03日 002版）\n"
            "本报讯（记者张三 实习生李四）4月27日，某区总工会评选出首批“金牌工人”20名。\n"
            "获评职工将获得一次性奖励和疗休养机会。\n×\n")
    result = parse_text(page)
    assert [a.headline for a in result.articles] == ["某区评选“金牌工人”"]
    art = result.articles[0]
    assert [(a.name, a.role) for a in art.authors] == [("张三", "reporter"), ("李四", "intern")]
    assert len(art.body) == 2
    assert result.edition.page == 2 and result.edition.paper == "某某日报"
    assert "《某某日报》" in art.raw_text  # chrome kept for review


def test_feature_sections_and_next_brief() -> None:
    page = "\n".join([
        "电焊班长的“三本账”", "——记某车间班长", "本报记者 张三", BODY,
        "“技术账”算的是质量", "焊缝一次探伤合格率达到99.6%，比车间平均水平高出2个百分点。",
        "", "某市开展职工安全知识竞赛", LEAD, "本次竞赛共吸引全市1.6万名职工在线参与答题。",
    ])
    arts = parse_text(page).articles
    assert [a.headline for a in arts] == ["电焊班长的“三本账”", "某市开展职工安全知识竞赛"]
    assert [b.text for b in arts[0].body if b.type == "heading"] == ["“技术账”算的是质量"]
    assert arts[0].subheadline == "记某车间班长"


def test_banner_heads_every_brief_below_it() -> None:
    page = "\n".join(["■工会动态■", "某镇职工运动会开赛", LEAD, "某区开展技能培训",
                      "本报讯（记者 陈静）6月10日，某区启动职工技能培训，500名职工报名。"])
    arts = parse_text(page).articles
    assert [a.column for a in arts] == ["工会动态", "工会动态"]


def test_editors_note_run_into_its_paragraph_is_its_own_item() -> None:
    page = "\n".join(["编者按：一线职工的收入怎样才能稳步增长？工资集体协商是一条途径。",
                      "一张工资协议带来的变化", "本报记者 张三", BODY])
    arts = parse_text(page).articles
    assert (arts[0].column, arts[0].kind) == ("编者按", "commentary")
    assert arts[0].body[0].text.startswith("一线职工的收入")
    assert arts[1].headline == "一张工资协议带来的变化"


def test_author_field_above_the_headline() -> None:
    page = "\n".join(["作者：本报记者 张三", "“深山邮路”上的二十三年", "——记某县乡村邮递员",
                      BODY, "他负责的这条邮路全长120公里，每周要跑三趟。"])
    arts = parse_text(page).articles
    assert len(arts) == 1
    assert (arts[0].headline, [a.name for a in arts[0].authors]) == (
        "“深山邮路”上的二十三年", ["张三"])


def test_long_cause_kicker_over_its_headline() -> None:
    kicker = "针对新就业形态劳动者“入会难、维权难”的问题，某市总工会推出“线上入会＋驿站服务”"
    page = "\n".join([kicker, "外卖骑手有了“掌上娘家”", "本报记者 张三", BODY])
    art = parse_text(page).articles[0]
    assert art.headline == "外卖骑手有了“掌上娘家”"
    assert art.kicker.startswith("针对新就业形态劳动者")


def test_column_name_above_title_and_bracketed_note_title() -> None:
    opening = "劳动创造幸福，奋斗成就梦想。即日起，本报推出新栏目，讲述一线职工的故事。"
    page = "\n".join(["【开栏语】", opening, "一线故事", "凌晨三点的面包房", "本报记者 张三", BODY])
    arts = parse_text(page).articles
    assert (arts[0].headline, arts[0].kind) == ("开栏语", "commentary")
    assert (arts[1].column, arts[1].headline) == ("一线故事", "凌晨三点的面包房")


def test_over_salutation() -> None:
    assert over_salutation(_ctx(["快递柜能否“扩容”", "编辑同志：我是一名快递员，负责5个小区。"],
                                _draft(byline="本报记者 张三")))
    assert not over_salutation(_ctx(["“技术账”算的是质量", BODY], _draft()))


def test_title_inferred_from_wording_alone_is_flagged() -> None:
    page = "\n".join(["某镇职工运动会开赛", LEAD, "某区开展技能培训",
                      "某区总工会日前开展技能培训，500名职工报名参加。"])
    arts = parse_text(page).articles
    assert [a.headline for a in arts] == ["某镇职工运动会开赛", "某区开展技能培训"]
    assert arts[0].warnings == []
    assert any("某区开展技能培训" in w for w in arts[1].warnings)


def test_headline_that_asks() -> None:
    page = "\n".join(["快递柜能否“扩容”？", "本报记者 张三", BODY, "为什么要这样做？",
                      "焊缝一次探伤合格率达到99.6%，比车间平均水平高出2个百分点。"])
    art = parse_text(page).articles[0]
    assert art.headline == "快递柜能否“扩容”？"
    assert [b.text for b in art.body if b.type == "heading"] == ["为什么要这样做？"]
