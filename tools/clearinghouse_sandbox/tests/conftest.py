"""Fixtures: a real sandbox server per module and hand-built 270 interchanges."""

from __future__ import annotations

import httpx
import pytest

from clearinghouse_sandbox.config import SandboxConfig, demo_config
from clearinghouse_sandbox.testing import running_sandbox


def inquiry_270(member_id: str = "M-1", *, dependent: bool = False, control: int = 7,
                service_types: tuple[str, ...] = ("30", "1"), dtp: str = "291") -> str:
    """A 005010X279A1 270 as a provider would send it (fake names and dates)."""
    subscriber = [f"NM1*IL*1*DOE*JOHN****MI*{member_id}", "DMG*D8*19780501*M"]
    asks = [f"DTP*{dtp}*D8*20260310", *(f"EQ*{t}" for t in service_types)]
    body = ["ST*270*0001*005010X279A1", "BHT*0022*13*REF123*20260302*1200", "HL*1**20*1",
            "NM1*PR*2*SUMMIT HEALTH*****PI*SUMMIT", "HL*2*1*21*1",
            "NM1*1P*2*DEMO INFUSION CLINIC*****XX*1234567893"]
    if dependent:
        body += ["HL*3*2*22*1", *subscriber, "HL*4*3*23*0", "TRN*1*TRACE1*9CHAIRSIDE",
                 "NM1*03*1*DOE*JANE", "DMG*D8*20120115*F", *asks]
    else:
        body += ["HL*3*2*22*0", "TRN*1*TRACE1*9CHAIRSIDE", *subscriber, *asks]
    body.append(f"SE*{len(body) + 1}*0001")
    isa = (f"ISA*00*{'':10}*00*{'':10}*ZZ*{'CHAIRSIDE':<15}*ZZ*{'CLEARINGHOUSE':<15}*260302*"
           f"1200*^*00501*{control:09d}*0*T*:")
    segs = [isa, f"GS*HS*CHAIRSIDE*CLEARINGHOUSE*20260302*1200*{control}*X*005010X279A1",
            *body, f"GE*1*{control}", f"IEA*1*{control:09d}"]
    return "~\n".join(segs) + "~\n"


@pytest.fixture(scope="module")
def sandbox():
    with running_sandbox(demo_config()) as sb:
        yield sb


@pytest.fixture
def client(sandbox):
    sandbox.set_config(demo_config())
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as c:
        yield c


@pytest.fixture
def configure(sandbox):
    def _set(config: SandboxConfig) -> None:
        sandbox.set_config(config)
    return _set
