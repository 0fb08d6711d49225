"""The planning app's URLs, gathered from its feature packages; add one line below per feature."""

from planning.adoption import urls as adoption
from planning.documents import urls as documents
from planning.hearings import urls as hearings
from planning.meetings import urls as meetings
from planning.notifications import urls as notifications
from planning.plans import urls as plans
from planning.process import urls as process
from planning.review import urls as review

urlpatterns = [
    *plans.urlpatterns,
    *documents.urlpatterns,
    *review.urlpatterns,
    *notifications.urlpatterns,
    *process.urlpatterns,
    *hearings.urlpatterns,
    *adoption.urlpatterns,
    *meetings.urlpatterns,
]
