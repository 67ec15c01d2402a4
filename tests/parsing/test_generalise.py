"""Layouts the sample pages do not show: titles above bodies, blank lines between
items, wide headings, narrow columns. One behaviour per test."""

from __future__ import annotations

import datetime

from importers.parsing import ParseHints, parse_text
from importers.parsing.model import Author, Block, ParsedArticle
from tools.heldout import run
from tools.page_synth import render_pdf

from .helpers import headings, squash, texts

PHOTO = ParsedArticle(
    0, kind="photo",
    body=[Block("photo", caption="近日，某市职工在广场上参加健步走活动，展示新时代劳动者的"
                                 "精神风貌。", credit="本报记者 王明 摄", photographers=["王明"])],
    headline="职工健步走", )
PHOTO_UNTITLED = ParsedArticle(
    0, kind="photo", headline="近日，某市职工在广场上参加健步走活动", headline_is_provisional=True,
    body=PHOTO.body)
NEWS_A = ParsedArticle(
    0, headline="海口建成十家户外劳动者驿站", byline="本报讯（记者林海）",
    authors=[Author("林海", "reporter")],
    body=[Block("paragraph", text="近日，海口市总工会在全市建成十家户外劳动者驿站，为环卫工人、"
                                  "快递员等户外劳动者提供饮水、休息、充电等服务。"),
          Block("paragraph", text="据介绍，驿站由工会与企业共建，所需经费由市总工会补助，"
                                  "驿站全天开放。")])
NEWS_B = ParsedArticle(
    0, kicker="温州市总开展技能比武活动", headline="一线职工同台竞技",
    byline="本报讯（记者陈东 通讯员李华）",
    authors=[Author("陈东", "reporter"), Author("李华", "correspondent")],
    body=[Block("paragraph", text="日前，温州市总工会举办职工技能比武，来自全市的二百余名一线"
                                  "职工同台竞技，比拼焊接、电工等技能。"),
          Block("paragraph", text="比武结果将作为评选技术能手的重要依据，获奖职工还可获得奖励。")])


def _by_start(articles, start):
    return next(a for a in articles if texts(a) and squash(texts(a)[0]).startswith(squash(start)))


def test_titles_first_page_opening_with_an_untitled_photo() -> None:
    """The page opens with body text, yet titles stand above their bodies: the
    words a headline shares with the body below it decide."""
    text = render_pdf([PHOTO_UNTITLED, NEWS_A, NEWS_B], 18, titles_first=True)
    arts = parse_text(text).articles
    assert _by_start(arts, "近日，海口市").headline == "海口建成十家户外劳动者驿站"
    assert _by_start(arts, "日前，温州市").headline == "一线职工同台竞技"
    assert _by_start(arts, "近日，某市职工").headline_is_provisional


def test_title_after_a_blank_line_between_items() -> None:
    """Blank lines only between items, titles first: a title line right after the
    blank line is a title even though no blank line follows it."""
    text = render_pdf([NEWS_A, PHOTO, NEWS_B], 20, titles_first=True, blank="para")
    arts = parse_text(text).articles
    photo = _by_start(arts, "近日，某市职工")
    assert photo.headline == "职工健步走"
    assert [x.name for x in photo.authors] == ["王明"]


def test_held_out_pages_score_well() -> None:
    """Articles of all sample pages mixed on new pages, in both flavours, every layout."""
    assert run(pages=25, seed=3) >= 0.93


LONG = ParsedArticle(
    0, headline="职工书屋建设再上新台阶", byline="本报记者 张平",
    authors=[Author("张平", "reporter")],
    body=[Block("paragraph", text="今年以来，某省总工会把职工书屋建设作为服务职工的重要抓手，"
                                  "全省新建职工书屋三百余家，图书总量超过五十万册。"),
          Block("heading", text="送书到车间工地班组"),
          Block("paragraph", text="省总工会联合出版单位，把图书送到车间、工地和班组，"
                                  "方便一线职工利用工余时间阅读学习。"),
          Block("heading", text="线上线下融合促进职工阅读"),
          Block("paragraph", text="各级工会还开通线上阅读平台，职工用手机就能借阅图书，"
                                  "参加读书分享活动，全年参与职工超过十万人次。")])


