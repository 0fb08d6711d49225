import pytest
from django.urls import reverse

from planning.models import ChangeProposal, Notification, SectionRevision
from planning.review.paragraphs import paragraphs_split
from planning.review.services import (
    ProposalAlreadyDecided,
    ReviewError,
    change_proposal_accept,
    change_proposal_create,
    change_proposal_reject,
)
from tests.planning.review.conftest import save_text


def _propose(client, section, member, text="Andet tekstafsnit om almen praksis og lægedækning."):
    client.force_login(member)
    return client.post(
        reverse("change-proposal-create", kwargs={"plan_pk": section.plan_id, "section_pk": section.pk}),
        {
            "forslag-paragraph": "2",
            "forslag-proposed_text": text,
            "forslag-justification": "Mangler lægedækning",
            "forslag-revision": section.current_revision_id,
        },
    )


def test_member_proposes_and_sees_a_word_diff(client, section, member, secretariat):
    response = _propose(client, section, member)
    proposal = ChangeProposal.objects.get()
    assert response.status_code == 302
    assert (proposal.paragraph_index, proposal.original_text) == (2, "Andet tekstafsnit om almen praksis.")
    assert Notification.objects.filter(user=secretariat, kind="review.proposal").count() == 1
    body = client.get(response.url).content.decode()
    assert "<del>" not in body.split('id="proposal-diff"')[1].split("</div>")[0]
    assert '<ins><span class="visually-hidden">indsat: </span> og lægedækning</ins>' in body


def test_accept_creates_exactly_one_revision_with_the_text_the_proposer_and_the_link(
    client, section, member, secretariat
):
    _propose(client, section, member)
    proposal = ChangeProposal.objects.get()
    before = SectionRevision.objects.filter(section=section).count()
    client.force_login(secretariat)
    response = client.post(
        reverse("change-proposal-decide", kwargs={"plan_pk": section.plan_id, "pk": proposal.pk}),
        {"action": "accept"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    section.refresh_from_db()
    assert SectionRevision.objects.filter(section=section).count() == before + 1
    revision = section.current_revision
    assert proposal.status == ChangeProposal.Status.ACCEPTED and proposal.resulting_revision == revision
    assert revision.author == member
    detail = reverse("change-proposal-detail", kwargs={"plan_pk": section.plan_id, "pk": proposal.pk})
    assert detail in revision.note and f"nr. {proposal.pk}" in revision.note
    assert [p.text for p in paragraphs_split(revision.text)] == [
        "Første tekstafsnit om akutpladser.",
        "Andet tekstafsnit om almen praksis og lægedækning.",
        "Tredje tekstafsnit.",
    ]
    with pytest.raises(ProposalAlreadyDecided):
        change_proposal_accept(proposal=proposal, decided_by=secretariat)
    assert SectionRevision.objects.filter(section=section).count() == before + 1


def test_accept_with_edits_uses_the_secretariats_text(section, member, secretariat):
    proposal = change_proposal_create(
        section=section, author=member, paragraph_index=3, proposed_text="Tredje <b>"
    )
    change_proposal_accept(
        proposal=proposal, decided_by=secretariat, edited_text="Tredje, redigeret & rettet"
    )
    proposal.refresh_from_db()
    section.refresh_from_db()
    assert proposal.status == ChangeProposal.Status.ACCEPTED_WITH_EDITS
    assert proposal.final_text == "Tredje, redigeret & rettet"
    assert section.current_revision.text.endswith("<p>Tredje, redigeret &amp; rettet</p>")


def test_reject_keeps_the_text_and_records_the_reason(client, section, member, secretariat):
    proposal = change_proposal_create(section=section, author=member, paragraph_index=1, proposed_text="Nyt")
    text_before, revisions_before = section.current_revision.text, SectionRevision.objects.count()
    client.force_login(secretariat)
    url = reverse("change-proposal-decide", kwargs={"plan_pk": section.plan_id, "pk": proposal.pk})
    response = client.post(url, {"action": "reject", "reason": ""})
    assert (
        response.status_code == 200 and "Skriv en begrundelse for afvisningen." in response.content.decode()
    )
    proposal.refresh_from_db()
    assert proposal.is_open
    client.post(url, {"action": "reject", "reason": "Strider mod den regionale plan"})
    proposal.refresh_from_db()
    section.refresh_from_db()
    assert (proposal.status, proposal.decision_reason) == (
        ChangeProposal.Status.REJECTED,
        "Strider mod den regionale plan",
    )
    assert (
        section.current_revision.text == text_before and SectionRevision.objects.count() == revisions_before
    )
    assert Notification.objects.filter(user=member, kind="review.proposal_decided").count() == 1
    with pytest.raises(ReviewError):
        change_proposal_reject(proposal=proposal, decided_by=secretariat, reason="")


def test_member_cannot_decide(client, section, member):
    proposal = change_proposal_create(section=section, author=member, paragraph_index=1, proposed_text="Nyt")
    client.force_login(member)
    url = reverse("change-proposal-decide", kwargs={"plan_pk": section.plan_id, "pk": proposal.pk})
    assert client.post(url, {"action": "accept"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.is_open


def test_proposal_on_an_older_revision_warns_when_the_paragraph_changed(client, section, member, secretariat):
    proposal = change_proposal_create(
        section=section, author=member, paragraph_index=2, proposed_text="Andet, nyt."
    )
    save_text(
        section,
        "<p>Første tekstafsnit om akutpladser.</p><p>Andet tekstafsnit om almen praksis i hele området.</p>",
        secretariat,
    )
    client.force_login(secretariat)
    body = client.get(
        reverse("change-proposal-detail", kwargs={"plan_pk": section.plan_id, "pk": proposal.pk})
    ).content.decode()
    assert "Advarsel: tekstafsnittet er ændret" in body
    assert "i hele området" in body  # diffed against the current text
    change_proposal_accept(proposal=proposal, decided_by=secretariat)
    section.refresh_from_db()
    assert [p.text for p in paragraphs_split(section.current_revision.text)][1] == "Andet, nyt."


def test_proposal_for_a_moved_unchanged_paragraph_applies_where_it_is_now(section, member, secretariat):
    proposal = change_proposal_create(
        section=section, author=member, paragraph_index=1, proposed_text="Første, nyt."
    )
    save_text(section, "<p>Indledning.</p><p>Første tekstafsnit om akutpladser.</p>", secretariat)
    change_proposal_accept(proposal=proposal, decided_by=secretariat)
    section.refresh_from_db()
    assert [p.text for p in paragraphs_split(section.current_revision.text)] == [
        "Indledning.",
        "Første, nyt.",
    ]
