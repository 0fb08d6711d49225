"""Session lifetime as OWASP ASVS L2 asks: 30 minutes idle, 12 hours absolute."""

import time

from django.conf import settings
from django.contrib.auth import logout

SESSION_STARTED_KEY = "_session_started_at"
SESSION_SEEN_KEY = "_session_seen_at"


class SessionExpiryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if session.get("_auth_user_id"):
            now = time.time()
            started = session.get(SESSION_STARTED_KEY, now)
            seen = session.get(SESSION_SEEN_KEY, now)
            if (
                now - started > settings.SESSION_ABSOLUTE_SECONDS
                or now - seen > settings.SESSION_IDLE_SECONDS
            ):
                logout(request)  # flushes the session; the request continues as anonymous
            else:
                session[SESSION_STARTED_KEY] = started
                session[SESSION_SEEN_KEY] = now
        return self.get_response(request)
