"""Keeping an import's memory that of one file, however many files it reads.

A file's pages, revisions and author links refer to each other in cycles
(page → revision → page, page → links → page), which only Python's cycle
collector frees, and it runs its full pass rarely: left alone, each file's
objects linger and memory grows with the number of files. A full pass over
a Django process costs ~90 ms, more than a small file's import, so the
objects that exist when the run starts (code, settings, caches) are frozen
out of the collector; the pass after each file then looks only at what the
run itself made, and takes well under a millisecond.
"""

from __future__ import annotations

import gc


def start_run() -> None:
    """Exclude everything that exists now from the collector's passes."""
    gc.collect()
    gc.freeze()


def release_file() -> None:
    """Free what the file just imported left in reference cycles."""
    gc.collect()


def end_run() -> None:
    gc.unfreeze()
