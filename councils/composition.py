"""The composition rule of a health council (DOMAIN.md §1, reform paper 004 initiative 1.2).

A municipality under 80,000 inhabitants has 1 vote, over 80,000 has 2; where the population is not known,
the published two-vote flag decides. Each regional member has 1 vote.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from councils.models import CouncilMember, HealthCouncil, Municipality

TWO_VOTE_POPULATION = 80_000


def municipality_votes(*, municipality: Municipality) -> int:
    if municipality.population is not None:
        return 2 if municipality.population > TWO_VOTE_POPULATION else 1
    return 2 if municipality.published_two_votes else 1


@dataclass(frozen=True)
class MunicipalityVotes:
    municipality: Municipality
    votes: int
    representatives: tuple[CouncilMember, ...]  # municipal members sitting for it (normally one)


@dataclass
class CompositionReport:
    """The composition of one council checked against the rule; `reasons` say in Danish what breaks it.

    The rule (DOMAIN.md §1): regional members = weighted municipal votes + 1, so the council has
    municipalities + weighted votes + 1 members and the regional members hold a majority both in
    headcount and in votes. The published member count must agree. The roster (the actual members) is
    checked as well once every member's kind is known; until then it is reported as incomplete.
    """

    council: HealthCouncil
    municipalities: list[MunicipalityVotes]
    weighted_municipal_votes: int
    required_regional_members: int
    expected_member_count: int
    published_member_count: int | None
    member_count: int
    regional_members: int
    municipal_members: int
    observer_members: int
    unset_members: int
    roster_municipal_votes: int
    reasons: list[str] = field(default_factory=list)

    @property
    def municipality_count(self) -> int:
        return len(self.municipalities)

    @property
    def published_count_matches(self) -> bool | None:
        if self.published_member_count is None:
            return None
        return self.published_member_count == self.expected_member_count

    @property
    def headcount_majority(self) -> bool:
        """The rule's regional members outnumber the municipal members."""
        return self.required_regional_members > self.municipality_count

    @property
    def vote_majority(self) -> bool:
        """The rule's regional members outvote the municipalities."""
        return self.required_regional_members > self.weighted_municipal_votes

    @property
    def roster_empty(self) -> bool:
        return self.member_count == 0

    @property
    def roster_incomplete(self) -> bool:
        return self.unset_members > 0

    @property
    def roster_checked(self) -> bool:
        return not self.roster_empty and not self.roster_incomplete

    @property
    def roster_headcount_majority(self) -> bool | None:
        return self.regional_members > self.municipal_members if self.roster_checked else None

    @property
    def roster_vote_majority(self) -> bool | None:
        return self.regional_members > self.roster_municipal_votes if self.roster_checked else None

    @property
    def is_ok(self) -> bool:
        return not self.reasons


def council_composition(*, council: HealthCouncil) -> CompositionReport:
    """Check one council against the composition rule.

    Reads `council.municipalities.all()` and `council.members.all()`: prefetch them (members with their
    municipality) and the check costs no queries.
    """
    municipalities = sorted(council.municipalities.all(), key=lambda municipality: municipality.name)
    members = list(council.members.all())
    kinds = CouncilMember.Kind
    municipal = [member for member in members if member.kind == kinds.MUNICIPAL]
    representatives: dict[int, list[CouncilMember]] = {}
    for member in municipal:
        representatives.setdefault(member.municipality_id, []).append(member)

    rows = [
        MunicipalityVotes(
            municipality=municipality,
            votes=municipality_votes(municipality=municipality),
            representatives=tuple(representatives.get(municipality.pk, [])),
        )
        for municipality in municipalities
    ]
    weighted = sum(row.votes for row in rows)
    report = CompositionReport(
        council=council,
        municipalities=rows,
        weighted_municipal_votes=weighted,
        required_regional_members=weighted + 1,
        expected_member_count=len(rows) + weighted + 1,
        published_member_count=council.published_member_count,
        member_count=len(members),
        regional_members=sum(1 for member in members if member.kind == kinds.REGIONAL),
        municipal_members=len(municipal),
        observer_members=sum(1 for member in members if member.kind == kinds.OBSERVER),
        unset_members=sum(1 for member in members if not member.kind),
        roster_municipal_votes=sum(
            municipality_votes(municipality=member.municipality)
            for member in municipal
            if member.municipality
        ),
    )
    report.reasons = _composition_reasons(report)
    return report


def _composition_reasons(report: CompositionReport) -> list[str]:
    reasons = []
    if not report.municipalities:
        reasons.append(_("Rådet har ingen kommuner."))
    if report.published_count_matches is False:
        reasons.append(
            _(
                "Det offentliggjorte medlemstal (%(published)s) passer ikke med reglen: %(municipalities)s "
                "kommuner + %(votes)s kommunale stemmer + 1 = %(expected)s medlemmer."
            )
            % {
                "published": report.published_member_count,
                "municipalities": report.municipality_count,
                "votes": report.weighted_municipal_votes,
                "expected": report.expected_member_count,
            }
        )
    if not report.roster_checked:
        return reasons
    if report.regional_members != report.required_regional_members:
        reasons.append(
            _(
                "Rosteren har %(actual)s regionsrådsmedlemmer; reglen kræver %(votes)s kommunale stemmer "
                "+ 1 = %(required)s."
            )
            % {
                "actual": report.regional_members,
                "votes": report.weighted_municipal_votes,
                "required": report.required_regional_members,
            }
        )
    unrepresented = [row.municipality.name for row in report.municipalities if not row.representatives]
    if unrepresented:
        reasons.append(_("Ingen kommunal repræsentant for: %(names)s.") % {"names": ", ".join(unrepresented)})
    doubled = [row.municipality.name for row in report.municipalities if len(row.representatives) > 1]
    if doubled:
        reasons.append(_("Mere end én kommunal repræsentant for: %(names)s.") % {"names": ", ".join(doubled)})
    if not report.roster_headcount_majority:
        reasons.append(
            _("Regionsrådsmedlemmerne har ikke flertal i antal (%(regional)s mod %(municipal)s).")
            % {"regional": report.regional_members, "municipal": report.municipal_members}
        )
    if not report.roster_vote_majority:
        reasons.append(
            _("Regionsrådsmedlemmerne har ikke flertal i stemmer (%(regional)s mod %(municipal)s).")
            % {"regional": report.regional_members, "municipal": report.roster_municipal_votes}
        )
    return reasons
