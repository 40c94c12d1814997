"""End to end: the real dashboard in tmux, on a real server and Stripe simulator.

An operator opens the programs list, goes to Program Settings > Stripe, connects, follows
the authorization URL shown on screen through the simulator's form, sees the connection
become active, and watches a conversion arrive on the live feed after a signed event.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import agentref_binary, follow_authorize_url, wait_until  # noqa: E402
from operator_steps import pay  # noqa: E402
from tmux import TmuxSession  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def selected_program(screen: str, programs: list[dict]) -> dict:
    """The program on the row marked with the selection arrow."""
    row = next(line for line in screen.splitlines() if line.lstrip().startswith("›"))
    return next(program for program in programs if program["name"] in row)


def auth_url_on_screen(screen: str) -> str:
    """Joins the wrapped authorization URL back together from the connect screen.

    The URL starts on a line of its own and continues on the following lines; the QR code
    to its right is separated by a run of spaces.
    """
    parts = []
    for line in screen.splitlines():
        text = re.split(r"\s{3,}", line.strip())[0] if line.strip() else ""
        if not parts and text.startswith("http://"):
            parts.append(text)
        elif parts:
            if not text or " " in text:
                break
            parts.append(text)
    return "".join(parts)


def test_connect_and_watch_conversion_arrive(stack, dashboard):
    programs = stack.api("GET", "/programs")["data"]
    screen = dashboard.wait_for(programs[-1]["name"])
    for program in programs:
        assert program["name"] in screen

    program = selected_program(screen, programs)
    dashboard.send("s")
    screen = dashboard.wait_for("Stripe")
    assert "disconnected" in screen

    dashboard.send("c")
    screen = dashboard.wait_for("Waiting for authorization")
    pending = stack.api("GET", f"/programs/{program['id']}/stripe")["data"]
    assert pending["status"] == "pending"
    url = auth_url_on_screen(screen)
    assert url == pending["authUrl"], f"screen shows {url!r}"

    _, status, page = follow_authorize_url(url)
    assert status == 200, page
    screen = dashboard.wait_for("Connected", timeout=15)
    connected = stack.api("GET", f"/programs/{program['id']}/stripe")["data"]
    assert connected["stripeAccountId"] in screen

    dashboard.send("Escape")
    dashboard.send("f")
    dashboard.wait_for("Live feed")

    affiliate, _ = pay(stack, program, connected)
    screen = dashboard.wait_for(affiliate, timeout=5)
    row = next(line for line in screen.splitlines() if affiliate in line)
    assert "checkout.session.completed" in row or "charge.succeeded" in row
    assert re.search(r"\b\d\d:\d\d:\d\d\b", row), row
    assert program["currency"] in row
    assert program["name"] in row


def test_quit_and_interrupt_restore_terminal(stack, tmp_path):
    for keys, label in [(["q"], "q"), (["C-c"], "Ctrl-C")]:
        session = TmuxSession(
            "restore",
            [agentref_binary(), "--log-file", str(tmp_path / "dashboard.log")],
            {
                "AGENTREF_API_URL": stack.api_url,
                "AGENTREF_API_KEY": stack.api_key,
                "AGENTREF_THEMES_DIR": str(ROOT / "themes"),
                "LANG": "C.UTF-8",
            },
        )
        try:
            session.wait_for("API ok")
            assert session.display("#{alternate_on}") == "1", label
            session.send(*keys)
            screen = wait_until(lambda: "EXITED=" in session.screen() and session.screen(), message=f"exit after {label}")
            assert session.display("#{alternate_on}") == "0", f"{label} left the alternate screen on"
            assert session.display("#{cursor_flag}") == "1", f"{label} left the cursor hidden"
            assert re.search(r"EXITED=(0|130)\b", screen), f"{label}: {screen}"
        finally:
            session.close()
