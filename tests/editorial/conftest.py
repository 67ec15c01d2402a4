"""Editors, chief editors and helpers to drive the Wagtail admin through the test client."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from editorial.setup import CHIEF_EDITORS, EDITORS

PASSWORD = "correct-horse-battery"


def make_user(username: str, group_name: str | None = None, **extra):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.com", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    # The admin in Chinese, as the newsroom uses it.
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


@pytest.fixture
def editor(site_tree):
    return make_user("xiaowang", EDITORS)


@pytest.fixture
def chief(site_tree):
    return make_user("laoli", CHIEF_EDITORS)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def chief_client(editor, chief):
    from django.test import Client

    c = Client()
    c.force_login(chief)
    return c


def block_form_value(block_type: str, value):
    """A block's raw JSON value in the shape the StreamField form posts."""
    if isinstance(value, dict):
        return {k: ("" if v is None else v) for k, v in value.items()}
    return value


def edit_form_data(client, page, **overrides):
    """What the page edit form would post, read from the rendered form.

    StreamField inputs are built by JavaScript in a browser, so the body is
    rebuilt from the page's latest revision (or ``body=[(type, value), …]``).
    """
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [k for k in data if k.startswith("body-") or "__prefix__" in k]:
        del data[key]
    body = overrides.pop("body", None)
    if body is None:
        latest = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
        body = [(b["type"], block_form_value(b["type"], b["value"])) for b in latest.body.raw_data]
    data.update(nested_form_data({"body": streamfield(body)}))
    for key, value in overrides.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return data


def post_edit(client, page, data, action: str | None = None):
    data = data.copy()
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
