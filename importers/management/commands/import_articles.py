"""import_articles: turn raw page files into draft ArticlePages (see importers.loading)."""

from __future__ import annotations

import datetime
import getpass
import json
import time
from collections.abc import Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, OperationalError, connection
from django.utils.translation import gettext as _

from importers.failures import describe_failure, describe_unreachable
from importers.filenames import edition_from_filename
from importers.loading import FileResult, FileStatus, Importer, ImportOptions, sha256_of
from importers.parallel import default_workers, import_in_workers, supports_workers, worker_setup
from importers.parsing import ParsedFile, ParseHints, parse_bytes
from importers.placement import UnknownSection, section_slugs
from importers.priority import BadNiceness, lower_priority
from importers.report import summary_json, summary_text
from importers.site_ready import SiteNotReady
from importers.sources import Source, collect_sources
from importers.writers import WRITERS


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(_("日期格式应为 YYYY-MM-DD：%(value)s") % {"value": value}) from exc


class Command(BaseCommand):
    help = _("导入报纸版面文本：每篇稿件成为一个待审草稿页面（可重复运行）")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help=_("文件或文件夹"))
        parser.add_argument("--dry-run", action="store_true", help=_("只解析并输出，不写数据库"))
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--edition-date", type=_date, help=_("出版日期 YYYY-MM-DD"))
        parser.add_argument("--page", type=int, help=_("版次"))
        parser.add_argument("--page-name", help=_("版名，如“工会新闻”"))
        parser.add_argument("--section", help=_("栏目网址名（slug）"))
        parser.add_argument("--publish", action="store_true", help=_("导入后直接发布"))
        parser.add_argument("--user", help=_("记在导入记录上的用户名"))
        parser.add_argument(
            "--writer",
            choices=sorted(WRITERS),
            help=_("写入页面的方式（默认见设置 IMPORTER_WRITER）"),
        )
        parser.add_argument(
            "--max-file-bytes",
            type=int,
            metavar="BYTES",
            help=_("单个文件的大小上限（字节，0 为不限；默认见设置 IMPORT_MAX_FILE_BYTES）"),
        )
        parser.add_argument(
            "--nice",
            type=int,
            metavar="N",
            help=_("导入进程的 CPU 优先级（0–19，越大越让读者优先；默认见设置 IMPORT_NICE）"),
        )
        parser.add_argument(
            "--workers",
            type=int,
            metavar="N",
            help=_("同时导入的进程数（仅 PostgreSQL；默认为 CPU 核数）"),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sources = collect_sources(options["paths"])
        if options["dry_run"]:
            self._dry_run(sources, options)
            return
        try:
            lower_priority(options["nice"])
        except BadNiceness as exc:
            raise CommandError(str(exc)) from exc
        try:
            connection.ensure_connection()
        except OperationalError as exc:
            raise CommandError(describe_unreachable(exc, _database_label())) from exc

        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("没有这个用户：%(user)s") % {"user": options["user"]})
        import_options = ImportOptions(
            edition_date=options["edition_date"],
            page=options["page"],
            page_name=options["page_name"] or "",
            section=options["section"],
            publish=options["publish"],
            user=user,
            operator=_os_user(),
            max_file_bytes=options["max_file_bytes"],
        )
        try:
            importer = Importer(import_options, writer=options["writer"])
        except UnknownSection as exc:
            raise CommandError(
                _("没有网址名为 “%(slug)s” 的栏目。可用的栏目网址名：%(known)s")
                % {"slug": exc.slug, "known": "、".join(section_slugs()) or "—"}
            ) from exc
        except SiteNotReady as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:
            raise CommandError(_not_migrated_or(exc)) from exc
        if importer.site_created:
            # stderr: --format json keeps stdout a JSON document.
            self.stderr.write(
                _("数据库里还没有网站页面树，已自动创建（与 setup_site 相同）：%(items)s")
                % {"items": "、".join(importer.site_created)}
            )

        as_json = options["format"] == "json"
        workers = self._workers(options["workers"], sources)
        try:
            importer.begin([s.display for s in sources])
        except DatabaseError as exc:
            raise CommandError(describe_failure(exc)) from exc
        started = time.perf_counter()
        bar = self._progress_bar(len(sources), as_json)
        interrupted = False
        try:
            for result in self._results(importer, sources, workers, options):
                if bar is not None:
                    bar.update(1)
                    if result.failed:
                        bar.write(f"✗ {result.source}: {result.error}")
        except KeyboardInterrupt:
            # The file being imported was rolled back by its atomic block.
            interrupted = True
        except DatabaseError as exc:
            # The database cannot even record the run (disk full, read-only):
            # files already committed stay, the current one was rolled back.
            raise CommandError(
                _("导入停止：%(reason)s。已完成的文件不受影响，修复后重新运行即可。")
                % {"reason": describe_failure(exc)}
            ) from exc
        finally:
            if bar is not None:
                bar.close()
        # Workers finish in any order: the report lists files as given.
        order = {source.display: i for i, source in enumerate(sources)}
        importer.result.files.sort(key=lambda f: order.get(f.source, len(order)))
        result = importer.finish(interrupted=interrupted)
        result.seconds = time.perf_counter() - started

        if as_json:
            self.stdout.write(summary_json(result))
        else:
            self.stdout.write(summary_text(result, verbosity=options["verbosity"]))
        if interrupted:
            raise CommandError(_("已中断"), returncode=130)
        if result.failed:
            raise CommandError(
                _("%(n)d 个文件导入失败") % {"n": len(result.failed)}, returncode=1
            )

    def _workers(self, asked: int | None, sources: list[Source]) -> int:
        """How many processes import: one on SQLite (it allows one writer)."""
        if asked is not None and asked < 1:
            raise CommandError(_("--workers 至少为 1（现在是 %(n)d）") % {"n": asked})
        if not supports_workers():
            if asked and asked > 1:
                self.stderr.write(
                    _(
                        "SQLite 数据库一次只允许一个写入者：本次导入在一个进程中进行"
                        "（--workers 仅用于 PostgreSQL）。"
                    )
                )
            return 1
        importable = sum(1 for source in sources if not source.problem)
        return max(1, min(asked or default_workers(), importable))

    def _results(
        self, importer: Importer, sources: list[Source], workers: int, options: dict[str, Any]
    ) -> Iterator[FileResult]:
        """Each file's result as it is imported, in one process or in `workers`."""
        jobs = []
        for source in sources:
            if source.problem:
                result = FileResult(
                    source=source.display,
                    name=source.path.name,
                    status=FileStatus.FAILED,
                    error=source.problem,
                )
                importer.result.files.append(result)
                yield result
            elif workers == 1:
                yield importer.import_file(source.path, source.display)
            else:
                jobs.append((str(source.path), source.display))
        if not jobs:
            return
        setup = worker_setup(importer.options, options["writer"], importer.result.run_id)
        for result in import_in_workers(jobs, setup, workers, importer.bumps):
            importer.add_result(result)
            yield result

    def _progress_bar(self, total: int, as_json: bool) -> Any:
        stream = getattr(self.stdout, "_out", None)
        if as_json or stream is None or not getattr(stream, "isatty", lambda: False)():
            return None
        from tqdm import tqdm

        return tqdm(total=total, unit=_("文件"), file=stream, dynamic_ncols=True)

    def _dry_run(self, sources: list[Source], options: dict[str, Any]) -> None:
        files = []
        for source in sources:
            if source.problem:
                files.append(ParsedFile(source=source.display, sha256="", error=source.problem))
                continue
            try:
                data = source.path.read_bytes()
            except OSError as exc:
                files.append(
                    ParsedFile(source=source.display, sha256="", error=exc.strerror or str(exc))
                )
                continue
            hint = edition_from_filename(source.path.name)
            hints = ParseHints(
                edition_date=options["edition_date"] or hint.edition_date,
                page=options["page"] or hint.page,
            )
            try:
                parsed = parse_bytes(data, source=source.display, hints=hints)
            except Exception as exc:  # noqa: BLE001 - report, go on with the next file
                parsed = ParsedFile(
                    source=source.display, sha256=sha256_of(data), error=f"{exc!r}"
                )
            del data  # not kept beside the parsed files while the rest are read
            parsed.source = source.display
            files.append(parsed)

        if options["format"] == "json":
            self._write_json({"files": [f.to_dict() for f in files]})
        else:
            self._print_dry_run(files)
        failed = sum(1 for f in files if f.error)
        if failed:
            # Scripts check the exit code: a dry run that could not read a file failed.
            raise CommandError(_("%(n)d 个文件无法解析") % {"n": failed}, returncode=1)

    def _write_json(self, payload: dict[str, Any]) -> None:
        """The text of json.dumps(payload, ensure_ascii=False, indent=2), written as
        it is encoded: the whole document as one string (and its list of pieces)
        took several times a large file's size."""
        pieces: list[str] = []
        size = 0
        for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(payload):
            pieces.append(piece)
            size += len(piece)
            if size >= _JSON_FLUSH_CHARS:
                self.stdout.write("".join(pieces), ending="")
                pieces, size = [], 0
        self.stdout.write("".join(pieces))  # the final newline, as write() adds one

    def _print_dry_run(self, files: list[Any]) -> None:
        for parsed in files:
            if parsed.error:
                self.stdout.write(f"{parsed.source}: {_('错误')} {parsed.error}")
                continue
            self.stdout.write(
                f"{parsed.source}: {len(parsed.articles)} {_('篇')} "
                f"({parsed.flavour}, {parsed.encoding})"
            )
            for article in parsed.articles:
                flag = f" ⚠{len(article.warnings)}" if article.warnings else ""
                self.stdout.write(
                    f"  #{article.position} [{article.kind}] {article.headline or '—'}{flag}"
                )


# How much JSON text is gathered before it is written out.
_JSON_FLUSH_CHARS = 1 << 16


def _not_migrated_or(exc: DatabaseError) -> str:
    """An unmigrated database names the command that fixes it; other errors say what failed."""
    text = str(exc).lower()
    if "no such table" in text or ("relation" in text and "does not exist" in text):
        return _("数据库还没有建表：请先运行 python manage.py migrate，然后重新导入。")
    return describe_failure(exc)


def _database_label() -> str:
    """Host and name of the default database, never its password."""
    conf = connection.settings_dict
    if conf.get("HOST"):
        return f"{conf['HOST']}:{conf.get('PORT') or ''}/{conf.get('NAME')}"
    return str(conf.get("NAME"))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return ""