SECTIONS = ["送书到车间工地班组", "线上线下融合促进职工阅读"]


def test_headings_found_when_blank_lines_only_separate_items() -> None:
    """Blank lines between items only (after a sentence end or a title line) do
    not hide the section headings inside a body."""
    text = render_pdf([NEWS_A, LONG, NEWS_B], 22, blank="para")
    arts = parse_text(text).articles
    assert headings(_by_start(arts, "今年以来")) == SECTIONS


def test_heading_as_wide_as_the_column_above_an_indented_first_line() -> None:
    """A heading filling the column is no paragraph's first line: first lines are
    indented, and the indented line is the one below it."""
    text = render_pdf([NEWS_A, LONG, NEWS_B], 13, blank="none")
    arts = parse_text(text).articles
    assert headings(_by_start(arts, "今年以来")) == SECTIONS


UNSIGNED = ParsedArticle(
    0, headline="户外劳动者驿站揭牌",
    body=[Block("paragraph", text="10月19日，某市首个户外劳动者驿站揭牌。驿站可为户外劳动者"
                                  "提供饮水、热饭、充电等服务。"),
          Block("paragraph", text="当天，市总工会还为户外劳动者代表送上爱心包。")])
COMMENT = ParsedArticle(
    0, kind="commentary", headline="让职工驿站更暖心", byline="青山",
    authors=[Author("青山", "author")],
    body=[Block("paragraph", text="近日，某市总工会把职工驿站建到了街头巷尾。暖心驿站要真正"
                                  "暖到职工心里，还需要在日常管理上多下功夫。"),
          Block("paragraph", text="驿站建起来之后，更要用起来、管起来，让职工愿意来、留得住。")])


def test_title_of_an_unsigned_item_above_a_news_lead() -> None:
    """Titles after bodies: a title between an unsigned item and a dated or
    `近日` lead, sharing its words with the item above, closes that item."""
    text = render_pdf([NEWS_A, UNSIGNED, COMMENT], 20)
    arts = parse_text(text).articles
    unsigned = _by_start(arts, "10月19日")
    assert unsigned.headline == "户外劳动者驿站揭牌"
    assert headings(unsigned) == []
    assert _by_start(arts, "近日，某市总工会").headline == "让职工驿站更暖心"


def test_heading_above_a_dated_lead_stays_a_heading() -> None:
    """A section heading followed by `7月20日，…` whose words are those of the
    section below (not of the item's lead) stays a heading."""
    story = ParsedArticle(
        0, headline="工会组织覆盖新就业形态劳动者", byline="本报记者 张平",
        authors=[Author("张平", "reporter")],
        body=[Block("paragraph", text="今年以来，某省总工会推动新就业形态劳动者入会，"
                                      "全省新增会员十余万人。"),
              Block("heading", text="快递行业工会联合会成立"),
              Block("paragraph", text="7月20日，某市成立快递行业工会联合会，快递员纷纷入会。"
                                      "联合会还为快递员开通了维权热线。")])
    text = render_pdf([NEWS_A, story, COMMENT], 20)
    arts = parse_text(text).articles
    assert headings(_by_start(arts, "今年以来")) == ["快递行业工会联合会成立"]


def _paras(text: str) -> list[str]:
    art = next(a for a in parse_text(text).articles if a.kind != "fragment")
    return texts(art)


def test_blank_line_before_a_new_sentence_is_a_real_break() -> None:
    """Marked-up text: `…井口、现场` / `为充分发挥…，…` stays two paragraphs: the
    second opens a sentence and `场为` stands nowhere else on the page."""
    text = ("# 矿工的贴心人\n\n本报记者 张平\n\n她总结出安全帮教进区队、班组、家庭、井口、现场\n\n"
            "为充分发挥女工协管员的作用，她组织职工签订安全公约。\n")
    assert _paras(text) == ["她总结出安全帮教进区队、班组、家庭、井口、现场",
                            "为充分发挥女工协管员的作用，她组织职工签订安全公约。"]


