"""Django's admin discovers `planning.admin`: one import line per feature's `admin.py`."""

from planning.plans import admin as plans_admin  # noqa: F401
from planning.review import admin as review_admin  # noqa: F401
