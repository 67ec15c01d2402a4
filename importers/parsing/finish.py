"""Last pass over each draft: reorder displaced blocks, choose the kind,
give headless items a provisional title, and flag what an editor should check."""

from __future__ import annotations

import re

from .letters import is_letter
from .lines import ends_clause, join_wrapped
from .model import Author, Block, ParsedArticle
from .roles import COMMENTARY_GENRE, COMMENTARY_PAGE, EDITORS_NOTE, provisional_headline
from .segment import ADDRESS_END, Draft

W_NO_TITLE = "未找到标题，已用首句作为临时标题"
W_REORDERED = "正文文字块顺序错乱，已把以半句开头的文字块接到半句结尾的段落之后，请核对"
W_DANGLING = "段落“{}”在句中中断，可能有文字块错位或缺失，请核对"
W_FRAGMENT = "无法确定归属的文字，请编辑核对"
W_NO_CREDIT = "图片说明未找到摄影署名"
W_ROUNDUP = "多段文字各有署名，已按同一标题下的综述稿合为一篇，请核对"
W_STRAY = "末段“{}”与本篇内容关联很少，可能是相邻稿件串入的文字，请核对"
W_STRAY_MOVED = "末段“{}”与本篇内容关联很少，可能是相邻稿件串入的文字，已移出为单独片段，请核对"
_SENTENCES = re.compile(r"[。！？!?]")


def _reorder(d: Draft) -> None:
    """A block that ends mid-sentence after a byline continues the paragraph that
    opens the article text: move it in front and join the two halves."""
    body = d.art.body
    if not d.breaks or not body:
        return
    last = body[-1]
    if last.type != "paragraph" or ends_clause(last.text):
        return
    cut = d.breaks[-1]
    head = body[:cut]
    tail = body[cut:]
    if not head or not tail or head[0].type != "paragraph":
        return
    joined = join_wrapped(tail[-1].text, head[0].text)
    tail[-1].text = joined
    d.art.body = tail + head[1:]
    d.art.warnings.append(W_REORDERED)


_IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff]+")


def _bigrams(text: str) -> set[str]:
    out: set[str] = set()
    for run in _IDEOGRAPHS.findall(text):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out


def _stray_tail(a: ParsedArticle) -> str:
    """A last one-sentence paragraph sharing almost no words with the item it ends:
    likely a stray sentence from a neighbouring item (flagged, not moved)."""
    paras = [b.text for b in a.body if b.type == "paragraph"]
    if a.byline or len(paras) < 2 or len(paras) > 4:
        return ""
    last = paras[-1]
    if len(_SENTENCES.findall(last)) != 1:
        return ""
    grams = _bigrams(last)
    rest = _bigrams(a.headline + "".join(paras[:-1]))
    if grams and len(grams & rest) / len(grams) < 0.1:
        return last
    return ""


# `本届影展`, `该项目`: a definite reference to something named earlier.
_DEFINITE = re.compile(r"(?:本届|本次|此次|这次|该|此项|这项)([\u4e00-\u9fff]{2})")


def _dangling_reference(sentence: str, a: ParsedArticle) -> bool:
    """Does the sentence refer back (`本届影展`) to something its item never names?
    Then it was written for another item: stronger evidence than few shared words."""
    rest = a.headline + "".join(b.text or b.caption for b in a.body[:-1])
    return any(m.group(1) not in rest for m in _DEFINITE.finditer(sentence))




def _boxed(d: Draft, label: str) -> bool:
    """Was the label printed on a line of its own, in a box (`【开栏语】`)?"""
    return any(re.fullmatch(rf"\s*[【■□\[]\s*{re.escape(label)}\s*[】■□\]]\s*", r)
               for r in d.raw if r)


def _letter(d: Draft) -> bool:
    """A reader's letter (see `letters.py`); never a report (run-in byline,
    reporters) nor an answer signed by an organisation."""
    a = d.art
    if d.runin or any(x.role != "author" for x in a.authors) or (a.byline and not a.authors):
        return False
    first = next((b.text for b in a.body if b.type == "paragraph"), "")
    return is_letter(a.column, first, a.byline, a.authors)


def _opinion(d: Draft, page_name: str) -> bool:
    """Under an opinion label (`短评`, `评论员文章`) or on an opinion page (`评论`)
    a piece no reporter files is commentary."""
    return (any(COMMENTARY_GENRE.match(x) for x in d.labels)
            or bool(COMMENTARY_PAGE.match(page_name)) and bool(d.art.authors))


def _kind(d: Draft, page_name: str = "") -> str:
    a = d.art
    if a.kind == "fragment":
        return "fragment"
    if EDITORS_NOTE.match(a.headline) or EDITORS_NOTE.match(a.column):
        return "commentary"
    if a.continued_from_page:
        return "continuation"
    body = a.body
    if body and all(b.type == "photo" for b in body if b.type != "heading") and not d.runin:
        return "photo"
    if _letter(d):
        return "letter"
    reported = d.runin or any(x.role in ("reporter", "correspondent") for x in a.authors)
    if not reported and (d.sig or _opinion(d, page_name)):
        return "commentary"
    if d.runin and (d.labels and d.text_len() < 900 or d.text_len() < 260):
        return "brief"
    if not body and not a.headline:
        return "fragment"
    return "article"


def _photo_story(d: Draft) -> None:
    """An item credited to photographers only (`本报记者 张三 摄影报道` under the
    title) whose text is short captions: its paragraphs are one photo's caption."""
    a = d.art
    if (not a.authors or any(x.role != "photographer" for x in a.authors)
            or not a.body or any(b.type != "paragraph" for b in a.body)
            or sum(len(b.text) for b in a.body) > 400):
        return
    caption = "\n".join(b.text for b in a.body)
    a.body = [Block("photo", caption=caption, credit=a.byline,
                    photographers=[x.name for x in a.authors])]


