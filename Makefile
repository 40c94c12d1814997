# Conveniences around the two scripts the README documents. Nothing here is needed to
# build or test: `./scripts/demo` and `./scripts/test` do their own set-up.

.PHONY: demo test bench

demo:
	./scripts/demo

test:
	./scripts/test

# Release build, then the webhook ingest and live-feed benchmark; record results in
# docs/benchmarks.md with the machine and the command.
bench:
	./scripts/bootstrap.sh
	swift build -c release --product agentref
	[ -x .venv/bin/python ] || python3 -m venv .venv
	.venv/bin/pip install --quiet --disable-pip-version-check -r Tests/requirements.txt
	AGENTREF_BIN="$$(swift build -c release --show-bin-path)/agentref" .venv/bin/python bench/webhook_ingest.py
