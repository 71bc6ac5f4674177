"""assistants-proxy: check real traffic against the contract, record it, replay it elsewhere.

Packages by role, like Prism's:

- ``forward``, ``upstream``: the forwarding worker (granian ASGI in, HTTP/1.1 keep-alive pool out).
- ``channel``: the hand-off of finished exchanges from the worker to the checker process.
- ``exchange``: one exchange and what the spec model says about it.
- ``checks`` (request and answer), ``behaviour`` (across exchanges, with its ``Ledger``): the
  checks, small named functions on a ``registry.Registry``.
- ``checker``: judges exchanges, tells outputs about each distinct violation once.
- ``report``: the events, the report and its renderers (console line, Markdown, JUnit): the seam
  to the suite's reports.
- ``har``: recording (HAR 1.2) and reading recordings; ``replay``: sending a recording to another
  server and comparing its answers (``assistants-conformance --replay``).
- ``secrets``: masking on top of ``contract_tests.masking``.
- ``server``, ``__main__``: the command line and the two processes.
"""
