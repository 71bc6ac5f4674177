"""Shared types: the UNSET marker for fields the caller did not give, and the detailed Response."""

from collections.abc import Callable, Mapping, MutableMapping
from typing import IO, TYPE_CHECKING, Any, BinaryIO, ClassVar, Generic, Literal, TypeVar

from attrs import define

REQUEST_ID_HEADER = "x-request-id"


class Unset:
    """Marks a field the caller did not give: it is left out of the request body."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


class ShapeError(ValueError):
    """A field read from a response is not in the documented shape.

    ``from_dict`` checks a whole object at once, so this is only raised for what it leaves to be
    checked on first read: the inside of a record on a page (an assistant's tools, for one).
    """


class LazyModel:
    """Base of every model: what lets ``from_dict`` parse fields on first read.

    ``from_dict`` keeps the received object in ``_raw`` and leaves the fields that build models or
    enums unset; reading one parses it with the model's ``_lazy_fields`` function and stores it in
    the attrs slot, so the next read is a plain attribute read. A model built with ``__init__`` has
    every field set and never gets here. Two threads reading the same unset field at once may both
    parse it; each gets an equal value. A field that is not in the documented shape raises
    ``ShapeError`` (a ValueError, never an AttributeError, which would read as "no such field").
    """

    __slots__ = ("_raw",)
    _raw: Mapping[str, Any]
    _lazy_fields: ClassVar[Mapping[str, Callable[[Mapping[str, Any]], Any]]] = {}

    if not TYPE_CHECKING:  # type checkers see only the declared attributes

        def __getattr__(self, name: str) -> Any:
            # Only called when normal lookup fails: here, a field from_dict left unset.
            parse = self._lazy_fields.get(name)
            if parse is not None:
                try:
                    raw = object.__getattribute__(self, "_raw")
                except (
                    AttributeError
                ):  # built by __init__ or unpickled: every field was set
                    pass
                else:
                    try:
                        value = parse(raw)
                    except (KeyError, ValueError, TypeError, AttributeError) as error:
                        raise ShapeError(
                            f"{type(self).__name__}.{name} is not in the documented shape "
                            f"({type(error).__name__}: {error})"
                        ) from error
                    object.__setattr__(self, name, value)
                    return value
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}",
                name=name,
                obj=self,
            )


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint: status, raw body, headers and the parsed model.

    ``status_code`` is a plain int, so that statuses outside the IANA registry (e.g. a proxy's 520)
    do not fail. ``parsed`` is None for an error status the spec does not document or an error body
    that is not in the documented shape; any 2xx is read as the operation's documented success.
    """

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None

    @property
    def request_id(self) -> str | None:
        """The server's id of this request, to quote when reporting a problem."""
        return self.headers.get(REQUEST_ID_HEADER)


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "LazyModel",
    "RequestFiles",
    "Response",
    "ShapeError",
    "Unset",
]
