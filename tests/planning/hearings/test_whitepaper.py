import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from planning.hearings.services import (
    hearing_changes,
    hearing_response_submit,
    whitepaper_finalise,
    whitepaper_point_create,
)
from planning.models import HearingParty, WhitePaper, WhitePaperPoint
from planning.plans.services import section_revision_save
from tests.planning.hearings.helpers import hearing_close_after_deadline, open_hearing, party_of


@pytest.fixture
def hearing(world):
    return open_hearing(world)


def _point(world, hearing, response, *, disposition="", section=None, revision=None, segment="Et uddrag"):
    return whitepaper_point_create(
        white_paper=hearing.white_paper, response=response, segment=segment,
        sections=[section] if section else [], disposition=disposition, reasoning="Fordi",
        changed_revision=revision, created_by=world.users["secretariat"],
    )  # fmt: skip


def test_final_only_when_hearing_closed_and_every_point_has_a_disposition(world, hearing):
    response = hearing_response_submit(party=party_of(hearing), text="A. B.", files=[])
    decided = _point(world, hearing, response, disposition=WhitePaperPoint.Disposition.NOTED)
    undecided = _point(world, hearing, response)
    secretariat = world.users["secretariat"]
    with pytest.raises(ValidationError) as exc:
        whitepaper_finalise(white_paper=hearing.white_paper, finalised_by=secretariat)
    assert "afsluttet" in " ".join(exc.value.messages) and "1 punkt(er) mangler" in " ".join(
        exc.value.messages
    )
    hearing_close_after_deadline(hearing=hearing, closed_by=secretariat)
    with pytest.raises(ValidationError, match="mangler stillingtagen"):
        whitepaper_finalise(white_paper=hearing.white_paper, finalised_by=secretariat)
    assert WhitePaper.objects.get().state == WhitePaper.State.DRAFT
    undecided.disposition = WhitePaperPoint.Disposition.PARTLY
    undecided.save()
    white_paper = whitepaper_finalise(white_paper=hearing.white_paper, finalised_by=secretariat)
    assert white_paper.state == WhitePaper.State.FINAL
    with pytest.raises(ValidationError, match="endelig"):
        _point(world, hearing, response, disposition="noted")
    assert decided.pk


def test_point_linked_to_a_revision_shows_that_revisions_diff(client, world, hearing):
    response = hearing_response_submit(party=party_of(hearing), text="Nævn hjemmebehandling.", files=[])
    section = hearing.snapshot.entries.first().section
    revision = section_revision_save(
        section=section, title=section.title, text="<p>Tekst om området og hjemmebehandling.</p>",
        base_revision_id=section.current_revision_id, author=world.users["secretariat"],
    )  # fmt: skip
    _point(world, hearing, response, disposition="accepted", section=section, revision=revision)
    client.force_login(world.users["member"])
    page = client.get(reverse("whitepaper-detail", kwargs={"pk": hearing.pk})).content.decode()
    # planning/diff.py: escaped text in <ins>/<del>, each change with a visually hidden "indsat:"/"slettet:"
    assert '<ins><span class="visually-hidden">indsat: </span> og hjemmebehandling</ins>' in page
    assert "Imødekommet" in page
    assert f"version {revision.number}" in page


def test_changes_after_hearing_are_the_diff_against_the_snapshot(world, hearing):
    section = hearing.snapshot.entries.first().section
    section_revision_save(
        section=section, title=section.title, text="<p>Ny & bedre <b>tekst</b>.</p>",
        base_revision_id=section.current_revision_id, author=world.users["secretariat"],
    )  # fmt: skip
    changes = hearing_changes(hearing=hearing)
    changed = [c for c in changes if c.status == "changed"]
    assert len(changed) == 1 and changed[0].title == section.title
    assert "<ins>" in changed[0].diff and "Ny &amp; bedre tekst" in changed[0].diff
    assert "<b>" not in changed[0].diff  # escaped text, no HTML from the plan leaks into the diff
    assert sum(1 for c in changes if c.status == "unchanged") == len(changes) - 1


def test_white_paper_groups_by_section_and_lists_parties(client, world, hearing):
    committee = party_of(hearing)
    response = hearing_response_submit(party=committee, text="Om psykiatri. Om praksis.", files=[])
    entries = list(hearing.snapshot.entries.all()[:2])
    _point(
        world, hearing, response, disposition="rejected", section=entries[1].section, segment="Om praksis."
    )
    _point(
        world, hearing, response, disposition="accepted", section=entries[0].section, segment="Om psykiatri."
    )
    _point(world, hearing, response, disposition="noted", segment="Generelt")
    client.force_login(world.users["member"])
    page = client.get(reverse("whitepaper-detail", kwargs={"pk": hearing.pk})).content.decode()
    first = page.index(f"1. {entries[0].title}")
    second = page.index(f"2. {entries[1].title}")
    general = page.index("Generelle bemærkninger")
    assert first < page.index("Om psykiatri.") < second < page.index("Om praksis.") < general
    assert "Sønderborg Kommune" in page
    assert "Ændringer som følge af høringen" in page


def test_csv_export(client, world, hearing):
    response = hearing_response_submit(party=party_of(hearing), text="Svar", files=[])
    _point(world, hearing, response, disposition="partly", segment="Uddrag; med semikolon")
    client.force_login(world.users["member"])
    result = client.get(reverse("whitepaper-csv", kwargs={"pk": hearing.pk}))
    assert result["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(result.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Høringspart"
    assert rows[1][0] == "Patient- og pårørendeudvalget, Region Syddanmark"
    assert rows[1][4] == "Uddrag; med semikolon" and rows[1][5] == "Delvist imødekommet"
    assert ["Sønderborg Kommune", "Nej", ""] in rows


def test_secretariat_adds_point_through_the_editor_and_member_cannot(client, world, hearing):
    response = hearing_response_submit(party=party_of(hearing), text="Svar om noget", files=[])
    section = hearing.snapshot.entries.first().section
    url = reverse("whitepaper-edit", kwargs={"pk": hearing.pk})
    data = {"response": response.pk, "segment": "om noget", "sections": [section.pk], "disposition": "noted",
            "reasoning": "Noteret", "changed_revision": ""}  # fmt: skip
    client.force_login(world.users["member"])
    assert client.post(url, data).status_code == 403
    assert WhitePaperPoint.objects.count() == 0
    client.force_login(world.users["secretariat"])
    assert client.get(url).status_code == 200
    result = client.post(url, data)
    assert result.status_code == 302
    point = WhitePaperPoint.objects.get()
    assert (point.segment, point.disposition, list(point.sections.all())) == ("om noget", "noted", [section])
    empty = client.post(url, data | {"segment": ""})
    assert empty.status_code == 200 and WhitePaperPoint.objects.count() == 1


def test_point_cannot_use_another_hearings_response(world, hearing):
    from tests.planning.hearings.helpers import complete_plan

    other = open_hearing(world, plan=complete_plan(world))
    foreign = hearing_response_submit(
        party=other.parties.get(kind=HearingParty.Kind.PATIENT_COMMITTEE), text="x"
    )
    with pytest.raises(ValidationError, match="hører ikke til"):
        _point(world, hearing, foreign)
