"""Cross-check of the Stripe simulator's webhook signatures with Stripe's Python library.

How to run (from the repository root):

    python3 -m venv /tmp/simvenv && /tmp/simvenv/bin/pip install stripe pytest
    export AGENTREF_SIGNATURE_FIXTURE=/tmp/agentref-signature-fixture.json
    swift test --filter SignatureCompatibilityTests.testWritesDeliveryFixtureForStripeLibrary
    /tmp/simvenv/bin/python -m pytest Tests/compat/test_stripe_signature.py

The Swift test delivers a real event from the simulator to a loopback receiver and writes
the raw payload, its Stripe-Signature header and the endpoint secret to the fixture file.
These tests verify that delivery with `stripe.WebhookSignature.verify_header` and
`stripe.Webhook.construct_event`, check that a tampered payload or a wrong secret is
rejected, and check that the library makes the same header as the simulator for a fixed
payload, secret and timestamp. The other direction (a header made by the library verifies
in Swift) is a fixed vector in SignatureCompatibilityTests.swift.

Without AGENTREF_SIGNATURE_FIXTURE every test is skipped. When it names a missing file,
every test fails with a message that names the Swift test that writes it.
"""

import json
import os
import time

import pytest
import stripe

FIXTURE_VARIABLE = "AGENTREF_SIGNATURE_FIXTURE"


@pytest.fixture(scope="module")
def fixture():
    path = os.environ.get(FIXTURE_VARIABLE)
    if not path:
        pytest.skip(f"{FIXTURE_VARIABLE} is not set; see this file's docstring")
    if not os.path.exists(path):
        pytest.fail(
            f"{FIXTURE_VARIABLE}={path} does not exist; write it first with "
            "swift test --filter SignatureCompatibilityTests.testWritesDeliveryFixtureForStripeLibrary"
        )
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def signature_timestamp(header):
    """Returns the t= value of a Stripe-Signature header."""
    for item in header.split(","):
        key, _, value = item.partition("=")
        if key == "t":
            return int(value)
    raise AssertionError(f"no timestamp in {header!r}")


def test_delivery_signature_verifies(fixture):
    # tolerance=None skips the age check, so a fixture written earlier still verifies.
    assert stripe.WebhookSignature.verify_header(
        fixture["payload"], fixture["header"], fixture["secret"], tolerance=None
    )


def test_fresh_delivery_verifies_with_default_tolerance(fixture):
    age = time.time() - signature_timestamp(fixture["header"])
    if age > stripe.Webhook.DEFAULT_TOLERANCE:
        pytest.skip(f"fixture signature is {age:.0f} s old, beyond the default tolerance")
    assert stripe.WebhookSignature.verify_header(fixture["payload"], fixture["header"], fixture["secret"])


def test_construct_event_returns_delivered_event(fixture):
    event = stripe.Webhook.construct_event(
        fixture["payload"], fixture["header"], fixture["secret"], tolerance=10**9
    )
    assert event.id == fixture["eventId"]
    assert event.type == fixture["eventType"]
    assert event.object == "event"


def test_tampered_payload_is_rejected(fixture):
    tampered = fixture["payload"].replace(fixture["eventId"], fixture["eventId"] + "x", 1)
    assert tampered != fixture["payload"]
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(tampered, fixture["header"], fixture["secret"], tolerance=None)


def test_wrong_secret_is_rejected(fixture):
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(
            fixture["payload"], fixture["header"], fixture["secret"] + "x", tolerance=None
        )


def test_library_header_matches_simulator_header(fixture):
    vector = fixture["vector"]
    header = stripe.WebhookSignature.generate_signature_header(
        vector["payload"], vector["secret"], timestamp=vector["timestamp"]
    )
    assert header == vector["header"]
