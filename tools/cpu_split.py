"""Who used the CPU during a benchmark window: readers' server, database, importer, load generator.

Linux only (/proc). Sampled twice a second: a process is credited with the
CPU time it used inside the window (one that started inside it from zero).
PostgreSQL backends are told apart by database and application name (the
importer runs with PGAPPNAME set), so the import's queries count as the
import's, not the readers'. "other" is whatever else the machine ran
(other users of a shared machine).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK")
IMPORT_APP_NAME = "newsroom-bench-import"


def _stat(pid: int) -> tuple[int, int, float] | None:
    """(parent pid, start tick, CPU seconds used) of a process, or None if it is gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    # After the name: state ppid … utime(11) stime(12) … starttime(19), counted from field 3.
    return int(fields[1]), int(fields[19]), (int(fields[11]) + int(fields[12])) / TICKS


def _cmdline(pid: int) -> str:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(
            errors="replace"
        )
    except OSError:
        return ""


def _machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    values = [int(v) for v in (PROC / "stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    return (total - idle) / TICKS, total / TICKS


def _boot_ticks_now() -> float:
    return float((PROC / "uptime").read_text().split()[0]) * TICKS


class CpuSplit:
    """Sample CPU use by group while a window is open; `split()` gives seconds per group."""

    def __init__(
        self,
        *,
        roots: dict[str, Callable[[], int | None]],
        database: str,
        import_backends: Callable[[], set[int]] = set,
    ) -> None:
        self.roots = roots  # group name -> pid of the process heading it (and its children)
        self.database = database
        self.import_backends = import_backends
        self.used: dict[int, tuple[str, float]] = {}
        self.baseline: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> CpuSplit:
        self._start_tick = _boot_ticks_now()
        self._start_machine = _machine_busy()
        self._sample(first=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self._end_machine = _machine_busy()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self._sample()

    def _groups(self) -> dict[int, str]:
        pids = [int(p.name) for p in PROC.iterdir() if p.name.isdigit()]
        parents: dict[int, int] = {}
        for pid in pids:
            stat = _stat(pid)
            if stat is not None:
                parents[pid] = stat[0]
        heads = {pid: name for name, get in self.roots.items() if (pid := get()) is not None}
        importing = self.import_backends()
        groups: dict[int, str] = {}
        for pid in parents:
            seen, walk = 0, pid
            while walk in parents and walk not in heads and seen < 32:
                walk, seen = parents[walk], seen + 1
            if walk in heads:
                groups[pid] = heads[walk]
                continue
            command = _cmdline(pid)
            if command.startswith("postgres: ") and f" {self.database} " in command:
                groups[pid] = "postgres (import)" if pid in importing else "postgres (readers)"
            elif "redis-server" in command:
                groups[pid] = "redis"
        return groups

    def _sample(self, first: bool = False) -> None:
        for pid, group in self._groups().items():
            stat = _stat(pid)
            if stat is None:
                continue
            _ppid, started, used = stat
            if pid not in self.baseline:
                # Started inside the window: all of its time counts.
                self.baseline[pid] = used if first or started < self._start_tick else 0.0
            previous = self.used.get(pid)
            # A backend can serve the import, then readers: keep its first label for the import.
            label = previous[0] if previous and previous[0] == "postgres (import)" else group
            self.used[pid] = (label, used)

    def split(self) -> dict[str, float]:
        """CPU seconds per group in the window, with the machine's total and "other"."""
        totals: dict[str, float] = {}
        for pid, (group, used) in self.used.items():
            totals[group] = totals.get(group, 0.0) + max(0.0, used - self.baseline[pid])
        busy = self._end_machine[0] - self._start_machine[0]
        wall = self._end_machine[1] - self._start_machine[1]
        totals["other"] = max(0.0, busy - sum(totals.values()))
        totals["idle"] = max(0.0, wall - busy)
        return totals


def report_split(split: dict[str, float], seconds: float, out) -> None:
    """One line: each group's CPU as cores used on average over the window."""
    parts = [f"{name} {value / seconds:.2f}" for name, value in split.items() if value > 0.005]
    out.write("CPU (cores on average): " + ", ".join(parts) + "\n")
