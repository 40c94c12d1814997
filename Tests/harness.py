"""Starts the real agentref binary's server and Stripe simulator for the Python tests.

Both processes listen on free loopback ports (--port 0) and print their URL on the first
line of standard output; logs go to files in the test's temporary folder. Every process a
fixture starts is ended by its PID when the test finishes.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
import secrets
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

URL_PATTERN = re.compile(r"http://127\.0\.0\.1:\d+")


def agentref_binary() -> str:
    """Path of the built binary: AGENTREF_BIN, else the debug build folder."""
    configured = os.environ.get("AGENTREF_BIN")
    if configured:
        return configured
    root = Path(__file__).resolve().parents[1]
    return str(root / ".build" / "debug" / "agentref")


@dataclass
class RunningProcess:
    process: subprocess.Popen
    url: str
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_process(args: list[str], env: dict[str, str], log_path: Path, timeout: float = 20) -> RunningProcess:
    """Starts `agentref ARGS` and waits for the URL it prints on standard output."""
    log_file = open(log_path, "w")
    process = subprocess.Popen(
        [agentref_binary(), *args],
        stdout=subprocess.PIPE,
        stderr=log_file,
        env={**os.environ, **env},
        text=True,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = URL_PATTERN.search(line)
        if match:
            return RunningProcess(process, match.group(0), log_path)
    process.kill()
    raise RuntimeError(f"agentref {' '.join(args)} printed no URL; see {log_path}")


@dataclass
class Stack:
    """A simulator and a server wired to it, with demo data and a fresh test key."""

    simulator: RunningProcess
    server: RunningProcess
    api_key: str
    webhook_secret: str
    tmp: Path
    extra: list[RunningProcess] = field(default_factory=list)

    @property
    def api_url(self) -> str:
        return self.server.url + "/api/v1"

    def stop(self) -> None:
        for process in [*self.extra, self.server, self.simulator]:
            process.stop()

    def api(self, method: str, path: str, body: dict | None = None) -> dict:
        """Calls the AgentRef API with the stack's key and returns the decoded JSON."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.api_url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.api_key}")
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def simulator_call(self, method: str, path: str, body: dict | None = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.simulator.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())


def start_stack(tmp: Path, simulator_args: tuple[str, ...] = (), server_args: tuple[str, ...] = ()) -> Stack:
    """Starts the simulator and the server, each with the given extra arguments."""
    api_key = "ak_test_" + secrets.token_hex(20)
    webhook_secret = "whsec_" + secrets.token_hex(24)
    simulator = start_process(
        ["stripe-sim", "--port", "0", "--data-dir", str(tmp / "sim"), *simulator_args],
        {"STRIPE_SIM_WEBHOOK_SECRET": webhook_secret},
        tmp / "stripe-sim.log",
    )
    try:
        server = start_process(
            ["serve", "--port", "0", "--data-dir", str(tmp / "server"), "--demo-data", "--stripe-url", simulator.url,
             *server_args],
            {"AGENTREF_API_KEY": api_key},
            tmp / "server.log",
        )
    except Exception:
        simulator.stop()
        raise
    return Stack(simulator, server, api_key, webhook_secret, tmp)


class FormParser(html.parser.HTMLParser):
    """Collects the first form's action, method and the values it would submit unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.method = "get"
        self.fields: list[tuple[str, str]] = []
        self.forms = 0
        self._select: str | None = None
        self._first_option: str | None = None
        self._selected: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms += 1
            if self.forms == 1:
                self.action = attributes.get("action")
                self.method = (attributes.get("method") or "get").lower()
        if self.forms != 1:
            return
        if tag == "input" and attributes.get("name") and attributes.get("type", "text") != "submit":
            self.fields.append((attributes["name"], attributes.get("value") or ""))
        elif tag == "select":
            self._select = attributes.get("name")
            self._first_option = None
            self._selected = None
        elif tag == "option" and self._select:
            value = attributes.get("value") or ""
            if self._first_option is None:
                self._first_option = value
            if "selected" in attributes:
                self._selected = value

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            chosen = self._selected if self._selected is not None else self._first_option
            self.fields.append((self._select, chosen or ""))
            self._select = None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def follow_authorize_url(auth_url: str) -> tuple[str, int, str]:
    """Opens the authorize page, submits its form unchanged and follows the redirect once.

    Returns the callback URL, the callback's HTTP status and its HTML body.
    """
    with urllib.request.urlopen(auth_url, timeout=10) as response:
        page = response.read().decode()
    form = FormParser()
    form.feed(page)
    assert form.forms == 1, f"authorize page has {form.forms} forms"
    assert form.method == "post", f"authorize form method is {form.method}"

    action = urllib.parse.urljoin(auth_url, form.action or "")
    body = urllib.parse.urlencode(form.fields).encode()
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(urllib.request.Request(action, data=body, method="POST"), timeout=10)
        raise AssertionError("authorize form did not redirect")
    except urllib.error.HTTPError as redirect:
        assert redirect.code == 302, f"authorize form answered {redirect.code}"
        callback = redirect.headers["Location"]

    try:
        with urllib.request.urlopen(callback, timeout=30) as response:
            return callback, response.status, response.read().decode()
    except urllib.error.HTTPError as failure:
        return callback, failure.code, failure.read().decode()


def checkout_event(suffix: str, account: str, cid: str, amount: int) -> str:
    """A `checkout.session.completed` event (mode payment, USD, no tax) as JSON text, ready to
    sign, in the shape Stripe sends; `suffix` makes the event and object ids unique."""
    session = {
        "id": "cs_test_" + suffix,
        "object": "checkout.session",
        "amount_subtotal": amount,
        "amount_total": amount,
        "currency": "usd",
        "client_reference_id": cid,
        "customer": "cus_" + suffix,
        "metadata": {},
        "mode": "payment",
        "payment_intent": "pi_" + suffix,
        "payment_status": "paid",
        "status": "complete",
        "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
    }
    event = {
        "id": "evt_" + suffix,
        "object": "event",
        "api_version": "2024-06-20",
        "created": int(time.time()),
        "type": "checkout.session.completed",
        "account": account,
        "livemode": False,
        "data": {"object": session},
    }
    return json.dumps(event)


def wait_until(predicate, timeout: float = 10, interval: float = 0.2, message: str = "condition"):
    """Polls `predicate` until it returns a truthy value, which is returned."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {message}; last value: {last!r}")
