"""The spec model answers what the mock, the suite and the generator ask, from the document alone."""

from __future__ import annotations

import pathlib

import assistants_spec
import pytest
import yaml
from assistants_spec import Spec, UnknownProfileError


@pytest.fixture(scope="module")
def spec() -> Spec:
    return assistants_spec.load_spec()


def test_load_spec_is_one_model_per_file(spec: Spec, tmp_path: pathlib.Path) -> None:
    assert assistants_spec.load_spec() is spec
    copy = tmp_path / "copy.yaml"
    copy.write_text(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    other = assistants_spec.load_spec(copy)
    assert other is not spec and other.path == copy.resolve()
    assert other.profiles == spec.profiles


def test_every_operation_of_the_document_is_modelled_under_every_profile(spec: Spec) -> None:
    for profile in spec.profiles:
        view = spec.view(profile)
        written = {
            raw["operationId"]
            for item in view.document["paths"].values()
            for raw in item.values()
            if isinstance(raw, dict) and "operationId" in raw
        }
        assert set(view.operations) == written


def test_match_finds_operations_path_parameters_and_allowed_methods(spec: Spec) -> None:
    view = spec.view()
    for operation in view.operations.values():
        names = [p.name for p in operation.path_parameters]
        path = operation.url_path(*[f"id_{i}" for i in range(len(names))])
        found = view.match(operation.method, path)
        assert found.operation is operation
        assert found.path_params == {name: f"id_{i}" for i, name in enumerate(names)}
        assert operation.method in found.allowed
    nowhere = view.match("GET", "/no-such-resource")
    assert nowhere.operation is None and not nowhere.path_known
    listed = view.operation("listAssistants")
    wrong = view.match("PATCH", listed.path)
    assert wrong.operation is None and wrong.path_known and "GET" in wrong.allowed


def test_api_path_strips_only_the_spec_base_path(spec: Spec) -> None:
    base = spec.base_path
    assert base.startswith("/")
    assert spec.api_path(base + "/assistants") == "/assistants"
    assert spec.api_path("/elsewhere/assistants") is None
    assert spec.api_path(base + "x/assistants") is None


def test_compiled_validators_follow_the_schema(spec: Spec) -> None:
    view = spec.view()
    body = view.body_validator("createAssistant")
    required = view.required(view.request_schema("createAssistant"))
    assert required, "create requires fields"
    assert not body.is_valid({})
    assert body.errors({}), "a refused body comes with errors"
    assert view.validator("#/components/schemas/ErrorResponse") is view.validator(
        "#/components/schemas/ErrorResponse"
    )


def test_beta_profiles_and_header_values(spec: Spec) -> None:
    for profile in spec.profiles:
        value = spec.beta_value(profile)
        assert spec.profile_for_header(value) == profile
        assert spec.profile_for_header(f"other=1, {value}") == profile
        assert spec.profile_for_header(value + "beta") is None
        assert spec.profile_for_header(value + " extra") is None
        assert spec.profile_for_header("\xa0" + value) is None  # only HTTP whitespace is trimmed
    with pytest.raises(UnknownProfileError):
        spec.view("no-such-profile")


def test_omitted_values_come_from_x_default_or_null(spec: Spec) -> None:
    view = spec.view()
    request = view.request_schema("createAssistant")
    values = view.omitted_values(request, view.response_schema("getAssistant"))
    for name, value in values.items():
        declared = view.resolve(request["properties"][name])
        if "x-default" in declared:
            assert value == declared["x-default"]
        else:
            assert value is None and view.is_nullable(declared)
    assert "id" not in values and "created_at" not in values


def test_security_tells_credentials_from_routing(spec: Spec) -> None:
    security = spec.security
    for alternative in security.alternatives:
        headers = [security.header(s) for s in alternative]
        layout = security.layout(headers)
        assert layout.chosen == alternative
        assert layout.credentials <= alternative
        smaller = [a for a in security.alternatives if a <= alternative]
        assert layout.credentials == min(smaller, key=len)
        for header in layout.credential_headers:
            assert header.lower() in security.credential_headers


def test_a_document_without_profiles_is_refused_with_a_clear_error(tmp_path: pathlib.Path) -> None:
    raw = yaml.safe_load(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"))
    del raw["x-beta-profiles"]
    with pytest.raises(ValueError, match="x-beta-profiles"):
        Spec(raw)
    with pytest.raises(ValueError, match="OpenAPI document"):
        Spec({"openapi": "3.1.0"})


def test_declared_statuses_are_found_by_what_they_mean(spec: Spec) -> None:
    from assistants_spec import Meaning

    view = spec.view()
    for operation in view.operations.values():
        declared = {int(s) for s in operation.responses if s.isdigit()}
        refusals = operation.statuses(Meaning.UNAUTHENTICATED, Meaning.FORBIDDEN)
        assert set(refusals) <= declared and all(s in (401, 403) for s in refusals)
        assert operation.success_status in declared and 200 <= operation.success_status < 300
        assert operation.statuses(Meaning.SUCCESS) and operation.success_status in operation.statuses(
            Meaning.SUCCESS
        )
    # A status no operation declares is never offered, whatever it means.
    undeclared = {
        s for s in range(400, 600) if not any(str(s) in op.responses for op in view.operations.values())
    }
    every_error = view.statuses(*[m for m in Meaning if m is not Meaning.SUCCESS])
    assert every_error and not set(every_error) & undeclared


def test_error_bodies_are_the_union_of_the_declared_error_schemas(spec: Spec) -> None:
    from assistants_spec.statuses import ERRORS

    view = spec.view()
    members = view.answer_schemas(*ERRORS)
    assert members and all("oneOf" not in m and "anyOf" not in m for m in members)
    errors = view.answers_validator(*ERRORS)
    assert errors is view.answers_validator(*ERRORS)
    example = {"error": {"message": "m", "type": "invalid_request_error", "param": None, "code": None}}
    assert errors.is_valid(example)
    assert not errors.is_valid({"object": "assistant"})


def test_body_examples_come_from_the_profiles_own_document(spec: Spec) -> None:
    for profile in spec.profiles:
        view = spec.view(profile)
        create = view.operation("createAssistant")
        assert create.body_examples, "create documents an example body"
        validator = view.body_validator("createAssistant")
        assert all(validator.is_valid(example) for example in create.body_examples)


def test_undeclared_method_answers_come_from_the_extension(spec: Spec, tmp_path: pathlib.Path) -> None:
    listing = spec.method_listing_answer
    assert listing is not None and (listing.status, listing.methods_header) == (405, "Allow")
    assert [a.status for a in spec.undeclared_method_answers] == [404, 405]
    assert spec.undeclared_method_answers[0].schema == "#/components/schemas/ErrorResponse"

    document = yaml.safe_load(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"))
    answers = document["x-undeclared-methods"]["answers"]
    answers[1]["headers"] = {"X-Methods": answers[1]["headers"]["Allow"]}
    copy = tmp_path / "copy.yaml"
    copy.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    edited = assistants_spec.load_spec(copy).method_listing_answer
    assert edited is not None and edited.methods_header == "X-Methods"
    assert edited.required_headers == ("X-Methods",)
    del answers[1]
    copy.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    assert Spec.load(copy).method_listing_answer is None


def test_the_suite_judges_undeclared_methods_by_the_spec(tmp_path: pathlib.Path) -> None:
    from types import SimpleNamespace

    from contract_tests.checks.methods import answer_problem

    document = yaml.safe_load(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"))
    answers = document["x-undeclared-methods"]["answers"]
    answers[1]["headers"] = {"X-Methods": answers[1]["headers"]["Allow"]}
    copy = tmp_path / "copy.yaml"
    copy.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")

    def answer(headers: dict[str, str]) -> SimpleNamespace:
        return SimpleNamespace(status=405, json=None, header=lambda name: headers.get(name.lower()))

    for spec, header in ((assistants_spec.load_spec(), "allow"), (Spec.load(copy), "x-methods")):
        run = SimpleNamespace(spec=spec.view())
        assert answer_problem(run, "PUT", ("GET", "POST"), answer({header: "GET, POST"})) is None
        assert "should carry" in answer_problem(run, "PUT", ("GET", "POST"), answer({}))
        assert "should list" in answer_problem(run, "PUT", ("GET", "POST"), answer({header: "GET"}))


def test_idempotency_rules_come_from_x_idempotency(spec: Spec, tmp_path: pathlib.Path) -> None:
    rules = spec.idempotency
    assert rules is not None and rules.header == "Idempotency-Key" and rules.applies_to("post")
    assert not rules.applies_to("GET") and rules.max_length == 255
    document = yaml.safe_load(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"))
    document["x-idempotency"]["header"] = "X-Once"
    copy = tmp_path / "copy.yaml"
    copy.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    assert Spec.load(copy).idempotency.header == "X-Once"
    del document["x-idempotency"]["methods"]
    copy.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValueError, match="x-idempotency"):
        Spec.load(copy).idempotency  # noqa: B018


def test_the_status_for_a_meaning_is_the_declared_one_else_https(spec: Spec, tmp_path: pathlib.Path) -> None:
    from assistants_spec import Meaning
    from assistants_spec.statuses import http_status

    view = spec.view()
    assert view.status_for(Meaning.INVALID_REQUEST) == 400 and view.status_for(Meaning.NOT_FOUND) == 404
    assert view.status_for(Meaning.CONFLICT) == http_status(Meaning.CONFLICT) == 409  # not declared
    document = yaml.safe_load(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"))
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "400" in operation.get("responses", {}):
                operation["responses"]["422"] = operation["responses"].pop("400")
    copy = tmp_path / "copy.yaml"
    copy.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    assert Spec.load(copy).view().status_for(Meaning.INVALID_REQUEST) == 422


def test_the_package_exports_only_the_spec_model() -> None:
    """One way in: ``load_spec()`` and its ``Spec``; no module-level shorthands over the bundled file."""
    for gone in ("load", "dump", "profiles", "default_profile", "beta_header_name", "beta_header_value"):
        assert not hasattr(assistants_spec, gone), gone
    spec = assistants_spec.load_spec()
    assert yaml.safe_load(spec.dump("v1")) == spec.document("v1")


def test_parameters_read_text_as_their_schema_asks(spec: Spec) -> None:
    limit = spec.view().operation("listAssistants").parameter("limit")
    assert limit.coerce("20") == 20 and limit.coerce("2.0") == 2 and limit.coerce("many") == "many"
    assert limit.coerce("nan") == "nan"  # not a JSON number: left for the validator to refuse
    order = spec.view().operation("listAssistants").parameter("order")
    assert order.coerce("20") == "20"  # a string parameter keeps the text
    flag = assistants_spec.Parameter("flag", "query", False, {"type": ["boolean", "null"]})
    assert (flag.coerce("true"), flag.coerce("false"), flag.coerce("yes")) == (True, False, "yes")


def test_one_place_reserves_a_port_and_coerces_text() -> None:
    """The mock and the contract proxy share the port helper and the spec's coercion."""
    root = pathlib.Path(__file__).resolve().parents[2]
    code = {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for folder in ("mock_server", "contract_tests", "spec")
        for path in (root / folder).rglob("*.py")
    }
    assert [p for p, text in code.items() if "SO_REUSEPORT, 1" in text] == ["mock_server/listening.py"]
    assert [p for p, text in code.items() if "def coerce_text" in text] == ["spec/schemas.py"]