def _signed_entry(d: Draft) -> bool:
    """A paragraph or two of text closed by its own credit (`…。（记者 张三）`),
    with no title, byline or run-in of its own: one entry of a roundup."""
    a = d.art
    return (d.sig and not d.runin and not d.headings and not a.continued_from_page
            and bool(a.body) and all(b.type == "paragraph" for b in a.body)
            and len(a.body) <= 3 and d.text_len() <= 500)


_CAPTION_NUMBER = re.compile(r"^\s*(?:(\d{1,2})\s*[.．、]|图\s*(\d{1,2})|([①-⑳]))")


def _caption_number(text: str) -> int | None:
    m = _CAPTION_NUMBER.match(text)
    if not m:
        return None
    if m.group(3):
        return ord(m.group(3)) - ord("①") + 1
    return int(m.group(1) or m.group(2))


def _next_caption(head: Draft, d: Draft) -> bool:
    """Numbered captions (`1.…` `2.…`, `①` `②`) under one title are one photo
    group: an untitled photo whose caption carries the next number continues it."""
    photos = [b for b in head.art.body if b.type == "photo"]
    body = d.art.body
    if not photos or not body or any(b.type != "photo" for b in body):
        return False
    last, first = _caption_number(photos[-1].caption), _caption_number(body[0].caption)
    return last is not None and first == last + 1


def _join_roundups(drafts: list[Draft]) -> list[Draft]:
    """A roundup (`各地工会“送清凉”`) prints several short entries under one
    headline, each closed by its own credit. An untitled signed entry right
    after a titled signed one is part of it, not an item of its own."""
    out: list[Draft] = []
    for d in drafts:
        head = out[-1] if out else None
        a = d.art
        untitled = not (a.headline or a.kicker or a.subheadline or d.labels or a.byline)
        if head is not None and untitled and _next_caption(head, d):
            head.art.body.extend(a.body)
            head.raw.extend(d.raw)
            continue
        if (head is not None and head.art.headline
                and (W_ROUNDUP in head.art.warnings or _signed_entry(head))
                and not (a.headline or a.kicker or a.subheadline or d.labels)
                and _signed_entry(d)):
            head.art.body.extend(a.body)
            head.add_byline(a.byline, a.authors)
            head.raw.extend(d.raw)
            if W_ROUNDUP not in head.art.warnings:
                head.art.warnings.append(W_ROUNDUP)
            continue
        out.append(d)
    return out


def finish(drafts: list[Draft], page_name: str = "") -> list[ParsedArticle]:
    """`page_name`: the edition's page name (`评论`), when the page states it."""
    out: list[ParsedArticle] = []
    for d in _join_roundups(drafts):
        a = d.art
        _reorder(d)
        _photo_story(d)
        if d.labels:
            # An editor's note is labelled as such, not by the banner over the letters it opens.
            notes = [x for x in d.labels if EDITORS_NOTE.match(x)]
            a.column = " ".join(notes or d.labels)
        a.kind = _kind(d, page_name)
        for blk in a.body:
            if blk.type == "photo":
                if not blk.credit:
                    a.warnings.append(W_NO_CREDIT)
                known = {x.name for x in a.authors}
                for name in blk.photographers:
                    if name not in known and (a.kind == "photo" or not a.byline):
                        a.authors.append(Author(name, "photographer"))
        texts = [b.text or b.caption for b in a.body
                 if b.type != "heading" and (b.text or b.caption)]
        if a.kind == "fragment":
            if not a.warnings:
                a.warnings.append(W_FRAGMENT)
        elif not a.headline and EDITORS_NOTE.match(a.column) and _boxed(d, a.column):
            a.headline, a.column = a.column.rstrip(":："), ""  # 【开栏语】 titles its note
        elif not a.headline and not a.continued_from_page:
            if texts:
                a.headline = provisional_headline(texts[0])
                a.headline_is_provisional = True
                a.warnings.append(W_NO_TITLE)
            elif not a.kicker and not a.subheadline:
                a.kind = "fragment"
                a.warnings.append(W_FRAGMENT)
        for blk, nxt in zip(a.body, a.body[1:], strict=False):
            if (blk.type == "paragraph" and nxt.type == "paragraph" and len(blk.text) > 40
                    and not ends_clause(blk.text)):
                a.warnings.append(W_DANGLING.format(blk.text[-12:]))
        if a.body and a.body[-1].type == "paragraph" and not ends_clause(a.body[-1].text) \
                and len(a.body[-1].text) > 15 and not ADDRESS_END.search(a.body[-1].text):
            a.warnings.append(W_DANGLING.format(a.body[-1].text[-12:]))
        stray = _stray_tail(a) if a.kind != "fragment" else ""
        moved: ParsedArticle | None = None
        if stray and not _dangling_reference(stray, a):
            a.warnings.append(W_STRAY.format(stray[:12]))
        elif stray:
            # Set apart as a flagged fragment: kept for the editor, but not
            # glued to an item it does not belong to.
            a.body.pop()
            a.warnings.append(W_STRAY_MOVED.format(stray[:12]))
            moved = ParsedArticle(position=0, kind="fragment", raw_text=stray,
                                  body=[Block("paragraph", text=stray)],
                                  warnings=[W_STRAY.format(stray[:12])])
        a.raw_text = "\n".join(r for r in d.raw if r)
        a.position = len(out)
        a.warnings = list(dict.fromkeys(a.warnings))
        out.append(a)
        if moved is not None:
            moved.position = len(out)
            out.append(moved)
    return out
