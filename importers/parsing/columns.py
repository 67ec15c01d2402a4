"""Segmenting text from page PDFs: hard-wrapped columns, titles after bodies."""

from __future__ import annotations

import re

from .bylines import ROLE_RE, ROLE_WORDS, parse_answer, parse_glued_name, parse_runin
from .letters import SALUTATION, is_letters_column
from .lines import ends_clause, join_wrapped, open_ended
from .normalise import clean_light, clean_line, is_letter_spaced, vis_len
from .roles import CONTINUED_INLINE, TITLE_MAX, is_genre_label, is_org_label, jump_page
from .units import (
    ADDRESS_END,
    CLAUSE_PUNCT,
    LEAD_OPENER,
    NOT_TITLE,
    TWO_HALVES,
    W_BYLINE_AFTER,
    W_ORPHAN_TITLE,
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
    special_unit,
    split_tails,
)

_BOUNDARY_KINDS = ("byline", "label", "prompt", "contmark")


# A run-in byline cut by the wrap: bracket still open, or nothing after it yet.
_RUNIN_OPEN = re.compile(
    r"^\s*(?:[^\s（(]{0,8}讯|(?:新华社|中新社|本报)[^\s（(，。]{0,14}电)"
    r"\s*(?:[（(][^）)]{0,40}|(?:[（(][^）)]{0,40}[）)])?\s*)$"
)


_NAME_AT_END = re.compile(f"(?:{ROLE_RE}|[\\s（(])[\u4e00-\u9fff]{{2,4}}$")
_NAME_AT_START = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[\s）)]|$)")
_ROLE_START = re.compile(f"^(?:{ROLE_RE})")
_ROLE_NAME = re.compile(f"(?:{ROLE_RE})[\u4e00-\u9fff]{{2,4}}")


def _join_in_bracket(head: str, tail: str) -> str:
    """Join a wrapped run-in byline; names broken between lines stay apart."""
    head_s, tail_s = head.rstrip(), tail.strip()
    last = re.split(r"[\s（(]", head_s)[-1]
    if _ROLE_START.match(last + tail_s) and not _ROLE_NAME.fullmatch(last):
        return head_s + tail_s  # a role word broken by the wrap (通讯 / 员)
    if head != head_s or (_NAME_AT_END.search(head_s) and _NAME_AT_START.match(tail_s)):
        return f"{head_s} {tail_s}"
    return head_s + tail_s


