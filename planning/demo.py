"""Demo data for a newcomer: demo logins, Sønderjylland's roster and a draft nærsundhedsplan.

Never for production: the `load_demo` command refuses to run with DEBUG off unless forced. Everything
here is idempotent: running it again finds what exists and changes nothing but the demo passwords.

The roster is the "Mødedeltagere" line of the minutes of Sundhedsråd Sønderjylland, 23 March 2026
(seed 002). The minutes do not say who sits for the region and who for a municipality, so `kind`
stays unset and the composition check reports the roster as incomplete until a secretariat sets it.
The plan text restates the seeds (002's statutory areas, themes and cross-cutting concerns; 001 and 004
for the national frame) without adding facts or figures of its own.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.models import CouncilMember, HealthCouncil
from councils.permissions import CouncilRole, council_role_grant
from planning.hearings.models import Hearing, HearingParty
from planning.hearings.services import PartyInput, hearing_open
from planning.plans.models import Goal, Initiative, Plan, PlanSnapshot, Section
from planning.plans.services import plan_create, plan_snapshot_create, section_revision_save
from planning.process.models import ProcessMilestone
from planning.process.services import process_plan_create_from_template

DEMO_PASSWORD = "demo-sundhed-2027"  # noqa: S105  (documented in README.md; demo only)
COUNCIL_SLUG = "soenderjylland"
OTHER_COUNCIL_SLUG = "fyn"
PLAN_TITLE = "Nærsundhedsplan for Sundhedsråd Sønderjylland 2027–2030"
SNAPSHOT_NAME = "Udkast til politisk konference"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    council_slug: str = ""
    role: str = ""
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser("admin", "Demo", "Administrator", is_superuser=True),
    DemoUser("sekretariat", "Demo", "Sekretariat Sønderjylland", COUNCIL_SLUG, CouncilRole.SECRETARIAT),
    DemoUser("medlem", "Demo", "Rådsmedlem Sønderjylland", COUNCIL_SLUG, CouncilRole.MEMBER),
    DemoUser("fyn-sekretariat", "Demo", "Sekretariat Fyn", OTHER_COUNCIL_SLUG, CouncilRole.SECRETARIAT),
]

# 002, "Mødedeltagere": name and party letter, in the order of the minutes.
ROSTER = [
    ("Susanne Eilersen", "O"),
    ("Mette Bossen Linnet", "V"),
    ("Allan Emiliussen", "V"),
    ("Anette Abildgaard Larsen", "C"),
    ("Didde Lauritzen", "A"),
    ("Jette Damsø Henriksen", "A"),
    ("Michael Christensen", "F"),
    ("Signe Knappe", "V"),
    ("Tage Petersen", "V"),
]
MEMBER_USER_ROSTER_NAME = "Tage Petersen"  # the demo member login is linked to this roster entry


class DemoDataMissing(Exception):
    """The reference data the demo builds on is not loaded (run load_reform first)."""


@dataclass
class DemoResult:
    users_created: int
    members_created: int
    plan: Plan
    plan_created: bool


# --- the draft plan ----------------------------------------------------------------------------

STATUTORY_TEXT = {
    "a": """
<p>Sundhedsråd Sønderjylland skal efter Håndbog om sundhedsråd beskrive mål for og arbejdet med
<em>lokal planlægning og udvikling af regionale sundhedsindsatser inden for både somatik og psykiatri,
herunder integrationen af de to områder</em>. Det gælder fx indsatser for mennesker med psykiske lidelser,
som har forløb på tværs af psykiatri og somatik.</p>
<h3>Udgangspunkt</h3>
<p>Planen bygger på den nationale sundhedsplan og skal være i overensstemmelse med den regionale
sundhedsplan, som sætter rammer for den tværgående fordeling af kapacitet mellem sundhedsrådene,
omlægning af sygehusaktivitet, beredskab og den præhospitale indsats. Den regionale psykiatriplan
for 2026–2032 blev præsenteret for sundhedsrådet i februar 2026, og integrationen og ligestillingen af
psykiatri og somatik i Sygehus Sønderjylland er emnet for et oplæg på rådets møde i maj 2026.</p>
<h3>Tværgående hensyn</h3>
<ul>
  <li><strong>Lighed i sundhed:</strong> indsatserne planlægges, så borgere med de største behov får
  lettest adgang, uanset bopæl.</li>
  <li><strong>Civilsamfundet:</strong> patient- og pårørendeorganisationer inddrages i planlægningen.</li>
