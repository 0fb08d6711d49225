from celery import shared_task


@shared_task(name="planning.question_reminder_sweep", soft_time_limit=240, time_limit=300)
def question_reminder_sweep() -> dict[str, int]:
    """Daily at 07:00: reminders about the question scheme's deadlines, each exactly once."""
    from planning.meetings.questions import question_reminder_sweep as sweep

    return sweep()
