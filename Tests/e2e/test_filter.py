"""Filter: `/` narrows the programs list as the operator types, Enter keeps the filter,
and Esc clears it."""

from operator_steps import programs, table_rows


def test_filter_then_escape_clears(stack, dashboard):
    listed = programs(stack)
    dashboard.wait_for(listed[-1]["name"])

    dashboard.send("/")
    dashboard.send_text("ラーメン")
    screen = dashboard.wait_for("1 of 4")
    rows = table_rows(screen, "Name")
    assert len(rows) == 1, rows
    assert "東京ラーメン Club 🍜" in rows[0]
    assert "Enter keep" in screen.splitlines()[-1]

    dashboard.send("Enter")
    screen = dashboard.wait_for("1 match the filter")
    assert "Esc back" in screen.splitlines()[-1]

    dashboard.send("Escape")
    screen = dashboard.wait_for("4 programs")
    assert "/ ラーメン" not in screen
    assert len(table_rows(screen, "Name")) == 4
