"""Steps the end-to-end scenarios share: starting the dashboard, preparing programs through
the API and the simulator, and reading the screen the way an operator does."""

from __future__ import annotations

import json
import time
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path

from harness import Stack, agentref_binary, follow_authorize_url
from tmux import TmuxSession

ROOT = Path(__file__).resolve().parents[2]


def open_dashboard(stack: Stack, tmp_path: Path, *args: str, name: str = "dash", width: int = 120,
                   height: int = 40, ready: str = "API ok") -> TmuxSession:
    """Starts `agentref ARGS` against the stack and waits until `ready` is on screen."""
    session = TmuxSession(
        name,
        [agentref_binary(), "--log-file", str(tmp_path / f"{name}.log"), *args],
        {
            "AGENTREF_API_URL": stack.api_url,
            "AGENTREF_API_KEY": stack.api_key,
            "AGENTREF_THEMES_DIR": str(ROOT / "themes"),
            "LANG": "C.UTF-8",
            "HOME": str(tmp_path),
        },
        width=width,
        height=height,
    )
    try:
        session.wait_for(ready)
    except Exception:
        session.close()
        raise
    return session


def programs(stack: Stack) -> list[dict]:
    """The programs on the first page, newest first, as the list shows them."""
    return stack.api("GET", "/programs")["data"]


def connect_program(stack: Stack, program_id: str) -> dict:
    """Connects the program through the simulator's OAuth form and returns its detail."""
    connect = stack.api("POST", f"/programs/{program_id}/connect-stripe", {"method": "oauth_url"})
    _, status, page = follow_authorize_url(connect["data"]["authUrl"])
    assert status == 200, page
    detail = stack.api("GET", f"/programs/{program_id}/stripe")["data"]
    assert detail["status"] == "connected", detail
    return detail


def pay(stack: Stack, program: dict, detail: dict, amount: int = 4900) -> tuple[str, dict]:
    """Records a click for the program's first affiliate and has the simulator send a
    Checkout payment carrying its click id. Returns the affiliate code and the trigger result."""
    affiliate = stack.api("GET", f"/programs/{program['id']}/affiliates")["data"][0]
    click = stack.api("POST", "/clicks", {"programId": program["id"], "affiliateCode": affiliate["code"]})
    result = stack.simulator_call(
        "POST",
        "/_sim/trigger",
        {
            "scenario": "checkout-payment",
            "account": detail["stripeAccountId"],
            "cid": click["data"]["cid"],
            "amount": amount,
            "currency": program["currency"].lower(),
        },
    )
    assert all(event["delivered"] for event in result["events"]), result
    return affiliate["code"], result


def post_badly_signed_webhook(stack: Stack, program_id: str) -> int:
    """Posts an event signed with a wrong secret to the program's webhook URL; returns the status."""
    body = json.dumps({"id": "evt_forged", "object": "event", "type": "charge.succeeded",
                       "created": int(time.time()), "data": {"object": {}}}).encode()
    request = urllib.request.Request(f"{stack.server.url}/webhooks/stripe/{program_id}", data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("Stripe-Signature", f"t={int(time.time())},v1={'0' * 64}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def row_of(screen: str, text: str) -> str:
    """The first screen line containing `text`."""
    return next(line for line in screen.splitlines() if text in line)


def selected_row(screen: str) -> str:
    """The table row marked with the selection arrow."""
    return next(line for line in screen.splitlines() if line.startswith("›"))


def table_rows(screen: str, header: str) -> list[str]:
    """The rows under the table header line that starts with `header`, up to the first blank line."""
    lines = screen.splitlines()
    start = next(index for index, line in enumerate(lines) if line.strip().startswith(header))
    rows = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        rows.append(line)
    return rows


def display_column(line: str, text: str) -> int:
    """The terminal column where `text` starts in `line`, counting wide characters as two."""
    prefix = line[: line.index(text)]
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in prefix)
