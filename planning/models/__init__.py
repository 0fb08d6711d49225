"""The planning app's models, one module per part of the product.

Each feature adds its own module here and one import line below.
"""

from planning.models.hearings import (  # noqa: F401, E402
    Hearing,
    HearingParty,
    HearingReminder,
    HearingResponse,
    PlanAdoption,
    ResponseAttachment,
    SundhedsstyrelsenAdvice,
    WhitePaper,
    WhitePaperPoint,
)
from planning.models.meetings import (  # noqa: F401
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
from planning.models.process import (  # noqa: F401, E402
    CalendarFeedToken,
    Phase,
    ProcessMilestone,
    ProcessPlan,
    ReminderDelivery,
)
from planning.models.review import ChangeProposal, Comment, CommentEdit, NotificationDigest  # noqa: F401, E402
