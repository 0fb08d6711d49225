"""The planning app's models, one module per part of the product.

Each feature adds its own module here and one import line below.
"""

from planning.models.notifications import Notification, NotificationSetting  # noqa: F401, E402
from planning.models.pdf import PlanDocument  # noqa: F401, E402
from planning.models.plans import (  # noqa: F401
    Goal,
    Initiative,
    Plan,
    PlanEvent,
    PlanSnapshot,
    Section,
    SectionRevision,
    SnapshotEntry,
    StatutoryArea,
)
