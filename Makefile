# Sundhedsråd Planner. `make run` serves the portal with demo data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-12)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat pyproject.toml | md5sum | cut -c1-12)

.PHONY: run test lint install install-test migrate demo worker beat messages

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

install: $(STAMP)
install-test: $(TEST_STAMP)

# compilemessages needs GNU gettext's msgfmt (apt-get install gettext); without it the portal runs in
# Danish only, so a missing msgfmt is a warning, not an error.
messages: install
	@if ! command -v msgfmt >/dev/null; then \
	  echo "WARNING: msgfmt not found (apt-get install gettext): translations not compiled, UI stays Danish"; \
	elif [ -z "$$(find . -path ./$(VENV) -prune -o -type d -name locale -print -quit)" ]; then \
	  echo "no locale/ directory yet: nothing to compile"; \
	else \
	  $(BIN)/python manage.py compilemessages --ignore=$(VENV) -v 0; \
	fi

migrate: install messages
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_reform
	$(BIN)/python manage.py load_demo

# With REDIS_URL set, a real Celery worker and beat run beside the web server.
# Links in e-mails and calendar feeds point at the port the portal is served on.
run: export PORTAL_BASE_URL ?= http://127.0.0.1:$(PORT)
run: demo
	@if [ -n "$$REDIS_URL" ]; then \
	  $(BIN)/celery -A config worker -Q celery,pdf --loglevel=INFO & \
	  $(BIN)/celery -A config beat --loglevel=INFO & \
	fi; \
	trap 'kill $$(jobs -p) 2>/dev/null' EXIT; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

worker: install
	$(BIN)/celery -A config worker -Q celery,pdf --loglevel=INFO

beat: install
	$(BIN)/celery -A config beat --loglevel=INFO

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0

test: install-test messages lint
	$(BIN)/python -m pytest
