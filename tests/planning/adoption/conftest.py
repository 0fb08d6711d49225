"""The adoption tests build on the hearing fixtures (a complete plan, an opened hearing)."""

from tests.planning.hearings.conftest import *  # noqa: F403
