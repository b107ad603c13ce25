"""API fuzzing with schemathesis against ``/api/v1/openapi.json`` on a live loopback server
(waitress, the ``live_server`` fixture): no 5xx, no response that violates the document.

Bounded for CI: a few examples per operation (``VANBAN_FUZZ_EXAMPLES``, default 8), no
shrinking, and PDF conversion left to the PDF tests (``format=pdf`` would start LibreOffice
for every example). Schemathesis's *coverage* phase (boundary and negative cases derived from
the schema, which ``max_examples`` does not bound) runs for every operation but the three whose
body is a whole document envelope: there it derived ~7,600 cases from the envelope's schema
(one of every template's bodies), 40 s or more per operation — the 261 s of one test. Those
three get the examples and the bounded fuzzing only, each in its own test."""

from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, settings  # noqa: E402

EXAMPLES = int(os.environ.get("VANBAN_FUZZ_EXAMPLES", "8"))


@pytest.fixture(scope="session")
def api_schema(live_server: str):
    return schemathesis.openapi.from_url(f"{live_server}/api/v1/openapi.json")


@pytest.fixture(scope="session")
def envelope_schema(live_server: str):
    loaded = schemathesis.openapi.from_url(f"{live_server}/api/v1/openapi.json")
    loaded.config.phases.update(phases=["examples", "fuzzing"])  # no unbounded coverage phase
    return loaded


# Submitting a job needs a Redis queue, which this server has not (its 503 is the documented
# answer); the jobs API is exercised against a real redis-server in tests/jobs.
schema = schemathesis.pytest.from_fixture("api_schema").exclude(
    method="POST", path="/api/v1/jobs/{id}")
envelopes = schemathesis.pytest.from_fixture("envelope_schema")

# The operations whose body is a whole document envelope, each in its own test; the rest
# share one test.
ENVELOPE_OPERATIONS = ("/api/v1/documents/{template_id}", "/api/v1/validate/{template_id}",
                       "/api/v1/compute/{template_id}")
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.generate],
                   suppress_health_check=list(HealthCheck), derandomize=True)


def conforms(case) -> None:
    if (case.query or {}).get("format") == "pdf":
        case.query = {**case.query, "format": "docx"}
    # "Schema-valid request rejected" does not apply: the document describes the JSON's
    # shape; a body of the right shape can still be refused for its content (422, with the
    # problems listed), which is the contract. Every other check runs.
    case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])


@schema.exclude(path=list(ENVELOPE_OPERATIONS)).parametrize()
@BOUNDED
def test_api_conforms_to_its_document(case) -> None:
    conforms(case)


@envelopes.include(path=ENVELOPE_OPERATIONS[0]).parametrize()
@BOUNDED
def test_documents_conform(case) -> None:
    conforms(case)


@envelopes.include(path=ENVELOPE_OPERATIONS[1]).parametrize()
@BOUNDED
def test_validate_conforms(case) -> None:
    conforms(case)


@envelopes.include(path=ENVELOPE_OPERATIONS[2]).parametrize()
@BOUNDED
def test_compute_conforms(case) -> None:
    conforms(case)
