"""`NotFound`: what selectors and services raise for an object that is not there (or not the caller's).

Only the web layer turns it into a 404 (`councils.middleware.NotFoundMiddleware`), so the domain code never
speaks HTTP and a management command or task gets an ordinary exception.
"""


class NotFound(LookupError):
    pass
