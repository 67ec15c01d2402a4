"""Traditional characters: read with the same rules, given back as printed.

Hong Kong, Taiwan and older archive copies print 本報訊（記者…）, 攝, 圖為.
The rules are written once, in simplified characters. A file that is mostly
traditional is folded to simplified before parsing (one character for one
character, so nothing moves), and every string of the result is unfolded
again, so the output quotes the page as printed. Only characters the parser's
conventions need (role words, datelines, furniture, site chrome, common
function words) are folded; any other character passes through unchanged.
"""

from __future__ import annotations

import re

# Traditional -> simplified, for the words the rules look for.
_PAIRS = (
    "報报訊讯記记實实習习見见攝摄圖图為为電电華华聞闻頁页評评論论數数號号備备閱阅讀读"
    "來来編编輯辑開开欄栏話话語语責责轉转載载製制鏈链關关閉闭窗窗標标題题導导覽览"
    "縮缩認认體体間间錄录頂顶點点擊击訪访瀏浏覽览總总會会職职員员專专網网國国"
    "從从這这個个們们時时將将與与說说對对後后發发經经過过還还進进現现區区縣县鎮镇"
    "鄉乡廠厂礦矿團团長长組组織织務务產产業业勞劳動动協协單单據据悉悉據据聯联訂订"
    "稱称屆届項项該该並并節节選选費费車车傳传藝艺術术導导題题書书學学應应處处東东"
    "鐵铁線线機机電电廣广場场燈灯醫医療疗養养護护衛卫環环屬属於于裡里裏里幾几種种"
    "參参賽赛獎奖優优獲获權权於于揚扬讓让錢钱幣币際际據据歲岁歷历辦办屬属難难幫帮"
    "紀纪錄录讚赞賀贺慶庆熱热溫温暖暖愛爱館馆憶忆頒颁證证齊齐廳厅處处質质量量價价"
    "導导區区號号億亿萬万與与雲云風风陽阳陰阴樂乐歡欢語语議议詢询調调訴诉設设計计"
    "隊队陸陆為为寫写專专層层氣气員员則则記记辭辞顧顾問问題题類类飯饭館馆樓楼門门"
    "簡简訊讯訪访談谈評评講讲訓训練练課课試试驗验準准確确導导維维權权益益"
)
_FOLD = {t: s for t, s in zip(_PAIRS[::2], _PAIRS[1::2], strict=True) if t != s}
_FOLD_TABLE = str.maketrans(_FOLD)
# Characters that exist only in traditional writing: evidence of the script.
_TRADITIONAL = re.compile("[" + "".join(_FOLD) + "]")
_SIMPLIFIED = re.compile("[" + "".join(set(_FOLD.values())) + "]")


def is_traditional(text: str, *, sample: int = 20000) -> bool:
    """Mostly traditional: its folded characters outnumber their simplified forms."""
    head = text[:sample]
    trad = len(_TRADITIONAL.findall(head))
    return trad >= 5 and trad > len(_SIMPLIFIED.findall(head))


def fold(text: str) -> str:
    """The text with the known traditional characters in simplified form (same length)."""
    return text.translate(_FOLD_TABLE)


def unfolder(original: str):
    """A function giving folded strings back the characters printed in `original`.

    A simplified character is turned back only where the page never prints it
    (a page mixing both forms keeps what it printed).
    """
    back = {s: t for t, s in _FOLD.items() if t in original and s not in original}
    table = str.maketrans(back)
    return lambda s: s.translate(table) if s else s
