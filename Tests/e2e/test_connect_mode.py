"""End to end: the platform Connect endpoint fallback through the real binary.

`stripe-sim --read-only-restricted` rejects webhook endpoints on connected accounts, as
Stripe may for a read_only grant. `serve` in its default auto mode then registers one
platform Connect endpoint, so a checkout through the simulator still becomes a conversion.
`--stripe-webhook-mode` is checked on `serve` and `demo`.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import agentref_binary, follow_authorize_url, start_stack  # noqa: E402

EXIT_USAGE = 2


@pytest.fixture
def restricted_stack(tmp_path):
    """A simulator that refuses account endpoints to read_only grants, and a server in auto mode."""
    running = start_stack(tmp_path, simulator_args=("--read-only-restricted",))
    yield running
    running.stop()


def run_cli(args, env):
    return subprocess.run(
        [agentref_binary(), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=30
    )


def test_auto_mode_falls_back_to_connect_endpoint(restricted_stack, tmp_path):
    stack = restricted_stack
    (tmp_path / "config").mkdir()
    env = {"AGENTREF_API_URL": stack.api_url, "AGENTREF_API_KEY": stack.api_key,
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    program = stack.api("GET", "/programs")["data"][0]["id"]
    code = stack.api("GET", f"/programs/{program}/affiliates")["data"][0]["code"]
    cid = stack.api("POST", "/clicks", {"programId": program, "affiliateCode": code})["data"]["cid"]

    started = json.loads(run_cli(["stripe", "connect", program, "--json"], env).stdout)
    _, callback_status, page = follow_authorize_url(started["authUrl"])
    status = json.loads(run_cli(["stripe", "status", program, "--json"], env).stdout)
    purchase = stack.simulator_call(
        "POST", "/_sim/trigger",
        {"scenario": "checkout-payment", "account": status["stripeAccountId"], "cid": cid, "amount": 4200},
    )
    conversions = stack.api("GET", f"/conversions?programId={program}")["data"]
    platform = stack.api("GET", "/stripe/platform-endpoint")["data"]
    accounts = stack.simulator_call("GET", "/_sim/accounts")

    assert callback_status == 200, page
    assert status["status"] == "connected"
    assert status["webhookMode"] == "connect"
    assert status["webhookUrl"] == stack.server.url + "/webhooks/stripe/connect"
    assert status["webhookEndpointId"] == platform["endpointId"]
    assert platform["webhookMode"] == "auto"
    assert platform["programIds"] == [program]
    assert accounts["readOnlyGrantsRestricted"] is True
    assert accounts["platformConnectEndpoints"] == 1
    assert all(event["delivered"] for event in purchase["events"]), purchase
    assert [conversion["amount"] for conversion in conversions] == [4200]


def test_invalid_webhook_mode_is_usage_error(tmp_path):
    result = run_cli(
        ["serve", "--port", "0", "--data-dir", str(tmp_path), "--stripe-webhook-mode", "platform"],
        {"AGENTREF_API_KEY": "ak_test_usage"},
    )

    assert result.returncode == EXIT_USAGE
    assert 'invalid --stripe-webhook-mode "platform"' in result.stderr
    assert "auto, account, connect" in result.stderr


@pytest.mark.parametrize("command,option", [
    ("serve", "--stripe-webhook-mode"),
    ("demo", "--stripe-webhook-mode"),
    ("stripe-sim", "--read-only-restricted"),
])
def test_help_lists_webhook_options(command, option):
    result = run_cli([command, "--help"], {})

    assert result.returncode == 0
    assert option in result.stdout
