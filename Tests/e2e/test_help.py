"""Help: `?` lists every binding from the one table, grouped by screen, and Esc closes it."""


def test_help_overlay_lists_bindings_and_closes(dashboard):
    dashboard.send("?")
    screen = dashboard.wait_for("Key bindings")
    for heading in ["Programs (active)", "Everywhere (active)"]:
        assert heading in screen, heading
    for line in ["o               Sort by the next column", "e               Open the Stripe events log"]:
        assert line in screen, line
    assert "Esc close" in screen.splitlines()[-1]

    for _ in range(6):
        dashboard.send("PageDown", pause=0.1)
    screen = dashboard.wait_for("Mouse")
    assert "Start with --mouse" in screen

    dashboard.send("Escape")
    screen = dashboard.wait_for("AgentRef › Programs")
    assert "Key bindings" not in screen
