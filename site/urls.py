"""URL map: admin outside the language prefix, the site under /zh-hans/ and /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles.sitemap import PageSitemap


def sitemap_view(request):
    return sitemap(request, sitemaps={"pages": PageSitemap(request)})


@cache_control(max_age=60 * 60 * 24, public=True)
def favicon_view(request):
    """/favicon.ico, which browsers ask for whatever the <head> says: the hashed static icon."""
    return HttpResponseRedirect(static("img/favicon.ico"))


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("favicon.ico", favicon_view, name="favicon"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Error pages must render without the database (it may be what failed).
handler500 = "newsroom.errors.server_error"
