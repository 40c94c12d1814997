import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import start_stack  # noqa: E402
from operator_steps import open_dashboard  # noqa: E402


@pytest.fixture
def stack(tmp_path):
    """A Stripe simulator and an AgentRef server with demo data, both from the real binary."""
    running = start_stack(tmp_path)
    yield running
    running.stop()


@pytest.fixture
def dashboard(stack, tmp_path):
    """The real dashboard at 120×40 in a private tmux server, on the programs list once the
    first page has loaded."""
    session = open_dashboard(stack, tmp_path)
    yield session
    session.close()