def test_blank_line_inside_a_word_is_joined() -> None:
    """`…乡风文明建` / `设的作用。`: a word cut by a stray blank line is one paragraph."""
    text = ("# 职工小家下乡\n\n本报记者 张平\n\n两个小家牵手，助力农户小家发挥好促进农户增产增收"
            "和乡风文明建\n\n设的作用。\n")
    assert _paras(text) == ["两个小家牵手，助力农户小家发挥好促进农户增产增收"
                            "和乡风文明建设的作用。"]


def test_blank_line_before_an_opener_that_continues_a_word_is_joined() -> None:
    """`…小家建` / `在车间的活动时，…`: the second part looks like a sentence
    opener, but `建在` stands elsewhere on the page, so the gap is a stray one."""
    text = ("# 工会小家建设\n\n本报记者 张平\n\n工会小组建在车间，该医院共有六十余个工会小组，"
            "工会还在开展小家建\n\n在车间的活动时，将深入农户小家开展活动。\n")
    assert len(_paras(text)) == 1


def test_stray_last_sentence_is_set_apart_as_a_flagged_fragment() -> None:
    """An unsigned item's last one-sentence paragraph sharing no words with it
    (a neighbour's sentence) becomes its own fragment; no text is lost."""
    text = ("# 户外劳动者职工之家揭牌\n\n10月19日，北京市首钢园公共区域户外劳动者职工之家揭牌。"
            "原先的泵房被改造成了温馨港湾。\n\n当天，市总工会为户外劳动者代表送上爱心包。\n\n"
            "据悉，本届影展在北京展出后将陆续在全国部分城市进行巡展。\n")
    arts = parse_text(text).articles
    assert texts(arts[0])[-1] == "当天，市总工会为户外劳动者代表送上爱心包。"
    assert any("相邻稿件" in w for w in arts[0].warnings)
    assert arts[1].kind == "fragment"
    assert texts(arts[1]) == ["据悉，本届影展在北京展出后将陆续在全国部分城市进行巡展。"]


def test_heading_wrapped_inside_a_quotation() -> None:
    """`组织起来，薯农变“薯工”“薯` + `匠”`: neither line is a title alone (open
    quotation), together they are a short unpunctuated heading."""
    text = ("本报记者 张平\n"
            "今年以来，某省总工会推动新就业形态劳\n动者入会，全省新增会员十余万人。\n"
            "组织起来，薯农变“薯工”“薯\n匠”\n"
            "  近年来，定西市紧紧围绕打造“中国薯\n都”战略目标，全面构建全产业链条，\n"
            "为马铃薯产业持续做大做强夯实基础。\n"
            "薯农变“薯匠”\n")
    arts = parse_text(text).articles
    assert headings(arts[0]) == ["组织起来，薯农变“薯工”“薯匠”"]


def test_hint_page_flags_a_continuation_from_a_later_page() -> None:
    """`（上接第3版）` on page 2 contradicts the page the caller gave."""
    text = "（上接第3版）\n\n习近平指出，要加强关键核心技术攻关。\n"
    art = parse_text(text, hints=ParseHints(page=2)).articles[0]
    assert any("上接第3版" in w and "第2版" in w for w in art.warnings)
    assert not any("版次" in w for w in parse_text(text, hints=ParseHints(page=4))
                   .articles[0].warnings)


def test_hint_edition_date_flags_a_lead_dated_after_the_edition() -> None:
    """A lead dated the day after the edition date is flagged; one before is not."""
    text = "# 户外劳动者驿站揭牌\n\n10月19日，某市首个户外劳动者驿站揭牌。\n"
    late = parse_text(text, hints=ParseHints(edition_date=datetime.date(2023, 10, 18)))
    ok = parse_text(text, hints=ParseHints(edition_date=datetime.date(2023, 10, 20)))
    assert any("晚于出版日期" in w for w in late.articles[0].warnings)
    assert not any("晚于出版日期" in w for w in ok.articles[0].warnings)


