"""Segmenting marked-up pages (`#` headlines, `##` sections or kickers, `**` banners)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .letters import SALUTATION
from .lines import ends_clause, join_wrapped, open_ended
from .model import Author
from .names import looks_like_person
from .normalise import clean_line, vis_len
from .roles import EDITORS_NOTE, PROMPT, TITLE_MAX, despaced, is_column_word
from .units import (
    BANNER,
    DASH_END,
    HEADING,
    LEAD_OPENER,
    Builder,
    Draft,
    Unit,
    append_text,
    boxed_byline,
    byline_unit,
    credit_line,
    join_split_credit,
    light_clean,
    para_unit,
    peel_credit_head,
    text_units,
)

# How a new sentence opens: a preposition or time phrase, then a clause.
_SENTENCE_OPENER = re.compile(
    r"^(?:为了?|在|据|随着|通过|针对|围绕|按照|根据|对于|近日|日前|今年|目前|同时|此外|"
    r"另外|与此同时|\d{1,2}月)[^，。！？]{0,30}，"
)


def _real_break(head: str, tail: str, on_page: Callable[[str], bool]) -> bool:
    """A blank line after an unfinished paragraph is a real break (text missing
    or a label) when the next part opens a sentence of its own and the two
    characters on either side of the gap never stand together elsewhere on the
    page (a word cut by a stray blank line, `乡风文明建` / `设的作用`, does)."""
    if not head or not _SENTENCE_OPENER.match(tail):
        return False
    if not ("\u4e00" <= head[-1] <= "\u9fff"):
        return False
    return not on_page(head[-1] + tail[0])


def marked_units(lines: list[str]) -> list[Unit]:
    units: list[Unit] = []
    blanks = 0
    for raw in lines:
        s = raw.strip()
        if not s:
            blanks += 1
            continue
        m = HEADING.match(s)
        b = BANNER.match(s)
        if m and m.group(2):
            level = len(m.group(1))
            kind = "h1" if level == 1 else "h2" if level == 2 else "h3"
            units.append(Unit(kind, text=clean_line(light_clean(m.group(2)), title=True), raw=raw,
                              blanks=blanks))
        elif b:
            text = clean_line(light_clean(b.group(1)), title=True)
            units.append(Unit("banner", text=text, raw=raw, blanks=blanks))
        else:
            units.extend(text_units(light_clean(s), raw, blanks))
        blanks = 0
    # Paragraphs broken by a stray blank line (`…乡风文明建` / `设的作用。`) are one.
    merged: list[Unit] = []
    page_text: list[str] = []
    pairs: dict[str, bool] = {}

    def on_page(pair: str) -> bool:
        # The page is joined once, and each pair looked up once: a search of the
        # whole page per paragraph made long files quadratic.
        if pair not in pairs:
            if not page_text:
                page_text.append("\n".join(x.strip() for x in lines))
            pairs[pair] = pair in page_text[0]
        return pairs[pair]

    for u in units:
        prev = merged[-1] if merged else None
        if credit_line(u) and prev is not None and prev.kind == "para":
            head = peel_credit_head(prev)
            if head is not None:
                merged.append(head)
                prev = head
        if (credit_line(u) and prev is not None and prev.kind == "byline"
                and len(merged) >= 2 and merged[-2].kind == "para"):
            merged[-1] = join_split_credit(prev, u)
            continue
        if (prev is not None and prev.kind == "para" and u.kind == "para" and not u.prefix
                and u.blanks < 2 and prev.text and not ends_clause(prev.text)
                and not prev.text.endswith("——")
                and (open_ended(prev.text) or vis_len(prev.text) >= 30)  # not a title
                and not ("。" not in prev.text and _plain_title(u))  # a kicker over its headline
                and not (not open_ended(prev.text)
                         and _real_break(prev.text, u.text, on_page))):
            prev.text = join_wrapped(prev.text, u.text)
            prev.raw = f"{prev.raw}\n\n{u.raw}"
            prev.lines = [join_wrapped(prev.lines[0] if prev.lines else "",
                                       u.lines[0] if u.lines else u.text)]
            continue
        merged.append(u)
    for k, u in enumerate(merged):
        after_title = k > 0 and (_plain_title(merged[k - 1]) or merged[k - 1].kind == "h1")
        before_text = k + 1 < len(merged) and merged[k + 1].kind == "para"
        if boxed_byline(u, after_title, before_text):
            u.kind, u.text = "byline", u.text.lstrip("□■ ")
        elif after_title and before_text and _bare_name_line(u, merged[k + 1]):
            u.kind, u.authors = "byline", [Author(despaced(u.text), "author")]
    return merged


def _bare_name_line(u: Unit, nxt: Unit) -> bool:
    """`尹若川` alone between a title and a full paragraph: the writer's byline
    (a title line would not be a bare personal name)."""
    return (u.kind == "para" and not u.prefix and looks_like_person(despaced(u.text))
            and not nxt.prefix and ends_clause(nxt.text) and vis_len(nxt.text) > 20)


def _kicker_like(text: str) -> bool:
    return text.endswith("——") or (not ends_clause(text) and vis_len(text) <= 80)


def _credit_ahead(units: list[Unit], i: int, stop: tuple[str, ...]) -> bool:
    """Do the paragraphs after unit i end in a photo credit (a photo story)?"""
    for u in units[i + 1: i + 8]:
        if u.kind == "credit":
            return True
        if u.kind != "para" or u.prefix or u.kind in stop:
            return False
    return False


def _plain_title(u: Unit) -> bool:
    """A line that can be a title: short, no closing punctuation, not open-ended
    (a kicker may be long and end in ——)."""
    text = u.text
    if u.kind != "para" or u.prefix or not text or "。" in text:
        return False
    if ends_clause(text):
        # A headline may ask or exclaim (`谁来守护你的权益？`): short, one sentence.
        return vis_len(text) <= 20 and text[-1] in "？！?!" and not _STOPS.search(text[:-1])
    if text.endswith("——"):
        return vis_len(text) <= 2 * TITLE_MAX
    return vis_len(text) <= TITLE_MAX and not open_ended(text)


def _title_run(units: list[Unit], i: int) -> int:
    """End of a run of 1-3 plain title lines followed by a byline, else i."""
    j = i
    while j < len(units) and j - i < 3 and _plain_title(units[j]):
        j += 1
    if j > i and j < len(units) and (
            units[j].kind == "byline" or (units[j].kind == "para" and units[j].prefix)):
        return j
    return i


def _candidate_run(units: list[Unit], i: int) -> int:
    """End of the run of up to four title-like lines starting at unit i."""
    j = i
    while j < len(units) and j - i < 4 and _plain_title(units[j]) and (
            j == i or units[j].blanks == 0):
        j += 1
    return j


_CIRCLED = re.compile(r"^[②-⑳]")
_STOPS = re.compile(r"[。！？!?；]")
_NOTE_RUNIN = re.compile(r"^(编者按|编者的话|编后|编后语|开栏语|开栏的话)\s*[:：]\s*(?=\S)")


def _photos_only(d: Draft) -> bool:
    return bool(d.art.body) and all(b.type == "photo" for b in d.art.body)


def continues_photo_group(cur: Draft, u: Unit) -> bool:
    """A credited caption after a titled group of photos is one more photo of
    it when numbered (②, ③…) or when it does not open a news item of its own
    (a date lead, `图为`)."""
    body = cur.art.body
    if not body or body[-1].type != "photo" or not cur.art.headline:
        return False
    if _CIRCLED.match(u.text):
        return True
    return not (_DATED_LEAD.match(u.text) or "图为" in u.text)


@dataclass
class TitleContext:
    """What the plain-text title rules look at: the run of title-like lines
    `units[start:end]`, the unit after it, and the item open above it."""

    units: list[Unit]
    start: int
    end: int
    cur: Draft | None
    gap_separates: bool

    @property
    def lines(self) -> list[str]:
        return [u.text for u in self.units[self.start:self.end]]

    @property
    def after(self) -> Unit | None:
        return self.units[self.end] if self.end < len(self.units) else None


def opens_file(c: TitleContext) -> bool:
    """Title lines before any text are the first item's title block."""
    return c.cur is None


