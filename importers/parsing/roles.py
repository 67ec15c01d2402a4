"""Roles of title lines (kicker, headline, subheadline, labels) and other markers."""

from __future__ import annotations

import re

from .lines import join_wrapped
from .normalise import clean_line, is_letter_spaced, vis_len

# Organisation labels beside brief headlines: 合阳县总工会, 西安市机械冶金建材工会.
_ORG = re.compile(
    r"^[\u4e00-\u9fff]{1,16}(?:省|市|县|区|镇|乡|州|旗|盟|局|公司|集团|厂|矿|院|校|系统|行业|产业|街道)"
    r"[\u4e00-\u9fff]{0,14}(?:总工会|工会|工会委员会|工会联合会|工联会|工委)$"
)
COLUMN_LABEL = re.compile(r"^[■□◆◇●▲【\[]\s*([^■□◆◇●▲【】\[\]]{1,40}?)\s*[■□◆◇●▲】\]]$")
# Jump marks of a story printed on two pages. The head ends `（下转第4版）`
# (also `（转第4版）`, `(转A4版)`); the tail on page 4 opens `（上接第1版）`
# (also `（接第1版）`, `(接A1版)`). A letter before the number names the
# paper's section (A1, B2); page numbers may be written in Chinese numerals.
_PAGE_NO = r"[A-Za-z]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})"
CONTINUED = re.compile(rf"^[（(]\s*(?:上接|接)\s*(?:第\s*)?{_PAGE_NO}\s*版\s*[）)]$")
CONTINUED_INLINE = re.compile(rf"^[（(]\s*(?:上接|接)\s*(?:第\s*)?{_PAGE_NO}\s*版\s*[）)]\s*")
JUMP_TO = re.compile(rf"[（(]\s*(?:下转|转)\s*(?:第\s*)?{_PAGE_NO}\s*版\s*[）)]\s*$")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def jump_page(number: str) -> int:
    """The page number of a jump mark: `4`, `04` or `四`/`十二`."""
    if number.isdigit():
        return int(number)
    if "十" not in number:
        return _CN_DIGITS.get(number, 0)
    tens, _, units = number.partition("十")
    return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(units, 0)
DATELINE = re.compile(
    r"[（(]\s*(?:新华社|中新社|本报|人民日报|工人日报|央视|据)[^（）()\n]{0,24}电\s*[）)]\s*$"
)
PROMPT = re.compile(r"^阅读提示[:：]?$")
# Short genre words used as column labels above a headline (`## 新闻特写`).
_GENRES = re.compile(
    r"^(新闻特写|特写|他山之石|工会动态|职工之声|图片新闻|短评|时评|评论|言论|观察|关注|"
    r"一线传真|基层动态|新闻速递|简讯|人物|走基层|调查|聚焦|视点|快讯|纵深|深读|"
    r"读者来信|来信|读者之声|来信选登|群众来信|图片新闻|新闻图片|"
    r"评论员文章|本报评论员|快评|短论|杂谈|锐评|一家之言|随笔)$"
)
# Genre labels and page names of opinion pieces: what stands under them is commentary.
COMMENTARY_GENRE = re.compile(
    r"^(?:短评|时评|快评|短论|锐评|评论|言论|杂谈|随笔|一家之言|评论员文章|本报评论员|"
    r"本报特约评论员|观点)$"
)
COMMENTARY_PAGE = re.compile(r"^(?:评论|言论|时评|观点|评论·?[\u4e00-\u9fff]{0,4})$")
TITLE_MAX = 48
# A column's name: two to four plain characters (a headline says more).
_COLUMN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# The word that opens an editor's note; alone it is the note's title.
_NOTE_WORD = re.compile(r"^(?:编者按|编者的话|编后|编后语)[:：]?$")
# The editors' own voice: an editor's note or the words opening a new column.
EDITORS_NOTE = re.compile(r"^(?:编者按|编者的话|编后|编后语|开栏的话|开栏语|写在前面)[:：]?$")


