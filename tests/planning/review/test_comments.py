from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from planning.models import Comment, CommentEdit, Notification
from planning.review.services import (
    CommentEditWindowClosed,
    comment_create,
    comment_delete,
    comment_reply,
    comment_update,
)
from tests.factories import UserFactory


def _section_url(section):
    return reverse("section-review", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk})


def test_member_comments_on_a_paragraph_over_http_and_the_secretariat_is_notified(
    client, section, member, secretariat, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("comment-create", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk}),
            {
                "paragraph": "2",
                "text": "Hvad med lægedækningen?",
                "text_format": "plain",
                "revision": section.current_revision_id,
            },
        )
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == f"{_section_url(section)}#kommentar-{comment.pk}"
    assert (comment.paragraph_index, comment.quoted_text) == (2, "Andet tekstafsnit om almen praksis.")
    assert list(Notification.objects.values_list("user__username", "kind")) == [
        ("secretariat", "review.comment")
    ]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["secretariat@example.dk"]


def test_empty_comment_is_refused_with_a_danish_message_and_the_choice_kept(client, section, member):
    client.force_login(member)
    response = client.post(
        reverse("comment-create", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk}),
        {"paragraph": "3", "text": "  ", "text_format": "plain", "revision": section.current_revision_id},
    )
    assert response.status_code == 200
    assert "Skriv en kommentar." in response.content.decode()
    assert '<option value="3" selected>' in response.content.decode()
    assert Comment.objects.count() == 0


def test_get_with_afsnit_preselects_the_paragraph(client, section, member):
    client.force_login(member)
    body = client.get(_section_url(section) + "?afsnit=2").content.decode()
    assert '<option value="2" selected>' in body
    assert "Kommentér tekstafsnit 1" in body and 'href="?afsnit=3#kommentar-form"' in body


def test_mentions_notify_only_users_of_the_same_council(client, section, member, secretariat, world):
    colleague = UserFactory(username="kollega")
    from councils.permissions import CouncilRole, council_role_grant

    council_role_grant(council=world.council, user=colleague, role=CouncilRole.MEMBER)
    client.force_login(member)
    response = client.post(
        reverse("comment-create", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk}),
        {
            "paragraph": "",
            "text": "@kollega og @other_member og @findesikke: se her",
            "text_format": "plain",
            "revision": section.current_revision_id,
        },
        follow=True,
    )
    body = response.content.decode()
    assert "Følgende kunne ikke nævnes" in body and "@other_member, @findesikke" in body
    assert Notification.objects.filter(user=colleague, kind="review.mention").count() == 1
    assert not Notification.objects.filter(user=world.users["other_member"]).exists()
    assert Notification.objects.filter(user=secretariat, kind="review.comment").count() == 1


def test_reply_notifies_the_thread_author_and_resolve_notifies_the_author(section, member, secretariat):
    root = comment_create(section=section, author=member, text="Spørgsmål", paragraph_index=1).comment
    Notification.objects.all().delete()
    reply = comment_reply(parent=root, author=secretariat, text="Svar").comment
    assert reply.parent_id == root.pk and reply.paragraph_index == 1
    assert list(Notification.objects.values_list("user__username", "kind")) == [("member", "review.reply")]


def test_author_edits_within_15_minutes_and_the_old_text_is_audited(section, member):
    comment = comment_create(section=section, author=member, text="Førstte udkast").comment
    comment_update(comment=comment, user=member, text="Første udkast")
    comment.refresh_from_db()
    assert comment.text == "Første udkast" and comment.edited_at is not None
    assert list(CommentEdit.objects.values_list("kind", "previous_text")) == [("edited", "Førstte udkast")]


def test_editing_after_15_minutes_is_refused_with_a_danish_message(client, section, member):
    comment = comment_create(section=section, author=member, text="Gammel").comment
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    comment.refresh_from_db()
    with pytest.raises(CommentEditWindowClosed):
        comment_update(comment=comment, user=member, text="Ny")
    client.force_login(member)
    url = reverse("comment-edit", kwargs={"plan_pk": section.plan_id, "pk": comment.pk})
    response = client.post(url, {"text": "Ny", "text_format": "plain"}, follow=True)
    assert "kan kun redigeres i 15 minutter" in response.content.decode()
    comment.refresh_from_db()
    assert comment.text == "Gammel" and CommentEdit.objects.count() == 0


