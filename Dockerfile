# vanban — HTTP service and web page, run by gunicorn with the repository's gunicorn.conf.py.
#
#   docker build -t vanban .
#   docker run --rm -p 8000:8000 vanban          # then open http://localhost:8000/
#
# LibreOffice (no GUI) and its UNO bridge (python3-uno, for Debian's /usr/bin/python3) are
# included for ?format=pdf, kept running between requests (VANBAN_PDF=warm); Liberation fonts
# stand in, metric for metric, for Times New Roman and Arial. Set VANBAN_MAX_CONTENT_LENGTH, WEB_CONCURRENCY,
# VANBAN_THREADS, VANBAN_TIMEOUT as needed (see gunicorn.conf.py).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libreoffice-writer-nogui python3-uno fonts-liberation2 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
RUN pip install ".[server]"

# Templates and content blocks are read from VANBAN_HOME at run time.
COPY templates_docx ./templates_docx
COPY content_blocks ./content_blocks
COPY gunicorn.conf.py ./

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin vanban
USER vanban

ENV VANBAN_HOME=/app \
    VANBAN_BIND=0.0.0.0:8000 \
    VANBAN_PDF=warm \
    VANBAN_UNO_PYTHON=/usr/bin/python3

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=3)"

CMD ["gunicorn", "-c", "/app/gunicorn.conf.py"]
