"""Gunicorn settings: ``gunicorn -c gunicorn.conf.py`` (see docs/operations.md).

Environment: ``BIND`` (host:port, wins), else ``PORT`` (binds 0.0.0.0:PORT, the platform
convention), else 127.0.0.1:8000; ``WEB_CONCURRENCY`` workers, else 2 x cores + 1;
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


wsgi_app = "app:app"
bind = [_bind()]
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
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