def _join_open_runin(lines: list[str]) -> list[str]:
    """A run-in byline whose bracket wraps onto the next line(s) is put back on one."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while _RUNIN_OPEN.match(line) and j < len(lines) and j - i <= 4:
            if lines[j].strip():
                line = _join_in_bracket(line, lines[j])
            j += 1
            if not _RUNIN_OPEN.match(line):
                break
        if j > i + 1 and not _RUNIN_OPEN.match(line):
            out.append(line)
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


_LONE_CLOSER = re.compile(r"^[）)”’》」』。，！？；：、]{1,3}$")


_JUMP_OPEN = re.compile(r"[（(]\s*(?:下转|上接|转|接)\s*(?:第\s*\d{0,2})?\s*$")
_JUMP_CLOSE = re.compile(r"^\s*(?:第\s*)?\d{0,2}\s*版\s*[）)]")


def _join_wrapped_jump(lines: list[str]) -> list[str]:
    """`…证书，其中…（下转` / `第4版）`: a jump marker broken by the wrap."""
    out: list[str] = []
    for line in lines:
        if "版" not in line[:8] or not out or not _JUMP_CLOSE.match(line):
            out.append(line)
            continue
        k = len(out) - 1
        while k > 0 and not out[k].strip():
            k -= 1
        if _JUMP_OPEN.search(out[k]):
            m = _JUMP_CLOSE.match(line)
            out[k] = out[k].rstrip() + m.group(0).strip()
            rest = line[m.end():]
            if rest.strip():
                out.append(rest)
            continue
        out.append(line)
    return out


def _join_lone_credit_word(lines: list[str]) -> list[str]:
    """`…马希平` / `摄`: a credit's 摄 wrapped onto a line of its own; so is
    closing punctuation (`（记者 张三` / `）`), which never opens a line."""
    out: list[str] = []
    for line in lines:
        t = line.strip()
        if out and len(t) <= 3 and (t in ("摄", "摄影") or _LONE_CLOSER.match(t)):
            k = len(out) - 1
            while k > 0 and not out[k].strip():
                k -= 1
            gap = "" if _LONE_CLOSER.match(t) else " "
            out[k] = out[k].rstrip() + gap + t
            continue
        out.append(line)
    return out


_CREDIT_ROLES = sorted((w for w in ROLE_WORDS if len(w) >= 3), key=len, reverse=True)


def _join_split_role_word(lines: list[str]) -> list[str]:
    """`…3.2万吨。新华` / `社记者 张三 摄`: a credit's role word broken by the wrap
    goes back to the credit line."""
    out = list(lines)
    for i, j in _next_lines(out):
        a, b = out[i].rstrip(), out[j].strip()
        if not b.endswith(("摄", "摄影")):
            continue
        for role in _CREDIT_ROLES:
            cut = next((k for k in range(1, len(role)) if a.endswith(role[:k])
                        and b.startswith(role[k:])), 0)
            if cut:
                out[i], out[j] = a[: len(a) - cut], role[:cut] + b
                break
    return out


def _next_lines(lines: list[str]) -> list[tuple[int, int]]:
    """Each non-blank line's index with the next non-blank line's (blank lines
    after every line are the export's, not the page's)."""
    idx = [k for k, x in enumerate(lines) if x.strip()]
    return list(zip(idx, idx[1:], strict=False))


_NAME_TAIL = re.compile(f"(?:{ROLE_RE})\\s*[\u4e00-\u9fff]{{0,2}}$")
_CREDIT_HEAD = re.compile(r"^([\u4e00-\u9fff]{1,3})\s*摄(?:影)?$")


def _join_split_name(lines: list[str]) -> list[str]:
    """`…夜宵。本报记者 孟` / `星河 摄`: a credit broken inside the name goes
    onto the credit's line, role word and all."""
    out = list(lines)
    for i, j in _next_lines(out):
        b = out[j].strip()
        if not b.endswith(("摄", "摄影")) or not _CREDIT_HEAD.match(b):
            continue
        m = _NAME_TAIL.search(out[i].rstrip())
        if m and m.start() > 0:
            head = out[i].rstrip()
            out[i], out[j] = head[: m.start()], f"{m.group(0)}{b}"
    return out


def _pdf_items(lines: list[str]) -> list[Unit]:
    items: list[Unit] = []
    for raw in _join_open_runin(_join_split_name(
            _join_split_role_word(_join_lone_credit_word(_join_wrapped_jump(lines))))):
        if not raw.strip():
            if items:
                items[-1].blank_after = True
            continue
        light = light_clean(raw)
        special = special_unit(light, raw)
        if special:
            items.append(special)
            continue
        m = CONTINUED_INLINE.match(light)
        if m:
            items.append(Unit("contmark", text=m.group(0), raw="", page=jump_page(m.group(1))))
            light = light[m.end():]
        core, tails = split_tails(light, raw)
        if core:
            u = Unit("text", text=core, raw=raw)
            r = parse_runin(core) or ("答" in core[:20] and parse_answer(core)) or None
            if r is None and ("讯" in core or "电" in core) and is_letter_spaced(core):
                # A justified first line spreads its run-in too (`本 报 讯 （通 讯 员 …`).
                r = parse_runin(clean_line(core))
            if r:
                u.prefix, u.authors, u.text = r
            items.append(u)
        elif tails:
            tails[0].raw = raw
        items.extend(tails)
    # Characters set vertically, one per line (`太` / `原`), form a label.
    out: list[Unit] = []
    i = 0
    while i < len(items):
        j = i
        while (j < len(items) and items[j].kind == "text" and not items[j].prefix
               and len(items[j].text) <= 3 and len(items[j].text.replace(" ", "")) == 1):
            j += 1
        if j - i >= 2:
            out.append(Unit("label", text="".join(x.text.strip() for x in items[i:j]),
                            raw="\n".join(x.raw for x in items[i:j])))
            i = j
        else:
            out.append(items[i])
            i += 1
    return out


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in ("“”", "《》", "（）", "‘’"))


