"""View mixins that enforce council object permissions.

A logged-in user without access to a council gets 404 (no existence leak); a member who may read but
not write gets 403; anonymous users are sent to login.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404

from councils.models import HealthCouncil
from councils.permissions import CouncilPerm
from councils.selectors import council_user_can


class CouncilAccessMixin(LoginRequiredMixin):
    """Subclasses implement get_council(); `council_permission` is what the view needs beyond reading."""

    council_permission: str = CouncilPerm.ACCESS

    def get_council(self) -> HealthCouncil:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        council = self.get_council()
        if not council_user_can(user=request.user, council=council, perm=CouncilPerm.ACCESS):
            raise Http404
        if self.council_permission != CouncilPerm.ACCESS and not council_user_can(
            user=request.user, council=council, perm=self.council_permission
        ):
            raise PermissionDenied
        self.council = council
        return super().dispatch(request, *args, **kwargs)
