"""Session lifetime as OWASP ASVS L2 asks: 30 minutes idle, 12 hours absolute."""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.http import Http404

from councils.errors import NotFound

SESSION_STARTED_KEY = "_session_started_at"
SESSION_SEEN_KEY = "_session_seen_at"


class SessionExpiryMiddleware:
    """Log out a session idle for more than SESSION_IDLE_SECONDS or older than SESSION_ABSOLUTE_SECONDS.

    Both clocks start when the user logs in (Django's login() also rotates the session key), so an
    old anonymous session cannot carry an earlier start time into a fresh login. The expired request
    continues as anonymous: private pages then redirect to the login page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        user_before = session.get(SESSION_KEY)
        key_before = session.session_key
        if user_before:
            now = time.time()
            started = session.get(SESSION_STARTED_KEY, now)
            seen = session.get(SESSION_SEEN_KEY, now)
            if (
                now - started > settings.SESSION_ABSOLUTE_SECONDS
                or now - seen > settings.SESSION_IDLE_SECONDS
            ):
                logout(request)  # flushes the session and gives a new key
            else:
                session[SESSION_STARTED_KEY] = started
                session[SESSION_SEEN_KEY] = now
        response = self.get_response(request)
        user_after = session.get(SESSION_KEY)
        if user_after and (user_after != user_before or session.session_key != key_before):
            now = time.time()  # a login happened during this request: both clocks restart
            session[SESSION_STARTED_KEY] = now
            session[SESSION_SEEN_KEY] = now
        return response


def client_ip_address(request) -> str | None:
    """The client's address for login throttling (django-axes' AXES_CLIENT_IP_CALLABLE).

    Behind TRUSTED_PROXY_COUNT reverse proxies, each proxy appends the address it saw to
    X-Forwarded-For, so the client is the entry that many places from the right; anything further
    left was written by the client and cannot be trusted. Without proxies REMOTE_ADDR is the client.
    Without this, every login would seem to come from the proxy and one attacker could lock out all.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class DanishFirstMiddleware:
    """The portal speaks Danish unless the user picks English in the language menu.

    Django's LocaleMiddleware would otherwise follow the browser's Accept-Language, so a Danish civil
    servant with an English-language browser would get a half-English portal. The explicit choice
    (the language cookie set by the menu) still wins.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class NotFoundMiddleware:
    """A `NotFound` from a selector or service answers 404, exactly as `Http404` raised in a view would.

    Listed last, so it sees a view's exception first; the 404 page is rendered by Django's handler."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NotFound):
            raise Http404 from exception
        return None
