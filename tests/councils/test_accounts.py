"""Login, logout, password reset, lockout after failed logins, session lifetime and "my councils"."""

import re
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from councils import middleware
from councils.middleware import SESSION_SEEN_KEY, SESSION_STARTED_KEY
from tests.factories import TEST_PASSWORD, UserFactory

LOGIN_ERROR = "Indtast venligst korrekt brugernavn og adgangskode"
LOCKOUT_TEXT = "For mange mislykkede loginforsøg"


def _login(client, username, password=TEST_PASSWORD, ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


# --- login and logout -------------------------------------------------------------------------


def test_login_page_is_danish_and_has_labelled_fields(client, db):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_username">Brugernavn</label>' in html
    assert '<label for="id_password">Adgangskode</label>' in html
    assert "Glemt adgangskode?" in html


def test_wrong_password_is_answered_in_danish_and_username_kept(client, world):
    response = _login(client, "secretariat", "forkert-adgangskode")
    html = response.content.decode()
    assert response.status_code == 200
    assert LOGIN_ERROR in html
    assert 'value="secretariat"' in html  # the user's input is not lost
    assert SESSION_KEY not in client.session


def test_login_lands_on_my_councils(client, world):
    response = _login(client, "secretariat")
    assert response.status_code == 302
    assert response.url == reverse("council-mine")
    assert int(client.session[SESSION_KEY]) == world.users["secretariat"].pk


def test_login_honours_a_safe_next_and_ignores_a_foreign_one(client, world):
    response = client.post(
        reverse("login"), {"username": "member", "password": TEST_PASSWORD, "next": "/planer/"}
    )
    assert response.url == "/planer/"
    client.post(reverse("logout"))
    response = client.post(
        reverse("login"),
        {"username": "member", "password": TEST_PASSWORD, "next": "https://evil.example.com/"},
    )
    assert response.url == reverse("council-mine")


def test_login_rotates_the_session_key(client, world):
    session = client.session
    session["tracked"] = "før login"
    session.save()
    key_before = session.session_key
    client.cookies["sessionid"] = key_before
    _login(client, "secretariat")
    key_after = client.cookies["sessionid"].value
    assert key_after != key_before
    assert not Session.objects.filter(session_key=key_before).exists()
    assert client.session[SESSION_STARTED_KEY] == pytest.approx(time.time(), abs=30)


def test_logout_requires_post_and_ends_the_session(client, world):
    client.force_login(world.users["member"])
    assert client.get(reverse("logout")).status_code == 405
    assert SESSION_KEY in client.session
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert SESSION_KEY not in client.session
    assert client.get(reverse("council-mine")).url.startswith(reverse("login"))


# --- throttling (django-axes) -----------------------------------------------------------------


def test_account_is_locked_after_the_failure_limit_with_a_danish_message(client, world, settings):
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        assert _login(client, "secretariat", "forkert-adgangskode").status_code == 200
    response = _login(client, "secretariat", "forkert-adgangskode")
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKOUT_TEXT in html
    assert "Prøv igen om 15 minutter" in html
    # Locked even with the right password, and from another address (per account).
    response = _login(client, "secretariat", TEST_PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_address_is_locked_for_every_account_after_the_failure_limit(client, world, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"ukendt-{number}", "forkert-adgangskode", ip="10.0.0.66")
    response = _login(client, "member", TEST_PASSWORD, ip="10.0.0.66")
    assert response.status_code == 429
    assert LOCKOUT_TEXT in response.content.decode()
    assert SESSION_KEY not in client.session


def test_lockout_does_not_touch_another_account_from_another_address(client, world, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "secretariat", "forkert-adgangskode", ip="10.0.0.1")
    response = _login(client, "other_secretariat", TEST_PASSWORD, ip="10.0.0.2")
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == world.users["other_secretariat"].pk


def test_successful_login_resets_the_failure_count(client, world, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "member", "forkert-adgangskode")
    assert _login(client, "member").status_code == 302
    assert not AccessAttempt.objects.filter(username="member").exists()


# --- password reset and password rules --------------------------------------------------------


def _reset_link(client, email):
    response = client.post(reverse("password_reset"), {"email": email})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Nulstil din adgangskode til Sundhedsråd Planner"
    match = re.search(r"https?://[^/\s]+(/accounts/reset/[^\s]+/)", message.body)
    assert match, message.body
    html_body = message.alternatives[0][0]
    assert match.group(1) in html_body
    return match.group(1)


def test_password_reset_mail_is_danish_and_links_to_the_portal(client, world, settings):
    settings.PORTAL_BASE_URL = "https://sundhedsraad.example.dk/"
    _reset_link(client, world.users["member"].email)
    body = mail.outbox[0].body
    assert "https://sundhedsraad.example.dk/accounts/reset/" in body
    assert "Dit brugernavn er: member" in body


def test_password_reset_for_unknown_email_sends_nothing_and_reveals_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "ingen@example.dk"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


def test_password_shorter_than_12_characters_is_refused(client, world):
    user = world.users["member"]
    link = _reset_link(client, user.email)
    form_url = client.get(link).url  # Django swaps the token for a session marker
    response = client.post(form_url, {"new_password1": "Kort-kode-1", "new_password2": "Kort-kode-1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Denne adgangskode er for kort. Den skal indeholde mindst 12 tegn." in html
    user.refresh_from_db()
    assert user.check_password(TEST_PASSWORD)  # nothing changed

    response = client.post(
        form_url,
        {"new_password1": "en-lang-sommerdag-i-aabenraa", "new_password2": "en-lang-sommerdag-i-aabenraa"},
    )
    assert response.url == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("en-lang-sommerdag-i-aabenraa")
    assert "Adgangskoden er skiftet" in client.get(response.url).content.decode()

    used = Client().get(link, follow=True)  # the same emailed link, once more, in a fresh browser
    assert "Linket til at nulstille adgangskoden er ugyldigt" in used.content.decode()
    user.refresh_from_db()
    assert user.check_password("en-lang-sommerdag-i-aabenraa")


def test_forged_reset_link_shows_a_danish_invalid_link_page(client, world):
    response = client.get(reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "forkert"}))
    assert response.status_code == 200
    assert "Linket til at nulstille adgangskoden er ugyldigt" in response.content.decode()


# --- session lifetime -------------------------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(middleware, "time", fake)
    return fake


def test_session_ends_after_30_minutes_idle(client, world, clock):
    _login(client, "member")
    assert client.get(reverse("council-mine")).status_code == 200
    clock.now += 29 * 60
    assert client.get(reverse("council-mine")).status_code == 200  # activity restarts the idle clock
    clock.now += 29 * 60
    assert client.get(reverse("council-mine")).status_code == 200
    clock.now += 30 * 60 + 1
    response = client.get(reverse("council-mine"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert SESSION_KEY not in client.session


def test_session_ends_after_12_hours_even_when_active(client, world, clock):
    _login(client, "member")
    started = clock.now
    while clock.now - started < 12 * 60 * 60 - 25 * 60:
        clock.now += 25 * 60
        assert client.get(reverse("council-mine")).status_code == 200
    clock.now = started + 12 * 60 * 60 + 1
    response = client.get(reverse("council-mine"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_absolute_limit_applies_to_an_old_session_marked_in_the_store(client, world):
    client.force_login(world.users["member"])
    session = client.session
    session[SESSION_STARTED_KEY] = time.time() - 12 * 60 * 60 - 5
    session[SESSION_SEEN_KEY] = time.time() - 60
    session.save()
    assert client.get(reverse("council-mine")).status_code == 302


def test_new_login_restarts_the_absolute_clock(client, world, clock):
    _login(client, "member")
    clock.now += 11 * 60 * 60
    client.post(reverse("logout"))
    _login(client, "member")
    assert client.session[SESSION_STARTED_KEY] == clock.now
    relogin = clock.now
    while clock.now - relogin < 11 * 60 * 60:  # 22 hours after the first login, still active
        clock.now += 25 * 60
        assert client.get(reverse("council-mine")).status_code == 200


# --- my councils ------------------------------------------------------------------------------


def test_my_councils_lists_own_council_with_role_and_links(client, world):
    client.force_login(world.users["secretariat"])
    response = client.get(reverse("council-mine"))
    html = response.content.decode()
    assert response.status_code == 200
    assert [entry["council"] for entry in response.context["entries"]] == [world.council]
    assert [str(role) for role in response.context["entries"][0]["roles"]] == ["Sekretariat"]
    assert world.council.get_absolute_url() in html
    assert reverse("plan-list") in html
    assert "Fyn" not in html.split("<main", 1)[1]


def test_my_councils_shows_every_role_a_user_holds(client, world):
    from councils.permissions import CouncilRole, council_role_grant

    user = world.users["member"]
    council_role_grant(council=world.council, user=user, role=CouncilRole.SECRETARIAT)
    client.force_login(user)
    entries = client.get(reverse("council-mine")).context["entries"]
    assert [str(role) for role in entries[0]["roles"]] == ["Sekretariat", "Rådsmedlem"]


def test_my_councils_for_a_user_without_councils_says_so(client, db):
    client.force_login(UserFactory(username="uden-raad"))
    html = client.get(reverse("council-mine")).content.decode()
    assert "Du er ikke tilknyttet et sundhedsråd endnu" in html


def test_administrator_sees_every_council_as_administrator(client, world):
    client.force_login(world.users["admin"])
    entries = client.get(reverse("council-mine")).context["entries"]
    assert {entry["council"] for entry in entries} == {world.council, world.other_council}
    assert all([str(role) for role in entry["roles"]] == ["Administrator"] for entry in entries)


# --- client address behind reverse proxies ----------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.9"),  # no proxy trusted: the header is ignored
        (1, "6.6.6.6, 1.1.1.1", "1.1.1.1"),  # the client forged the first entry; the proxy wrote the last
        (2, "6.6.6.6, 1.1.1.1, 172.18.0.1", "1.1.1.1"),
        (1, "", "10.0.0.9"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(rf, settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert middleware.client_ip_address(request) == expected


def test_behind_a_proxy_one_attacker_does_not_lock_out_everyone(client, world, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": f"ukendt-{number}", "password": "forkert"},
            REMOTE_ADDR="172.18.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    response = client.post(
        reverse("login"),
        {"username": "member", "password": TEST_PASSWORD},
        REMOTE_ADDR="172.18.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302


def test_empty_login_form_is_answered_in_danish(client, db):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Udfyld både brugernavn og adgangskode." in html
    assert "Dette felt er påkrævet." in html


def test_error_pages_are_danish(client, world):
    client.force_login(world.users["member"])
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()
