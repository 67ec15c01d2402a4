"""Admin views of the editorial app: the missing-photo report and the author merge."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.widgets import AdminSnippetChooser

from articles.admin_columns import edit_title_column
from articles.models import Author

from .authors import MergeError, merge_authors
from .permissions import user_can_review
from .photos import pages_missing_photos


class SectionColumn(Column):
    def get_value(self, instance):
        parent = instance.get_parent()
        return parent.title if parent else ""


class LanguageColumn(Column):
    def get_value(self, instance):
        return instance.locale.get_display_name()


class MissingCountColumn(Column):
    def get_value(self, instance):
        return len(instance.missing_photos)


class CaptionsColumn(Column):
    def get_value(self, instance):
        captions = [m.caption or m.credit for m in instance.missing_photos]
        return "；".join(c for c in captions if c)[:120]


class MissingPhotoReportView(ReportView):
    """Published articles whose photo blocks still have no image (缺图报告)."""

    page_title = _("缺图报告")
    header_icon = "image"
    verbose_name = _("文章")
    verbose_name_plural = _("文章")
    index_url_name = "editorial:missing_photos"
    index_results_url_name = "editorial:missing_photos_results"
    paginate_by = 50
    list_export = ["title", "full_url", "missing_count"]
    export_headings = {"title": _("标题"), "full_url": _("网址"), "missing_count": _("缺图数")}
    columns = [
        edit_title_column(_("标题")),
        SectionColumn("section", label=_("栏目")),
        LanguageColumn("language", label=_("语言")),
        MissingCountColumn("missing_count", label=_("缺图数")),
        CaptionsColumn("captions", label=_("图片说明")),
        DateColumn("first_published_at", label=_("发布时间")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not user_can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        pages = pages_missing_photos()
        for page in pages:
            page.missing_count = len(page.missing_photos)
        return pages

    def get_filename(self):
        return "missing-photos"


class AuthorMergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        queryset=Author.objects.all(),
        label=_("重复的作者（将被删除）"),
        widget=AdminSnippetChooser(Author),
        help_text=_("这位作者的所有署名会转到下面保留的作者名下，然后删除这条记录。"),
    )
    keep = forms.ModelChoiceField(
        queryset=Author.objects.all(),
        label=_("保留的作者"),
        widget=AdminSnippetChooser(Author),
    )

    def clean(self):
        data = super().clean()
        if data.get("duplicate") and data.get("keep") and data["duplicate"] == data["keep"]:
            raise forms.ValidationError(_("请选择两位不同的作者。"))
        return data


class AuthorMergeView(WagtailAdminTemplateMixin, FormView):
    """Pick the duplicate and the one to keep; credits move over in one transaction."""

    form_class = AuthorMergeForm
    template_name = "editorial/author_merge.html"
    page_title = _("合并作者")
    header_icon = "user"
    index_url_name = "wagtailsnippets_articles_author:list"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(["articles.change_author", "articles.delete_author"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": Author._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        initial = super().get_initial()
        for key in ("duplicate", "keep"):
            value = self.request.GET.get(key)
            if value and value.isdigit():
                initial[key] = Author.objects.filter(pk=value).first()
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["index_url"] = reverse(self.index_url_name)
        return context

    def form_valid(self, form):
        try:
            result = merge_authors(form.cleaned_data["duplicate"], form.cleaned_data["keep"])
        except MergeError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("已将“%(dup)s”合并到“%(keep)s”：转移署名 %(moved)d 条，去掉重复署名 %(dropped)d 条。")
            % {
                "dup": result.duplicate_name,
                "keep": result.kept.name,
                "moved": result.links_moved,
                "dropped": result.links_dropped,
            },
        )
        return redirect(reverse("wagtailsnippets_articles_author:edit", args=[result.kept.pk]))