</ul>
""",
    "b": """
<p>Sygehusene skal vende sig udad: de skal tage ansvar før og efter sygehusophold, stille kompetencer
til rådighed for det øvrige sundhedsvæsen og omlægge til nære tilbud (Håndbog om sundhedsråd, citeret
i referatet af 23. marts 2026).</p>
<p>For almen praksis betyder det ifølge oplægget på samme møde, at sygehusene understøtter de nære
sundhedstilbud med bl.a. specialistrådgivning, adgang til diagnostiske undersøgelser og subakutte tider
og har fokus på tilbageviste henvisninger. Sundhedsrådet skal desuden medvirke til, at det lokale
samarbejde om patientforløbene fungerer, herunder arbejdsdeling og kommunikation mellem sygehus,
almen praksis, kommuner og de nye sundheds- og omsorgspladser.</p>
<h3>Det vil vi i planperioden</h3>
<ul>
  <li>Gøre specialistrådgivning fra Sygehus Sønderjylland let tilgængelig for praksis og kommuner.</li>
  <li>Følge op på tilbageviste henvisninger sammen med almen praksis.</li>
  <li>Afdække, hvilke ambulante opgaver der kan flyttes tættere på borgerne.</li>
</ul>
""",
    "c": """
<p>Nærsundhedsplanen skal beskrive, hvordan sundhedsrådet understøtter <em>samspillet med kommunale
indsatser for mennesker med psykiske lidelser</em>.</p>
<p>På mødet den 23. marts 2026 præsenterede direktørerne for Social &amp; Sundhed i Aabenraa Kommune
og for Omsorg og Udvikling i Sønderborg Kommune kommunernes rolle i 10-årsplanen for psykiatrien.
Rådet fik samtidig en henvendelse fra Børns Vilkår om børn og unge, der er pårørende til psykisk syge.</p>
<p>Planen vil derfor lægge vægt på sammenhængen mellem den regionale psykiatri og de kommunale
tilbud, på snitflader og rådgivning til kommunerne og på de pårørende, herunder børn og unge.</p>
""",
    "d": """
<p>Sundhedsrådet skal understøtte de kommunale sundhedsindsatser i Sønderborg, Tønder, Haderslev og
Aabenraa kommuner. Med reformen overtager sundhedsrådene opgaver fra kommunerne, bl.a. akutsygepleje,
sundheds- og omsorgspladser, specialiseret rehabilitering og patientrettet forebyggelse; nogle kommuner
vil kunne varetage driftsopgaverne på vegne af sundhedsrådet (Sundhed tæt på dig).</p>
<h3>Samarbejde med kommunerne</h3>
<p>De kommunale sundhedsdirektører deltager i rådets drøftelser af nærsundhedsplanen. Planen
beskriver, hvordan regionens specialiserede kompetencer og lægehjælp stilles til rådighed for de
kommunale tilbud, og hvordan opgaverne fordeles, når de flyttes.</p>
<h3>Kultur og sundhed</h3>
<p>Rådet har godkendt en proces for støtte til kulturprojekter på sundhedsområdet, hvor kommunerne i
samarbejde med sygehuset arbejder videre med rådets ideer. Projekterne afgiver årligt status til
sundhedsrådet.</p>
""",
    "e": """
<p>Planen skal beskrive den <em>lokale planlægning og udvikling af det almenmedicinske tilbud</em>.
Med reformen fastsætter en national fordelingsmodel det mulige antal læger pr. sundhedsråd ud fra
befolkningens beregnede behandlingsbehov, og sundhedsrådene bliver ansvarlige for den lokale
lægedækning inden for modellens rammer.</p>
<p>Sundhedsrådet skal tage stilling til udmøntning af nye kapaciteter og placering af praksis og til
etablering af fx regions- eller udbudsklinikker. Arbejdet sker i tæt samarbejde med
praksisadministrationen og i det administrative dialogforum med Praktiserende Lægers Organisation,
som etableres under hvert sundhedsråd.</p>
<h3>Kronikerpakker</h3>
<p>Kronikerpakkerne indføres løbende fra 2027 og frem mod 2031. I nærsundhedsplanen fastsætter
sundhedsrådet lokale indsatser for specifikke målgrupper og følger op på effekten af indsatsen.</p>
""",
}

THEME_TEXT = {
    "Psykiatriplan": """
