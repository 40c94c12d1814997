"""Paging with 500 programs on the server. The list loads 50 at a time as the selection
nears the end of what is loaded, and PgDn moves a whole page of rows across that end. End
loads through to the last program, and a refresh keeps the selection on the same program."""

from harness import Stack, start_process
from operator_steps import open_dashboard


def test_pages_load_as_selection_moves(stack, tmp_path):
    many = start_process(
        ["serve", "--port", "0", "--data-dir", str(tmp_path / "many"), "--demo-programs", "500"],
        {"AGENTREF_API_KEY": stack.api_key},
        tmp_path / "many.log",
    )
    stack.extra.append(many)
    server = Stack(stack.simulator, many, stack.api_key, stack.webhook_secret, tmp_path)
    assert server.api("GET", "/programs?limit=1")["meta"]["total"] == 500

    dashboard = open_dashboard(server, tmp_path, ready="50 of 500 programs loaded")
    try:
        screen = dashboard.screen()
        assert "Generated Program 500" in screen, "newest first"

        dashboard.send("PageDown", "PageDown")
        screen = dashboard.wait_for("› Generated Program 432")
        assert "100 of 500 programs loaded" in screen, "two pages of 34 rows reach row 68 of 100 loaded"

        dashboard.send("End")
        screen = dashboard.wait_for("› Generated Program 001")
        assert "500 programs" in screen
        assert "loaded" not in screen, "End loads every page"

        dashboard.send("Up", "Up", "r")
        screen = dashboard.wait_for("› Generated Program 003")
        dashboard.send("Home")
        screen = dashboard.wait_for("› Generated Program 500")
        assert "500 programs" in screen, "the refresh kept every program loaded"
    finally:
        dashboard.close()
