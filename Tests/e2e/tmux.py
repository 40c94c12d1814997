"""Drives the real dashboard in a headless tmux session, as an operator's terminal would."""

from __future__ import annotations

import os
import shlex
import subprocess
import time
import uuid


class TmuxSession:
    """One tmux server on a private socket with one session running `command`.

    The private socket keeps tests apart from each other and from any tmux the developer
    runs; `close` kills only this server.
    """

    def __init__(self, name: str, command: list[str], env: dict[str, str], width: int = 120, height: int = 40):
        self.socket = f"agentref-test-{name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.name = name
        environment = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        shell_command = f"env {environment} {shlex.join(command)}; echo EXITED=$?; sleep 30"
        self._tmux(
            "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), shell_command
        )

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def send(self, *keys: str, pause: float = 0.3) -> None:
        """Sends keys as tmux names them (`Enter`, `Escape`, `C-c`, or literal text)."""
        for key in keys:
            self._tmux("send-keys", "-t", self.name, key)
            time.sleep(pause)

    def send_text(self, text: str, pause: float = 0.3) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)
        time.sleep(pause)

    def click(self, x: int, y: int, button: int = 0) -> None:
        """Sends a mouse press at column `x`, row `y` (from 0) in the X10 encoding that
        tmux-256color's terminfo names (`kmous=\\E[M`), then the release of a button press.
        Button 0 is the left one, 64 and 65 are the wheel turning up and down."""
        position = chr(33 + x) + chr(33 + y)
        self.send_text("\x1b[M" + chr(32 + button) + position, pause=0.05)
        if button < 64:
            self.send_text("\x1b[M" + chr(32 + 3) + position)
        else:
            time.sleep(0.25)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def resize(self, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))
        time.sleep(0.4)

    def wait_for(self, text: str, timeout: float = 10) -> str:
        """Waits until `text` is on screen and returns the screen."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"timed out after {timeout} s waiting for {text!r}; screen:\n{screen}")

    def display(self, format_string: str) -> str:
        """Returns a tmux format variable of the pane, such as `#{alternate_on}`."""
        return self._tmux("display-message", "-p", "-t", self.name, format_string).strip()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)
