"""Import a folder, then die by SIGKILL in the middle of a chosen file.

    DATABASE_URL=sqlite:///… python -m tests.resilience.import_until_killed FOLDER N

The first N files are imported and committed; the process kills itself
while writing the first page of file N+1, inside that file's transaction,
as a crash or an OOM kill would: nothing gets to clean up.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def main(folder: str, committed: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()
    from importers.loading import Importer, ImportOptions
    from importers.writers import BulkWriter

    class DiesInFile(BulkWriter):
        files_begun = 0

        def begin_file(self, new_pages):
            type(self).files_begun += 1
            super().begin_file(new_pages)

        def create(self, *args, **kwargs):
            super().create(*args, **kwargs)
            if self.files_begun > committed:
                os.kill(os.getpid(), signal.SIGKILL)

    paths = sorted(Path(folder).glob("*.txt"))
    importer = Importer(ImportOptions(), writer=DiesInFile)
    importer.begin([str(p) for p in paths])
    for path in paths:
        result = importer.import_file(path)
        if result.failed:
            raise SystemExit(f"{path.name}: {result.error}")
    raise SystemExit("the import ended without being killed")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
