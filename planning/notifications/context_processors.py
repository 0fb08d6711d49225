"""Template context for every page: the signed-in user's unread notification count (for the header)."""

from planning.notifications.selectors import notification_unread_count


def notifications(request) -> dict:
    """`notification_unread_count` is a callable: the count query runs only on pages that show it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"notification_unread_count": 0}
    cache: dict[str, int] = {}

    def unread() -> int:
        if "n" not in cache:
            cache["n"] = notification_unread_count(user=user)
        return cache["n"]

    return {"notification_unread_count": unread}
