"""Views of the planning app, one module per feature (plans, pdf, comments, process, ...)."""
