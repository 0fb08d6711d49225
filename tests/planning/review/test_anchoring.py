"""A paragraph comment follows its paragraph across revisions, or becomes "forældet" — never dropped."""

from django.urls import reverse

from planning.models import Comment
from planning.review.selectors import section_review_get
from planning.review.services import comment_create
from tests.planning.review.conftest import save_text


def _thread(section, user, comment):
    section.refresh_from_db()
    review = section_review_get(section=section, user=user, filter_name="all")
    for view in review.paragraphs:
        for thread in view.threads:
            if thread.root.pk == comment.pk:
                return thread
    for thread in review.outdated_threads + review.section_threads:
        if thread.root.pk == comment.pk:
            return thread
    raise AssertionError("comment dropped")


def test_unchanged_paragraph_keeps_its_comment_even_when_moved(section, member, secretariat):
    comment = comment_create(section=section, author=member, text="Godt!", paragraph_index=2).comment
    save_text(
        section,
        "<p>Helt nyt indledende tekstafsnit.</p><p>Første tekstafsnit om akutpladser, ændret.</p>"
        "<p>Tredje tekstafsnit.</p><p>Andet tekstafsnit om almen praksis.</p>",
        secretariat,
    )
    thread = _thread(section, member, comment)
    assert thread.is_outdated is False
    assert thread.current_index == 4  # moved from 2 to 4, same words


def test_changed_paragraph_marks_the_comment_outdated_with_a_link_to_its_revision(
    client, section, member, secretariat
):
    original_revision = section.current_revision
    comment = comment_create(section=section, author=member, text="Uklart.", paragraph_index=1).comment
    save_text(
        section,
        "<p>Første tekstafsnit om akutpladser og sengepladser.</p><p>Andet tekstafsnit om almen praksis.</p>",
        secretariat,
    )
    thread = _thread(section, member, comment)
    assert thread.is_outdated is True and thread.current_index is None
    client.force_login(member)
    response = client.get(
        reverse("section-review", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk})
        + "?filter=all"
    )
    body = response.content.decode()
    assert "Forældet" in body
    link = reverse(
        "section-revision-review",
        kwargs={"plan_pk": section.plan_id, "section_pk": section.pk, "revision_pk": original_revision.pk},
    )
    assert f"{link}?afsnit=1#afsnit-1" in body
    revision_page = client.get(f"{link}?afsnit=1")
    assert revision_page.status_code == 200
    assert "Første tekstafsnit om akutpladser." in revision_page.content.decode()


def test_removed_paragraph_marks_the_comment_outdated_and_keeps_it(section, member, secretariat):
    comment = comment_create(section=section, author=member, text="Slet ikke", paragraph_index=3).comment
    save_text(section, "<p>Første tekstafsnit om akutpladser.</p>", secretariat)
    save_text(section, "<p>Første tekstafsnit om akutpladser.</p><p>Helt nyt.</p>", secretariat)
    thread = _thread(section, member, comment)
    assert thread.is_outdated is True
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_whole_section_comment_is_never_outdated(section, member, secretariat):
    comment = comment_create(section=section, author=member, text="Overordnet godt").comment
    save_text(section, "<p>Alt er nyt.</p>", secretariat)
    thread = _thread(section, member, comment)
    assert thread.is_outdated is False and thread.current_index is None