def test_unrelated_looking_last_sentence_without_a_dangling_reference_stays() -> None:
    """Few shared words alone are weak evidence: the sentence stays, flagged."""
    text = ("# 劳模进校园\n\n日前，某区总工会组织劳模走进校园，与同学们分享成长故事。"
            "勉励同学们刻苦学习。\n\n活动中，劳模们还为学校捐赠了图书。\n")
    arts = parse_text(text).articles
    assert len(arts) == 1
    assert texts(arts[0])[-1] == "活动中，劳模们还为学校捐赠了图书。"


def test_dated_first_line_after_a_credit_is_no_title() -> None:
    """`4月19日，安徽省淮北市杜集区` right after a photo credit, short because of
    its digits, opens the next caption: a news lead is never a title line."""
    text = ("某市职工在广场上参加健步走活动，展示\n新时代劳动者的精神风貌。\n本报记者 王明 摄\n"
            "  4月19日，安徽省淮北市杜集区\n朔西湖畔，来自基层一线的46对新人\n"
            "喜结良缘。当日，淮北市总工会联合\n举办职工集体婚礼。\n本报记者 陈华 摄\n"
            "集体婚礼\n")
    arts = parse_text(text).articles
    wedding = _by_start(arts, "4月19日")
    assert wedding.headline == "集体婚礼"


def test_titles_first_signed_piece_after_a_bylined_article() -> None:
    """Titles above bodies: a block followed by text signed at its end (□青山),
    after an item that already has a byline, titles the signed piece; it is not
    a section heading of the item above."""
    text = render_pdf([LONG, COMMENT, NEWS_B], 18, titles_first=True)
    arts = parse_text(text).articles
    comment = _by_start(arts, "近日，某市总工会")
    assert comment.headline == "让职工驿站更暖心"
    assert [x.name for x in comment.authors] == ["青山"]
    assert "让职工驿站更暖心" not in headings(_by_start(arts, "今年以来"))


def test_titles_first_credited_last_paragraph_is_an_untitled_photo() -> None:
    """Titles above bodies: a credited paragraph right after a finished article
    (no title between) is a photo of its own, not a picture in that article."""
    text = render_pdf([NEWS_A, PHOTO_UNTITLED, NEWS_B], 20, titles_first=True)
    arts = parse_text(text).articles
    photo = _by_start(arts, "近日，某市职工")
    assert photo.kind == "photo"
    assert [x.name for x in photo.authors] == ["王明"]
    assert [x.name for x in _by_start(arts, "近日，海口市").authors] == ["林海"]


def test_heading_about_as_wide_as_the_indented_first_line_below_it() -> None:
    """Narrow column: `两个小“家”牵手促振兴` (10) above `重庆市总工会驻南江村工` (11,
    the indented first line of plain text, 13 being the column) is a heading."""
    text = ("本报记者 李国\n"
            "  国庆期间，在重庆市丰都\n县栗子乡南江村，来了不少走\n亲戚的客人。\n"
            "  此次牵手活动由重庆市总\n工会驻南江村工作队主导，也拉\n开重庆机关企业职工小家牵手\n"
            "农户小家共促乡村振兴试点工\n作的帷幕。\n"
            "两个小“家”牵手促振兴\n"
            "  重庆市总工会驻南江村工\n作队第一书记谢斌告诉记者，\n开展牵手活动目的是充分利用\n"
            "工会纵向到底横向到边的组织\n优势，引导职工助力乡村振兴。\n"
            "  同时，工会可以利用农村\n的自然优势，吸引广大职工体\n验农村生活。\n"
            "职工小家“下乡”\n")
    arts = parse_text(text).articles
    assert headings(arts[0]) == ["两个小“家”牵手促振兴"]
