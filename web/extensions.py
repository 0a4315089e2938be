"""Extensions created once and bound to each app with ``init_app``."""

from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
