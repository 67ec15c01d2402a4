"""Identity by content (pure): fingerprints, similarity and the matcher."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.decisions import Action, LedgerEntry, decide
from importers.identity import (
    Candidate,
    Match,
    MatchKind,
    content_sha256,
    identify,
    identify_parsed,
    match_articles,
    normalise,
    similarity,
)
from importers.parsing import Block, ParsedArticle

# Common Chinese characters, so texts look like the newspaper's and bigrams
# between unrelated random texts are rare but possible.
ALPHABET = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
)


def body(seed: int, length: int = 120) -> str:
    return "".join(random.Random(seed).choices(ALPHABET, k=length))


def correct(text: str, seed: int, changes: int = 3) -> str:
    """A small correction: a few characters replaced."""
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(changes):
        chars[rng.randrange(len(chars))] = rng.choice(ALPHABET)
    return "".join(chars)


def candidates_for(articles):
    return [Candidate(f"row{i}", a.fingerprint, a.signature) for i, a in enumerate(articles)]


# -- fingerprint -------------------------------------------------------------


def test_rewrapping_width_punctuation_and_case_keep_the_fingerprint():
    a = identify("职工小家“下乡”", ["第一段，讲了ABC 123。", "第二段。"])
    b = identify('职工小家"下乡"', ["第一段\n讲了ａｂｃ　１２３", "", "第二段"])
    assert a == b
    assert normalise("Ａ，ｂ　1。\n") == "ab1"


def test_any_change_of_words_changes_the_fingerprint():
    a = identify("标题", ["正文一。"])
    assert identify("标题", ["正文二。"]).fingerprint != a.fingerprint
    assert identify("新标题", ["正文一。"]).fingerprint != a.fingerprint
    # Headline and body are kept apart: moving a word across them is a change.
    assert identify("标", ["题正文一。"]).fingerprint != a.fingerprint


def test_similarity_is_high_for_corrections_and_low_for_other_articles():
    original = body(1)
    assert similarity(original, original) == 1.0
    assert similarity(original, correct(original, 2)) > 0.9
    assert similarity(original, body(3)) < 0.3
    retitled = identify("全新的标题", [original]).signature
    assert similarity(identify("旧标题", [original]).signature, retitled) > 0.85


# -- matcher -----------------------------------------------------------------


def test_exact_matches_ignore_order():
    old = [identify(f"标题{i}", [body(i)]) for i in range(4)]
    rows = candidates_for(old)
    new = [old[2], old[0], old[3], old[1]]
    assert [m.candidate for m in match_articles(new, rows)] == ["row2", "row0", "row3", "row1"]
    assert all(m.kind == MatchKind.EXACT for m in match_articles(new, rows))


def test_an_article_inserted_at_the_top_is_new_and_shifts_nothing():
    old = [identify(f"标题{i}", [body(i)]) for i in range(3)]
    new = [identify("新稿件", [body(99)]), *old]
    matches = match_articles(new, candidates_for(old))
    assert matches[0] == Match(MatchKind.NEW)
    assert [m.candidate for m in matches[1:]] == ["row0", "row1", "row2"]


def test_corrected_and_retitled_articles_match_fuzzily():
    old = [identify(f"标题{i}", [body(i)]) for i in range(3)]
    new = [
        identify("标题0", [correct(body(0), 7)]),
        identify("改过的标题", [body(1)]),
        old[2],
    ]
    matches = match_articles(new, candidates_for(old))
    assert [(m.kind, m.candidate) for m in matches] == [
        (MatchKind.FUZZY, "row0"),
        (MatchKind.FUZZY, "row1"),
        (MatchKind.EXACT, "row2"),
    ]
    assert 0.6 <= matches[0].score < 1


def test_two_near_identical_candidates_are_ambiguous_not_guessed():
    text = body(5)
    old = [identify("通知", [text]), identify("通知", [correct(text, 1, changes=2)])]
    new = [identify("通知", [correct(text, 2, changes=2)])]
    (match,) = match_articles(new, candidates_for(old))
    assert match.kind == MatchKind.AMBIGUOUS
    assert set(match.rivals) == {"row0", "row1"}


def test_one_candidate_wanted_by_two_articles_goes_to_neither():
    text = body(6)
    old = [identify("公告", [text])]
    new = [identify("公告", [correct(text, 1, 2)]), identify("公告", [correct(text, 2, 2)])]
    assert [m.kind for m in match_articles(new, candidates_for(old))] == [
        MatchKind.AMBIGUOUS,
        MatchKind.AMBIGUOUS,
    ]


def test_a_clear_pair_settles_its_neighbour():
    # Article b is close to both rows, but row1 is clearly a's (a's text is
    # row1's exactly up to one character) and, once it is taken, row0 is
    # clearly b's.
    base = body(8, 200)
    row0 = identify("甲", [base])
    row1 = identify("甲", [base[:100] + body(9, 100)])
    a = identify("甲", [correct(base[:100] + body(9, 100), 3, 1)])
    b = identify("甲", [correct(base, 4, 1)])
    matches = match_articles([a, b], candidates_for([row0, row1]))
    assert [m.candidate for m in matches] == ["row1", "row0"]


def test_repeated_text_in_one_file_is_one_article():
    one = identify("同一篇", [body(1)])
    matches = match_articles([one, identify("别的", [body(2)]), one], [])
    assert matches[0].kind == MatchKind.NEW
    assert matches[2] == Match(MatchKind.DUPLICATE, same_as=0)


def test_empty_articles_never_match_fuzzily():
    empty = identify("", [])
    assert match_articles([empty], [Candidate("r", "x" * 64, "\n")])[0].kind == MatchKind.NEW


# -- the property: edits never move text between articles ----------------------

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "swap", "retitle", "correct"]),
        st.integers(0, 50),
        st.integers(0, 10_000),
    ),
    max_size=8,
)


def edited_page(seeds, edits):
    """(lineage, headline, body) per article after the edits; lineage None = new."""
    page = [(i, f"标题{s}", body(s)) for i, s in enumerate(seeds)]
    for op, where, seed in edits:
        if op == "insert":
            page.insert(where % (len(page) + 1), (None, f"新稿{seed}", body(10_000 + seed)))
            continue
        if not page:
            continue
        k = where % len(page)
        lineage, headline, text = page[k]
        if op == "delete":
            del page[k]
        elif op == "swap":
            j = seed % len(page)
            page[k], page[j] = page[j], page[k]
        elif op == "retitle":
            page[k] = (lineage, f"改题{seed}", text)
        else:
            page[k] = (lineage, headline, correct(text, seed))
    return page


@settings(max_examples=300, deadline=None)
@given(seeds=st.lists(st.integers(0, 9_999), min_size=1, max_size=10, unique=True), edits=EDITS)
def test_matching_never_assigns_an_article_to_another_articles_entry(seeds, edits):
    old = [identify(f"标题{s}", [body(s)]) for s in seeds]
    page = edited_page(seeds, edits)
    matches = match_articles([identify(h, [t]) for _, h, t in page], candidates_for(old))
    used = [m.candidate for m in matches if m.candidate is not None]
    assert len(used) == len(set(used))
    for (lineage, _, _), match in zip(page, matches, strict=True):
        if lineage is None:
            # Inserted articles (bodies seeded apart from the old ones) are new.
            assert match.candidate is None
        else:
            # Surviving articles, however moved, retitled or corrected, find
            # their own entry and no other.
            assert match.candidate == f"row{lineage}", match


# -- decisions ---------------------------------------------------------------


def parsed(headline: str, text: str, byline: str = "") -> ParsedArticle:
    paragraph = Block("paragraph", text)
    return ParsedArticle(position=0, headline=headline, byline=byline, body=[paragraph])


def entry_for(article: ParsedArticle, key="row", **state) -> LedgerEntry:
    identity = identify_parsed(article)
    defaults = {
        "content_sha256": content_sha256(article),
        "source_path": "/in/a.txt",
        "page_id": 7,
    }
    return LedgerEntry(key, identity.fingerprint, identity.signature, **{**defaults, **state})


def test_decisions_follow_the_editor_and_the_content():
    article = parsed("标题", body(1))
    corrected = parsed("标题", correct(body(1), 3))
    [same] = decide([article], [entry_for(article)], path="/in/a.txt")
    assert (same.action, same.records_entry) == (Action.UNCHANGED, True)
    byline = parsed("标题", body(1), byline="新署名")  # same identity, new content
    assert decide([byline], [entry_for(article)], path="/in/a.txt")[0].action == Action.UPDATE
    assert decide([corrected], [entry_for(article)], path="/in/a.txt")[0].action == Action.UPDATE
    for reason in ("edited", "unpublished", "moved"):
        [skip] = decide([corrected], [entry_for(article, editor_decision=reason)], path="/x")
        assert (skip.action, skip.reason) == (Action.SKIP, reason)
    [gone] = decide([corrected], [entry_for(article, page_id=None)], path="/in/a.txt")
    assert (gone.action, gone.reason) == (Action.SKIP, "deleted")


def test_the_same_text_from_another_file_is_reported_and_keeps_its_entry():
    article = parsed("标题", body(1))
    [copy] = decide([article], [entry_for(article)], path="/in/copy of a.txt")
    assert copy.action == Action.UNCHANGED and copy.elsewhere and not copy.records_entry
    [new, dup] = decide([parsed("另一篇", body(2)), parsed("另一篇", body(2))], [], path="/p")
    assert (new.action, dup.action, dup.match.same_as) == (Action.CREATE, Action.DUPLICATE, 0)
