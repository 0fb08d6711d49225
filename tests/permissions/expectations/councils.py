from tests.permissions.expectations import LOGGED_IN, PUBLIC, Expect

EXPECTATIONS = {
    "home": Expect(get=PUBLIC),
    "council-detail": Expect(kwargs=lambda w: {"slug": w.council.slug}, get=PUBLIC),
    "council-mine": Expect(get=LOGGED_IN),
}
