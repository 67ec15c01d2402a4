"""The corpus scorer counts what it should, on a tiny corpus with a known parse."""

import json
from pathlib import Path

import pytest

from tools import score_parse
from tools.parse_gold import load_corpus
from tools.textnorm import canon

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

RAW = """榆川日报　2020年01月02日　第03版
小镇来了新书屋
本报记者 何一川
1月1日，榆川镇职工书屋开放，藏书三千册。
书屋每天开放到晚上九点。
镇里办起技能夜校
本报讯（记者 罗小满）镇总工会日前开办技能夜校，首期学员四十人。
版权所有 榆川日报社
"""


def _article(id_, start, end, **fields):
    article = {
        "id": id_, "kind": "article", "column": None, "kicker": None, "headline": None,
        "subheadline": None, "title_lines": [], "roles_certain": True, "names": [],
        "reader_prompt": None, "dateline": None, "sections": [], "photo_credit_names": [],
        "body_start": start, "body_end": end, "contains": [], "continued_from_page": None,
        "note": "",
    }
    article.update(fields)
    return article


@pytest.fixture
def tiny_corpus(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "raw" / "t1.txt").write_text(RAW, encoding="utf-8")
    gold = {"source": "t1.txt", "flavour": "plain", "articles": [
        _article("t1-1", "1月1日，榆川镇职工书屋开放", "书屋每天开放到晚上九点。",
                 headline="小镇来了新书屋", title_lines=["小镇来了新书屋"], names=["何一川"],
                 contains=["藏书三千册。"]),
        _article("t1-2", "镇总工会日前开办技能夜校", "首期学员四十人。",
                 headline="镇里办起技能夜校", title_lines=["镇里办起技能夜校"], names=["罗小满"]),
    ]}
    (tmp_path / "gold" / "t1.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    manifest = {
        "conventions": {"file-tag": "every article", "second": "only t1-2"},
        "files": {"t1.txt": {"conventions": ["file-tag"], "articles": {"t1-2": ["second"]},
                             "edition": {"date": "2020-01-02", "page": 3, "paper": "榆川日报"},
                             "chrome": ["版权所有榆川日报社"]}},
    }
    (tmp_path / "conventions.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return load_corpus(tmp_path)


def _parsed(*articles, edition=None):
    return {"files": [{"source": "some/folder/t1.txt", "edition": edition,
                       "articles": list(articles)}]}


def _p(headline, authors, *paragraphs, kind="article"):
    return {"kind": kind, "column": None, "kicker": None, "headline": headline,
            "subheadline": None, "authors": [{"name": a, "role": "reporter"} for a in authors],
            "reader_prompt": None, "dateline": None,
            "body": [{"type": "paragraph", "text": t} for t in paragraphs]}


def _counts(scores, table):
    return {name: (sum(oks), len(oks)) for name, oks in table(scores).items()}


def test_a_parse_with_known_mistakes_scores_as_counted(tiny_corpus):
    parsed = _parsed(
        _p("小镇来了新书屋", ["何一川"], "1月1日，榆川镇职工书屋开放，藏书三千册。",
           "书屋每天开放到晚上九点。"),
        # the second article: wrong headline, a missing reporter, the copyright line glued on
        _p("技能夜校", [], "镇总工会日前开办技能夜校，首期学员四十人。版权所有 榆川日报社"),
        _p("榆川日报", [], "2020年01月02日 第03版"),  # chrome parsed as an article
        _p(None, [], "一段无法归属的文字", kind="fragment"),  # a flagged fragment is fine
        edition={"date": "2020-01-02", "page": 4, "page_name": None, "paper": "《榆川日报》"},
    )
    scores = score_parse.score(parsed, tiny_corpus)
    checks = _counts(scores, score_parse.Scores.by_check)
    assert checks["found"] == (2, 2)
    assert checks["titles"] == (1, 2)
    assert checks["title_roles"] == (1, 2)
    assert checks["names"] == (1, 2)
    assert checks["body_start"] == (2, 2)
    assert checks["body_end"] == (1, 2)
    assert checks["contains"] == (1, 1)
    assert checks["no_extra"] == (2, 3)
    assert checks["edition"] == (2, 3)  # date and paper (《》 ignored) right, page wrong
    assert checks["chrome"] == (0, 1)
    conventions = _counts(scores, score_parse.Scores.by_convention)
    # t1-2 has 13 checks and fails 4 (titles, title_roles, names, body_end)
    assert conventions["second"] == (9, 13)
    articles = _counts(scores, score_parse.Scores.articles_right)
    assert articles == {"file-tag": (1, 2), "second": (0, 1)}
    assert scores.files_scored == 1


def test_an_article_not_found_fails_every_check_it_has(tiny_corpus):
    parsed = _parsed(_p("小镇来了新书屋", ["何一川"], "1月1日，榆川镇职工书屋开放，藏书三千册。",
                        "书屋每天开放到晚上九点。"))
    scores = score_parse.score(parsed, tiny_corpus)
    second = _counts(scores, score_parse.Scores.by_convention)["second"]
    assert second == (0, 13)
    assert any("t1-2" in f and f.startswith("found") for f, _ in scores.failures)


def test_the_command_prints_tables_and_scores(tiny_corpus, tmp_path, capsys):
    perfect = _parsed(
        _p("小镇来了新书屋", ["何一川"], "1月1日，榆川镇职工书屋开放，藏书三千册。",
           "书屋每天开放到晚上九点。"),
        _p("镇里办起技能夜校", ["罗小满"], "镇总工会日前开办技能夜校，首期学员四十人。"),
        edition={"date": "2020-01-02", "page": 3, "page_name": None, "paper": "榆川日报"},
    )
    path = tmp_path / "parsed.json"
    path.write_text(json.dumps(perfect, ensure_ascii=False), encoding="utf-8")
    assert score_parse.main([str(path), "--corpus", str(tiny_corpus.root)]) == 0
    out = capsys.readouterr().out
    assert "per convention (" in out
    assert "parse score: 1.000" in out
    assert "corpus score: 1.000" in out
    assert "articles with every check passed: 2/2" in out


def test_a_parse_made_from_the_gold_scores_one_on_the_real_corpus():
    """The gold's bodies, titles and names, read back as a parse: every check passes."""
    corpus = load_corpus(CORPUS)
    scores = score_parse.score(_parse_from_gold(corpus), corpus)
    assert [message for message, _ in scores.failures] == []
    assert scores.files_scored == len(corpus.files)


def _parse_from_gold(corpus):
    files = []
    for gold_file in corpus.files.values():
        raw, position, articles = gold_file.raw, 0, []
        for g in gold_file.articles:
            start = raw.find(canon(g["body_start"]), position)
            end = raw.find(canon(g["body_end"]), start) + len(canon(g["body_end"]))
            position = end
            if g["roles_certain"]:
                kicker, headline, sub = g["kicker"], g["headline"], g["subheadline"]
            else:
                kicker, headline, sub = None, "".join(g["title_lines"]) or None, None
            body = [{"type": "heading", "text": s} for s in g["sections"]]
            body.append({"type": "photo", "caption": raw[start:end],
                         "photographers": g["photo_credit_names"]} if g["photo_credit_names"]
                        else {"type": "paragraph", "text": raw[start:end]})
            articles.append({
                "kind": g["kind"], "column": g["column"], "kicker": kicker, "headline": headline,
                "subheadline": sub, "reader_prompt": g["reader_prompt"],
                "dateline": g["dateline"], "continued_from_page": g["continued_from_page"],
                "authors": [{"name": n, "role": "reporter"} for n in g["names"]
                            if n not in g["photo_credit_names"]],
                "body": body,
            })
        files.append({"source": gold_file.source, "edition": gold_file.edition,
                      "articles": articles})
    return {"files": files}


def test_failures_can_be_listed_for_one_convention(tiny_corpus):
    parsed = _parsed(_p("小镇来了新书屋", [], "1月1日，榆川镇职工书屋开放，藏书三千册。",
                        "书屋每天开放到晚上九点。"))
    scores = score_parse.score(parsed, tiny_corpus)
    only_second = score_parse.report(scores, tiny_corpus, verbose=True, convention="second")
    failed = [line for line in only_second.splitlines() if line.startswith("FAIL")]
    assert failed and all("t1-2" in line for line in failed)
    every = score_parse.report(scores, tiny_corpus, verbose=True)
    assert "FAIL names: t1.txt t1-1" in every


def test_bad_input_is_an_error_naming_the_file(tmp_path, capsys):
    broken = tmp_path / "parsed.json"
    broken.write_text("Traceback (most recent call last):", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        score_parse.main([str(broken)])
    assert exit_.value.code == 2
    assert "parsed.json: cannot read the dry-run JSON" in capsys.readouterr().err

    broken.write_text('{"files": []}', encoding="utf-8")
    with pytest.raises(SystemExit):
        score_parse.main([str(broken), "--corpus", str(tmp_path / "nowhere")])
    assert "conventions.json" in capsys.readouterr().err
