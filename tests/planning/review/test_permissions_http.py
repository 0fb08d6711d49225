"""Internal review is the council's own: other councils, users without a council role and anonymous
users can neither read nor post, and nothing is written when they try."""

import pytest
from django.urls import reverse

from planning.models import ChangeProposal, Comment, Notification
from planning.review.services import comment_create


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("other_member", 404), ("other_secretariat", 404), ("plain", 404)],
)
def test_outsiders_can_neither_read_nor_post(client, section, member, world, plain_user, role, status):
    comment = comment_create(section=section, author=member, text="Intern bemærkning").comment
    user = plain_user if role == "plain" else world.users[role]
    if user:
        client.force_login(user)
    kwargs = {"plan_pk": section.plan_id, "section_pk": section.pk}
    before = (Comment.objects.count(), ChangeProposal.objects.count(), Notification.objects.count())
    read_urls = [
        reverse("section-review", kwargs=kwargs),
        reverse("plan-review", kwargs={"plan_pk": section.plan_id}),
        reverse("plan-review-export-csv", kwargs={"plan_pk": section.plan_id}),
        reverse("comment-reply", kwargs={"plan_pk": section.plan_id, "pk": comment.pk}),
    ]
    for url in read_urls:
        response = client.get(url)
        assert response.status_code == status, url
        assert "Intern bemærkning" not in response.content.decode()
    posts = [
        (
            reverse("comment-create", kwargs=kwargs),
            {"text": "Udefra", "text_format": "plain", "revision": section.current_revision_id},
        ),
        (
            reverse("comment-reply", kwargs={"plan_pk": section.plan_id, "pk": comment.pk}),
            {"text": "Udefra", "text_format": "plain"},
        ),
        (
            reverse("change-proposal-create", kwargs=kwargs),
            {
                "forslag-paragraph": "1",
                "forslag-proposed_text": "Udefra",
                "forslag-revision": section.current_revision_id,
            },
        ),
        (reverse("comment-resolve", kwargs={"plan_pk": section.plan_id, "pk": comment.pk}), {}),
        (reverse("comment-delete", kwargs={"plan_pk": section.plan_id, "pk": comment.pk}), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == status, url
    assert (Comment.objects.count(), ChangeProposal.objects.count(), Notification.objects.count()) == before
    comment.refresh_from_db()
    assert comment.status == Comment.Status.OPEN and not comment.is_deleted


def test_section_of_another_plan_is_404(client, section, member, world):
    from tests.factories.planning import PlanFactory

    other_plan = PlanFactory(council=world.council, created_by=member)
    client.force_login(member)
    url = reverse("section-review", kwargs={"plan_pk": other_plan.pk, "section_pk": section.pk})
    assert client.get(url).status_code == 404