def dash_title_block(c: TitleContext) -> bool:
    """A kicker ending in —— or a subheadline opening with ——: a title block."""
    lines = c.lines
    return any(t.endswith("——") for t in lines[:-1]) or any(
        t.startswith("——") for t in lines[1:])


def after_closed_item(c: TitleContext) -> bool:
    """The item above is signed off (closing credit, signature, photo credit)."""
    return c.cur is not None and c.cur.closed


def after_separator_gap(c: TitleContext) -> bool:
    """Where blank lines separate items (not every paragraph), a title line
    after a blank line opens an item."""
    return c.gap_separates and c.units[c.start].blanks >= 1


_DATED_LEAD = re.compile(
    r"^(?:\d{1,2}\s?月\s?\d{1,2}\s?日|近日|日前|昨天|昨日|本报讯|新华社)"
)


def over_dated_lead(c: TitleContext) -> bool:
    """A title over a lead that opens with its date (`4月20日，…`, `近日，…`): news
    items open so, the paragraphs under a feature's section headings rarely do."""
    nxt = c.after
    return nxt is not None and nxt.kind == "para" and bool(_DATED_LEAD.match(nxt.text))


def after_brief(c: TitleContext) -> bool:
    """Briefs (a run-in byline, or no byline at all) have no section headings:
    a title line after one, over a paragraph, opens the next brief."""
    cur, nxt = c.cur, c.after
    if cur is None or nxt is None or nxt.kind != "para" or cur.headings:
        return False
    if cur.art.kicker or cur.art.subheadline:
        return False  # a kicker or 副题 heads a feature, not a brief
    return cur.runin or not cur.art.byline


