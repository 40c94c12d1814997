"""End to end: the scriptable commands of the real binary against a real server and simulator.

Covers the `--json` shapes of `programs`, `stripe status|connect|disconnect` and
`conversions` (with `--follow`), the exit codes scripts rely on, `--help` on every
command, the bash and zsh completion scripts, configuration precedence, and that the API
key never appears in output or logs.
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import agentref_binary, follow_authorize_url  # noqa: E402

COMMANDS = ["serve", "stripe-sim", "demo", "trigger", "programs", "stripe", "conversions", "config", "completion"]

# Exit codes of Sources/AgentRefCommands/Output/ExitCode.swift.
EXIT_OK, EXIT_USAGE, EXIT_AUTH, EXIT_NOT_FOUND, EXIT_NETWORK = 0, 2, 3, 4, 5


def run_cli(args, env=None, timeout=30):
    """Runs `agentref ARGS` with only the given environment (plus PATH, HOME and LANG)."""
    base = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [agentref_binary(), *args], env={**base, **(env or {})}, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def cli_env(stack, tmp_path):
    """Environment that points the commands at the stack, with an empty config home."""
    (tmp_path / "config").mkdir()
    return {
        "AGENTREF_API_URL": stack.api_url,
        "AGENTREF_API_KEY": stack.api_key,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def cli_json(args, env):
    result = run_cli([*args, "--json"], env)
    assert result.returncode == EXIT_OK, f"agentref {' '.join(args)}: {result.stderr}"
    return json.loads(result.stdout)


def first_program(env) -> dict:
    return cli_json(["programs"], env)[0]


# MARK: - JSON output


def test_programs_json_lists_demo_programs(cli_env):
    programs = cli_json(["programs"], cli_env)

    assert len(programs) == 4
    for program in programs:
        assert program["id"].startswith("prg_")
        assert isinstance(program["name"], str)
        assert program["stripeStatus"] == "disconnected"
        assert program["commissionType"] in {"one_time", "recurring", "recurring_limited"}
        assert "stripeAccountId" not in program or program["stripeAccountId"] is None


def test_stripe_connect_status_disconnect_json(stack, cli_env):
    program = first_program(cli_env)["id"]

    before = cli_json(["stripe", "status", program], cli_env)
    started = cli_json(["stripe", "connect", program], cli_env)
    _, callback_status, page = follow_authorize_url(started["authUrl"])
    connected = cli_json(["stripe", "status", program], cli_env)
    again = cli_json(["stripe", "connect", program], cli_env)
    disconnected = cli_json(["stripe", "disconnect", program, "--yes"], cli_env)
    after = cli_json(["stripe", "status", program], cli_env)

    assert before["programId"] == program
    assert before["status"] == "disconnected"
    assert started["connected"] is False
    assert started["method"] == "oauth_url"
    assert started["authUrl"].startswith(stack.simulator.url + "/oauth/authorize?")
    assert callback_status == 200, page
    assert connected["status"] == "connected"
    assert connected["stripeAccountId"].startswith("acct_")
    assert connected["webhookEndpointId"].startswith("we_")
    assert len(connected["subscribedEvents"]) == 5
    assert again["connected"] is True
    assert again.get("authUrl") is None
    assert connected["stripeAccountId"] in again["message"]
    assert disconnected == {"success": True, "programId": program}
    assert after["status"] == "disconnected"
    assert after["cleanupPending"] is False


def test_stripe_accepts_program_name(cli_env):
    program = first_program(cli_env)

    status = cli_json(["stripe", "status", program["name"]], cli_env)

    assert status["programId"] == program["id"]


def test_conversions_json_and_follow(stack, cli_env):
    program = first_program(cli_env)["id"]
    started = cli_json(["stripe", "connect", program], cli_env)
    follow_authorize_url(started["authUrl"])
    account = cli_json(["stripe", "status", program], cli_env)["stripeAccountId"]
    code = stack.api("GET", f"/programs/{program}/affiliates")["data"][0]["code"]
    cid = stack.api("POST", "/clicks", {"programId": program, "affiliateCode": code})["data"]["cid"]

    follower = subprocess.Popen(
        [agentref_binary(), "conversions", "--follow", "--json", "--program", program],
        env={**os.environ, **cli_env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        status = LineReader(follower.stderr)
        output = LineReader(follower.stdout)
        assert status.next(timeout=15).strip() == "agentref: feed: connecting"
        assert status.next(timeout=15).strip() == "agentref: feed: streaming"
        stack.simulator_call(
            "POST", "/_sim/trigger", {"scenario": "checkout-payment", "account": account, "cid": cid, "amount": 4200}
        )
        line = output.next(timeout=15)
    finally:
        follower.terminate()
        follower.wait(timeout=10)
    listed = cli_json(["conversions", "--program", program], cli_env)

    entry = json.loads(line)
    assert entry["type"] == "conversion.created"
    assert entry["sequence"] >= 1
    assert entry["conversion"]["programId"] == program
    assert entry["conversion"]["amount"] == 4200
    assert [conversion["id"] for conversion in listed] == [entry["conversion"]["id"]]


class LineReader:
    """Reads a process's output stream on a thread, so a test can wait for lines with a timeout."""

    def __init__(self, stream):
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream):
        for line in stream:
            self.lines.put(line)

    def next(self, timeout):
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no line within {timeout} s") from None


