"""AgentRef's official Python SDK (PyPI `agentref`), unmodified, against the local server.

The SDK validates every response with its own pydantic models, so a call that returns
without raising proves the server sends every field the SDK requires, with the right types.
"""

import pytest
from agentref import AgentRef
from agentref.errors import AuthError, NotFoundError, ValidationError

from harness import follow_authorize_url, wait_until


@pytest.fixture
def client(stack):
    sdk = AgentRef(api_key=stack.api_key, base_url=stack.api_url, max_retries=0)
    yield sdk
    sdk.close()


def test_list_and_get_programs(client):
    page = client.programs.list()
    assert page.meta.total >= 4
    assert len(page.data) >= 4
    assert page.meta.request_id

    program = client.programs.get(page.data[0].id)
    assert program.id == page.data[0].id
    assert program.readiness == "setup"
    assert program.stripe_account_id is None


def test_list_all_programs_pages_through_everything(client):
    names = [program.name for program in client.programs.list_all(page_size=1)]
    assert len(names) == client.programs.list().meta.total
    assert len(set(names)) == len(names)


def test_program_stats_and_affiliates(client):
    program = client.programs.list().data[0]
    stats = client.programs.stats(program.id)
    assert stats.program_id == program.id
    assert stats.total_conversions == 0

    affiliates = client.programs.list_affiliates(program.id)
    assert affiliates.meta.total >= 4
    assert all(affiliate.program_id == program.id for affiliate in affiliates.data)
    assert all(affiliate.code for affiliate in affiliates.data)


def test_create_program(client):
    created = client.programs.create(name="SDK Created", commission_type="one_time", commission_percent=15)
    assert created.name == "SDK Created"
    assert created.commission_type == "one_time"
    assert client.programs.get(created.id).readiness == "setup"


def test_connect_and_disconnect_stripe(client):
    program = client.programs.list().data[0]

    connect = client.programs.connect_stripe(program.id, method="oauth_url")
    assert connect.connected is False
    assert connect.method == "oauth_url"
    assert connect.program_id == program.id
    assert "response_type=code" in connect.auth_url
    assert "scope=read_only" in connect.auth_url
    assert "state=" in connect.auth_url

    disconnect = client.programs.disconnect_stripe(program.id)
    assert disconnect.success is True
    assert disconnect.program_id == program.id

    again = client.programs.disconnect_stripe(program.id)
    assert again.success is True


def test_full_connection_then_conversions_validate(client, stack):
    program = client.programs.list().data[0]
    affiliate = client.programs.list_affiliates(program.id).data[0]
    connect = client.programs.connect_stripe(program.id, method="oauth_url")

    _, status, page = follow_authorize_url(connect.auth_url)
    assert status == 200, page
    connected = client.programs.get(program.id)
    assert connected.stripe_account_id is not None
    assert connected.stripe_connected_at is not None

    click = stack.api("POST", "/clicks", {"programId": program.id, "affiliateCode": affiliate.code})
    stack.simulator_call(
        "POST",
        "/_sim/trigger",
        {
            "scenario": "checkout-payment",
            "account": connected.stripe_account_id,
            "cid": click["data"]["cid"],
            "amount": 4900,
            "currency": program.currency.lower(),
        },
    )

    listed = wait_until(lambda: client.conversions.list(program_id=program.id).data, message="a conversion")
    assert len(listed) == 1
    conversion = listed[0]
    assert conversion.affiliate_id == affiliate.id
    assert conversion.amount == 4900
    assert conversion.status == "pending"

    assert [c.id for c in client.conversions.recent(limit=5)] == [conversion.id]
    stats = client.conversions.stats(program_id=program.id)
    assert stats.total == 1
    assert stats.total_revenue == 4900
    program_stats = client.programs.stats(program.id)
    assert program_stats.total_conversions == 1


def test_errors_map_to_sdk_exceptions(client, stack):
    with pytest.raises(NotFoundError) as missing:
        client.programs.get("prg_does_not_exist")
    assert missing.value.request_id

    with pytest.raises(ValidationError):
        client.programs.list(limit=1000)

    bad = AgentRef(api_key="ak_test_wrong", base_url=stack.api_url, max_retries=0)
    with pytest.raises(AuthError):
        bad.programs.list()
    bad.close()
