"""Archive and website copies: glued photo credits, 专栏 fields, editor's notes,
bodies printed twice."""

from __future__ import annotations

from importers.parsing import parse_text
from importers.parsing.captions import split_credit
from importers.parsing.columns import _join_split_role_word

ARCHIVE = """2003年4月20日某某日报 第5版

第5版(摄影)
专栏:

  重点工程日新月异
  1、4月中旬，某铁路局的铺轨工人冒着严寒在山口铺设轨道。截至目前，该线路共铺轨150公里。(张觉摄)
  2、4月16日，某集团公司的职工正在浇筑最后一方混凝土，比计划工期提前了55天。
  (杜华举摄)
"""


def test_credit_glued_to_the_name() -> None:
    assert split_credit("图为检验人员在生产线上。 本报记者 杨文道摄") == (
        "图为检验人员在生产线上。", "本报记者 杨文道摄", ["杨文道"])
    assert split_credit("受到群众的欢迎。 王小川摄") == ("受到群众的欢迎。", "王小川摄", ["王小川"])
    assert split_credit("图为记者编写稿件。(某某网记者 董宁摄影)")[2] == ["董宁"]
    assert split_credit("职工们在现场进行拍摄") is None


def test_archive_photo_page() -> None:
    result = parse_text(ARCHIVE)
    assert (result.edition.page, result.edition.page_name) == (5, "摄影")
    art = result.articles[0]
    assert art.kind == "photo" and art.headline == "重点工程日新月异"
    assert [b.photographers for b in art.body] == [["张觉"], ["杜华举"]]


def test_column_field_and_editors_note() -> None:
    page = ("专栏：工匠面对面\n开栏的话\n"
            "一把锉刀、一台车床、一套焊枪，成就了一个个不平凡的劳动者。从本期起，本报开设新栏目。\n"
            "敬请关注。\n")
    art = parse_text(page).articles[0]
    assert (art.column, art.headline, art.kind) == ("工匠面对面", "开栏的话", "commentary")


def test_body_printed_twice_without_a_full_stop_at_the_end() -> None:
    para = "本报讯 全国职工好新闻评比最近揭晓。本报有三篇作品分获一、二等奖。（范国俊）"
    arts = parse_text(f"{para}\n等待处理…\n2023年08月25日\n{para}\n").articles
    assert len(arts) == 1
    assert [a.name for a in arts[0].authors] == ["范国俊"]
    assert any("重复" in w for w in arts[0].warnings)


def test_neighbour_links_and_boxed_byline() -> None:
    page = ("某市职工技能大赛落幕\n■本报记者 刘洋 通讯员 孙丽\n"
            "近日，某市第五届职工技能大赛落幕，来自全市的500余名选手参加比赛。\n"
            "上一篇：某市举办职工运动会\n下一篇：某区开展技能培训\n")
    arts = parse_text(page).articles
    assert len(arts) == 1
    assert [a.name for a in arts[0].authors] == ["刘洋", "孙丽"]


def test_editors_note_word_labels_a_group_and_house_signature() -> None:
    page = ("快递进小区，“最后一百米”难在哪\n编者按\n"
            "近来，本报陆续收到多位快递员的来信，反映部分小区禁止电动车进入等问题。\n"
            "本期选登两封来信，欢迎读者继续来信参与讨论，共同寻找解决的办法。\n"
            "本报编辑部\n")
    art = parse_text(page).articles[0]
    assert (art.column, art.headline, art.kind) == ("编者按", "快递进小区，“最后一百米”难在哪",
                                                   "commentary")
    assert art.byline == "本报编辑部" and art.authors == []


def test_boxed_name_between_title_and_text_is_the_byline() -> None:
    page = ("把“小事”当成“大事”来办\n■江北辰\n"
            "快递柜够不够用、骑手的车停在哪，看似是小事，却关系到许多劳动者每天的工作。\n"
            "小区多划一块停车位、多装一组快递柜，花费不多，换来的却是劳动者的便利。\n")
    art = parse_text(page).articles[0]
    assert art.headline == "把“小事”当成“大事”来办"
    assert [a.name for a in art.authors] == ["江北辰"]


def test_name_glued_to_the_last_sentence_of_a_wrapped_column() -> None:
    lines = ["小工位也能出大成绩", "", "一年一度的劳动奖章评选又将", "揭晓。翻看近年来的获奖名单，",
             "一线职工的比例逐年提高。岗位", "无高低，成绩无大小，只要肯下",
             "功夫，小工位一样能干出大名", "堂。齐明哲"]
    art = parse_text("\n".join(lines)).articles[0]
    assert [a.name for a in art.authors] == ["齐明哲"]
    assert art.body[-1].text.endswith("能干出大名堂。")


def test_credit_role_word_broken_by_the_wrap() -> None:
    assert _join_split_role_word(["吞吐量达到3.2万吨。新华", "社记者 万家明 摄"]) == [
        "吞吐量达到3.2万吨。", "新华社记者 万家明 摄"]
    assert _join_split_role_word(["我们都是新华", "社区的居民"]) == ["我们都是新华", "社区的居民"]
