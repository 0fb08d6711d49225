"""Load Sundhedsråd Sønderjylland's 2026 meeting calendar and its 23 March 2026 meeting (seed 002).

Idempotent: meetings are matched on (council, date, start time, kind), items on (meeting, number),
participants on the member's name; running it twice changes nothing.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from councils.models import CouncilMember, HealthCouncil
from planning.meetings.models import AgendaItem, Meeting, MeetingParticipant
from planning.meetings.services import meeting_create

D = datetime.date
T = datetime.time

# Seed 002, point 9 "Mødekalender" (as decided: the 12-12 seminar moved to 31 Aug 13:00 – 1 Sep 13:00).
CALENDAR = [
    *[
        (D(2026, month, day), T(8), T(12), Meeting.Kind.ORDINARY, "")
        for month, day in [(4, 28), (5, 26), (6, 30), (8, 25), (9, 29), (10, 27), (11, 24), (12, 15)]
    ],
    (D(2026, 8, 4), T(8), T(12), Meeting.Kind.EXTRAORDINARY, "Reserveret eventuelt ekstraordinært møde"),
    *[
        (D(2026, month, day), T(9), T(14), Meeting.Kind.VISIT, "Besøg hos sundhedsaktører i Sønderjylland")
        for month, day in [(5, 29), (6, 19), (9, 4), (10, 23)]
    ],
    (D(2026, 8, 31), T(13), None, Meeting.Kind.SEMINAR, "12-12-seminar til 1. september 2026 kl. 13.00"),
    (D(2026, 11, 6), T(9), T(14), Meeting.Kind.CONFERENCE, "Politisk konference om nærsundhedsplanen"),
]

MARCH_PARTICIPANTS = [
    ("Susanne Eilersen", "O"), ("Mette Bossen Linnet", "V"), ("Allan Emiliussen", "V"),
    ("Anette Abildgaard Larsen", "C"), ("Didde Lauritzen", "A"), ("Jette Damsø Henriksen", "A"),
    ("Michael Christensen", "F"), ("Signe Knappe", "V"), ("Tage Petersen", "V"),
]  # fmt: skip

DIRECTORS = "De kommunale sundhedsdirektører deltager under punktet."

MARCH_ITEMS = [
    {
        "number": 1, "case_number": "25/53155", "title": "Godkendelse af dagsordenen",
        "resume": "Dagsordenen godkendes.",
        "case_presentation": "<p>I dette punkt godkender sundhedsrådet den foreliggende dagsorden for "
        "dagens møde.</p>",
        "recommendation_kind": AgendaItem.Recommendation.DECISION,
        "proposals": "At sundhedsrådet godkender dagsordenen.",
        "decision_text": "Godkendt.",
    },
    {"number": 2, "case_number": "", "title": "Lukket", "is_closed": True},
    {
        "number": 3, "case_number": "26/8905",
        "title": "Drøftelse af ideer til initiativer og godkendelse af proces for udmøntning af budgetmidler "
        "til kulturprojekter på sundhedsområdet",
        "resume": "Der er således i den regionale budgetaftale for 2026 afsat 487.500 kr. til Sundhedsråd "
        "Sønderjylland til støtte til kulturprojekter på sundhedsområdet.",
        "recommendation_kind": AgendaItem.Recommendation.DECISION,
        "proposals": "At sundhedsrådet drøfter ideer til initiativer og projekter.\n"
        "At sundhedsrådet godkender den i sagen skitserede videre proces for udmøntningen af budgetmidlerne.",
        "guests": DIRECTORS,
        "decision_text": "Godkendt.\n\nForslag til initiativer drøftet og medtages i det videre arbejde.",
    },
    {
        "number": 4, "case_number": "26/10588",
        "title": "Drøftelse af proces for udarbejdelsen af Sundhedsråd Sønderjyllands nærsundhedsplan",
        "resume": "Som en del af sundhedsreformen skal Sundhedsråd Sønderjylland have udarbejdet og "
        "vedtaget en nærsundhedsplan senest den 1. april 2027.\n\n"
        "Sundhedsrådet får på mødet i april 2026 forelagt en procesplan til endelig godkendelse. "
        "Dette punkt lægger op til en indledende drøftelse af processen "
        "for udarbejdelsen af nærsundhedsplanen.",
        "case_presentation": "<p>Det foreslås, at processen for udarbejdelsen af nærsundhedsplanen opdeles i "
        "faser fra foråret 2026 til begyndelsen af 2027. Følgende faser kan overvejes:</p><ul>"
        "<li>Igangsætning og drøftelse af visioner for nærsundhedsplanen (maj 2026)</li>"
        "<li>Drøftelser af indhold i nærsundhedsplanen (juni-oktober 2026)</li>"
        "<li>12-12 seminar (august 2026 – der arbejdes i øjeblikket på at finde en dato for seminaret)</li>"
        "<li>Udarbejdelse af udkast til nærsundhedsplanen (løbende frem til november 2026)</li>"
        "<li>Politisk konference om nærsundhedsplanen (november 2026)</li>"
        "<li>Høring af udkast til nærsundhedsplanen (november-december 2026)</li>"
        "<li>Færdiggørelse og politisk behandling (januar-marts 2027)</li></ul>",
        "recommendation_kind": AgendaItem.Recommendation.DISCUSSION,
        "guests": "Direktionen indleder punktet med et oplæg.\n" + DIRECTORS,
        "decision_text": "Drøftet.",
    },
    {
        "number": 5, "case_number": "26/10066",
        "title": "Indledende præsentation af kommunernes rolle i forhold til 10-årsplanen for psykiatrien",
        "recommendation_kind": AgendaItem.Recommendation.INFORMATION, "guests": DIRECTORS,
        "decision_text": "Til orientering.",
    },
    {
        "number": 6, "case_number": "26/279",
        "title": "Drøftelse af input til Rammeaftale 2027-2028 for det specialiserede socialområde og "
        "specialundervisningsområdet",
        "recommendation_kind": AgendaItem.Recommendation.DECISION,
        "proposals": "At sundhedsrådet drøfter henvendelsen fra KKR Syddanmark og kommer med input til "
        "Regionsrådets behandling af Rammeaftalen 2027-2028.",
        "guests": DIRECTORS, "decision_text": "Drøftet.",
    },
    {
        "number": 7, "case_number": "26/6364",
        "title": "Indledende præsentation af sundhedsreformens betydning for almen praksis",
        "recommendation_kind": AgendaItem.Recommendation.INFORMATION, "decision_text": "Til orientering.",
    },
    {
        "number": 8, "case_number": "26/9049", "title": "Orientering om spørgeordning for sundhedsrådet",
        "resume": "Regionsrådet har vedtaget en spørgeordning for sundhedsrådene. I denne sag orienteres om "
        "mulighederne for at anvende spørgeordningen.",
        "recommendation_kind": AgendaItem.Recommendation.INFORMATION, "decision_text": "Til orientering.",
    },
    {
        "number": 9, "case_number": "25/58516", "title": "Mødekalender",
        "resume": "Der orienteres om mødekalenderen for den resterende del af 2026, samt foreslås datoer for "
        "seminar, konference og besøgsrund til beslutning.",
        "recommendation_kind": AgendaItem.Recommendation.DECISION,
        "proposals": "At mødekalenderen justeres med de i sagen foreslåede mødedatoer.",
        "decision_text": "Godkendt med den bemærkning, at tidspunkt for seminar bliver den 31. august "
        "fra kl. 13:00 til den 1. september kl. 13:00.",
    },
    {
        "number": 10, "case_number": "25/58516", "title": "Eventuelt",
        "recommendation_kind": AgendaItem.Recommendation.INFORMATION,
        "decision_text": "Orientering om henvendelse fra Børns Vilkår vedrørende projekt om børn og unge, "
        "der er pårørende til psykisk syge.",
    },
]  # fmt: skip


class Command(BaseCommand):
    help = "Indlæs Sundhedsråd Sønderjyllands mødekalender 2026 og mødet 23. marts 2026 (seed 002)."

    @transaction.atomic
    def handle(self, *args, **options):
        council = HealthCouncil.objects.filter(slug="soenderjylland").first()
        if council is None:
            raise CommandError(
                "Sundhedsråd Sønderjylland (slug 'soenderjylland') findes ikke: indlæs rådene først."
            )
        created = 0
        for date, start, end, kind, note in CALENDAR:
            if not council.meetings.filter(date=date, start_time=start, kind=kind).exists():
                meeting_create(
                    council=council, date=date, start_time=start, end_time=end, kind=kind, note=note
                )
                created += 1
        march = council.meetings.filter(
            date=D(2026, 3, 23), start_time=T(17, 30), kind=Meeting.Kind.ORDINARY
        ).first()
        if march is None:
            march = Meeting.objects.create(
                council=council,
                date=D(2026, 3, 23),
                start_time=T(17, 30),
                place="Mødelokale F, Sygehus Sønderjylland, Bygning F",
                kind=Meeting.Kind.ORDINARY,
                status=Meeting.Status.MINUTES_APPROVED,
                agenda_published_at=timezone.now(),
                minutes_approved_at=timezone.now(),
            )
            created += 1
        for name, party in MARCH_PARTICIPANTS:
            member, _ = CouncilMember.objects.get_or_create(
                council=council, name=name, defaults={"party_letter": party}
            )
            MeetingParticipant.objects.get_or_create(meeting=march, member=member)
        for spec in MARCH_ITEMS:
            defaults = {key: value for key, value in spec.items() if key != "number"}
            if defaults.get("decision_text"):
                defaults["decision_date"] = march.date
            AgendaItem.objects.get_or_create(meeting=march, number=spec["number"], defaults=defaults)
        self.stdout.write(f"Sønderjylland: {created} møder oprettet, {council.meetings.count()} i alt.")
