"""Navigation: the operator moves through the programs list, opens Program Settings >
Stripe, goes back with Esc and quits with q."""

from operator_steps import programs, selected_row


def test_move_open_back_and_quit(stack, dashboard):
    listed = programs(stack)
    screen = dashboard.wait_for(listed[-1]["name"])
    assert listed[0]["name"] in selected_row(screen)

    dashboard.send("j", "j")
    screen = dashboard.wait_for("› " + listed[2]["name"])
    dashboard.send("k")
    screen = dashboard.wait_for("› " + listed[1]["name"])

    dashboard.send("Enter")
    screen = dashboard.wait_for("Settings › Stripe")
    assert f"AgentRef › {listed[1]['name']} › Settings › Stripe" in screen
    assert "○ disconnected" in screen
    assert "Esc back" in screen.splitlines()[-1]

    dashboard.send("Escape")
    screen = dashboard.wait_for("AgentRef › Programs")
    assert listed[1]["name"] in selected_row(screen), "the selection survives the round trip"

    dashboard.send("q")
    screen = dashboard.wait_for("EXITED=")
    assert "EXITED=0" in screen
