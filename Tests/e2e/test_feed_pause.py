"""Live feed: pausing keeps new conversions back and counts them; resuming shows them all."""

from operator_steps import connect_program, open_dashboard, pay, programs


def test_pause_counts_arrivals_and_resume_shows_them(stack, tmp_path):
    program = programs(stack)[0]
    detail = connect_program(stack, program["id"])
    dashboard = open_dashboard(stack, tmp_path, "--feed", ready="live streaming")
    try:
        dashboard.send("p")
        screen = dashboard.wait_for("⏸ PAUSED · 0 new")

        affiliate, _ = pay(stack, program, detail)
        screen = dashboard.wait_for("⏸ PAUSED · 1 new", timeout=5)
        assert affiliate not in screen, "a paused feed shows no new rows"

        dashboard.send("p")
        screen = dashboard.wait_for(affiliate)
        assert "PAUSED" not in screen
        assert "checkout.session.completed" in screen
        assert "1/min" in screen, "the rate sparkline counts the arrival"
    finally:
        dashboard.close()
