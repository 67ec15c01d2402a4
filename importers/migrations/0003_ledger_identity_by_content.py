"""Ledger identity by content: fingerprint, signature and edition per row.

Existing rows get what their page still shows: the fingerprint and signature
of its title (unless provisional) and body, and the edition of its print page.
Rows whose page was deleted keep an empty fingerprint: the loader then only
recognises them when the very same file bytes come back (the old rule, which
is right for identical bytes). When two old rows hold the same text in one
edition (the same file imported under two names), the first keeps the
fingerprint and the others stay as legacy rows, so the new unique constraint
holds.
"""

from django.conf import settings
from django.db import migrations, models

from importers.identity import identify


def _texts(stream):
    for block in stream or []:
        value = block.get("value")
        if isinstance(value, dict):
            yield value.get("text") or value.get("caption") or ""
        elif isinstance(value, str):
            yield value


def fingerprint_existing_rows(apps, schema_editor):
    ImportedArticle = apps.get_model("importers", "ImportedArticle")
    ArticlePage = apps.get_model("articles", "ArticlePage")
    seen = set()
    for row in ImportedArticle.objects.exclude(page=None).order_by("pk").iterator():
        page = ArticlePage.objects.filter(pk=row.page_id).select_related("print_page").first()
        if page is None:
            continue
        headline = "" if page.headline_is_provisional else page.title
        identity = identify(headline, _texts(page.body.raw_data))
        print_page = page.print_page
        date = print_page.edition_date if print_page else None
        number = print_page.page_number if print_page else None
        key = f"{date:%Y-%m-%d}/{number or ''}" if date else ""
        row.edition_date, row.page_number, row.edition_key = date, number, key
        if (key, identity.fingerprint) not in seen:
            seen.add((key, identity.fingerprint))
            row.fingerprint, row.signature = identity.fingerprint, identity.signature
        row.save(
            update_fields=[
                "edition_date", "page_number", "edition_key", "fingerprint", "signature"
            ]
        )


class Migration(migrations.Migration):

    dependencies = [
        ('importers', '0002_ledger_keeps_deleted_pages'),
        ('articles', '0001_initial'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='importedarticle',
            name='unique_imported_article_position',
        ),
        migrations.AddField(
            model_name='importedarticle',
            name='content_sha256',
            field=models.CharField(blank=True, default='', max_length=64),
        ),
        migrations.AddField(
            model_name='importedarticle',
            name='edition_date',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='importedarticle',
            name='edition_key',
            field=models.CharField(blank=True, default='', max_length=16),
        ),
        migrations.AddField(
            model_name='importedarticle',
            name='fingerprint',
            field=models.CharField(blank=True, default='', max_length=64),
        ),
        migrations.AddField(
            model_name='importedarticle',
            name='page_number',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='importedarticle',
            name='signature',
            field=models.TextField(blank=True, default=''),
        ),
        migrations.AddField(
            model_name='importedarticle',
            name='source_path',
            field=models.CharField(blank=True, default='', max_length=1024),
        ),
        migrations.RunPython(fingerprint_existing_rows, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='importedarticle',
            index=models.Index(fields=['source_name'], name='imported_article_name'),
        ),
        migrations.AddIndex(
            model_name='importedarticle',
            index=models.Index(fields=['source_path', 'sha256'], name='imported_article_path_sha'),
        ),
        migrations.AddConstraint(
            model_name='importedarticle',
            constraint=models.UniqueConstraint(condition=models.Q(('fingerprint', ''), _negated=True), fields=('edition_key', 'fingerprint'), name='unique_imported_article_text_per_edition'),
        ),
    ]
