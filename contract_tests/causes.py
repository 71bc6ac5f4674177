"""Root causes: what a failure is a symptom of, so that one cause is reported once.

Every failure a check or a scenario reports is given a `Cause`: the contract clause it breaks (its
``rule``, with a ``detail`` where one rule has several independent instances, e.g. the undeclared
status 201) and how much it matters (`Severity`). Failures with the same cause are one deviation,
whichever check saw them and on whichever operation (`contract_tests.findings`).

The rules are written here once, with the clause in words; checks and scenarios name the rule they
judge, and `contract_tests.classify` names it for schemathesis' own checks and for answers that
break a more basic clause than the one being judged (an undeclared status, a malformed body).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Severity(IntEnum):
    """Reports list deviations in this order: the most harmful first."""

    DATA_LOSS = 1  # writes lost, truncated, reset or not removed
    TENANT_LEAK = 2  # one tenant reaches another's data, or credentials are not required
    VALIDATION = 3  # invalid requests accepted (or valid ones refused)
    BEHAVIOUR = 4  # lists and cursors that do not fit together
    SHAPE = 5  # answers, error bodies included, not in the shape the spec declares
    STATUS = 6  # status codes and headers

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Severity.DATA_LOSS: "data loss",
    Severity.TENANT_LEAK: "tenant leak / auth hole",
    Severity.VALIDATION: "validation",
    Severity.BEHAVIOUR: "behaviour",
    Severity.SHAPE: "shape",
    Severity.STATUS: "status code / header",
}


@dataclass(frozen=True)
class Rule:
    name: str
    clause: str  # the contract clause in words (what must hold)
    severity: Severity

    def __call__(self, detail: str = "", subject: str = "", aspect: str = "") -> Cause:
        return Cause(self, detail, subject, aspect)


@dataclass(frozen=True)
class Cause:
    rule: Rule
    detail: str = ""  # tells apart independent instances of one rule (e.g. a status, a field)
    # What it is about (a field, a header), collected across the failures of one deviation; not part
    # of its identity (e.g. every field whose maximum is not enforced is one deviation).
    subject: str = ""
    aspect: str = ""  # how (e.g. the keyword not enforced, the status), shown beside the subject

    @property
    def about(self) -> str:
        if self.subject and self.aspect:
            return f"{self.subject}: {self.aspect}"
        return self.subject or self.aspect

    @property
    def id(self) -> str:
        """Stable identity across runs (baselines, --ignore): the rule and its detail."""
        return f"{self.rule.name}:{self.detail}" if self.detail else self.rule.name

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def clause(self) -> str:
        return self.rule.clause


_RULES: dict[str, Rule] = {}


def rule(name: str, clause: str, severity: Severity) -> Rule:
    found = Rule(name, clause, severity)
    _RULES[name] = found
    return found


def known(name: str) -> Rule | None:
    return _RULES.get(name)


# -- data loss ------------------------------------------------------------------------------------
WRITE_NOT_KEPT = rule(
    "write-not-kept",
    "a create or modify stores every field as sent (the answer carries it)",
    Severity.DATA_LOSS,
)
READ_BACK_DIFFERS = rule(
    "read-back-differs", "a read after a write returns what the write answered", Severity.DATA_LOSS
)
MODIFY_NOT_PARTIAL = rule(
    "modify-not-partial",
    "a modify changes the fields it sends and keeps every other field",
    Severity.DATA_LOSS,
)
DELETE_NOT_EFFECTIVE = rule(
    "delete-not-effective",
    "a deleted assistant is gone: get, modify and delete answer not found, and the list omits it",
    Severity.DATA_LOSS,
)
DELETE_AFFECTS_OTHERS = rule(
    "delete-affects-others",
    "deleting one assistant leaves every other assistant as it was",
    Severity.DATA_LOSS,
)
REFUSED_CHANGES_STATE = rule(
    "refused-request-changes-state", "a refused request stores and changes nothing", Severity.DATA_LOSS
)
# -- tenants and credentials ----------------------------------------------------------------------
TENANT_LEAK = rule(
    "tenant-leak",
    "one tenant never reads, lists, changes or deletes another tenant's assistants",
    Severity.TENANT_LEAK,
)
CREDENTIALS_NOT_REQUIRED = rule(
    "credentials-not-required",
    "every operation refuses missing or wrong credentials with the refusal the spec declares",
    Severity.TENANT_LEAK,
)
# -- validation -----------------------------------------------------------------------------------
ACCEPTS_INVALID = rule(
    "accepts-invalid",
    "a request the spec calls invalid is refused as an invalid request (nothing is stored)",
    Severity.VALIDATION,
)
BETA_HEADER = rule(
    "beta-header",
    "a request without the OpenAI-Beta header, or with a value no profile has, is refused",
    Severity.VALIDATION,
)
VALID_DATA_REFUSED = rule(
    "valid-data-refused", "a request the spec calls valid is accepted", Severity.VALIDATION
)
# -- behaviour ------------------------------------------------------------------------------------
LIST_PAGES = rule(
    "list",
    "a list honours limit, order, after and before; first_id, last_id and has_more match its items",
    Severity.BEHAVIOUR,
)
PROFILES_SHARE_STORE = rule(
    "profiles-share-store",
    "every profile the spec defines (OpenAI-Beta value) serves the same assistants, each in its own shape",
    Severity.BEHAVIOUR,
)
UNKNOWN_ID = rule(
    "unknown-id", "an id no assistant has is not found on get, modify and delete", Severity.BEHAVIOUR
)
# -- shapes ---------------------------------------------------------------------------------------
SHAPE = rule(
    "shape", "every answer has the shape the spec declares for its operation and status", Severity.SHAPE
)
ERROR_SHAPE = rule(
    "error-shape",
    'every error answer is JSON in the OpenAI error shape {"error": {"message", "type", "param", "code"}}',
    Severity.SHAPE,
)
REFUSAL_NAMES_PARAM = rule(
    "refusal-names-param", "a refused field or query parameter is named in error.param", Severity.SHAPE
)
# -- status codes and headers ---------------------------------------------------------------------
STATUS_UNDECLARED = rule(
    "status-undeclared", "every answer has a status the spec declares for its operation", Severity.STATUS
)
SERVER_ERROR = rule("server-error", "no request makes the server fail (5xx)", Severity.STATUS)
CONTENT_TYPE = rule("content-type", "answers are application/json", Severity.STATUS)
RESPONSE_HEADERS = rule("response-headers", "answers carry the headers the spec requires", Severity.STATUS)
UNDECLARED_METHOD = rule(
    "undeclared-method",
    "a method a path does not declare is answered as the spec's x-undeclared-methods allows "
    "(404 with the error body, or 405 with Allow)",
    Severity.STATUS,
)
REQUEST_FAILED = rule(
    "request-failed", "every request is answered (no dropped connection, no timeout)", Severity.STATUS
)


def of_check(name: str, severity: Severity = Severity.SHAPE, clause: str = "") -> Cause:
    """The cause of a failure that no more specific rule explains: the check itself."""
    found = known(name)
    if found is None:
        found = rule(name, clause or f"what the {name} check asserts", severity)
    return found()


class Breach(AssertionError):
    """A check's failure with its cause (a plain AssertionError is caused by the check itself)."""

    def __init__(self, message: str, cause: Cause | None = None) -> None:
        super().__init__(message)
        self.cause = cause
