"""Webhook signatures cross-checked with Stripe's official Python library (`stripe`).

Two directions, both through the real binary:
- the Stripe simulator delivers a real event to a loopback receiver started here, and the
  library must accept the delivery's Stripe-Signature and reject a tampered copy;
- the library signs events for the AgentRef server's webhook endpoint, and the server must
  accept them and reject tampered, stale and wrongly signed ones.
"""

import http.server
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import stripe

from harness import FormParser, NoRedirect, checkout_event, follow_authorize_url, wait_until


class Receiver(http.server.BaseHTTPRequestHandler):
    """Records each POST's raw body and Stripe-Signature header, and answers 200."""

    deliveries: list = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        Receiver.deliveries.append((body, self.headers.get("Stripe-Signature")))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def delivery(stack):
    """One checkout-payment event delivered by the simulator to a loopback receiver."""
    Receiver.deliveries = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    receiver_url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        account, access_token = authorize_platform(stack, receiver_url)
        form = urllib.parse.urlencode([("url", receiver_url), ("enabled_events[]", "*")]).encode()
        request = urllib.request.Request(stack.simulator.url + "/v1/webhook_endpoints", data=form, method="POST")
        request.add_header("Authorization", f"Bearer {access_token}")
        with urllib.request.urlopen(request, timeout=10) as response:
            endpoint = json.loads(response.read())

        stack.simulator_call("POST", "/_sim/trigger", {"scenario": "checkout-payment", "account": account})
        wait_until(lambda: len(Receiver.deliveries) >= 2, message="two deliveries")
        yield Receiver.deliveries[0], endpoint["secret"]
    finally:
        server.shutdown()


def authorize_platform(stack, redirect_uri: str) -> tuple[str, str]:
    """Runs the simulator's OAuth flow as a platform would and returns the account and its
    access token, so the test can register a webhook endpoint of its own."""
    query = urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": "ca_crosscheck",
            "scope": "read_only",
            "state": "crosscheck",
            "redirect_uri": redirect_uri,
        }
    )
    authorize_url = f"{stack.simulator.url}/oauth/authorize?{query}"
    with urllib.request.urlopen(authorize_url, timeout=10) as response:
        form = FormParser()
        form.feed(response.read().decode())
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(
            urllib.request.Request(
                urllib.parse.urljoin(authorize_url, form.action),
                data=urllib.parse.urlencode(form.fields).encode(),
                method="POST",
            ),
            timeout=10,
        )
        raise AssertionError("authorize form did not redirect")
    except urllib.error.HTTPError as redirect:
        location = redirect.headers["Location"]
    code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)["code"][0]

    token_request = urllib.request.Request(
        stack.simulator.url + "/oauth/token",
        data=urllib.parse.urlencode({"grant_type": "authorization_code", "code": code}).encode(),
        method="POST",
    )
    token_request.add_header("Authorization", "Bearer sk_test_crosscheck")
    with urllib.request.urlopen(token_request, timeout=10) as response:
        token = json.loads(response.read())
    return token["stripe_user_id"], token["access_token"]


def test_simulator_signature_verifies_with_stripe_library(delivery):
    (body, header), secret = delivery
    assert stripe.WebhookSignature.verify_header(body.decode(), header, secret, tolerance=300)
    event = stripe.Webhook.construct_event(body.decode(), header, secret)
    assert event.object == "event"
    assert event.type == "charge.succeeded"


def test_simulator_signature_rejects_tampering(delivery):
    (body, header), secret = delivery
    tampered = body.decode().replace("charge.succeeded", "charge.refunded", 1)
    assert tampered != body.decode()
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(tampered, header, secret, tolerance=300)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(body.decode(), header, secret + "x", tolerance=300)


@pytest.fixture
def connected_program(stack):
    """A demo program connected through the simulator's OAuth form, and one affiliate cid."""
    program = stack.api("GET", "/programs")["data"][0]
    affiliate = stack.api("GET", f"/programs/{program['id']}/affiliates")["data"][0]
    connect = stack.api("POST", f"/programs/{program['id']}/connect-stripe", {"method": "oauth_url"})
    _, status, page = follow_authorize_url(connect["data"]["authUrl"])
    assert status == 200, page
    detail = stack.api("GET", f"/programs/{program['id']}/stripe")["data"]
    assert detail["status"] == "connected"
    click = stack.api("POST", "/clicks", {"programId": program["id"], "affiliateCode": affiliate["code"]})
    return program, detail, click["data"]["cid"]


def post_webhook(stack, program_id: str, payload: str, header: str) -> tuple[int, str]:
    request = urllib.request.Request(
        f"{stack.server.url}/webhooks/stripe/{program_id}", data=payload.encode(), method="POST"
    )
    request.add_header("Content-Type", "application/json; charset=utf-8")
    request.add_header("Stripe-Signature", header)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def conversions(stack, program_id: str) -> list:
    return stack.api("GET", f"/conversions?programId={program_id}")["data"]


def test_server_accepts_event_signed_by_stripe_library(stack, connected_program):
    program, detail, cid = connected_program
    payload = checkout_event("lib1", detail["stripeAccountId"], cid, amount=5000)
    header = stripe.WebhookSignature.generate_signature_header(payload, stack.webhook_secret)

    status, body = post_webhook(stack, program["id"], payload, header)

    assert status == 200, body
    assert [c["amount"] for c in conversions(stack, program["id"])] == [5000]


def test_server_rejects_tampered_stale_and_foreign_signatures(stack, connected_program):
    program, detail, cid = connected_program
    payload = checkout_event("lib2", detail["stripeAccountId"], cid, amount=5000)
    header = stripe.WebhookSignature.generate_signature_header(payload, stack.webhook_secret)
    tampered = payload.replace("5000", "9000")
    stale = stripe.WebhookSignature.generate_signature_header(
        payload, stack.webhook_secret, timestamp=int(time.time()) - 301
    )
    foreign = stripe.WebhookSignature.generate_signature_header(payload, "whsec_someone_else")

    for label, body, signature in [
        ("tampered", tampered, header),
        ("stale", payload, stale),
        ("wrong secret", payload, foreign),
        ("missing", payload, ""),
    ]:
        status, answer = post_webhook(stack, program["id"], body, signature)
        assert status == 400, f"{label}: {status} {answer}"

    assert conversions(stack, program["id"]) == []
