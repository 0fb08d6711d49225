"""The real reference data, loaded once per test module and rolled back afterwards.

Import the fixture into a test module: `from tests.reform.reference_data import reference_data  # noqa: F401`.
Each test still runs in its own savepoint (pytest-django's `db`), so changes never leak between tests.
"""

import pytest
from django.db import transaction

from reform.services import reform_reference_load

# DOMAIN.md §1, figure 9 of 004: council -> (region, municipality count, published member count)
PUBLISHED = {
    "Vendsyssel": ("Nordjylland", 4, 9),
    "Limfjorden": ("Nordjylland", 7, 16),
    "Kronjylland": ("Midtjylland", 4, 10),
    "Horsens": ("Midtjylland", 4, 10),
    "Aarhus": ("Midtjylland", 2, 6),
    "Vestjylland": ("Midtjylland", 6, 14),
    "Midt": ("Midtjylland", 3, 9),
    "Fyn": ("Syddanmark", 9, 20),
    "Trekantsområdet": ("Syddanmark", 4, 11),
    "Sydvestjylland": ("Syddanmark", 5, 12),
    "Sønderjylland": ("Syddanmark", 4, 9),
    "Hovedstaden": ("Østdanmark", 3, 9),
    "Hovedstaden Syd og Vest": ("Østdanmark", 9, 19),
    "Hovedstaden Nord": ("Østdanmark", 9, 19),
    "Nordsjælland": ("Østdanmark", 8, 17),
    "Østsjælland og øerne": ("Østdanmark", 9, 20),
    "Midt- og Vestsjælland": ("Østdanmark", 8, 19),
}
TWO_VOTE_MUNICIPALITIES = {
    "København", "Frederiksberg", "Aalborg", "Randers", "Horsens", "Aarhus", "Herning", "Viborg",
    "Silkeborg", "Odense", "Kolding", "Vejle", "Esbjerg", "Roskilde", "Næstved", "Slagelse",
}  # fmt: skip


@pytest.fixture(scope="module")
def reference_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield reform_reference_load()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