<p>Temaet samler den lokale implementering af den regionale psykiatriplan for 2026–2032 og
kommunernes rolle i 10-årsplanen for psykiatrien.</p>
<p>Integrationen og ligestillingen af psykiatri og somatik i Sygehus Sønderjylland drøftes på rådets
møde i maj 2026 og indarbejdes her.</p>
""",
    "Almen praksis og speciallægepraksis": """
<p>Udbygningen af almen praksis skal ske i takt med den nationale fordelingsmodel, og udflytning af
opgaver skal ske i takt med øgningen af kapaciteten i sektoren.</p>
<p>Temaet omfatter også speciallægepraksis og sammenhængen til sygehusets ambulante tilbud.</p>
""",
    "Hjemmebehandlingsteams, akutsygepleje og præhospital": """
<p>Sundhedsrådene skal opbygge nye hjemmebehandlingsteams, som kan sikre behandling og monitorering
af borgere tæt på eller i eget hjem. Opgaven skal tilrettelægges i samarbejde med sygehuset, særligt
det præhospitale område, og kommuner (Sundhed tæt på dig).</p>
<p>Akutsygeplejen overtages fra kommunerne og planlægges sammen med hjemmebehandlingsteams.</p>
""",
    "Sundheds- og omsorgspladser": """
<p>Sundheds- og omsorgspladser er til borgere, som ikke har behov for at være indlagt på sygehuset,
men som har brug for en sundhedsindsats, der ikke hensigtsmæssigt kan tilbydes i eget hjem.</p>
<p>Pladserne skal bl.a. understøtte overgangene for borgere, der udskrives fra sygehuset med fortsat
behov for intensiv pleje eller behandling.</p>
""",
    "Patientrettet forebyggelse": """
<p>Patientrettet forebyggelse handler om forebyggende og sundhedsfremmende indsatser for borgere, der
lever med én eller flere kroniske sygdomme, fx træningsindsatser, kostvejledning og kurser i
sygdomsmestring.</p>
<p>Kronikerpakkerne indeholder en ventetidsgaranti for regional patientrettet forebyggelse.</p>
""",
    "Specialiseret genoptræning": """
<p>Rehabilitering på specialiseret niveau og dele af genoptræningen på avanceret niveau overtages fra
kommunerne. Opgaven løses allerede i dag af sygehusene.</p>
<p>Temaet beskriver, hvordan forløbene hænger sammen med den kommunale genoptræning.</p>
""",
    "Tværgående forudsætninger: data, IT, forskning og digital først": """
