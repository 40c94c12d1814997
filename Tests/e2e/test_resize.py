"""Resize: below 40×10 the dashboard states that the terminal is too small. Back at a
normal size, the screen is whole again."""

from operator_steps import programs, table_rows


def test_resize_to_tiny_and_back(stack, dashboard):
    listed = programs(stack)
    dashboard.wait_for(listed[-1]["name"])

    dashboard.resize(30, 8)
    screen = dashboard.wait_for("Terminal too small")
    assert "30×8" in screen
    assert "40×10" in screen
    assert listed[0]["name"] not in screen

    dashboard.resize(120, 40)
    screen = dashboard.wait_for(listed[-1]["name"])
    assert "Terminal too small" not in screen
    assert len(table_rows(screen, "Name")) == len(listed)
    assert "q quit" in screen.splitlines()[-1]
