"""Site chrome: the furniture an e-paper or news site prints around an article.

Each rule below names one convention of Chinese news sites and e-papers. A line
any rule accepts is chrome: it is left out of the articles (the caller keeps
it in the raw text for review). Rules look at one whitespace-collapsed line;
they only accept short lines, so article text is never taken for chrome.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MAX = 80
_SEPARATORS = re.compile(r"\s*[|｜>›»]\s*")
_SITE_WORD = re.compile(
    r"首页|官网|官方网站|网站|网$|网\s|客户端|APP|数字报|电子版|频道", re.IGNORECASE
)


def nav_bar(t: str) -> bool:
    """Site navigation: three or more short links separated by `|`, `>` or `›`
    (`首页 | 要闻 | 工会`, breadcrumbs `首页 > 数字报 > 第07版`), or a row of
    channel names opening with 首页."""
    parts = [p for p in _SEPARATORS.split(t) if p]
    if len(parts) >= 3 and len(parts) > t.count("，") + 2 and all(len(p) <= 14 for p in parts):
        return True
    if len(parts) == 2 and all(len(p) <= 16 for p in parts) and _SITE_WORD.search(t):
        return True
    words = t.split()
    return t.startswith("首页") and len(words) >= 3 and all(len(w) <= 6 for w in words)


_CONTROL_WORDS = frozenset(
    "上一版 下一版 上一篇 下一篇 上一期 下一期 版面导航 往期回顾 往期查询 本版标题导航 "
    "标题导航 版面概览 返回目录 返回顶部 返回首页 放大 缩小 默认 还原 打印 打印本页 "
    "关闭 关闭窗口 收藏 复制链接 字体 字号 大 中 小 × ✕ X 更多 查看原图 PDF版 PDF 下载 "
    "进入版面 本版面 图片版 文字版 首页 我要纠错 纠错 顶部 回到顶部 手机版 本版导读 导读 "
    "PDF下载 版面图 查看版面 返回版面 上一页 下一页 推荐给朋友 推荐 发表评论 我要评论".split()
)
_CONTROL_SPLIT = re.compile(r"[\s【】\[\]|｜:：·•/◀▶◁▷←→<>《》«»]+")
_CONTROL_GLUED = re.compile(
    "|".join(sorted((w for w in _CONTROL_WORDS if len(w) >= 2), key=len, reverse=True))
)


def page_controls(t: str) -> bool:
    """Buttons and page turns: a line made only of control words (上一版 下一版,
    放大 缩小 默认, 【打印】【关闭】, 返回目录, a lone ×)."""
    words = [w for w in _CONTROL_SPLIT.split(t) if w]
    if len(words) == 1 and len(words[0]) == 1:
        return False  # one character alone may be a wrapped or vertical text line
    if words and all(w in _CONTROL_WORDS for w in words):
        return True
    # Buttons printed without spaces between them (`上一版下一版PDF下载`).
    rest = _CONTROL_GLUED.sub("", "".join(words))
    return bool(words) and not rest and len(_CONTROL_GLUED.findall("".join(words))) >= 2


_SHARE = re.compile(r"^(?:分享到|分享|转发到|扫一扫|扫码)(?:[:：]|\s|$)")


_NEIGHBOUR_LINK = re.compile(
    r"^[【\[]?(?:上一篇|下一篇|上一条|下一条|上一页|下一页|相关新闻|相关阅读|相关链接|延伸阅读|推荐阅读)"
    r"[】\]]?\s*[:：]"
)


def neighbour_link(t: str) -> bool:
    """Links to the site's neighbouring or related stories (`上一篇：某某…`)."""
    return bool(_NEIGHBOUR_LINK.match(t))


_FOLLOW = re.compile(r"(?:微信|微博|客户端|APP|抖音|头条号|公众号|视频号)$", re.IGNORECASE)


def share_row(t: str) -> bool:
    """Share and follow buttons: `分享到：微信 微博 QQ空间`, `扫一扫 分享到朋友圈`,
    `某某网微信 某某网微博 某某日报客户端`."""
    words = t.split()
    return bool(_SHARE.match(t)) or (len(words) >= 2 and all(_FOLLOW.search(w) for w in words))


_COPYRIGHT = re.compile(
    r"版权所有|版权声明|Copyright|©|All Rights Reserved|ICP[备证]|公网安备|"
    r"未经.{0,8}(?:许可|授权|同意).{0,8}(?:转载|使用|复制)|违法和不良信息举报",
    re.IGNORECASE,
)


def copyright_line(t: str) -> bool:
    """Footer: copyright, ICP licence and reprint notices (版权所有, 京ICP备…)."""
    return bool(_COPYRIGHT.search(t))


_COUNT = re.compile(
    r"^(?:本文)?(?:已被|共被|共)?(?:阅读|浏览|点击|访问)(?:次数|量|数)?\s*[:：]?\s*[\d,，]+\s*次?$"
)


def reader_count(t: str) -> bool:
    """Reader counters: `本文已被阅读 1,286 次`, `阅读：2,341`, `浏览次数:356`."""
    return bool(_COUNT.match(t.replace(" ", "")))


_EDITOR = re.compile(
    r"^本版(?:责任)?编辑|^[（(【\[]?\s*(?:责任编辑|责编|值班编辑|编辑|美术编辑|美编|校对|审核|审校|终审|监制|版式|"
    r"组版|制图|图片编辑)\s*[:：]"
)


def editor_credit(t: str) -> bool:
    """Editors' credits (`（责任编辑：某某）`, `责任编辑：… 美术编辑：… 校对：…`):
    staff who handled the page, not the article's authors."""
    return bool(_EDITOR.match(t))


