"""An import's peak memory is that of its largest file, not of the file count."""

import tracemalloc

import pytest

from .conftest import fake_parse_bytes, run_import

# Each file commits, as in production: inside one test transaction the
# on_commit callbacks of every file (cache bumps) would be kept to the end.
pytestmark = pytest.mark.django_db(transaction=True)


# Four articles a file: what grows with the file count shows as well as with
# ten, and tracing every allocation makes each article costly.
ARTICLES_PER_FILE = 4


def page_text(n: int) -> str:
    return "\n---\n".join(
        f"标题{n}之{i}\nby: 记者{i}/reporter\nkind: article\n" + "正文段落。" * 200
        for i in range(ARTICLES_PER_FILE)
    )


def peak_while_importing(paths) -> int:
    tracemalloc.start()
    try:
        result = run_import(*paths, parser=fake_parse_bytes, publish=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not result.failed
    return peak


def test_peak_memory_does_not_grow_with_the_number_of_files(site_tree, write):
    files = [write(f"{n:03}.txt", page_text(n)) for n in range(24)]
    run_import(files[0], parser=fake_parse_bytes)  # caches warmed, once per process
    few = peak_while_importing(files[1:4])
    many = peak_while_importing(files[4:24])
    # Seven times the files: the peak stays within noise of the smaller run.
    assert many < few * 1.5, (few, many)
