# Sundhedsråd Planner: one image for web (gunicorn), worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    MEDIA_ROOT=/app/media

# WeasyPrint needs Pango (and HarfBuzz subsetting for fonts); fonts for the PDFs; gettext for compilemessages.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
      fonts-liberation2 fonts-dejavu-core \
      gettext \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first (cached until pyproject.toml changes). `packages = []`: this installs only the pins.
COPY pyproject.toml ./
RUN pip install .

COPY . .

# Static files and translations are built into the image. The build-time SECRET_KEY only lets the
# settings import (DEBUG off selects WhiteNoise's manifest storage); it is never used at run time.
RUN DEBUG=false SECRET_KEY=build-only-collectstatic-never-used-at-runtime ALLOWED_HOSTS=localhost \
      python manage.py collectstatic --noinput -v 0 \
 && if find . -type d -name locale -not -path "./staticfiles/*" | grep -q .; then \
      DEBUG=false SECRET_KEY=build-only-collectstatic-never-used-at-runtime ALLOWED_HOSTS=localhost \
      python manage.py compilemessages -v 0; \
    fi

RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home portal \
 && mkdir -p /app/media \
 && chown -R portal:portal /app/media
USER portal

EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--timeout", "60", "--access-logfile", "-"]
