"""Hearing URLs. Token pages are PUBLIC-like: the signed token in the URL is the credential."""

import tempfile
from datetime import date

from django.test import override_settings
from django.utils import timezone

from planning.adoption.services import advice_record
from planning.hearings.services import (
    hearing_publication_set,
    hearing_response_submit,
    whitepaper_point_create,
)
from planning.models import HearingParty
from tests.factories.planning import PlanFactory
from tests.permissions.expectations import COUNCIL_READ, COUNCIL_WRITE, PUBLIC, Expect

REDIRECT_WRITE = {**COUNCIL_WRITE, "secretariat": 302, "admin": 302}
_media = override_settings(MEDIA_ROOT=tempfile.mkdtemp(prefix="sr-hearing-matrix-"))


def _files_to_temp_media():
    """Attachments written by these cases go to a temporary MEDIA_ROOT, never the repository's media/."""
    if not getattr(_media, "wrapped", None):
        _media.enable()


def _hearing(world):
    from tests.planning.hearings.helpers import open_hearing

    return open_hearing(world)


def _party(hearing):
    return hearing.parties.get(kind=HearingParty.Kind.PATIENT_COMMITTEE)


def _token_kwargs(world):
    from tests.planning.hearings.helpers import token_of

    hearing = _hearing(world)
    return {"pk": hearing.pk, "token": token_of(_party(hearing))}


def _party_pdf_kwargs(world):
    """The party's PDF of the frozen version is rendered and stored: into the temporary MEDIA_ROOT."""
    _files_to_temp_media()
    return _token_kwargs(world)


def _receipt_kwargs(world):
    kwargs = _token_kwargs(world)
    party = HearingParty.objects.get(hearing_id=kwargs["pk"], kind=HearingParty.Kind.PATIENT_COMMITTEE)
    response = hearing_response_submit(party=party, text="Svar", files=[])
    return kwargs | {"response_pk": response.pk}


def _response_with_attachment(world, *, consent=False):
    from tests.planning.hearings.helpers import pdf_file

    _files_to_temp_media()
    hearing = _hearing(world)
    response = hearing_response_submit(
        party=_party(hearing), text="Svar", files=[pdf_file()], consent_to_publication=consent
    )
    return hearing, response


def _party_attachment_kwargs(world):
    from tests.planning.hearings.helpers import token_of

    hearing, response = _response_with_attachment(world)
    return {
        "pk": hearing.pk,
        "token": token_of(response.party),
        "attachment_pk": response.attachments.get().pk,
    }


def _attachment_kwargs(world):
    hearing, response = _response_with_attachment(world)
    return {"pk": hearing.pk, "attachment_pk": response.attachments.get().pk}


def _public_attachment_kwargs(world):
    hearing, response = _response_with_attachment(world, consent=True)
    hearing_publication_set(hearing=hearing, is_published=True, changed_by=world.users["secretariat"])
    return {"pk": hearing.pk, "attachment_pk": response.attachments.get().pk}


def _published_kwargs(world):
    hearing = _hearing(world)
    hearing_publication_set(hearing=hearing, is_published=True, changed_by=world.users["secretariat"])
    return {"pk": hearing.pk}


def _point_kwargs(world):
    hearing = _hearing(world)
    response = hearing_response_submit(party=_party(hearing), text="Svar", files=[])
    point = whitepaper_point_create(
        white_paper=hearing.white_paper, response=response, segment="Svar", sections=[], disposition="",
        reasoning="", changed_revision=None, created_by=world.users["secretariat"],
    )  # fmt: skip
    return {"pk": hearing.pk, "point_pk": point.pk}


def _party_link_kwargs(world):
    hearing = _hearing(world)
    return {"pk": hearing.pk, "party_pk": _party(hearing).pk}


def _plan_kwargs(world):
    return {"plan_pk": PlanFactory(council=world.council, created_by=world.users["secretariat"]).pk}


def _advice_document_kwargs(world):
    from tests.planning.hearings.helpers import pdf_file

    _files_to_temp_media()
    plan = PlanFactory(council=world.council, created_by=world.users["secretariat"])
    advice = advice_record(
        plan=plan, received_on=date(2027, 2, 1), text="Råd",
        recorded_by=world.users["secretariat"], document=pdf_file("raad.pdf"),
    )  # fmt: skip
    return {"plan_pk": plan.pk, "advice_pk": advice.pk}


def _hearing_kwargs(world):
    return {"pk": _hearing(world).pk}


EXPECTATIONS = {
    "plan-hearings": Expect(kwargs=_plan_kwargs, get=COUNCIL_READ),
    "hearing-open": Expect(kwargs=_plan_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "plan-advice": Expect(kwargs=_plan_kwargs, get=COUNCIL_READ, post=COUNCIL_WRITE),
    "plan-advice-document": Expect(kwargs=_advice_document_kwargs, get=COUNCIL_READ),
    "plan-adoption": Expect(kwargs=_plan_kwargs, get=COUNCIL_READ, post=COUNCIL_WRITE),
    "hearing-detail": Expect(kwargs=_hearing_kwargs, get=COUNCIL_READ),
    "hearing-close": Expect(
        kwargs=_hearing_kwargs,
        get=COUNCIL_WRITE,
        post=REDIRECT_WRITE,
        post_data=lambda w: {"reason": "Alle parter har svaret."},
    ),
    "hearing-extend": Expect(
        kwargs=_hearing_kwargs,
        get=COUNCIL_WRITE,
        post=REDIRECT_WRITE,
        post_data=lambda w: {"deadline": "2099-01-15T12:00"},
    ),
    "hearing-response-register": Expect(
        kwargs=_party_link_kwargs,
        get=COUNCIL_WRITE,
        post=REDIRECT_WRITE,
        post_data=lambda w: {
            "channel": "post",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "text": "Svar modtaget pr. brev.",
        },
    ),
    "hearing-publish": Expect(
        kwargs=_hearing_kwargs, post=REDIRECT_WRITE, post_data=lambda w: {"publish": "1"}
    ),
    "hearing-party-link": Expect(
        kwargs=_party_link_kwargs, post=REDIRECT_WRITE, post_data=lambda w: {"action": "revoke"}
    ),
    "hearing-attachment": Expect(kwargs=_attachment_kwargs, get=COUNCIL_READ),
    "whitepaper-detail": Expect(kwargs=_hearing_kwargs, get=COUNCIL_READ),
    "whitepaper-edit": Expect(kwargs=_hearing_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "whitepaper-point-edit": Expect(kwargs=_point_kwargs, get=COUNCIL_WRITE, post=COUNCIL_WRITE),
    "whitepaper-finalise": Expect(kwargs=_hearing_kwargs, post=REDIRECT_WRITE),
    "whitepaper-csv": Expect(kwargs=_hearing_kwargs, get=COUNCIL_READ),
    "white-paper-pdf": Expect(kwargs=_hearing_kwargs, get=COUNCIL_READ),
    "hearing-party": Expect(kwargs=_token_kwargs, get=PUBLIC, post=PUBLIC),
    "hearing-party-receipt": Expect(kwargs=_receipt_kwargs, get=PUBLIC),
    "hearing-party-attachment": Expect(kwargs=_party_attachment_kwargs, get=PUBLIC),
    "hearing-party-pdf": Expect(kwargs=_party_pdf_kwargs, get=PUBLIC),
    "hearing-public": Expect(kwargs=_published_kwargs, get=PUBLIC),
    "hearing-public-attachment": Expect(kwargs=_public_attachment_kwargs, get=PUBLIC),
}
