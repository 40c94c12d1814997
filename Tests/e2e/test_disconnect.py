"""Disconnect: `d` requests confirmation, stating what stops and what stays; `n` cancels
and changes nothing, `y` disconnects."""

from operator_steps import connect_program, open_dashboard, programs


def test_disconnect_cancel_then_confirm(stack, tmp_path):
    program = programs(stack)[0]
    connect_program(stack, program["id"])
    dashboard = open_dashboard(stack, tmp_path, "--program", program["id"], ready="✓ connected")
    try:
        dashboard.send("d")
        screen = dashboard.wait_for("Disconnect Stripe from")
        assert "What stops" in screen
        assert "What stays" in screen

        dashboard.send("n")
        screen = dashboard.wait_for("d disconnect")
        assert "Disconnect Stripe from" not in screen
        assert stack.api("GET", f"/programs/{program['id']}/stripe")["data"]["status"] == "connected"

        dashboard.send("d")
        dashboard.wait_for("Disconnect Stripe from")
        dashboard.send("y")
        screen = dashboard.wait_for("Stripe disconnected")
        assert f"Stripe is disconnected from {program['name']}" in screen
        assert stack.api("GET", f"/programs/{program['id']}/stripe")["data"]["status"] == "disconnected"

        dashboard.send("Escape")
        dashboard.wait_for("○ disconnected")
    finally:
        dashboard.close()
