"""Editor groups and the review workflow; called by home.site_setup.ensure_site.

Safe to run any number of times: it adds what is missing and reports it, and
never removes a permission an administrator granted by hand.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "编辑"
CHIEF_EDITORS = "总编辑"
WORKFLOW_NAME = "审稿流程：编辑提交，总编辑签发"
APPROVAL_TASK_NAME = "总编辑审批"

# Page permissions on each home page (and so on every section and article below it).
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    CHIEF_EDITORS: ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"],
}
# Permissions on the root collection of images and documents.
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
COLLECTION_PERMISSIONS[CHIEF_EDITORS] = COLLECTION_PERMISSIONS[EDITORS] + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
# Model permissions: admin access, snippets, translation.
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("articles", "add_author"),
        ("articles", "change_author"),
        ("articles", "view_author"),
        ("articles", "add_printpage"),
        ("articles", "change_printpage"),
        ("articles", "view_printpage"),
        ("wagtail_localize", "submit_translation"),
    ],
}
MODEL_PERMISSIONS[CHIEF_EDITORS] = MODEL_PERMISSIONS[EDITORS] + [
    ("articles", "delete_author"),  # merging authors deletes the duplicate
    ("articles", "delete_printpage"),
]


def _permission(app_label: str, codename: str) -> Permission:
    if (app_label, codename) == ("wagtail_localize", "submit_translation"):
        # Made by a wagtail-localize data migration, so a flushed database lacks it.
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": "Can submit translations"},
        )
        return permission
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_editor_groups(home_pages: list[Page], created: list[str]) -> dict[str, Group]:
    groups = {}
    root_collection = Collection.get_first_root_node()
    for name in (EDITORS, CHIEF_EDITORS):
        group, was_created = Group.objects.get_or_create(name=name)
        if was_created:
            created.append(f"group {name}")
        groups[name] = group
        for app_label, codename in MODEL_PERMISSIONS[name]:
            permission = _permission(app_label, codename)
            if not group.permissions.filter(pk=permission.pk).exists():
                group.permissions.add(permission)
        for app_label, codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(app_label, codename),
            )
        for page in home_pages:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_permission("wagtailcore", codename)
                )
    return groups


def ensure_workflow(home_pages: list[Page], chief_editors: Group, created: list[str]) -> Workflow:
    """One approval step by the chief editors, on every home page tree.

    The editor's step is submitting: Wagtail starts the workflow when an editor
    clicks "Submit for moderation"; a chief editor approving publishes the page.
    """
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
        created.append(f"task {APPROVAL_TASK_NAME}")
    if not task.groups.filter(pk=chief_editors.pk).exists():
        task.groups.add(chief_editors)

    workflow, was_created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if was_created:
        created.append(f"workflow {WORKFLOW_NAME}")
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for page in home_pages:
        link = WorkflowPage.objects.filter(page=page).first()
        if link is None:
            WorkflowPage.objects.create(page=page, workflow=workflow)
            created.append(f"workflow on {page.locale.language_code} home")
        # A workflow an administrator assigned by hand is left alone.
    return workflow


# Rows Wagtail's own migrations create with English names, which editors see
# in breadcrumbs ("Root") and in the workflow reports.
WAGTAIL_DEFAULT_NAMES = {"Root": "根目录", "Moderators approval": "版主审批"}


def name_wagtail_defaults_in_chinese(created: list[str]) -> None:
    """Rename Wagtail's default root page and approval workflow/task, if still default."""
    for english, chinese in WAGTAIL_DEFAULT_NAMES.items():
        # update(): no revision, signal or search index for bookkeeping rows.
        renamed = Page.objects.filter(depth=1, title=english).update(
            title=chinese, draft_title=chinese
        )
        renamed += Task.objects.filter(name=english).update(name=chinese)
        renamed += Workflow.objects.filter(name=english).update(name=chinese)
        if renamed:
            created.append(f"renamed {english} → {chinese}")


def ensure_editorial_setup(home_pages: list[Page], created: list[str]) -> None:
    groups = ensure_editor_groups(home_pages, created)
    ensure_workflow(home_pages, groups[CHIEF_EDITORS], created)
    name_wagtail_defaults_in_chinese(created)
