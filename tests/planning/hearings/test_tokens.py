from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from planning.hearings.services import (
    TOKEN_SALT,
    hearing_party_reissue,
    hearing_party_revoke,
    hearing_response_submit,
)
from planning.models import HearingParty, HearingResponse
from planning.plans.services import section_revision_save
from tests.planning.hearings.helpers import complete_plan, open_hearing, party_of, token_of


def party_url(hearing, token):
    return reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token})


@pytest.fixture
def hearing(world):
    return open_hearing(world)


def test_valid_link_shows_frozen_text_deadline_and_no_login(client, hearing):
    party = party_of(hearing)
    # The text changes after the hearing opened: the party must still read the frozen version.
    section = hearing.plan.sections.filter(kind="statutory").order_by("position").first()
    section_revision_save(
        section=section, title=section.title, text="<p>NY-TEKST-EFTER-ÅBNING</p>",
        base_revision_id=section.current_revision_id, author=hearing.created_by,
    )  # fmt: skip
    response = client.get(party_url(hearing, token_of(party)))
    page = response.content.decode()
    assert response.status_code == 200
    assert party.name in page
    assert "Tekst om området." in page
    assert "NY-TEKST-EFTER-ÅBNING" not in page
    assert "Høringsfrist" in page


def test_forged_token_is_404(client, hearing):
    party = party_of(hearing)
    forged = signing.dumps({"p": party.pk, "n": party.token_nonce}, salt=TOKEN_SALT, key="not-the-secret-key")
    assert client.get(party_url(hearing, forged)).status_code == 404
    guessed = signing.dumps({"p": party.pk, "n": "guess"}, salt=TOKEN_SALT)
    assert client.get(party_url(hearing, guessed)).status_code == 404
    assert client.get(party_url(hearing, "garbage")).status_code == 404


def test_expired_link_is_403_and_accepts_nothing(client, hearing):
    party = party_of(hearing)
    HearingParty.objects.filter(pk=party.pk).update(token_expires_at=timezone.now() - timedelta(minutes=1))
    url = party_url(hearing, token_of(party))
    response = client.get(url)
    assert response.status_code == 403
    assert "udløbet" in response.content.decode()
    assert client.post(url, {"text": "Svar"}).status_code == 403
    assert HearingResponse.objects.count() == 0


def test_revoked_link_is_403_and_reissue_replaces_it(
    client, world, hearing, django_capture_on_commit_callbacks
):
    party = party_of(hearing)
    old_token = token_of(party)
    hearing_party_revoke(party=party, revoked_by=world.users["secretariat"])
    response = client.get(party_url(hearing, old_token))
    assert response.status_code == 403
    assert "tilbagekaldt" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        hearing_party_reissue(party=party, reissued_by=world.users["secretariat"])
    party.refresh_from_db()
    assert client.get(party_url(hearing, old_token)).status_code == 404
    assert client.get(party_url(hearing, token_of(party))).status_code == 200


def test_another_hearings_token_is_404(client, world, hearing):
    other_plan = complete_plan(world)
    other_hearing = open_hearing(world, plan=other_plan)
    other_party = party_of(other_hearing)
    assert client.get(party_url(hearing, token_of(other_party))).status_code == 404


def test_a_party_never_sees_another_partys_response(client, hearing):
    committee = party_of(hearing)
    municipality = party_of(hearing, HearingParty.Kind.MUNICIPALITY)
    secret = hearing_response_submit(party=municipality, text="Kommunens fortrolige synspunkt", files=[])
    page = client.get(party_url(hearing, token_of(committee))).content.decode()
    assert "Kommunens fortrolige synspunkt" not in page
    receipt = reverse(
        "hearing-party-receipt",
        kwargs={"pk": hearing.pk, "token": token_of(committee), "response_pk": secret.pk},
    )
    assert client.get(receipt).status_code == 404


def test_a_party_cannot_download_another_partys_attachment(client, hearing):
    from tests.planning.hearings.helpers import pdf_file

    committee = party_of(hearing)
    municipality = party_of(hearing, HearingParty.Kind.MUNICIPALITY)
    response = hearing_response_submit(party=municipality, text="", files=[pdf_file()])
    attachment = response.attachments.get()
    own = reverse(
        "hearing-party-attachment",
        kwargs={"pk": hearing.pk, "token": token_of(municipality), "attachment_pk": attachment.pk},
    )
    foreign = reverse(
        "hearing-party-attachment",
        kwargs={"pk": hearing.pk, "token": token_of(committee), "attachment_pk": attachment.pk},
    )
    assert client.get(own).status_code == 200
    assert client.get(foreign).status_code == 404


def test_public_page_shows_only_consenting_parties_and_only_when_published(client, world, hearing):
    from planning.hearings.services import hearing_publication_set

    committee = party_of(hearing)
    municipality = party_of(hearing, HearingParty.Kind.MUNICIPALITY)
    hearing_response_submit(party=committee, text="Offentligt svar", files=[], consent_to_publication=True)
    hearing_response_submit(party=municipality, text="Hemmeligt svar", files=[], consent_to_publication=False)
    url = reverse("hearing-public", kwargs={"pk": hearing.pk})
    assert client.get(url).status_code == 404
    hearing_publication_set(hearing=hearing, is_published=True, changed_by=world.users["secretariat"])
    page = client.get(url).content.decode()
    assert "Offentligt svar" in page
    assert "Hemmeligt svar" not in page
