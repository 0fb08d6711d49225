"""The planning app's models, gathered from its feature packages (app label `planning`, so no table moves).

Each feature keeps its models in `planning/<feature>/models.py`; add one import line below per feature.
Code inside `planning/` imports models from the feature module, never from here (import-linter checks it).
"""

from planning.adoption.models import PlanAdoption, SundhedsstyrelsenAdvice  # noqa: F401
from planning.documents.models import PlanDocument  # noqa: F401
from planning.hearings.models import (  # noqa: F401
    Hearing,
    HearingParty,
    HearingReminder,
    HearingResponse,
    ResponseAttachment,
    WhitePaper,
    WhitePaperPoint,
)
from planning.meetings.models import (  # noqa: F401
    AgendaItem,
    Attachment,
    Meeting,
    MeetingParticipant,
    MinutesApproval,
    MinutesVersion,
    Question,
    QuestionMessage,
    QuestionReminderDelivery,
    StopRightReferral,
    Vote,
)
from planning.notifications.models import Notification, NotificationDigest, NotificationSetting  # noqa: F401
from planning.plans.models import (  # noqa: F401
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
from planning.process.models import (  # noqa: F401
    CalendarFeedToken,
    Phase,
    ProcessMilestone,
    ProcessPlan,
    ReminderDelivery,
)
from planning.review.models import ChangeProposal, Comment, CommentEdit  # noqa: F401
