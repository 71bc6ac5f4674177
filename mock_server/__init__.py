"""A stateful, validating stand-in for the Assistants API, driven by the spec.

``create_app(settings)`` gives a plain ASGI 3 application; ``serve(settings)`` runs it;
``python -m mock_server`` / ``assistants-mock`` is the command line; ``mock_server.process``
(``MockProcess``, ``running``) starts that command as a child process and stops it.
"""

from .app import create_app
from .config import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS, Settings
from .server import serve

__all__ = ["DEFAULT_API_KEYS", "DEFAULT_VIRTUAL_KEYS", "Settings", "create_app", "serve"]
