"""Hostile text: program names with escape sequences, control characters, CJK and emoji
are drawn harmlessly and keep the table's columns aligned."""

from operator_steps import display_column, open_dashboard, table_rows


def test_hostile_and_wide_names_stay_aligned(stack, tmp_path):
    hostile = "Evil\x1b[2J\x1b]52;c;aGk=\x07Corp\u202egnp.exe"
    stack.api("POST", "/programs", {"name": hostile, "commissionType": "one_time", "commissionPercent": 10})
    dashboard = open_dashboard(stack, tmp_path)
    try:
        screen = dashboard.wait_for("EvilCorp")
        assert "\x1b" not in screen
        assert "gnp.exe" in screen, "the right-to-left override is dropped, the text stays"
        assert dashboard.display("#{pane_height}") == "40", "nothing cleared or resized the screen"

        rows = table_rows(screen, "Name")
        assert any("東京ラーメン Club 🍜" in row for row in rows)
        columns = {display_column(row, "active") for row in rows}
        assert len(columns) == 1, f"Status column moves between rows: {rows}"
    finally:
        dashboard.close()