def _hanging(text: str) -> float:
    """Width of closing punctuation hanging past the column edge at the line end."""
    if not text or text[-1] not in _HANGING:
        return 0.0
    return 0.5 if text[-1] in "”’" else 1.0


_PLAIN_CJK = re.compile(r"[\u4e00-\u9fff，。、；：？！]+")
_HANGING = set("，。、；：？！”’）》…")


def _titleish(text: str) -> bool:
    """Could this cleaned line stand alone as a title or heading line?

    Not if it ends a sentence, ends open (comma, opening quote), holds an
    address or number, leaves a quotation open (`…职工“网` wraps a word) or
    opens like a news lead (`4月19日，…`).
    """
    return (
        bool(text)
        and not ends_clause(text)
        and not open_ended(text)
        and not NOT_TITLE.search(text)
        and vis_len(text) <= TITLE_MAX
        and _balanced(text)
        and not LEAD_OPENER.match(text)  # `4月19日，…`, `近日，…` open a news lead
    )


def _boxed_name_above_text(items: list[Unit], j: int) -> bool:
    """`■ 张三` on its own line with text below: a signed piece's byline, so an
    item starts there (its title lines stand above it)."""
    return (items[j].kind == "sig" and bool(items[j].authors)
            and items[j].text.lstrip()[:1] in "□■"
            and j + 1 < len(items) and items[j + 1].kind == "text")