# MARK: - Exit codes


def test_unknown_option_is_usage_error(cli_env):
    result = run_cli(["programs", "--bogus"], cli_env)

    assert result.returncode == EXIT_USAGE
    assert "unknown option --bogus" in result.stderr
    assert "agentref programs --help" in result.stderr


def test_missing_argument_is_usage_error(cli_env):
    result = run_cli(["stripe", "status"], cli_env)

    assert result.returncode == EXIT_USAGE
    assert "PROGRAM" in result.stderr


def test_wrong_key_is_auth_error(stack, cli_env):
    wrong = "ak_test_" + "0" * 40

    result = run_cli(["programs"], {**cli_env, "AGENTREF_API_KEY": wrong})

    assert result.returncode == EXIT_AUTH
    assert "UNAUTHORIZED" in result.stderr
    assert "request req_" in result.stderr
    assert wrong not in result.stderr + result.stdout


def test_unknown_program_is_not_found(cli_env):
    result = run_cli(["stripe", "status", "prg_does_not_exist"], cli_env)

    assert result.returncode == EXIT_NOT_FOUND
    assert "prg_does_not_exist" in result.stderr


def test_unreachable_server_is_network_error(cli_env):
    result = run_cli(["programs"], {**cli_env, "AGENTREF_API_URL": "http://127.0.0.1:9/api/v1"}, timeout=120)

    assert result.returncode == EXIT_NETWORK
    assert "127.0.0.1:9" in result.stderr


# MARK: - Help and completion


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(command):
    result = run_cli([command, "--help"])

    assert result.returncode == EXIT_OK, result.stderr
    assert f"Usage: agentref {command}" in result.stdout
    assert "--help" in result.stdout
    assert result.stderr == ""


def test_help_of_dashboard_lists_every_command():
    result = run_cli(["--help"])

    assert result.returncode == EXIT_OK
    for command in COMMANDS:
        assert f"\n  {command} " in result.stdout


