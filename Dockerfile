# syntax=docker/dockerfile:1
# vanban — HTTP service, web page and batch worker, on gunicorn.
#
#   docker build -t vanban .
#   docker run --rm -p 8000:8000 -v "$PWD/my-templates:/templates:ro" vanban
#   docker run --rm -e VANBAN_REDIS_URL=redis://redis:6379/0 vanban vanban worker
#
# System packages come from deploy/install-system.sh — the same script CI (.ci/run) runs;
# the wheels from deploy/build-wheels.sh (setup.py puts the built-in templates in the package).
# Settings: the VANBAN_* variables of docs/configuration.md; a bad value stops the start.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- build: wheels of vanban[server] and every dependency (compilers allowed here only) ----
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY service ./service
COPY templates_docx ./templates_docx
COPY content_blocks ./content_blocks
COPY deploy ./deploy
RUN bash deploy/build-wheels.sh /wheels

# ---- runtime: LibreOffice and fonts from the shared script, the wheels, no build tools ----
FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
COPY deploy/install-system.sh /usr/local/lib/vanban/install-system.sh
RUN bash /usr/local/lib/vanban/install-system.sh --clean
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-index --find-links=/wheels "vanban[server]"
COPY gunicorn.conf.py /etc/vanban/gunicorn.conf.py

# Extra templates: mount a folder of template folders on /templates (checked at start).
RUN useradd --system --uid 10001 --create-home --home-dir /home/vanban \
      --shell /usr/sbin/nologin vanban \
 && mkdir -p /templates
USER vanban
WORKDIR /home/vanban
# PDF: LibreOffice kept running (warm), driven through Debian's python3-uno.
ENV VANBAN_BIND=0.0.0.0:8000 \
    VANBAN_LOG_FORMAT=json \
    VANBAN_PDF=warm \
    VANBAN_UNO_PYTHON=/usr/bin/python3 \
    VANBAN_TEMPLATES_PATH=/templates

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=3)"

CMD ["gunicorn", "-c", "/etc/vanban/gunicorn.conf.py"]
