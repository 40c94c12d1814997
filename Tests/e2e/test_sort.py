"""Sort: `o` cycles the sort column, `O` reverses it, and the header and summary show how
the list is ordered."""

from operator_steps import programs, table_rows


def names_in(rows: list[str], candidates: list[str]) -> list[str]:
    return [next(name for name in candidates if name in row) for row in rows]


def test_sort_by_name_and_reverse(stack, dashboard):
    listed = [program["name"] for program in programs(stack)]
    dashboard.wait_for(listed[-1])

    dashboard.send("o")
    screen = dashboard.wait_for("Name ↑")
    assert "sorted by name ↑" in screen
    ascending = names_in(table_rows(screen, "Name"), listed)
    assert ascending == sorted(listed, key=str.casefold)

    dashboard.send("O")
    screen = dashboard.wait_for("Name ↓")
    assert "sorted by name ↓" in screen
    assert names_in(table_rows(screen, "Name"), listed) == list(reversed(ascending))

    for _ in range(6):
        dashboard.send("o", pause=0.1)
    screen = dashboard.wait_for("4 programs")
    assert "sorted by" not in screen
    header = screen.splitlines()[1]
    assert "↑" not in header
    assert "↓" not in header
    assert names_in(table_rows(screen, "Name"), listed) == listed
