"""The standard library's threading HTTP server for tests, quiet when a client hangs up mid-request
(tests of deadlines and cancelled calls do it on purpose; socketserver would print a traceback)."""

from __future__ import annotations

import http.server
import sys
from typing import Any


class QuietThreadingHTTPServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)
