"""What a user may do with a plan. Plans inherit their rights from their council's object permissions."""

from councils.permissions import CouncilPerm


class PlanPerm:
    VIEW = CouncilPerm.ACCESS  # council members and secretariat read
    CHANGE = CouncilPerm.MANAGE  # the secretariat writes
