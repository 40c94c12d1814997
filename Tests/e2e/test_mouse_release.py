"""Mouse, with --mouse: a button release must not stall the dashboard. Results that arrive
after a click are drawn without waiting for another key."""

from operator_steps import connect_program, open_dashboard, pay, programs


def test_feed_updates_after_click_without_key(stack, tmp_path):
    program = programs(stack)[0]
    detail = connect_program(stack, program["id"])
    dashboard = open_dashboard(stack, tmp_path, "--mouse", "--feed", name="release", ready="live streaming")
    try:
        dashboard.click(10, 12)
        dashboard.click(10, 12, button=2)

        affiliate, _ = pay(stack, program, detail)
        screen = dashboard.wait_for(affiliate, timeout=5)
        assert "checkout.session.completed" in screen
    finally:
        dashboard.close()
