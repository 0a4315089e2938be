"""Gunicorn settings: ``gunicorn -c gunicorn.conf.py`` (see docs/operations.md).

Environment: ``BIND`` (host:port, wins), else ``PORT`` (binds 0.0.0.0:PORT, the platform
convention), else 127.0.0.1:8000; ``WEB_CONCURRENCY`` workers, else 2 x cores + 1 on
PostgreSQL and cores + 1 on SQLite (see ``_default_workers``);
``GUNICORN_TIMEOUT`` seconds before a stuck worker is killed (30).
"""

import multiprocessing
import os


def _bind() -> str:
    if os.environ.get("BIND"):
        return os.environ["BIND"]
    if os.environ.get("PORT"):
        return f"0.0.0.0:{int(os.environ['PORT'])}"
    return "127.0.0.1:8000"


def _default_workers() -> int:
    """2 x cores + 1 (gunicorn's advice), but cores + 1 on SQLite (``DATABASE_URL`` unset or
    sqlite:): its one file takes one writer at a time, and each extra process only adds lock
    retries. bench/load.py on 2 cores, SQLite: 3 workers, medians of 342 and 316 saves/s at 50 and
    200 students (five runs); 5 workers, 264-321; 2 workers, 271 and 251 (docs/operations.md)."""
    cores = multiprocessing.cpu_count()
    url = os.environ.get("DATABASE_URL", "")
    return cores + 1 if not url or url.startswith("sqlite") else cores * 2 + 1


wsgi_app = "app:app"
bind = [_bind()]
workers = int(os.environ.get("WEB_CONCURRENCY") or _default_workers())
worker_class = "sync"  # short requests, each one transaction; a reverse proxy buffers slow clients
preload_app = False  # each worker imports the app itself: no database connections shared across fork

timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)  # a worker silent this long is killed and replaced
graceful_timeout = 30  # on SIGTERM, in-flight requests get this long to finish
keepalive = 5
max_requests = 5000  # recycle workers now and then so slow leaks cannot grow without bound
max_requests_jitter = 500
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # heartbeat off disk (containers)

limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

accesslog = None  # the app logs one JSON line per request (web/request_logging.py)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
capture_output = False
# gunicorn's own lines (boot, worker exits, timeouts) in the same JSON format as the app's
logconfig_dict = {  # replaces gunicorn's defaults key by key, so root and both handlers are given
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "INFO", "handlers": []},  # the app installs its JSON handler (request_logging.init_app)
    "formatters": {"json": {"()": "web.request_logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
        "error_console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False, "qualname": "gunicorn.error"},
        # off: with logconfig_dict gunicorn would log access lines; the app's JSON request line covers them
        "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False, "qualname": "gunicorn.access"},
    },
}
