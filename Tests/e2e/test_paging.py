"""Paging: with 500 programs on the server, the list loads 50 at a time as the selection
nears the end of what is loaded."""

from harness import Stack, start_process
from operator_steps import open_dashboard


def test_pages_load_as_selection_nears_end(stack, tmp_path):
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

        dashboard.send("End")
        screen = dashboard.wait_for("100 of 500 programs loaded")
        assert "› Generated Program 451" in screen

        dashboard.send("End")
        dashboard.wait_for("150 of 500 programs loaded")
        dashboard.send("Home")
        screen = dashboard.wait_for("› Generated Program 500")
        assert "150 of 500 programs loaded" in screen, "moving up loads nothing more"
    finally:
        dashboard.close()