def several_title_lines(c: TitleContext) -> bool:
    """Two or more title lines in a row (kicker + headline, headline + 副题)
    form a title block; a section heading is one line."""
    return c.end - c.start >= 2 and c.after is not None and c.after.kind == "para"


_IDEOGRAPH_RUN = re.compile(r"[\u4e00-\u9fff]+")
_FIRST_SENTENCE = re.compile(r"^[^。！？]*")


def _bigrams(text: str) -> set[str]:
    return {run[k:k + 2] for run in _IDEOGRAPH_RUN.findall(text) for k in range(len(run) - 1)}


def headline_echoes_lead(c: TitleContext) -> bool:
    """A news headline repeats the words of its own lead's first sentence
    (`某集团开展“师徒结对”` / `某集团工会日前组织开展新一轮“师徒结对”活动`);
    a feature's section heading seldom does."""
    nxt = c.after
    if nxt is None or nxt.kind != "para" or c.end - c.start != 1:
        return False
    title = _bigrams(c.lines[0])
    if len(title) < 4:
        return False
    lead = _bigrams(_FIRST_SENTENCE.match(nxt.text).group(0))
    return len(title & lead) >= 0.6 * len(title)


def after_photo(c: TitleContext) -> bool:
    """Photo items end with their last credited caption: a title after one
    opens the next item."""
    cur = c.cur
    if cur is None or not cur.art.body:
        return False
    by_photographers = bool(cur.art.authors) and all(
        a.role == "photographer" for a in cur.art.authors)
    return cur.art.body[-1].type == "photo" or by_photographers


def over_salutation(c: TitleContext) -> bool:
    """A reader's letter: its title stands over the salutation (`编辑同志：…`)."""
    nxt = c.after
    return nxt is not None and nxt.kind == "para" and bool(SALUTATION.match(nxt.text))


PLAIN_TITLE_RULES = (
    opens_file, dash_title_block, after_closed_item, after_separator_gap, over_dated_lead,
    after_brief, several_title_lines, headline_echoes_lead, after_photo, over_salutation,
)


