"""A large file costs the parser a small multiple of its size, and work in
proportion to it (no timing: memory is traced, work is counted in calls).

The file is the repository's sample pages one after another, as a long archive
export would be; `make bench-memory` prints the figures up to 50 MB."""

import cProfile
import pstats
import tracemalloc

import pytest

from importers.parsing import parse_bytes
from tools.bench_memory import build_file, sample_pages

SMALL = 200_000
LARGE = 800_000  # four times SMALL
# Traced peak of parse_bytes over the file's size (the result included); the
# parser needs ~5x, a second full copy of the lines or units would pass 7x.
MAX_PEAK_RATIO = 7
# Function calls per byte may vary a little with the pages the cut falls on;
# a step that grows with the file (every article per article) multiplies them.
MAX_CALLS_GROWTH = 1.25


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[int, bytes]:
    pages = sample_pages()
    out = {}
    for size in (SMALL, LARGE):
        path = tmp_path_factory.mktemp("large") / f"{size}.txt"
        build_file(path, size, pages)
        out[size] = path.read_bytes()
    return out


def test_parse_peak_memory_is_a_small_multiple_of_the_file(files):
    data = files[LARGE]
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        result = parse_bytes(data)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert result.error is None and len(result.articles) > 100
    assert peak < MAX_PEAK_RATIO * len(data), (peak, len(data))


def _calls_per_byte(data: bytes) -> float:
    profile = cProfile.Profile()
    profile.enable()
    result = parse_bytes(data)
    profile.disable()
    assert result.error is None
    return pstats.Stats(profile).total_calls / len(data)


def test_parse_work_grows_linearly_with_the_file(files):
    small, large = _calls_per_byte(files[SMALL]), _calls_per_byte(files[LARGE])
    assert large < MAX_CALLS_GROWTH * small, (small, large)
