"""Credentials -> tenant. Each API key is one tenant; keys never appear in messages or storage."""

from __future__ import annotations

import hashlib

from .errors import ApiError

_BEARER = "bearer "


def tenant_of(key: str) -> str:
    """A stable tenant id that does not reveal the key (stored next to each assistant)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Authenticator:
    def __init__(self, api_keys: tuple[str, ...], virtual_keys: tuple[str, ...]) -> None:
        self._tenants = {key: tenant_of(key) for key in api_keys}
        self._virtual_keys = frozenset(virtual_keys)

    def tenant(self, authorization: str | None, portkey_key: str | None, virtual_key: str | None) -> str:
        """The tenant these headers authenticate, or a 401."""
        if portkey_key is not None:
            # The portkey-ai SDK also sends a placeholder bearer: the Portkey headers decide.
            if not virtual_key:
                raise ApiError(
                    401,
                    "x-portkey-api-key was sent without x-portkey-virtual-key. Through Portkey, send "
                    "both headers (the virtual key names the provider credentials), or send "
                    "'Authorization: Bearer <key>' alone.",
                    code="missing_virtual_key",
                )
            tenant = self._tenants.get(portkey_key.strip())
            if tenant is None:
                raise _invalid_key("x-portkey-api-key")
            if virtual_key.strip() not in self._virtual_keys:
                raise ApiError(
                    401, "Invalid virtual key provided in x-portkey-virtual-key.", code="invalid_virtual_key"
                )
            return tenant
        if authorization is None or not authorization.strip():
            raise ApiError(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization "
                "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or the Portkey "
                "headers x-portkey-api-key and x-portkey-virtual-key.",
                code="missing_api_key",
            )
        if authorization[: len(_BEARER)].lower() != _BEARER:
            raise ApiError(
                401,
                "The Authorization header must use the Bearer scheme (Authorization: Bearer YOUR_KEY).",
                code="invalid_api_key",
            )
        tenant = self._tenants.get(authorization[len(_BEARER) :].strip())
        if tenant is None:
            raise _invalid_key("Authorization")
        return tenant


def _invalid_key(header: str) -> ApiError:
    return ApiError(
        401,
        f"Incorrect API key provided in {header}. The mock accepts the keys given with "
        "--api-key (defaults are in its README).",
        code="invalid_api_key",
    )
