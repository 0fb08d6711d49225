from tests.permissions.expectations import Expect

EXPECTATIONS = {
    # Auth pages are covered by tests/councils/test_accounts.py; listed so the matrix knows them.
    "login": Expect(),
    "logout": Expect(),
    "password_reset": Expect(),
    "password_reset_done": Expect(),
    "password_reset_confirm": Expect(),
    "password_reset_complete": Expect(),
}