def pdf_units(lines: list[str]) -> list[Unit]:
    """Rebuild paragraphs from hard-wrapped column lines; keep stand-alone lines apart."""
    items = _pdf_items(lines)
    n = len(items)
    blank_after = [it.blank_after for it in items]
    # Blank lines mean something only where they are occasional: then a title
    # line stands between blank lines; after every line they say nothing.
    sparse_blanks = 3 <= sum(blank_after) < 0.6 * max(1, n)
    cleaned = [clean_light(it.text) if it.kind == "text" else "" for it in items]
    lengths = [vis_len(c) if c else 0.0 for c in cleaned]
    ends = [ends_clause(c) if c else False for c in cleaned]
    is_text = [it.kind == "text" for it in items]
    if sparse_blanks:
        # Blank lines only between items (after a sentence end, a credit or a
        # title line) separate items and say nothing against a heading in a body.
        at_breaks = sum(1 for k in range(n) if blank_after[k] and (
            not is_text[k] or ends[k] or _titleish(cleaned[k])
            or ADDRESS_END.search(cleaned[k])))
        sparse_blanks = at_breaks < 0.95 * sum(blank_after)
    # Title blocks right before an item start: lines after a sentence end that
    # do not themselves end a sentence.
    forced = [False] * n
    for j in range(n + 1):
        if j < n and not (items[j].kind in _BOUNDARY_KINDS or (is_text[j] and items[j].prefix)
                          or _boxed_name_above_text(items, j)):
            continue
        k = j - 1
        got: list[int] = []
        while (k >= 0 and is_text[k] and not items[k].prefix and len(got) < 4
               and _titleish(cleaned[k])):
            got.append(k)
            k -= 1
        if got and (k < 0 or not is_text[k] or ends[k]
                    or NOT_TITLE.search(cleaned[k])):
            for x in got:
                forced[x] = True
    # A heading wrapped inside a quotation (`组织起来，薯农变“薯工”“薯` + `匠”`):
    # neither line is balanced alone, together they form a short unpunctuated line.
    for i in range(n - 1):
        if (is_text[i] and is_text[i + 1] and not items[i].prefix and not items[i + 1].prefix
                and (i == 0 or not is_text[i - 1] or ends[i - 1])
                and lengths[i + 1] <= 0.5 * lengths[i] and not ends[i + 1]
                and (i + 2 >= n or not is_text[i + 2] or lengths[i + 2] >= 0.6 * lengths[i])
                and not _balanced(cleaned[i])
                and _titleish(join_wrapped(cleaned[i], cleaned[i + 1]))):
            forced[i] = forced[i + 1] = True

    def local_width(i: int) -> float:
        """Column width at line i, from the lines of the same item only."""
        got: list[float] = []
        for j in range(i + 1, min(n, i + 9)):
            if not is_text[j] or items[j].prefix:
                break
            if not ends[j]:  # last lines of paragraphs are short
                got.append(lengths[j])
        if len(got) < 3:
            for j in range(i - 1, max(-1, i - 9), -1):
                if not is_text[j]:
                    break
                if not ends[j]:
                    got.append(lengths[j])
                if items[j].prefix:
                    break
        if not got:
            return lengths[i]
        got.sort()
        mid = got[len(got) // 2]
        # Headings, wide title lines and narrow wraps are not the column.
        full = [x for x in got if 0.7 * mid <= x <= 1.3 * mid] or got
        return full[(len(full) - 1) // 2]  # lower median: hanging punctuation overflows

    # Does this page indent its paragraphs (first lines shorter than the next)?
    starts = [k for k in range(1, n - 1) if is_text[k] and is_text[k - 1] and ends[k - 1]
              and is_text[k + 1] and not ends[k] and not items[k].prefix]
    # (Titles and headings among them are much shorter or longer: left out.)
    ind = sum(1 for k in starts if lengths[k + 1] - 4 <= lengths[k] <= lengths[k + 1] - 1.5)
    flat = sum(1 for k in starts if abs(lengths[k] - lengths[k + 1]) < 1.5)
    indented = ind >= 2 and ind >= 0.6 * (ind + flat)

    def _after_blank(i: int) -> bool:
        """A run of up to three title-like lines right after a blank line (titles
        placed above their body, items separated by blank lines)."""
        k = i
        while (k > 0 and i - k < 2 and not blank_after[k - 1] and is_text[k - 1]
               and not items[k - 1].prefix and _titleish(cleaned[k - 1])):
            k -= 1
        return k == 0 or blank_after[k - 1]

    memo: dict[int, bool] = {}

    def standalone(i: int) -> bool:
        if i not in memo:
            memo[i] = _standalone(i)
        return memo[i]

    def _standalone(i: int) -> bool:
        text = cleaned[i]
        if forced[i]:
            return True
        if not _titleish(text) or items[i].prefix:
            return False
        if i > 0 and items[i - 1].kind in ("prompt", "contmark"):
            return False  # 阅读提示 and （上接第N版） are followed by their text
        fw = local_width(i)
        if text.endswith("——"):
            return True
        if i > 0 and is_text[i - 1] and cleaned[i - 1].endswith("——"):
            return True  # the headline under a kicker
        if i > 0 and items[i - 1].kind in ("sig", "credit", "dateline", "label"):
            # A title right after a signed or credited item: shorter than an
            # indented first line, or followed by one (not by a full-width line).
            if lengths[i] <= fw - 2.5:
                return True
            j = i + 1
            if (lengths[i] <= fw and j < n and is_text[j] and not ends[j]
                    and lengths[j] <= fw - 1.5):
                return True
        if sparse_blanks and not (blank_after[i] or (
                i + 1 < n and is_text[i + 1] and blank_after[i + 1]
                and _titleish(cleaned[i + 1]) and lengths[i + 1] <= fw - 2)
                or _after_blank(i)):
            return False
        if (sparse_blanks and i > 0 and blank_after[i - 1] and blank_after[i]
                and not CLAUSE_PUNCT.search(text)):
            return lengths[i] <= fw - 1
        j = i + 1
        if (j < n and is_text[j] and not items[j].prefix and _titleish(cleaned[j])
                and lengths[j] <= 0.5 * fw and lengths[i] <= fw + 1
                and (j + 1 >= n or not is_text[j + 1] or lengths[j + 1] >= 0.6 * fw)):
            return True  # a heading wrapped onto a short second line
        if i + 1 < n and is_text[i + 1] and LEAD_OPENER.match(cleaned[i + 1]):
            return True  # the next line opens a news lead, so this one is not its start
        if TWO_HALVES.search(items[i].text) and not is_letter_spaced(items[i].text):
            return True  # `你去安心上班 工会帮着带娃`: a headline's halves
        if is_letter_spaced(items[i].text):
            # Justified body lines are letter-spaced too, but fill the column.
            return vis_len(items[i].text) + items[i].text.count(" ") * 0.25 <= fw - 2
        if _full_title_line(i, fw):
            return True
        # Paragraphs open with a two-character indent, so a first line is up to
        # two characters short; a heading is clearly shorter than that.
        return lengths[i] <= min(fw - 3.5, fw * 0.8)

    def _full_title_line(i: int, fw: float) -> bool:
        """A title or heading (even one as wide as the column) after a finished
        paragraph and above an indented first line: the paragraph below starts
        on the next line, so this one is no first line of it (first lines are
        the indented ones), nor a one-line paragraph (it has no full stop)."""
        j = i + 1
        if not (indented and j + 1 < n and is_text[j] and is_text[j + 1]
                and not items[j].prefix):
            return False
        # Closing punctuation may hang past the column edge: it does not count.
        first = lengths[j] - _hanging(cleaned[j])
        col = max(fw, lengths[j + 1])  # the line after a first line is a full one
        if not ((i == 0 or not is_text[i - 1] or ends[i - 1])
                and not ends[j] and col - 3 <= first <= col - 1.5
                and not CLAUSE_PUNCT.search(cleaned[i])):  # a wide line with commas is text
            return False
        # Not itself an indented first line: at least as wide as the one below.
        if lengths[i] >= max(first, col - 3):
            return True
        # Narrower than it, when the line below is plain Chinese text whose
        # width is exact (quotes, digits and Latin make widths uncertain).
        return lengths[i] <= first - 1 and bool(_PLAIN_CJK.fullmatch(cleaned[j]))

    units: list[Unit] = []
    para: Unit | None = None

    def flush() -> None:
        nonlocal para
        if para is not None:
            if para.prefix and not para.authors and len(para.lines) > 1:
                # `本报某地电 记者张三` / `报道：…`: the run-in went on past the line end.
                r = parse_runin(f"{para.prefix} {para.text}")
                if r and r[1] and len(r[0]) > len(para.prefix):
                    para.prefix, para.authors, para.text = r
            units.append(para)
            para = None

    for i, it in enumerate(items):
        if not is_text[i]:
            flush()
            units.append(it)
            continue
        if para is not None and (forced[i] or it.prefix):
            flush()
        if para is None:
            if not it.prefix and standalone(i):
                units.append(Unit("line", text=clean_line(it.text, title=True), raw=it.raw,
                                  lines=[it.text]))
                continue
            para = Unit("para", text=cleaned[i], raw=it.raw, prefix=it.prefix,
                        authors=it.authors, lines=[it.text])
        else:
            para.text = join_wrapped(para.text, cleaned[i])
            para.raw += "\n" + it.raw
            para.lines.append(it.text)
        nxt_text = i + 1 < n and is_text[i + 1]
        if (ends[i] or ADDRESS_END.search(cleaned[i])) and (
            not nxt_text or lengths[i] <= local_width(i) - 1.5
            or items[i + 1].prefix or forced[i + 1]
            or cleaned[i + 1].startswith("“") or standalone(i + 1)
        ):
            flush()
    flush()
    # Consecutive stand-alone lines form one block.
    out: list[Unit] = []
    for u in units:
        if u.kind == "line" and out and out[-1].kind == "block":
            out[-1].lines.append(u.lines[0])
            out[-1].raw += "\n" + u.raw
        elif u.kind == "line":
            out.append(Unit("block", raw=u.raw, lines=[u.lines[0]]))
        else:
            out.append(u)
    out = _peel_glued_names(_join_split_credits(out))
    for k, u in enumerate(out):
        prev = out[k - 1] if k > 0 else None
        # A one-line "paragraph" without a full stop right above a boxed name
        # is the title the name stands under.
        title_para = (prev is not None and prev.kind == "para" and len(prev.lines) == 1
                      and not prev.prefix and _titleish(prev.text))
        if boxed_byline(u, prev is not None and (prev.kind == "block" or title_para),
                        k + 1 < len(out) and out[k + 1].kind == "para"):
            u.kind, u.text = "byline", u.text.lstrip("□■ ")
            if title_para:
                out[k - 1] = Unit("block", raw=prev.raw, lines=list(prev.lines))
    return out


def _join_split_credits(units: list[Unit]) -> list[Unit]:
    """`本报记者 张三` / `通讯员 李四 摄` under a caption: one credit over two lines."""
    out: list[Unit] = []
    for u in units:
        if (credit_line(u) and len(out) >= 2 and out[-1].kind == "byline"
                and out[-2].kind == "para"):
            out[-1] = join_split_credit(out[-1], u)
        else:
            out.append(u)
    return out


def _peel_glued_names(units: list[Unit]) -> list[Unit]:
    """A writer's name set right after the last sentence of a text (`…名堂。张三`),
    where a title, byline or the page end follows: the text's signature."""
    out: list[Unit] = []
    for k, u in enumerate(units):
        nxt = units[k + 1] if k + 1 < len(units) else None
        glued = (parse_glued_name(u.text) if u.kind == "para" and not u.prefix
                 and (nxt is None or nxt.kind in ("block", "byline", "label")) else None)
        if glued:
            u.text = glued[0]
            out.extend([u, Unit("sig", text=glued[1], authors=glued[2])])
        else:
            out.append(u)
    return out


def _photo_ahead(units: list[Unit], i: int) -> bool:
    for u in units[i + 1: i + 8]:
        if u.kind == "credit":
            return True
        if u.kind != "para" or u.prefix:
            return False
    return False


def _sig_ahead(units: list[Unit], i: int) -> bool:
    for u in units[i + 1:]:
        if u.kind == "sig":
            return True
        if u.kind in ("byline", "contmark", "block", "label") or (u.kind == "para" and u.prefix):
            return False
    return False


_IDEO_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LEAD_CHARS = 240  # how much of a body's start a headline is compared with


def _bigrams(text: str) -> set[tuple[str, str]]:
    """Pairs of adjacent Chinese characters (the words a headline repeats)."""
    out: set[tuple[str, str]] = set()
    for run in _IDEO_RUN.findall(text):
        out.update(zip(run, run[1:], strict=False))
    return out


def _title_like(units: list[Unit], k: int) -> bool:
    """A block that is an item's title block rather than a section heading: a
    kicker, several lines, or a byline, run-in lead or marker right after it."""
    u = units[k]
    if len(u.lines) >= 2 or any(x.rstrip().endswith("——") for x in u.lines):
        return True
    nxt = units[k + 1] if k + 1 < len(units) else None
    return nxt is not None and (nxt.kind in _BOUNDARY_KINDS or bool(nxt.prefix))


def _lexical_vote(units: list[Unit]) -> float:
    """Which neighbour do the page's title blocks describe: the body before or after?

    A headline repeats words of its own article's lead. The bodies between
    stand-alone blocks are compared with each block: a positive result means
    the blocks share more words with the body that follows them (titles first).
    """
    segments: list[str] = [""]
    blocks: list[set[str]] = []
    for k, u in enumerate(units):
        if u.kind == "block" and _title_like(units, k):
            grams = _bigrams("".join(u.lines))
            if grams:
                blocks.append(grams)
                segments.append("")
        elif u.kind == "para" and len(segments[-1]) < _LEAD_CHARS:
            segments[-1] += u.text
    vote = 0.0
    leads = [_bigrams(seg[:_LEAD_CHARS]) for seg in segments]
    for j, grams in enumerate(blocks):
        vote += (len(grams & leads[j + 1]) - len(grams & leads[j])) / len(grams)
    return vote


def _titles_after(units: list[Unit]) -> bool:
    """Do title blocks follow their bodies on this page (the usual PDF layout)?

    Decided from the words the blocks share with the bodies beside them, and
    from both ends of the page: a page that opens with a title block and
    closes with body text has its titles above the bodies.
    """
    content = [u for u in units if u.kind not in ("label",)]
    if not content:
        return True
    vote = _lexical_vote(content)
    if abs(vote) >= 0.5:
        return vote < 0
    first_block = content[0].kind == "block"
    last_block = content[-1].kind == "block"
    return not (first_block and not last_block)


def build_pdf(lines: list[str]) -> list[Draft]:
    units = pdf_units(lines)
    b = Builder()
    b.titles_after = _titles_after(units)
    n = len(units)
    for i, u in enumerate(units):
        cur = b.cur
        nxt = units[i + 1] if i + 1 < n else None
        k = u.kind
        if k == "block":
            _pdf_block(b, units, i, u, nxt)
        elif k == "byline":
            prev = b.last_titled
            if (cur is None and prev is not None and not prev.art.byline and not prev.runin
                    and _sig_ahead(units, i)):
                prev.add_byline(u.text, u.authors)
                prev.raw.append(u.raw)
                prev.art.warnings.append(W_BYLINE_AFTER)
            elif (cur is not None and cur.has_body() and not cur.closed
                  and not (nxt is not None and nxt.kind == "block")):
                # Titles follow bodies here, so a byline after body text opens
                # the next item (unless a title block follows: a trailing byline).
                b.new()
                byline_unit(b, u)
            else:
                byline_unit(b, u)
        elif k == "para":
            target = cur if cur is not None else b.last_titled
            if target is not None and target.expect_prompt and not u.prefix:
                target.art.reader_prompt = append_text(target.art.reader_prompt, u.text)
                target.expect_prompt = False
                target.raw.append(u.raw)
            else:
                para_unit(b, u)
        elif k == "prompt":
            target = cur if cur is not None else b.last_titled
            if target is None or (cur is None and b.p_titles) or (cur is not None and cur.closed):
                # The prompt goes with the title waiting above it; after a signed-off
                # or credited item it heads the next one.
                target = b.new()
            target.expect_prompt = True
            target.raw.append(u.raw)
        elif k == "credit":
            if (not b.titles_after and cur is not None and not cur.closed
                    and (cur.art.byline or cur.art.headline) and len(cur.art.body) >= 2
                    and cur.art.body[-1].type == "paragraph"
                    and cur.art.body[-2].type == "paragraph"):
                # Titles above bodies: a photo's title would stand above its
                # caption, so a credited last paragraph of a finished text is an
                # untitled photo of its own, not a picture inside that text.
                last = cur.art.body.pop()
                photo = b.new()
                photo.add_para(last.text, "")
                photo.add_photo(u)
            else:
                b.ensure().add_photo(u)
        elif k == "sig":
            (cur if cur is not None else b.new()).add_sig(u)
        elif k == "dateline":
            cur = cur if cur is not None else b.new()
            cur.art.dateline = append_text(cur.art.dateline, u.text)
            cur.raw.append(u.raw)
            cur.closed = True
        elif k == "label":
            b.p_labels.append(u.text)
            b.p_raw.append(u.raw)
            if _letters_banner(u):
                b.banner = u.text
        elif k == "jump" and cur is not None:
            cur.raw.append(u.raw)  # `（下转第4版）`: kept in the raw text, no body text
            cur.art.continues_on_page = u.page
        elif k == "contmark":
            cur = b.continuation(u.page)
            cur.raw.append(u.raw)
    return b.finish()


def _letters_banner(u: Unit) -> bool:
    """`■来信选登■`: a boxed letters banner heads every letter below it (and the
    answers between them). Other boxed labels on a printed page may head one
    piece only, and the page's reading order is too loose to carry them further."""
    t = u.raw.strip()
    return (len(t) > 2 and t[0] == t[-1] and t[0] in "■□◆◇●▲"
            and is_letters_column(u.text))


def _pdf_block(b: Builder, units: list[Unit], i: int, u: Unit, nxt: Unit | None) -> None:
    """Stand-alone lines: the title block of the item before them, or a section heading."""
    cur = b.cur
    lines = u.lines
    cleaned = [clean_line(x, title=True) for x in lines]
    orgs_only = all(is_org_label(c) for c in cleaned)
    prev = units[i - 1] if i > 0 else None
    starts_next = nxt is None or nxt.kind in _BOUNDARY_KINDS or (
        nxt.kind == "para" and bool(nxt.prefix))
    evidence = (
        starts_next
        or any(c.endswith("——") or is_org_label(c) for c in cleaned)
        or any(is_letter_spaced(x) for x in lines)
        or any(TWO_HALVES.search(x) for x in lines)
        or (prev is not None and prev.kind in ("sig", "credit", "dateline"))
        or len(lines) >= 3
        or _photo_ahead(units, i)
        or (nxt is not None and nxt.kind == "para" and bool(LEAD_OPENER.match(nxt.text))
            and cur is not None and _describes(cur, units, i, b.titles_after))
        # A genre label over a title (`短评` / title) opens a piece of its own.
        or (len(cleaned) >= 2 and is_genre_label(cleaned[0]))
        # A letter's title stands over its salutation (`编辑同志：…`).
        or (nxt is not None and nxt.kind == "para" and bool(SALUTATION.match(nxt.text)))
        # Titles first: text signed at its end (□name) below a block, while the
        # open item already has a byline, is a signed piece of its own.
        or (not b.titles_after and cur is not None and bool(cur.art.byline)
            and not cur.sig and _sig_ahead(units, i))
    )
    if cur is None:
        # Nothing open: a title before its body (or a label of the next brief).
        # Above the first item of a titles-after page it is page furniture.
        # A photo's title stands above its caption even there.
        if orgs_only or (b.titles_after and not b.drafts and not b.p_titles
                         and not starts_next and not _photo_ahead(units, i)):
            b.p_labels.extend(cleaned)
        else:
            b.p_titles.extend(lines)
        b.p_raw.append(u.raw)
        return
    short_news = cur.runin and not cur.headings and cur.text_len() < 700
    if not b.titles_after:
        if (evidence or cur.closed or short_news) and cur.has_body():
            b.p_titles.extend(lines)
            b.p_raw.append(u.raw)
            b.cur = None
        elif not cur.has_body() and not cur.art.headline:
            cur.set_titles(lines, u.raw)
        else:
            cur.add_heading(_join_heading(cleaned), u.raw)
        return
    if orgs_only and cur.labels and starts_next:
        b.p_labels.extend(cleaned)
        b.p_raw.append(u.raw)
        return
    if not cur.has_body() and not cur.art.headline:
        cur.set_titles(lines, u.raw)  # title above the body after all
        return
    if evidence or cur.closed or short_news:
        if cur.art.continued_from_page and cur.art.dateline:
            photo = next((d for d in reversed(b.drafts)
                          if not d.art.headline and any(x.type == "photo" for x in d.art.body)),
                          None)
            if photo is not None:
                photo.set_titles(lines, u.raw)
                photo.art.warnings.append(W_ORPHAN_TITLE.format(" ".join(cleaned)))
                b.cur = None
                b.last_titled = photo
                return
        if cur.art.headline or cur.art.continued_from_page:
            # This item has its title (continuations have none): the block is the
            # next item's title, placed above it.
            if starts_next or cur.art.continued_from_page:
                b.p_titles.extend(lines)
                b.p_raw.append(u.raw)
                b.cur = None
            else:
                cur.add_heading("".join(cleaned), u.raw)
            return
        cur.set_titles(lines, u.raw)
        b.last_titled = cur
        b.cur = None
        return
    cur.add_heading(_join_heading(cleaned), u.raw)


def _describes(cur: Draft, units: list[Unit], i: int, titles_after: bool) -> bool:
    """Does block i share more words with the lead of the item it would title
    (the open one when titles follow bodies, else the text below) than a
    section heading would with the paragraphs under it?"""
    grams = _bigrams("".join(units[i].lines))
    if not grams:
        return False
    lead = ""
    for blk in cur.art.body:
        if len(lead) >= _LEAD_CHARS:
            break
        lead += blk.text or blk.caption
    below = ""
    for k in range(i + 1, len(units)):
        u = units[k]
        if u.kind != "para" or len(below) >= _LEAD_CHARS:
            break
        below += u.text
    with_lead = len(grams & _bigrams(lead[:_LEAD_CHARS]))
    with_below = len(grams & _bigrams(below[:_LEAD_CHARS]))
    if titles_after:
        return with_lead > with_below
    return with_below > with_lead and with_below >= 0.3 * len(grams)


def _join_heading(cleaned: list[str]) -> str:
    text = cleaned[0]
    for c in cleaned[1:]:
        text = join_wrapped(text, c)
    return text
