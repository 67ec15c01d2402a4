"""Is a short word a person's name or an organisation's?

Where no role word (记者, 通讯员) says so, a credit (`（张三）`, `…温暖。张三`,
`本报讯（禾工宣）`) is a person when it has the shape of a Chinese name: a
surname from the common list, then one or two characters; an organisation
signs with words such as 部, 会, 办, 中心 (`（某市总工会宣教部）`).
"""

from __future__ import annotations

import re

_SINGLE = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
    "华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈"
    "匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖"
    "练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓"
    "修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展"
    "阴昝智幸奉植衡富尧闭由仉暴萧谷岳凤钮龙巢晏荀蒯郦"
    # Rare surnames, kept to characters that seldom end a sentence's last word.
    "禚逄訾麹蹇笪钭綦郗隗琚郄邗苌谯郇郏酆鄞缑乜厍佴竺尕雒郈蒉凃訚俎"
    # The same surnames as traditional characters print them.
    "陳張劉楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆閻龍賀顧龔萬錢嚴湯聶齊喬龐顏"
    "莊歐蘭華賴鄔邊鞏閔蘆婁竇費衛欒鄺魯蔣鄒廣"
)
_COMPOUND = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
    "宇文", "司徒", "夏侯", "端木", "独孤", "南宫", "西门", "呼延", "轩辕", "闻人", "申屠",
    "闾丘", "第五", "拓跋", "濮阳", "宰父", "太史", "公冶", "东郭", "澹台", "公西", "漆雕",
    "乐正", "巫马", "百里", "左丘", "仲孙", "叔孙", "司空", "司寇", "段干", "梁丘", "东门",
    "微生", "亓官", "子车", "颛孙", "鲜于", "公仪", "单于", "完颜", "爱新", "钟离", "赫连",
)
_IDEOGRAPHS = re.compile(r"^[\u3400-\u9fff]+$")
_ORG_END = re.compile(
    r"(?:部|会|办|处|室|局|委|组|社|队|院|校|团|站|所|厅|中心|公司|集团|工会|编辑部|办公室|宣传部|"
    r"宣教部|委员会|联合会|协会|学会|研究会|网|报|台)$"
)
# Words that end a sentence without being a name (`……。他说`).
_NOT_NAME_END = re.compile(r"(?:说|表示|介绍|认为|指出|透露|强调|告诉)$")


def looks_like_person(word: str) -> bool:
    """A surname from the common list followed by one or two characters."""
    w = word.replace(" ", "")
    if not _IDEOGRAPHS.match(w) or _NOT_NAME_END.search(w) or is_organisation(w):
        return False
    if w[:2] in _COMPOUND:
        return 3 <= len(w) <= 4
    return w[0] in _SINGLE and 2 <= len(w) <= 3


# The paper signing as itself.
_HOUSE = frozenset({"编者", "本报", "本刊", "编辑", "本报编辑", "本刊编辑"})


def is_organisation(word: str) -> bool:
    """Signed by a body, not a person (`本报编辑部`, `某市总工会宣教部`, `编者`)."""
    w = word.replace(" ", "")
    return w in _HOUSE or (len(w) >= 3 and bool(_ORG_END.search(w)))
