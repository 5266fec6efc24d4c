"""Spans are recorded only when something takes them: an OTLP endpoint, a span processor, or
a sampler the operator chose. Without one the ids still flow (traceparent, log lines). Each
case runs in a fresh interpreter: the tracer provider is installed once per process."""

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from opentelemetry import trace
from chairside_shared.telemetry import setup_telemetry
setup_telemetry("probe", otlp_endpoint=sys.argv[1] or None)
tracer = trace.get_tracer("probe")
with tracer.start_as_current_span("outer") as outer:
    with tracer.start_as_current_span("inner") as inner:
        o, i = outer.get_span_context(), inner.get_span_context()
        recording = inner.is_recording()
print(json.dumps({"recording": recording, "valid": o.is_valid and i.is_valid,
                  "same_trace": o.trace_id == i.trace_id, "own_span": o.span_id != i.span_id,
                  "sampled": i.trace_flags.sampled}))
"""


def probe(endpoint: str = "", **env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    out = subprocess.run([sys.executable, "-c", PROBE, endpoint], env=clean | env,
                         capture_output=True, text=True, timeout=60, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("endpoint", "env", "recording"), [
    ("", {}, False),                                    # nowhere to send them
    ("http://127.0.0.1:9", {}, True),                   # an OTLP endpoint (never reached here)
    ("", {"OTEL_TRACES_SAMPLER": "always_on"}, True),   # the operator's choice wins
])
def test_spans_are_recorded_only_when_something_takes_them(endpoint, env, recording):
    got = probe(endpoint, **env)
    assert got["recording"] is recording and got["sampled"] is recording
    # ids flow either way: one trace, a span id of its own for each span
    assert got["valid"] and got["same_trace"] and got["own_span"]
