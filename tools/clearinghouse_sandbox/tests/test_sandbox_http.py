"""The sandbox clearinghouse over real HTTP: each configured answer as a valid 271, retry
later, per-member configuration, a 999 for a broken 270, the command line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from decimal import Decimal

import httpx
import pytest
from x12sdk.io import X12ModelReader

from clearinghouse_sandbox.config import Answer, SandboxConfig

from .conftest import inquiry_270

X12 = {"content-type": "application/edi-x12"}


def segments(text: str) -> list[list[str]]:
    return [s.strip().split("*") for s in text.split("~") if s.strip()]


def named(text: str, name: str) -> list[list[str]]:
    return [s for s in segments(text) if s[0] == name]


def valid_271(text: str) -> None:
    """x12sdk accepts it as a 005010X279A1 271 (member AAA codes aside: x12sdk checks AAA03
    in 2100C against the 2100B list, so those cases are checked by value instead)."""
    with X12ModelReader(text) as reader:
        [model] = list(reader.models())
    assert model.header.st_segment.transaction_set_identifier_code == "271"


def post(client, member_id: str = "M-1", **kw) -> str:
    r = client.post("/x12", content=inquiry_270(member_id, **kw), headers=X12)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/edi-x12")
    return r.text


def test_health(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200


def test_active_with_the_configured_figures(client):
    text = post(client, "M-1")
    valid_271(text)
    ebs = ["*".join(s) for s in named(text, "EB")]
    assert ebs[0] == "EB*1**30**CHOICE PPO"
    assert "EB*C*IND*30***23*1500*****Y" in ebs and "EB*C*IND*30***29*400*****Y" in ebs
    assert "EB*A*IND*30*****.20****Y" in ebs and "EB*B*IND*30***27*25*****Y" in ebs
    assert {s[3] for s in named(text, "EB")} == {"30", "1"}  # each type asked is answered
    assert named(text, "TRN") == [["TRN", "2", "TRACE1", "9CHAIRSIDE"]]  # the trace echoed
    assert named(text, "NM1")[2][-1] == "M-1" and not named(text, "AAA")


def test_inactive(client):
    text = post(client, "INACTIVE-9")
    valid_271(text)
    assert ["*".join(s) for s in named(text, "EB")] == ["EB*6**30", "EB*6**1"]


@pytest.mark.parametrize("member, aaa", [
    ("BADID-1", ["AAA", "N", "", "72", "C"]),
    ("NOTFOUND-1", ["AAA", "N", "", "75", "C"]),
    ("BADDOB-1", ["AAA", "N", "", "58", "C"]),
])
def test_member_rejections_in_2100c(client, member, aaa):
    text = post(client, member)
    segs = segments(text)
    i = segs.index(aaa)
    assert segs[i - 1][:2] == ["NM1", "IL"] and not named(text, "EB")  # in 2100C, no benefits
    assert named(text, "SE")[0][1] == str(len(segs) - 4)  # ISA, GS, GE, IEA not counted


def test_retry_later_then_the_answer(client, configure):
    configure(SandboxConfig(members={"M-7": Answer(retry_later_first=2,
                                                   deductible=Decimal("900"))}))
    first, second, third = (post(client, "M-7") for _ in range(3))
    for text in (first, second):
        valid_271(text)
        assert named(text, "AAA") == [["AAA", "N", "", "42", "R"]]
        assert [s[3] for s in named(text, "HL")] == ["20"]  # nothing below the payer
    valid_271(third)
    assert ["EB", "C", "IND", "30", "", "", "23", "900", "", "", "", "", "Y"] in segments(third)
    outcomes = [i["outcome"] for i in client.get("/admin/inquiries").json()["items"]]
    assert outcomes == ["AAA42", "AAA42", "active"]


def test_dependent_answered_in_2000d(client):
    text = post(client, "M-3", dependent=True)
    valid_271(text)
    assert [s[3:] for s in named(text, "HL")] == [["20", "1"], ["21", "1"], ["22", "1"],
                                                  ["23", "0"]]
    segs = segments(text)
    assert segs.index(["NM1", "03", "1", "DOE", "JANE"]) < segs.index(named(text, "EB")[0])


def test_member_answers_via_admin_api(client):
    r = client.put("/admin/members/M-55", json={"status": "inactive"})
    assert r.status_code == 200
    assert named(post(client, "M-55"), "EB")[0][:2] == ["EB", "6"]
    assert client.delete("/admin/members/M-55").status_code == 204
    assert client.delete("/admin/members/M-55").status_code == 404
    assert named(post(client, "M-55"), "EB")[0][:2] == ["EB", "1"]
    bad = client.put("/admin/members/M-56", json={"status": "rejected", "aaa_code": "99"})
    assert bad.status_code == 422
    cfg = client.put("/admin/config", json={"default": {"status": "inactive"}})
    assert cfg.status_code == 200 and client.get("/admin/config").json()["default"][
        "status"] == "inactive"


@pytest.mark.parametrize("broken", [
    lambda t: t.replace("DTP*291", "DTP*999"),       # not a date qualifier of the guide
    lambda t: t.replace("SE*14*", "SE*13*"),         # wrong segment count
    lambda t: t.replace("NM1*PR*2*SUMMIT HEALTH*****PI*SUMMIT~\n", ""),  # payer loop missing
    lambda t: t.replace("EQ*30", "EQ*ZZ"),           # unknown service type
])
def test_a_broken_270_gets_a_999(client, broken):
    good = inquiry_270("M-1")
    assert "SE*14*" in good
    r = client.post("/x12", content=broken(good), headers=X12)
    assert r.status_code == 200
    assert named(r.text, "ST")[0][1] == "999" and named(r.text, "IK5") == [["IK5", "R", "5"]]
    assert named(r.text, "AK2") == [["AK2", "270", "0001", "005010X279A1"]]
    assert not named(r.text, "EB")


def test_not_x12_at_all(client):
    assert client.post("/x12", content=b"hello", headers=X12).status_code == 400


def test_bearer_token_when_required(client, configure):
    configure(SandboxConfig(required_token="s3cret"))
    assert client.post("/x12", content=inquiry_270(), headers=X12).status_code == 401
    r = client.post("/x12", content=inquiry_270(),
                    headers={**X12, "Authorization": "Bearer s3cret"})
    assert r.status_code == 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_command_line_server_with_a_seed(tmp_path):
    seed = tmp_path / "answers.json"
    seed.write_text('{"members": {"SEEDED-1": {"status": "rejected", "aaa_code": "72"}}}')
    port = _free_port()
    env = {**os.environ, "CLEARINGHOUSE_SANDBOX_PORT": str(port),
           "CLEARINGHOUSE_SANDBOX_CONFIG": str(seed)}
    proc = subprocess.Popen([sys.executable, "-m", "clearinghouse_sandbox"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        assert r.json() == {"status": "ok"}
        text = httpx.post(f"http://127.0.0.1:{port}/x12", content=inquiry_270("SEEDED-1")).text
        assert named(text, "AAA") == [["AAA", "N", "", "72", "C"]]
    finally:
        proc.terminate()
        proc.wait(10)
    seed.write_text('{"members": {"X": {"status": "maybe"}}}')
    done = subprocess.run([sys.executable, "-m", "clearinghouse_sandbox", "--config", str(seed)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "CLEARINGHOUSE_SANDBOX_CONFIG" in done.stderr


@pytest.mark.parametrize("config", [SandboxConfig(), None])
def test_unknown_members_are_active_by_default(config):
    """Demo and e2e patients (any member id no rule steers) come back eligible."""
    from clearinghouse_sandbox.config import demo_config

    cfg = config or demo_config()
    for member in ("1EG4TE5MK72", "RM7730001", "PHIMEMBER4471", "ZX9981234", ""):
        assert cfg.answer_for(member).status == "active"
        assert cfg.answer_for(member).retry_later_first == 0