def test_bash_completion_script_loads_and_completes():
    script = (
        f'source <("{agentref_binary()}" completion bash); complete -p agentref; '
        "COMP_WORDS=(agentref stripe st); COMP_CWORD=2; _agentref; echo \"${COMPREPLY[@]}\"; "
        "COMP_WORDS=(agentref conv); COMP_CWORD=1; _agentref; echo \"${COMPREPLY[@]}\""
    )

    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=30)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["complete -F _agentref agentref", "status", "conversions"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completion_script_loads():
    script = f'autoload -U compinit; compinit -u; source <("{agentref_binary()}" completion zsh); print $_comps[agentref]'

    result = subprocess.run(["zsh", "-c", script], capture_output=True, text=True, timeout=30)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "_agentref"


# MARK: - Configuration and the key


def write_key_file(path: Path, key: str, mode: int) -> Path:
    path.write_text(key + "\n")
    path.chmod(mode)
    return path


def test_key_file_readable_by_others_is_refused(stack, cli_env, tmp_path):
    key_file = write_key_file(tmp_path / "key", stack.api_key, 0o644)
    env = {key: value for key, value in cli_env.items() if key != "AGENTREF_API_KEY"}

    refused = run_cli(["programs", "--key-file", str(key_file)], env)
    key_file.chmod(0o600)
    accepted = run_cli(["programs", "--key-file", str(key_file), "--json"], env)

    assert refused.returncode == EXIT_USAGE
    assert f"chmod 600 {key_file}" in refused.stderr
    assert "0644" in refused.stderr
    assert stack.api_key not in refused.stderr + refused.stdout
    assert accepted.returncode == EXIT_OK, accepted.stderr
    assert len(json.loads(accepted.stdout)) == 4


def test_flags_override_environment_override_config_file(stack, tmp_path):
    config_home = tmp_path / "xdg"
    (config_home / "agentref").mkdir(parents=True)
    write_key_file(config_home / "agentref" / "key", stack.api_key, 0o600)
    (config_home / "agentref" / "config.json").write_text(json.dumps({"apiUrl": stack.api_url, "keyFile": "key"}))
    dead_url = "http://127.0.0.1:9/api/v1"

    from_file = run_cli(["programs", "--json"], {"XDG_CONFIG_HOME": str(config_home)})
    env_wins = run_cli(["programs"], {"XDG_CONFIG_HOME": str(config_home), "AGENTREF_API_URL": dead_url}, timeout=120)
    flag_wins = run_cli(
        ["programs", "--json", "--api-url", stack.api_url],
        {"XDG_CONFIG_HOME": str(config_home), "AGENTREF_API_URL": dead_url},
    )

    assert from_file.returncode == EXIT_OK, from_file.stderr
    assert env_wins.returncode == EXIT_NETWORK
    assert flag_wins.returncode == EXIT_OK, flag_wins.stderr


def test_config_shows_sources_and_only_last_four_of_key(stack, tmp_path):
    config_home = tmp_path / "xdg"
    (config_home / "agentref").mkdir(parents=True)
    write_key_file(config_home / "agentref" / "key", stack.api_key, 0o600)
    (config_home / "agentref" / "config.json").write_text(json.dumps({"apiUrl": stack.api_url, "keyFile": "key"}))
    env = {"XDG_CONFIG_HOME": str(config_home), "AGENTREF_API_URL": "http://127.0.0.1:9/api/v1"}

    result = run_cli(["config", "--json", "--api-url", stack.api_url], env)
    settings = json.loads(result.stdout)

    assert result.returncode == EXIT_OK, result.stderr
    assert settings["apiUrl"] == {"value": stack.api_url, "source": "--api-url"}
    assert settings["apiKey"]["value"].endswith(stack.api_key[-4:])
    assert settings["apiKey"]["source"].endswith("agentref/key")
    assert stack.api_key not in result.stdout
    assert settings["configFile"]["value"] == str(config_home / "agentref" / "config.json")


def test_key_never_appears_in_output_or_logs(stack, cli_env, tmp_path):
    program = first_program(cli_env)["id"]
    log_file = tmp_path / "cli.log"
    logged = ["--log-file", str(log_file), "--log-level", "debug"]
    runs = [
        run_cli(["programs", *logged], cli_env),
        run_cli(["programs", "--json", *logged], cli_env),
        run_cli(["stripe", "status", program, *logged], cli_env),
        run_cli(["stripe", "connect", program, *logged], cli_env),
        run_cli(["stripe", "status", "prg_missing", *logged], cli_env),
        run_cli(["conversions", *logged], cli_env),
        run_cli(["config"], cli_env),
        run_cli(["programs", *logged], {**cli_env, "AGENTREF_API_URL": "http://127.0.0.1:9/api/v1"}, timeout=120),
    ]

    texts = [run.stdout + run.stderr for run in runs]
    texts.append(log_file.read_text())
    texts.append(stack.server.log_path.read_text())
    assert log_file.stat().st_size > 0
    assert "retrying request" in log_file.read_text()
    for text in texts:
        assert stack.api_key not in text
    assert stack.api_key[-4:] in stack.server.log_path.read_text()
