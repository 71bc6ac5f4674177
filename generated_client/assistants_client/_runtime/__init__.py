"""The client's hand-written runtime: behaviour that does not depend on what the spec says.

scripts/client_generator/generate.py copies these files unchanged into
``generated_client/assistants_client/_runtime/``; the generated modules (shaped by the spec) import
them, the way openai-python keeps ``_base_client.py`` apart from its generated resources. Edit them
in scripts/client_generator/runtime/, never in generated_client/.

- ``retry``: the retry policy and the ``Retry-After`` parser (the conformance suite uses them too),
  and the retry transports.
- ``limits``: the per-call deadline and the response size cap, as a transport.
- ``redaction``: credentials kept out of errors and of httpx's and httpcore's log records.
- ``redirects``: credentials dropped when a redirect leaves the origin.
- ``errors``: the typed errors.
- ``pagination``: following a cursor-paginated list, refusing one that cycles.
- ``jsonlib``: decoding answers (orjson when installed, with the standard library's results).
- ``base_client``: ``BaseClient``, which the generated ``Client`` completes with the spec's facts.

Only the standard library, httpx and attrs are imported (anyio, httpx's own dependency, for async;
orjson when it is installed).
"""