<p>Den nationale sundhedsplan skal beskrive, hvordan digitalisering skal bidrage til omstillingen af
sundhedsvæsenet, fx ved at øge hjemmebehandling via brug af digitale værktøjer.</p>
<p>Data bruges til at følge patientforløb på tværs af sektorer og finde behov for bedre koordinering
eller ændret arbejdsdeling.</p>
""",
}

# (goal title, goal description, [(initiative title, description, responsible, start, end, indicator)])
GOALS_AND_INITIATIVES = {
    "a": (
        "Sammenhængende forløb på tværs af psykiatri og somatik",
        "Mennesker med psykiske lidelser, som har forløb på tværs af psykiatri og somatik, oplever ét "
        "sammenhængende forløb.",
        [
            (
                "Fælles forløbskoordination i Sygehus Sønderjylland",
                "Psykiatri og somatik aftaler faste kontaktpunkter for patienter med forløb i begge.",
                Initiative.Responsible.REGION,
                date(2027, 4, 1),
                date(2028, 12, 31),
                "Antal patienter med aftalt kontaktpunkt, opgjort halvårligt",
            )
        ],
    ),
    "b": (
        "Sygehuset stiller sine kompetencer til rådighed",
        "Almen praksis og kommuner har let adgang til specialistrådgivning og diagnostik.",
        [
            (
                "Specialistrådgivning til almen praksis og kommuner",
                "En indgang til rådgivning fra sygehusets speciallæger.",
                Initiative.Responsible.REGION,
                date(2027, 4, 1),
                date(2030, 12, 31),
                "Antal rådgivningssager og svartid",
            ),
            (
                "Opfølgning på tilbageviste henvisninger",
                "Sygehus og almen praksis gennemgår i fællesskab tilbageviste henvisninger.",
                Initiative.Responsible.SHARED,
                date(2027, 9, 1),
                date(2029, 12, 31),
                "Andel tilbageviste henvisninger",
            ),
        ],
    ),
    "c": (
        "Stærkere samspil med kommunale tilbud til mennesker med psykiske lidelser",
        "Regional psykiatri og kommunale tilbud har aftalte snitflader og rådgivning.",
        [
            (
                "Pårørende børn og unge",
                "Fælles indsats for børn og unge, der er pårørende til psykisk syge.",
                Initiative.Responsible.SHARED,
                date(2027, 6, 1),
                date(2029, 6, 30),
                "Antal kommuner med aftalt indsats",
            )
        ],
    ),
    "d": (
        "Understøttede kommunale sundhedsindsatser",
        "Opgaver, der flyttes fra kommunerne, løses uden brud i borgernes forløb.",
        [
            (
                "Aftaler med de fire kommuner om akutsygepleje og sundheds- og omsorgspladser",
                "Sundhedsrådet og Sønderborg, Tønder, Haderslev og Aabenraa kommuner aftaler, hvem der "
                "driver hvilke tilbud.",
                Initiative.Responsible.SHARED,
                date(2027, 1, 1),
                date(2027, 12, 31),
                "Aftaler indgået med alle fire kommuner",
            )
        ],
    ),
    "e": (
        "Lige adgang til almen praksis i hele Sønderjylland",
        "Nye kapaciteter placeres, hvor behandlingsbehovet er størst.",
        [
            (
                "Lokal plan for lægedækning",
                "Sundhedsrådet tager stilling til udmøntning af kapaciteter og placering af praksis "
                "inden for den nationale fordelingsmodel.",
                Initiative.Responsible.REGION,
                date(2027, 1, 1),
                date(2030, 12, 31),
                "Lægedækning pr. kommune, opgjort årligt",
            ),
            (
                "Dialogforum med praktiserende læger",
                "Lokale tiltag og udfordringer mellem sygehus og almen praksis drøftes administrativt.",
                Initiative.Responsible.GENERAL_PRACTICE,
                date(2027, 1, 1),
                None,
                "",
            ),
        ],
    ),
}


def _user_ensure(*, spec: DemoUser, password: str):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=spec.username,
        defaults={
            "first_name": spec.first_name,
            "last_name": spec.last_name,
            "email": f"{spec.username}@example.dk",
            "is_staff": spec.is_superuser,
            "is_superuser": spec.is_superuser,
        },
    )
    user.set_password(password)  # the documented demo password, restored on every run
    user.save(update_fields=["password"])
    return user, created


def _plan_write(*, plan: Plan, author) -> None:
    for section in plan.sections.filter(is_removed=False).order_by("position"):
        if section.kind == Section.Kind.STATUTORY:
            text = STATUTORY_TEXT.get(section.statutory_area, "")
        else:
            text = THEME_TEXT.get(section.title, "")
        if text:
            section_revision_save(
                section=section,
                title=section.title,
                text=text.strip(),
                base_revision_id=section.current_revision_id,
                author=author,
                note=_("Demo-udkast"),
            )
        if section.kind != Section.Kind.STATUTORY or section.statutory_area not in GOALS_AND_INITIATIVES:
            continue
        goal_title, goal_description, initiatives = GOALS_AND_INITIATIVES[section.statutory_area]
        Goal.objects.create(section=section, position=1, title=goal_title, description=goal_description)
        for position, (title, description, responsible, start, end, indicator) in enumerate(initiatives, 1):
            Initiative.objects.create(
                section=section,
                position=position,
                title=title,
                description=description,
                responsible=responsible,
                start_date=start,
                end_date=end,
                indicator=indicator,
                statutory_area=section.statutory_area,
            )


@transaction.atomic
def demo_load(*, password: str = DEMO_PASSWORD) -> DemoResult:
    """Create the demo logins, Sønderjylland's roster and the draft plan; a no-op where they exist."""
    councils = {c.slug: c for c in HealthCouncil.objects.filter(slug__in=[COUNCIL_SLUG, OTHER_COUNCIL_SLUG])}
    missing = sorted({COUNCIL_SLUG, OTHER_COUNCIL_SLUG} - set(councils))
    if missing:
        raise DemoDataMissing(
            _(
                "Sundhedsrådene %(slugs)s findes ikke. Indlæs reformens grunddata først: "
                "python manage.py load_reform"
            )
            % {"slugs": ", ".join(missing)}
        )
    council = councils[COUNCIL_SLUG]

    users = {}
    users_created = 0
    for spec in DEMO_USERS:
        user, created = _user_ensure(spec=spec, password=password)
        users_created += created
        users[spec.username] = user
        if spec.role:
            council_role_grant(council=councils[spec.council_slug], user=user, role=spec.role)

    members_created = 0
    for name, party in ROSTER:
        _member, created = CouncilMember.objects.get_or_create(
            council=council, name=name, defaults={"party_letter": party}
        )
        members_created += created
    CouncilMember.objects.filter(council=council, name=MEMBER_USER_ROSTER_NAME, user__isnull=True).update(
        user=users["medlem"]
    )

    plan = Plan.objects.filter(council=council, title=PLAN_TITLE).first()
    plan_created = plan is None
    if plan is None:
        author = users["sekretariat"]
        plan = plan_create(
            council=council,
            title=PLAN_TITLE,
            period_start_year=2027,
            period_end_year=2030,
            created_by=author,
            national_plan_reference=_("National sundhedsplan (gælder fra 1. januar 2027)"),
            regional_plan_reference=_("Regional sundhedsplan for Region Syddanmark"),
        )
        _plan_write(plan=plan, author=author)
    if not PlanSnapshot.objects.filter(plan=plan, name=SNAPSHOT_NAME).exists():
        plan_snapshot_create(plan=plan, name=SNAPSHOT_NAME, created_by=users["sekretariat"])
    call_command("load_meeting_calendar", verbosity=0)
    process_plan = process_plan_create_from_template(plan=plan, created_by=users["sekretariat"])
    # The demo council has held the meetings, seminar and conference that lie in the past.
    process_plan.milestones.filter(
        starts_at__lt=timezone.now(), status=ProcessMilestone.Status.PLANNED
    ).update(status=ProcessMilestone.Status.DONE)
    _hearing_ensure(plan=plan, council=council, opened_by=users["sekretariat"])
    return DemoResult(
        users_created=users_created, members_created=members_created, plan=plan, plan_created=plan_created
    )


