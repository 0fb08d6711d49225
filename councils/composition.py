"""The composition rule of a health council (DOMAIN.md §1, reform paper 004 initiative 1.2).

A municipality under 80,000 inhabitants has 1 vote, over 80,000 has 2; where the population is not known,
the published two-vote flag decides. Each regional member has 1 vote.
"""

from councils.models import Municipality

TWO_VOTE_POPULATION = 80_000


def municipality_votes(*, municipality: Municipality) -> int:
    if municipality.population is not None:
        return 2 if municipality.population > TWO_VOTE_POPULATION else 1
    return 2 if municipality.published_two_votes else 1
