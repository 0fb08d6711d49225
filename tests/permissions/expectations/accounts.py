"""Auth pages: public by nature; logged-in users are sent on from the login page. Flows in tests/councils/."""

from tests.conftest import ROLES
from tests.permissions.expectations import PUBLIC, Expect


def _all(status: int) -> dict:
    return dict.fromkeys(ROLES, status)


EXPECTATIONS = {
    # Logged-in users are redirected from the login page to "my councils".
    "login": Expect(get={**_all(302), "anonymous": 200}),
    # Logout is POST only (a GET must not end a session); the POST redirects to the home page.
    "logout": Expect(get=_all(405), post=_all(302)),
    "password_reset": Expect(
        get=PUBLIC, post=_all(302), post_data=lambda w: {"email": "ingen-konto@example.dk"}
    ),
    "password_reset_done": Expect(get=PUBLIC),
    # A forged link shows the Danish "invalid link" page, never an error.
    "password_reset_confirm": Expect(kwargs=lambda w: {"uidb64": "MQ", "token": "forkert-token"}, get=PUBLIC),
    "password_reset_complete": Expect(get=PUBLIC),
}