def test_only_the_author_may_edit(client, section, member, secretariat):
    comment = comment_create(section=section, author=member, text="Min").comment
    client.force_login(secretariat)
    url = reverse("comment-edit", kwargs={"plan_pk": section.plan_id, "pk": comment.pk})
    assert client.post(url, {"text": "Ændret", "text_format": "plain"}).status_code == 403
    comment.refresh_from_db()
    assert comment.text == "Min"


def test_delete_leaves_a_tombstone_keeps_replies_and_the_text_in_the_audit(
    client, section, member, secretariat, world
):
    comment = comment_create(section=section, author=member, text="Hemmelig formulering").comment
    comment_reply(parent=comment, author=secretariat, text="Svar bevares")
    client.force_login(member)
    response = client.post(reverse("comment-delete", kwargs={"plan_pk": section.plan_id, "pk": comment.pk}))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_deleted and comment.text == ""
    assert list(CommentEdit.objects.values_list("kind", "previous_text", "user__username")) == [
        ("deleted", "Hemmelig formulering", "member")
    ]
    body = client.get(_section_url(section) + "?filter=all").content.decode()
    assert "Kommentar slettet" in body and "Svar bevares" in body and "Hemmelig formulering" not in body
    client.force_login(world.users["admin"])
    admin_page = client.get(reverse("admin:planning_comment_change", args=[comment.pk]))
    assert admin_page.status_code == 200 and "Hemmelig formulering" in admin_page.content.decode()


def test_another_member_cannot_delete_but_the_secretariat_can(client, section, member, secretariat, world):
    other_member = UserFactory(username="medlem2")
    from councils.permissions import CouncilRole, council_role_grant

    council_role_grant(council=world.council, user=other_member, role=CouncilRole.MEMBER)
    comment = comment_create(section=section, author=member, text="Tekst").comment
    url = reverse("comment-delete", kwargs={"plan_pk": section.plan_id, "pk": comment.pk})
    client.force_login(other_member)
    assert client.post(url).status_code == 403
    comment.refresh_from_db()
    assert not comment.is_deleted
    comment_delete(comment=comment, user=secretariat, may_moderate=True)
    comment.refresh_from_db()
    assert comment.is_deleted


def test_secretariat_resolves_and_reopens_members_cannot(client, section, member, secretariat):
    comment = comment_create(section=section, author=member, text="Løs mig").comment
    resolve = reverse("comment-resolve", kwargs={"plan_pk": section.plan_id, "pk": comment.pk})
    client.force_login(member)
    assert client.post(resolve).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.OPEN
    client.force_login(secretariat)
    client.post(resolve)
    comment.refresh_from_db()
    assert (comment.status, comment.resolved_by) == (Comment.Status.RESOLVED, secretariat)
    assert Notification.objects.filter(user=member, kind="review.resolved").count() == 1
    reopen = reverse("comment-reopen", kwargs={"plan_pk": section.plan_id, "pk": comment.pk})
    client.force_login(member)
    assert client.post(reopen).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.RESOLVED  # a member cannot reopen either
    client.force_login(secretariat)
    client.post(reopen)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.OPEN and comment.resolved_by is None


def test_filters_open_resolved_mine(client, section, member, secretariat):
    mine = comment_create(section=section, author=member, text="Min åbne").comment
    theirs = comment_create(section=section, author=secretariat, text="Sekretariatets løste").comment
    from planning.review.services import comment_status_change

    comment_status_change(comment=theirs, user=secretariat, to_status=Comment.Status.RESOLVED)
    client.force_login(member)
    url = _section_url(section)
    open_body = client.get(url + "?filter=open").content.decode()
    resolved_body = client.get(url + "?filter=resolved").content.decode()
    mine_body = client.get(url + "?filter=mine").content.decode()
    assert "Min åbne" in open_body and "Sekretariatets løste" not in open_body
    assert "Sekretariatets løste" in resolved_body and "Min åbne" not in resolved_body
    assert "Min åbne" in mine_body and "Sekretariatets løste" not in mine_body
    assert f"kommentar-{mine.pk}" in mine_body


def test_large_ids_are_not_rendered_with_a_thousands_separator(client, section, member):
    Comment.objects.create(
        pk=12345,
        plan_id=section.plan_id,
        section=section,
        revision=section.current_revision,
        author=member,
        text="Stor",
        text_html="<p>Stor</p>",
    )
    client.force_login(member)
    body = client.get(_section_url(section)).content.decode()
    assert 'id="kommentar-12345"' in body and "12.345" not in body
