from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from planning.hearings.services import hearing_party_rows, hearing_response_submit
from planning.models import HearingParty, HearingResponse
from planning.review.services import comment_create
from tests.planning.hearings.helpers import open_hearing, party_of, pdf_file, token_of


@pytest.fixture
def hearing(world):
    return open_hearing(world)


def test_submit_through_the_page_stores_response_and_emails_receipt_once(
    client, hearing, django_capture_on_commit_callbacks
):
    party = party_of(hearing)
    section = hearing.snapshot.entries.first().section
    url = reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token_of(party)})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"text": "Vi støtter planen.", "sections": [section.pk], "attachments": [pdf_file()]}
        )
    stored = HearingResponse.objects.get()
    assert response.status_code == 302
    assert response.url == reverse(
        "hearing-party-receipt", kwargs={"pk": hearing.pk, "token": token_of(party), "response_pk": stored.pk}
    )
    assert stored.text == "Vi støtter planen." and not stored.is_late and stored.version == 1
    assert list(stored.sections.all()) == [section]
    assert [m.to for m in mail.outbox] == [[party.email]]
    assert "Kvittering" in mail.outbox[0].subject
    assert "1 bilag" in mail.outbox[0].body
    from planning.hearings.services import hearing_receipt_send

    assert hearing_receipt_send(response_id=stored.pk) is False  # retried task: no second receipt
    assert len(mail.outbox) == 1
    receipt = client.get(response.url).content.decode()
    assert "er modtaget" in receipt and "svar.pdf" in receipt


def test_replacement_keeps_history_and_only_the_newest_is_current(client, hearing):
    party = party_of(hearing)
    first = hearing_response_submit(party=party, text="Første udgave", files=[])
    second = hearing_response_submit(party=party, text="Anden udgave", files=[pdf_file()])
    first.refresh_from_db()
    assert first.replaced_by == second
    assert (first.version, second.version) == (1, 2)
    assert list(HearingResponse.objects.filter(party=party, replaced_by__isnull=True)) == [second]
    page = client.get(
        reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token_of(party)})
    ).content.decode()
    assert "Første udgave" in page and "Anden udgave" in page and "erstattet" in page


def test_late_response_is_accepted_but_marked_and_cannot_be_replaced(hearing):
    party = party_of(hearing)
    after = hearing.deadline + timedelta(hours=2)
    late = hearing_response_submit(party=party, text="Sent svar", files=[], now=after)
    assert late.is_late is True
    with pytest.raises(ValidationError, match="kan ikke længere erstattes"):
        hearing_response_submit(party=party, text="Endnu senere", files=[], now=after)
    assert HearingResponse.objects.filter(party=party).count() == 1
    on_time = hearing_response_submit(
        party=party_of(hearing, HearingParty.Kind.MUNICIPALITY), text="Til tiden", files=[],
        now=hearing.deadline - timedelta(minutes=1),
    )  # fmt: skip
    assert on_time.is_late is False


def test_late_marking_shows_on_the_hearing_list(client, world, hearing):
    party = party_of(hearing)
    hearing_response_submit(party=party, text="Sent svar", files=[], now=hearing.deadline + timedelta(days=1))
    client.force_login(world.users["member"])
    page = client.get(reverse("hearing-detail", kwargs={"pk": hearing.pk})).content.decode()
    assert "for sent" in page


def test_hearing_list_ticks_match_the_responses_received(client, world, hearing):
    committee = party_of(hearing)
    hearing_response_submit(party=committee, text="Svar", files=[])
    hearing_response_submit(party=committee, text="Nyt svar", files=[])
    rows = hearing_party_rows(hearing=hearing)
    assert [(row.party.name, row.has_response) for row in rows] == [
        ("Patient- og pårørendeudvalget, Region Syddanmark", True),
        ("Sønderborg Kommune", False),
    ]
    assert rows[0].response.version == 2
    client.force_login(world.users["member"])
    for url_name in ("hearing-detail", "whitepaper-detail"):
        page = client.get(reverse(url_name, kwargs={"pk": hearing.pk})).content.decode()
        assert page.count('data-received="1"') == 1
        assert page.count('data-received="0"') == 1
        received_on = date_format(timezone.localtime(rows[0].response.submitted_at), "DATE_FORMAT")
        committee_row = page.split('data-received="1"')[1].split("</tr>")[0]
        assert received_on in committee_row  # the tick carries the date the answer came in


def test_response_needs_text_or_attachment(client, hearing):
    party = party_of(hearing)
    url = reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token_of(party)})
    response = client.post(url, {"text": "  "})
    assert response.status_code == 200
    assert "Skriv et høringssvar, eller vedhæft et dokument." in response.content.decode()
    assert HearingResponse.objects.count() == 0


def test_party_page_never_shows_internal_comments_or_other_parties(client, world, hearing):
    # The party page renders only the frozen snapshot and the party's own responses; no secretariat UI.
    party = party_of(hearing)
    section = hearing.plan.sections.filter(kind="statutory").order_by("position").first()
    comment_create(section=section, author=world.users["member"], text="INTERN-KOMMENTAR-X")
    hearing_response_submit(
        party=party_of(hearing, HearingParty.Kind.MUNICIPALITY), text="KOMMUNE-SVAR-X", files=[]
    )
    page = client.get(
        reverse("hearing-party", kwargs={"pk": hearing.pk, "token": token_of(party)})
    ).content.decode()
    assert "INTERN-KOMMENTAR-X" not in page
    assert "KOMMUNE-SVAR-X" not in page
    assert "Sønderborg Kommune" not in page
    assert "Personlige links" not in page
    assert "Høringsliste" not in page