_META = re.compile(
    r"^[（(\[【]?\s*(?:本文|文章|新闻)?(?:来源|稿源|出处|字数|字号|发布时间|发布日期|更新时间|点击数|浏览量|图片来源)"
    r"\s*[:：]"
)


def source_line(t: str) -> bool:
    """Article metadata of a site: `来源：某某日报`, `字数：1862`, `发布时间：…`."""
    return bool(_META.match(t))


_NOTICE = re.compile(
    r"语音播报|关注公众号|扫码关注|自律管理承诺|举报电话|正在加载|加载中|等待处理|欢迎访问|设为首页|"
    r"加入收藏|^今天是|^当前位置[:：]|^您(?:现在)?的位置[:：]"
)


def site_notice(t: str) -> bool:
    """Site furniture sentences: `语音播报`, `关注公众号，随时阅读…`, `当前位置：…`,
    `不良信息举报电话…`, `正在加载…`."""
    return bool(_NOTICE.search(t))


_EMPTY_FIELD = re.compile(
    r"^(?:专栏|栏目|作者|来源|编辑|责编|责任编辑|字数|日期|标题|版次|版面|摘要|关键词|关键字)\s*[:：]$"
)


def empty_field(t: str) -> bool:
    """A metadata label with no value (`专栏:`, `作者：`) left by an export."""
    return bool(_EMPTY_FIELD.match(t))


def lone_symbol(t: str) -> bool:
    """A symbol alone, left by a removed button or icon (`×`, `>`, `»`); a letter
    or digit alone may be text, and stays."""
    # Closing punctuation wrapped onto a line of its own (`（记者 张三` / `）`) is text.
    return len(t) <= 2 and not any(ch.isalnum() or ch in "）)”’》」』。，！？；：、" for ch in t)


_LIST_ITEM = re.compile(r"^[·•▪◇◆]\s*\S")


def headline_list_item(t: str) -> bool:
    """An entry of the site's list of the page's headlines (`· 技能津贴“按月到账”`):
    a whole title after the bullet (no sentence punctuation, quotes balanced),
    not a wrapped text line opening with a middle dot (`劳动·汗水`)."""
    if not _LIST_ITEM.match(t) or len(t) > 40 or re.search(r"[，。；]", t):
        return False
    return all(t.count(a) == t.count(b) for a, b in ("“”", "《》", "（）", "‘’"))


CHROME_RULES: tuple[Callable[[str], bool], ...] = (
    page_controls, nav_bar, neighbour_link, share_row, copyright_line, reader_count, editor_credit,
    source_line, site_notice, empty_field, lone_symbol, headline_list_item,
)


# Every rule above needs one of these (or a line of at most two characters):
# a cheap test first, as most lines of a page are text.
_TRIGGER = re.compile(
    r"[|｜>›»©×✕·•▪◇◆◀▶]|上一|下一|导航|导读|往期|返回|放大|缩小|默认|还原|打印|关闭|收藏|复制|字体|"
    r"字号|大\s*中\s*小|首页|更多|原图|PDF|下载|版面|图片版|文字版|纠错|顶部|手机版|分享|转发|"
    r"扫一扫|扫码|版权|Copyright|Rights|ICP|公网安备|未经|举报|阅读|浏览|点击|访问|编辑|责编|美编|"
    r"校对|审核|审校|终审|监制|版式|组版|制图|来源|稿源|出处|字数|发布|更新|语音|公众号|关注|举报|"
    r"加载|等待|欢迎|收藏|今天是|位置|相关|延伸|推荐|微信|微博|客户端|频道|[:：]$",
    re.IGNORECASE,
)


def chrome_rule(line: str) -> str | None:
    """The name of the first chrome rule accepting the line, else None."""
    if len(line) > 3 * _MAX or (len(line) > 2 and not _TRIGGER.search(line)):
        return None
    t = " ".join(line.split())
    if not t or len(t) > _MAX or t.endswith(("。", "！", "？")):
        return None
    for rule in CHROME_RULES:
        if rule(t):
            return rule.__name__
    return None


_SITE_SUFFIX = re.compile(
    r"\s*(?:_|－|—|-|\||｜)\s*[^_|｜]{2,24}?(?:报|網|网|数字报|电子报|电子版|在线|频道|客户端)"
    r"(?:\s*(?:_|-|\|)\s*[^_|｜]{2,24})*\s*$"
)


def page_title_of(line: str) -> str:
    """A browser page title without the site name (`标题_某某报数字报` -> `标题`)."""
    return _SITE_SUFFIX.sub("", line).strip()


# `01版:要闻`: one entry of an e-paper's list of the pages.
_DIRECTORY_ENTRY = re.compile(
    r"^(?:第\s*)?[A-Za-z]?0*\d{1,3}\s*版\s*[:：]\s*[\u4e00-\u9fff·]{1,8}$"
)


def page_directory(lines: list[str]) -> set[int]:
    """Indexes of the lines of an e-paper's page directory: three or more
    `NN版:名称` entries in a row. A single one, or one repeating an entry right
    under the list, is the page's own edition line."""
    out: set[int] = set()
    run: list[int] = []
    for k, line in enumerate([*lines, ""]):
        if "版" in line and _DIRECTORY_ENTRY.match(line.strip()):
            run.append(k)
            continue
        if line.strip() or not run:
            keys = ["".join(lines[x].split()) for x in run]
            if len(run) >= 4 and keys[-1] in keys[:-1]:
                run.pop()  # the page's own entry repeated under the list
            if len(run) >= 3:
                out.update(run)
            run = []
    return out