def _hearing_ensure(*, plan: Plan, council: HealthCouncil, opened_by) -> Hearing:
    """The demo plan's hearing: four weeks from today, the statutory committee, the four municipalities
    and the GPs' organisation; invitations go to example.dk addresses (console email in development)."""
    hearing = Hearing.objects.filter(plan=plan).first()
    if hearing is not None:
        return hearing
    parties = [
        PartyInput(
            name="Patient- og pårørendeudvalget, Region Syddanmark",
            email="patientudvalg@example.dk",
            kind=HearingParty.Kind.PATIENT_COMMITTEE,
        ),
        *[
            PartyInput(
                name=f"{municipality.name} Kommune",
                email=f"{municipality.slug}@example.dk",
                kind=HearingParty.Kind.MUNICIPALITY,
                municipality_id=municipality.pk,
            )
            for municipality in council.municipalities.order_by("name")
        ],
        PartyInput(
            name="PLO Syddanmark", email="plo-syddanmark@example.dk", kind=HearingParty.Kind.GP_ORGANISATION
        ),
    ]
    deadline = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(weeks=4), time(12)))
    return hearing_open(
        plan=plan,
        title=_("Høring over udkast til nærsundhedsplan for Sundhedsråd Sønderjylland"),
        deadline=deadline,
        intro=_(
            "Sundhedsråd Sønderjylland sender hermed udkast til nærsundhedsplan i høring. "
            "Vi hører gerne jeres bemærkninger til planens mål og indsatser."
        ),
        parties=parties,
        opened_by=opened_by,
    )
