"""An import yields the CPU to the site's readers: it is batch work, they are waiting."""

from __future__ import annotations

import os

from django.conf import settings
from django.utils.translation import gettext as _

NICEST = 19


class BadNiceness(ValueError):
    pass


def lower_priority(niceness: int | None = None) -> int:
    """Lower this process's CPU priority to `niceness` (default: setting IMPORT_NICE).

    Never raises it (that needs privileges), so a process already started
    with `nice` keeps its lower priority. Returns the niceness in force.
    """
    wanted = settings.IMPORT_NICE if niceness is None else niceness
    if not 0 <= wanted <= NICEST:
        raise BadNiceness(
            _("优先级 %(value)s 不在 0–19 之间：请改正 --nice 或设置 IMPORT_NICE")
            % {"value": wanted}
        )
    current = os.getpriority(os.PRIO_PROCESS, 0)
    if wanted > current:
        os.setpriority(os.PRIO_PROCESS, 0, wanted)
        return wanted
    return current
