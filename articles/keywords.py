"""An article's key words, for "related articles" (see articles.models.article.neighbours).

TF-IDF in miniature: the content words of the headline lines and the lead,
weighted by where they stand (title above kicker and subheadline above the
lead), times how rare each word is in general Chinese (jieba's dictionary
frequency stands in for a document frequency). Very common words and
newsroom boilerplate never count. Pure Python on a few hundred characters:
well under a millisecond, no query.
"""

from __future__ import annotations

import math
import re

from articles.search_text import _tag, _word_frequency, is_cjk_word

KEY_WORD_COUNT = 5
# Where a word stands: headline lines say what a story is about.
WEIGHTS = {"title": 3.0, "kicker": 2.0, "subheadline": 2.0, "reader_prompt": 1.0, "lead": 1.0}
LEAD_CHARS = 300  # of the first paragraphs
# jieba's dictionary total: log(TOTAL / frequency) is a word's inverse frequency.
DICTIONARY_TOTAL = 60_101_967
# Words this common (工作, 发展, 企业, 全国…) say nothing about one story.
MAX_FREQUENCY = 20_000
# Function words never count: conjunctions, adverbs, interjections, locality
# words, numerals, onomatopoeia, prepositions, pronouns, measure words,
# particles, punctuation, modal words, descriptive words. (jieba's tags for
# content words are too unreliable to keep only nouns: 焊工 comes out a verb.)
DROPPED_TAGS = ("c", "d", "e", "f", "m", "o", "p", "q", "r", "u", "x", "y", "z")
STOP_WORDS = frozenset(
    "本报 记者 通讯员 今年 去年 近日 日前 目前 当天 同时 期间 方面 情况 问题 "
    "工作 有关 相关 部门 人员 单位 地方 时间 时候 方式 过程 "
    "the and for with from that this have has are was were will been into about".split()
)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]{2,}")
ENGLISH_IDF = 10.0  # no dictionary frequency for English words: a middling weight


def _idf(word: str) -> float | None:
    if not is_cjk_word(word):
        return ENGLISH_IDF if LATIN_WORD.fullmatch(word) else None
    frequency = _word_frequency(word)
    if frequency > MAX_FREQUENCY:
        return None
    return math.log(DICTIONARY_TOTAL / max(frequency, 1))


def key_words(parts: list[tuple[str, float]], count: int = KEY_WORD_COUNT) -> list[str]:
    """The `count` best key words of (text, weight) parts, best first."""
    scores: dict[str, float] = {}
    for text, weight in parts:
        if not text:
            continue
        for word, tag in _tag(text):
            word = word.strip()
            if len(word) < 2 or tag.startswith(DROPPED_TAGS) and tag != "eng":
                continue
            if not is_cjk_word(word):
                word = word.lower()
            if word in STOP_WORDS:
                continue
            scores[word] = scores.get(word, 0.0) + weight
    ranked = []
    for word, tf in scores.items():
        idf = _idf(word)
        if idf is not None:
            ranked.append((tf * idf, word))
    ranked.sort(key=lambda pair: (-pair[0], pair[1]))
    return [word for _score, word in ranked[:count]]


def article_key_words(article, count: int = KEY_WORD_COUNT) -> list[str]:
    """An article's key words from its headline lines, reader prompt and lead."""
    lead, length = [], 0
    for paragraph in article.body_paragraphs():
        if length >= LEAD_CHARS:
            break
        lead.append(paragraph[: LEAD_CHARS - length])
        length += len(lead[-1])
    parts = [
        (article.title, WEIGHTS["title"]),
        (article.kicker, WEIGHTS["kicker"]),
        (article.subheadline, WEIGHTS["subheadline"]),
        (article.reader_prompt, WEIGHTS["reader_prompt"]),
        ("\n".join(lead), WEIGHTS["lead"]),
    ]
    return key_words(parts, count)