def is_org_label(text: str) -> bool:
    return bool(_ORG.match(text.replace(" ", ""))) and len(text) <= 20


def is_genre_label(text: str) -> bool:
    """A known column or genre label (`短评`, `图片新闻`, `读者来信`)."""
    return bool(_GENRES.match(despaced(text)))


def is_column_word(text: str) -> bool:
    """A short genre label rather than a kicker (`新闻特写`)."""
    t = text.replace(" ", "")
    return bool(_GENRES.match(t)) or (len(t) <= 4 and not re.search(r"[，。、“”]", t))


def despaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _longer_below(texts: list[str], k: int) -> bool:
    """A column name is shorter than the title under it; a headline broken in
    large type (`广场升旗` / `迎国庆`) may end on a shorter line."""
    below = next((t for t in texts[k + 1:] if t), "")
    return vis_len(below) > vis_len(texts[k])


def assign_titles(raw_lines: list[str]) -> tuple[str, str, str, list[str]]:
    """Title lines of one item -> (kicker, headline, subheadline, organisation labels).

    Chinese convention: kicker (引题, often ending in ——) above the headline,
    subheadline (副题) below it. A letter-spaced or very short first line is
    the first half of a headline set in large type (`职 工 书 屋` + `“漂流”起来了`).
    """
    kicker = ""
    sub = ""
    labels: list[str] = []
    rest: list[tuple[str, bool]] = []
    several = sum(1 for raw in raw_lines if raw.strip()) > 1
    texts = [clean_line(raw, title=True) for raw in raw_lines]
    for k, raw in enumerate(raw_lines):
        text = texts[k]
        if not text:
            continue
        if several and _NOTE_WORD.match(despaced(text)):
            labels.append(despaced(text))  # `编者按` under a group's title labels the note
        elif is_org_label(text) or (not rest and not kicker and _GENRES.match(text)):
            labels.append(text)  # an organisation, or a genre label above the title
        elif text.endswith("——") and not kicker and not rest:
            kicker = text.rstrip("—").strip()
        elif text.startswith("——") and rest:
            sub = text.lstrip("—").strip()
        elif (not rest and not kicker and len(raw_lines) >= 2 and _COLUMN_NAME.match(text)
              and not is_letter_spaced(raw) and _longer_below(texts, k)):
            labels.append(text)  # a short column name above the title (`一线故事`)
        else:
            rest.append((text, is_letter_spaced(raw) or vis_len(text) <= 5))
    # Lines of one headline broken in large type are joined without a space.
    merged: list[str] = []
    i = 0
    while i < len(rest):
        text, big = rest[i]
        if big and i + 1 < len(rest) and vis_len(text) <= 6:
            text = join_wrapped(text, rest[i + 1][0])
            i += 1
        merged.append(text)
        i += 1
    headline = ""
    if len(merged) == 1:
        headline = merged[0]
    elif len(merged) == 2:
        a, b = merged
        if kicker:
            headline, sub = a, sub or b
        elif vis_len(a) <= 10 and vis_len(b) <= 10 and " " not in a + b:
            headline = a + " " + b  # two parallel halves of one headline
        else:
            kicker, headline = a, b
    elif len(merged) >= 3:
        if kicker:
            headline, sub = merged[0], " ".join(merged[1:])
        else:
            kicker, headline, sub = merged[0], merged[1], " ".join(merged[2:])
    return kicker, headline, sub, labels


_FIRST_SENTENCE = re.compile(r"^(.+?[。！？!?])")


def provisional_headline(text: str, limit: int = 24) -> str:
    """A stand-in title from the first sentence (or clause) of the body."""
    text = text.strip().split("\n", 1)[0]
    m = _FIRST_SENTENCE.match(text)
    first = m.group(1) if m else text
    first = first.rstrip("。！？!?")
    if len(first) > limit:
        clause = re.split(r"[，,；;：:]", first)[0]
        first = clause if 6 <= len(clause) <= limit else first[:limit] + "…"
    return first
