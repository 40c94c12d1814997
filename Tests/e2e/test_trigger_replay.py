"""End to end: `agentref trigger FIXTURE` from the real binary replays an attribution
fixture through a running Stripe simulator to a running server, and the server ends with
the conversions, totals and connection state the fixture expects.

The demo program Northwind Coffee Club pays 20 % recurring commission in USD and has the
affiliates jane20 and brewmaster, so fixtures with that program match it exactly.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import agentref_binary, follow_authorize_url  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "AgentRefServerTests" / "Fixtures" / "Attribution"
PROGRAM = "prg_demo_northwind"


def trigger(stack, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "AGENTREF_API_URL": stack.api_url, "AGENTREF_API_KEY": stack.api_key,
           "AGENTREF_FIXTURES": str(FIXTURES)}
    return subprocess.run(
        [agentref_binary(), "trigger", *args, "--sim-url", stack.simulator.url],
        env=env, capture_output=True, text=True, timeout=60,
    )


def connect(stack) -> None:
    auth_url = stack.api("POST", f"/programs/{PROGRAM}/connect-stripe", {"method": "oauth_url"})["data"]["authUrl"]
    _, status, page = follow_authorize_url(auth_url)
    assert status == 200, page


def test_help_lists_replayable_fixtures(stack):
    result = trigger(stack, "--help")

    assert result.returncode == 0, result.stderr
    assert "refund-partial-twice" in result.stdout
    assert "cid-customer-metadata" in result.stdout
    assert "  disconnected-program\n" not in result.stdout


@pytest.mark.parametrize("name", ["refund-partial-twice", "cid-customer-metadata"])
def test_trigger_replays_fixture_to_its_expected_result(stack, name):
    fixture = json.loads((FIXTURES / f"{name}.json").read_text())
    assert fixture["program"] == {"commissionType": "recurring", "commissionPercent": 20, "currency": "USD"}
    connect(stack)

    result = trigger(stack, name, "--program", PROGRAM)

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Replaying fixture {name}" in result.stdout
    assert "not delivered" not in result.stdout
    expected = fixture["expected"]
    conversions = list(reversed(stack.api("GET", f"/conversions?programId={PROGRAM}")["data"]))
    assert [c["affiliateCode"] for c in conversions] == [c["affiliate"] for c in expected["conversions"]]
    assert [c["amount"] for c in conversions] == [c["amount"] for c in expected["conversions"]]
    assert [c["commission"] for c in conversions] == [c["commission"] for c in expected["conversions"]]
    assert [c["status"] for c in conversions] == [c["status"] for c in expected["conversions"]]
    assert [c["amountRefunded"] for c in conversions] == [c["amountRefunded"] for c in expected["conversions"]]
    program = stack.api("GET", f"/programs/{PROGRAM}")["data"]
    assert program["revenue"] == expected["revenue"]
    assert program["commissionTotal"] == expected["commission"]
    detail = stack.api("GET", f"/programs/{PROGRAM}/stripe")["data"]
    assert detail["unattributedPayments"] == expected["unattributedPayments"]
    assert detail["status"] == expected["connectionStatus"]


def test_trigger_without_program_names_the_affiliates(stack):
    result = trigger(stack, "refund-partial-twice")

    assert result.returncode != 0
    assert "--program" in result.stderr
    assert "jane20" in result.stderr
