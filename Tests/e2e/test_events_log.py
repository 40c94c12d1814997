"""Stripe events log: every event the server received with its outcome, and deliveries
rejected for a bad signature, counted by reason."""

from operator_steps import connect_program, open_dashboard, pay, post_badly_signed_webhook, programs


def test_events_log_shows_outcomes_and_rejections(stack, tmp_path):
    program = programs(stack)[0]
    detail = connect_program(stack, program["id"])
    _, result = pay(stack, program, detail)
    assert post_badly_signed_webhook(stack, program["id"]) == 400

    dashboard = open_dashboard(stack, tmp_path, "--program", program["id"], ready="✓ connected")
    try:
        screen = dashboard.wait_for("Rejected deliveries  1 (wrong secret 1)")
        dashboard.send("e")
        screen = dashboard.wait_for("Stripe events")
        screen = dashboard.wait_for("✓ conversion created")
        assert "⚠ Rejected deliveries: 1 (wrong secret 1)" in screen
        for event in result["events"]:
            assert event["id"] in screen, event["id"]
        assert "2 events" in screen

        dashboard.send("Escape")
        dashboard.wait_for("Settings › Stripe")
    finally:
        dashboard.close()
