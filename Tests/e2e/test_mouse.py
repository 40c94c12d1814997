"""Mouse, with --mouse: a click selects a row, a click on the selected program opens it,
the wheel moves the selection, and a click on a key hint acts like the key."""

from operator_steps import open_dashboard, programs

WHEEL_UP = 64
WHEEL_DOWN = 65


def test_click_wheel_and_key_hint(stack, tmp_path):
    listed = programs(stack)
    dashboard = open_dashboard(stack, tmp_path, "--mouse", name="mouse")
    try:
        dashboard.wait_for(listed[-1]["name"])
        dashboard.click(10, 4)
        dashboard.wait_for("› " + listed[2]["name"])

        dashboard.click(0, 10, button=WHEEL_DOWN)
        dashboard.wait_for("› " + listed[3]["name"])
        dashboard.click(0, 10, button=WHEEL_UP)
        dashboard.wait_for("› " + listed[2]["name"])

        dashboard.click(10, 4)
        screen = dashboard.wait_for("Settings › Stripe")
        assert listed[2]["name"] in screen.splitlines()[0]

        hints = screen.splitlines()[-1]
        dashboard.click(hints.index("f feed") + 1, 39)
        screen = dashboard.wait_for("Live feed")
        assert listed[2]["name"] in screen.splitlines()[0], "the feed of the program whose settings were open"
    finally:
        dashboard.close()
