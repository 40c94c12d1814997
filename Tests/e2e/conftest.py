import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness import start_stack  # noqa: E402


@pytest.fixture
def stack(tmp_path):
    """A Stripe simulator and an AgentRef server with demo data, both from the real binary."""
    running = start_stack(tmp_path)
    yield running
    running.stop()
