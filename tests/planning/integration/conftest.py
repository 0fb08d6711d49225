from tests.planning.meetings.conftest import held_meeting, soenderjylland_roster  # noqa: F401
