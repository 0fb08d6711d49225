"""The review pages cost the same number of queries with 10 and with 200 comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planning.models import ChangeProposal, Comment


def _add_comments(section, users, count):
    revision = section.current_revision
    start = Comment.objects.count()
    roots = []
    for i in range(start, start + count):
        paragraph = (i % 3) + 1 if i % 4 else None
        roots.append(
            Comment(
                plan_id=section.plan_id,
                section=section,
                revision=revision,
                paragraph_index=paragraph,
                paragraph_fingerprint="f" * 32 if paragraph else "",
                author=users[i % 2],
                text=f"Kommentar {i}",
                text_html=f"<p>Kommentar {i}</p>",
                status="resolved" if i % 5 == 0 else "open",
                resolved_by=users[1] if i % 5 == 0 else None,
            )
        )
    roots = Comment.objects.bulk_create(roots)
    Comment.objects.bulk_create(
        Comment(
            plan_id=section.plan_id,
            section=section,
            parent=root,
            revision=revision,
            author=users[1],
            text="Svar",
            text_html="<p>Svar</p>",
        )
        for root in roots[::3]
    )
    ChangeProposal.objects.bulk_create(
        ChangeProposal(
            plan_id=section.plan_id,
            section=section,
            revision=revision,
            paragraph_index=1,
            paragraph_fingerprint="f" * 32,
            original_text="Første",
            proposed_text=f"Forslag {i}",
            author=users[0],
        )
        for i in range(count // 10)
    )


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.parametrize("page", ["section", "plan", "plan-detail", "plan-list"])
def test_review_pages_cost_the_same_queries_for_10_and_200_comments(
    client, section, member, secretariat, page
):
    if page == "section":
        url = (
            reverse("section-review", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk})
            + "?filter=all"
        )
    elif page == "plan":
        url = reverse("plan-review", kwargs={"plan_pk": section.plan_id}) + "?filter=all"
    elif page == "plan-detail":  # the plan page, with open-comment counts in its outline
        url = reverse("plan-detail", kwargs={"pk": section.plan_id})
    else:  # the plan list, with open-comment counts per plan
        url = reverse("plan-list")
    client.force_login(secretariat)
    _add_comments(section, [member, secretariat], 10)
    _count(client, url)  # warm up (session, content types)
    with_10, response = _count(client, url)
    if page in ("section", "plan"):
        assert response.content.decode().count('<article class="thread') == 10
    else:
        assert "8 åbne kommentarer" in response.content.decode()  # every 5th of the 10 is resolved
    _add_comments(section, [member, secretariat], 190)
    with_200, response = _count(client, url)
    if page in ("section", "plan"):
        assert response.content.decode().count('<article class="thread') == 200
    else:
        assert "160 åbne kommentarer" in response.content.decode()
    assert with_10 == with_200


def test_section_review_page_query_budget(client, section, secretariat, django_assert_max_num_queries):
    client.force_login(secretariat)
    url = reverse("section-review", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk})
    client.get(url)
    with django_assert_max_num_queries(14):
        client.get(url)
