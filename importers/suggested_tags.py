"""Tags suggested from an imported article's text, so tag pages exist at once.

The article's key words (articles.keywords: jieba segmentation, stop words
and function words out, weighted by headline and rarity), the best few kept.
Editors change them like any tag; a re-import never touches them again.
"""

from __future__ import annotations

from collections.abc import Iterable

from taggit.models import Tag

from articles.keywords import article_key_words

SUGGESTED_TAG_COUNT = 3
# Good enough to relate two stories, too vague to name a tag page: reporting
# words, the importer's own stand-in headline, newsroom verbs of every story.
TAG_STOP_WORDS = frozenset(
    "据悉 据了解 无标题 稿件 打造 助力 做优 开展 举办 启动 推进 推动 加强 提升 "
    "组织 活动 积极 有效 全面 进一步".split()
)
_NAME_MAX = Tag._meta.get_field("name").max_length


def suggested_tag_names(article) -> list[str]:
    """The best few key words of an article's headline lines and lead."""
    words = article_key_words(article, SUGGESTED_TAG_COUNT * 2)
    kept = [w for w in words if w not in TAG_STOP_WORDS and len(w) <= _NAME_MAX]
    return kept[:SUGGESTED_TAG_COUNT]


class TagDirectory:
    """Finds or creates Tags by name for one file's articles.

    Lives for one file's transaction only, like importers.authors.AuthorDirectory.
    """

    def __init__(self) -> None:
        self._by_name: dict[str, Tag] = {}

    def tags(self, names: Iterable[str]) -> list[Tag]:
        names = list(dict.fromkeys(names))
        wanted = [n for n in names if n not in self._by_name]
        if wanted:
            self._load(wanted)
            missing = [n for n in wanted if n not in self._by_name]
            if missing:
                # One INSERT for the new names; a name another import adds
                # at the same moment is skipped here and read back below.
                Tag.objects.bulk_create(
                    [Tag(name=n, slug=Tag().slugify(n)) for n in missing],
                    ignore_conflicts=True,
                )
                self._load(missing)
            for name in wanted:
                if name not in self._by_name:
                    # Its slug belongs to another tag: Tag.save() finds a free one.
                    self._by_name[name] = Tag.objects.get_or_create(name=name)[0]
        return [self._by_name[n] for n in names]

    def _load(self, names: list[str]) -> None:
        for tag in Tag.objects.filter(name__in=names):
            self._by_name[tag.name] = tag