# Rules that read the page's shape or wording rather than a mark of the item:
# an item opened by one of these alone carries a warning for the editor.
WEAK_TITLE_RULES = frozenset({"over_dated_lead", "after_brief", "headline_echoes_lead"})
W_TITLE_INFERRED = "标题“{}”按版式和措辞推断为新稿件的标题，请核对"


def opens_item(c: TitleContext) -> str:
    """The name of the first rule by which the title-like lines open a new item,
    or "" (then a single line is a section heading)."""
    return next((rule.__name__ for rule in PLAIN_TITLE_RULES if rule(c)), "")


def build_marked(lines: list[str]) -> list[Draft]:
    return build_marked_units(marked_units(lines))


def build_marked_units(units: list[Unit]) -> list[Draft]:
    """Drafts from the page's units. The walk only looks ahead, so each unit is
    dropped from the list once walked (a long file's units need not all stay
    alive beside the drafts made of them): the list is consumed."""
    b = Builder()
    n = len(units)
    skip_to = 0
    # Several blank lines in a row separate items, where they are the exception.
    gaps = sum(1 for u in units if u.blanks >= 2)
    singles = sum(1 for u in units if u.blanks == 1)
    b.gap_splits = 0 < gaps <= max(2, n * 0.3) and singles >= 0.6 * n
    # Plain text (no `#` headline markup): titles are known by their shape.
    plain = not any(u.kind == "h1" for u in units)

    gap_separates = 0 < sum(1 for u in units if u.blanks >= 1) <= max(1, 0.35 * n)
    for i, u in enumerate(units):
        if i:
            units[i - 1] = _WALKED
        nxt = units[i + 1] if i + 1 < n else None
        cur = b.cur
        k = u.kind
        if k == "h1":
            if cur is None or cur.has_body() or cur.art.headline or cur.closed:
                cur = b.new()
            cur.art.headline = append_text(cur.art.headline, u.text)
            cur.raw.append(u.raw)
            cur.anchor = len(cur.art.body)
        elif k == "h2" and PROMPT.match(despaced(u.text)):
            cur = b.ensure()
            cur.expect_prompt = True
            cur.raw.append(u.raw)
        elif k == "h2" and nxt is not None and nxt.kind == "h1":
            if is_column_word(u.text):
                b.p_labels.append(u.text)
            else:
                b.p_kicker = append_text(b.p_kicker, u.text.rstrip("—"))
            b.p_raw.append(u.raw)
        elif (k in ("h2", "h3") and cur is not None and cur.art.headline and not cur.closed
              and not cur.has_body() and not cur.art.byline and not cur.art.subheadline):
            cur.art.subheadline = u.text.lstrip("—").strip()  # right under the headline
            cur.raw.append(u.raw)
        elif k in ("h2", "h3"):
            byline_next = nxt is not None and (
                nxt.kind == "byline" or (nxt.kind == "para" and bool(nxt.prefix)))
            # A news item (run-in byline) rarely has sections: an h2 followed by a
            # dated lead (`10月19日，…`) starts the next item.
            lead_next = (k == "h2" and cur is not None and cur.runin and nxt is not None
                         and nxt.kind == "para" and bool(LEAD_OPENER.match(nxt.text)))
            starts = (
                cur is None or cur.closed or u.blanks >= 2 or byline_next or lead_next
                or (k == "h2" and _credit_ahead(units, i, ("h1", "h2", "h3")))
            )
            if starts:
                cur = b.new()
                cur.art.headline = u.text
                cur.raw.append(u.raw)
            else:
                cur.add_heading(u.text, u.raw)
        elif k == "banner":
            if cur is not None and cur.art.headline and not cur.has_body():
                cur.labels.append(u.text)
                cur.raw.append(u.raw)
            else:
                b.p_labels.append(u.text)
                b.p_raw.append(u.raw)
        elif k == "label":
            b.p_labels.append(u.text)
            b.p_raw.append(u.raw)
            if plain and not EDITORS_NOTE.match(u.text):
                b.banner = u.text  # a banner (`■工会动态■`) heads every item below it
        elif k == "prompt":
            cur = b.ensure()
            cur.expect_prompt = True
            cur.raw.append(u.raw)
        elif k == "jump" and cur is not None:
            cur.raw.append(u.raw)  # `（下转第4版）`: kept in the raw text, no body text
            cur.art.continues_on_page = u.page
        elif k == "contmark":
            cur = b.continuation(u.page)
            cur.raw.append(u.raw)
        elif k == "dateline":
            cur = b.ensure()
            cur.art.dateline = append_text(cur.art.dateline, u.text)
            cur.raw.append(u.raw)
        elif k == "byline":
            byline_unit(b, u)
        elif k == "credit":
            b.ensure().add_photo(u)
        elif k == "sig":
            (cur if cur is not None else b.new()).add_sig(u)
        elif k == "para":
            if i < skip_to:
                continue  # already taken as a title line
            run = _title_run(units, i)
            unsure = False
            if run == i and plain and _plain_title(u) and not u.text.startswith("——"):
                end = _candidate_run(units, i)
                ctx = TitleContext(units, i, end, cur, gap_separates)
                rule = opens_item(ctx) if end < n and units[end].kind in (
                    "para", "byline", "credit", "prompt") else ""
                if rule:
                    run = end
                    unsure = rule in WEAK_TITLE_RULES
                elif (cur is not None and cur.has_body() and not cur.closed and end == i + 1
                      and ctx.after is not None and ctx.after.kind == "para"
                      and not ctx.after.prefix):
                    cur.add_heading(clean_line(u.lines[0], title=True) if u.lines else u.text,
                                    u.raw)
                    continue
            if run > i:
                # Plain title lines (no markup) right above a byline: a new item;
                # or under an item holding only a byline (a site's author field
                # printed above the headline).
                if not (cur is not None and not cur.closed and not cur.has_body()
                        and not cur.art.headline and not cur.art.kicker and cur.art.byline):
                    cur = b.new()
                cur.set_titles([x.lines[0] if x.lines else x.text for x in units[i:run]],
                               "\n".join(x.raw for x in units[i:run]))
                if unsure:
                    cur.art.warnings.append(W_TITLE_INFERRED.format(units[i].text))
                skip_to = run
                continue
            if (cur is not None and cur.art.headline and not cur.has_body()
                    and u.text.startswith("——") and not cur.art.subheadline):
                cur.art.subheadline = u.text.lstrip("—").strip()  # ——记…: a subheadline
                cur.raw.append(u.raw)
                continue
            note = _NOTE_RUNIN.match(u.text)
            if note and plain:
                # `编者按：…` run into its paragraph: the editors' note is an item.
                cur = b.new()
                cur.labels.append(note.group(1))
                cur.add_para(u.text[note.end():], u.raw)
                cur.closed = True
                continue
            if cur is not None and nxt is not None and nxt.kind == "credit" and _photos_only(cur):
                # Several captions under one title, or the next photo news item.
                cur.closed = not continues_photo_group(cur, u)
            if cur is not None and cur.expect_prompt and not u.prefix:
                cur.art.reader_prompt = append_text(cur.art.reader_prompt, u.text)
                cur.expect_prompt = False
                cur.raw.append(u.raw)
            elif nxt is not None and nxt.kind == "h1" and not u.prefix and _kicker_like(u.text):
                kicker = clean_line(u.lines[0], title=True) if u.lines else u.text
                b.p_kicker = append_text(b.p_kicker, DASH_END.sub("", kicker).strip())
                b.p_raw.append(u.raw)
            else:
                if (b.gap_splits and u.blanks >= 2 and not u.prefix and cur is not None
                        and cur.has_body()):
                    cur.closed = True  # a new, headless item
                para_unit(b, u)
    units.clear()
    return b.finish()


# Stands in for a unit the walk has passed (never looked at again).
_WALKED = Unit("walked")
