"""270 built and 271 read (005010X279A1), with the validator: payer-exchange §2 and §8 cases
10 and 11, a broken 270 refused, the library's 2100C AAA list corrected."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import uuid4

import pytest

from authorization.adapters.x12_270 import Envelope, render_270, text
from authorization.adapters.x12_271 import read_271
from authorization.adapters.x12_validation import X12Invalid, validate
from authorization.domain.eligibility import MissingIdentity, Provider, build_inquiry
from authorization.domain.identity import Coverage, PayerIdentity, Person, Practitioner

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
ENV = Envelope("CHAIRSIDE", "CLEARINGHOUSE", "9CHAIRSIDE", "T", 1234)
PATIENT = Person(family_name="O'Brien-Núñez", given_name="Zoë", middle_name="Q",
                 birth_date=date(2014, 6, 9), sex="female", address=None)
SUBSCRIBER = Person(family_name="Doe", given_name="John", birth_date=date(1978, 5, 1),
                    sex="male", address=None)
DOCTOR = Practitioner(id="p-1", npi="1234567893", family_name="Smith", given_name="Ann",
                      taxonomy="2084N0402X")


def identity(relationship="self", member_id="M123", subscriber=SUBSCRIBER, patient=PATIENT,
             payer_id="summit-health", ordering=DOCTOR):
    cov = Coverage(id=uuid4(), payer_id=payer_id, member_id=member_id, group_number=None,
                   relationship=relationship,
                   subscriber=None if relationship == "self" else subscriber)
    return PayerIdentity(order_id=None, patient_id=uuid4(), patient=patient, coverage=cov,
                         ordering=ordering)


def inquiry(ident=None, practice=None, types=("30", "1")):
    return build_inquiry(identity=ident or identity(), payer_id="summit-health",
                         payer_name="Summit Health", practice=practice,
                         service_date=date(2026, 3, 10), service_types=types,
                         reference="A1B2C3")


def segs(x12: str) -> list[str]:
    return [s.strip() for s in x12.split("~") if s.strip()]


# --------------------------------------------------------------------------- 270
def test_270_patient_is_the_subscriber():
    x12 = render_270(inquiry(), ENV, NOW)
    validate(x12, "270")
    s = segs(x12)
    assert s[2:] == [
        "ST*270*0001*005010X279A1", "BHT*0022*13*A1B2C3*20260302*1500",
        "HL*1**20*1", "NM1*PR*2*SUMMIT HEALTH*****PI*SUMMIT-HEALTH",
        "HL*2*1*21*1", "NM1*1P*1*SMITH*ANN****XX*1234567893",
        "HL*3*2*22*0", "TRN*1*A1B2C3*9CHAIRSIDE",
        "NM1*IL*1*O'BRIEN-NUNEZ*ZOE*Q***MI*M123", "DMG*D8*20140609*F",
        "DTP*291*D8*20260310", "EQ*30", "EQ*1", "SE*14*0001",
        "GE*1*1234", "IEA*1*000001234"]
    assert s[0].startswith("ISA*00*") and len(s[0]) == 105  # + the terminator = 106


def test_270_dependent_without_own_id_goes_in_2100d():
    x12 = render_270(inquiry(identity("child")), ENV, NOW)
    validate(x12, "270")
    s = segs(x12)
    start = s.index("HL*3*2*22*1")
    assert s[start:start + 10] == [
        "HL*3*2*22*1", "NM1*IL*1*DOE*JOHN****MI*M123", "DMG*D8*19780501*M",
        "HL*4*3*23*0", "TRN*1*A1B2C3*9CHAIRSIDE", "NM1*03*1*O'BRIEN-NUNEZ*ZOE*Q",
        "DMG*D8*20140609*F", "DTP*291*D8*20260310", "EQ*30", "EQ*1"]


def test_270_practice_npi_as_organization_and_one_service_type():
    practice = Provider(npi="1234567893", name="Chairside Infusion Center")
    x12 = render_270(inquiry(practice=practice, types=("30",)), ENV, NOW)
    validate(x12, "270")
    assert "NM1*1P*2*CHAIRSIDE INFUSION CENTER*****XX*1234567893" in segs(x12)
    assert [x for x in segs(x12) if x.startswith("EQ")] == ["EQ*30"]


def test_text_cannot_carry_delimiters():
    assert text("A*B~C:D^E", 60) == "A B C D E"
    assert text("x" * 80, 35) == "X" * 35


@pytest.mark.parametrize("ident, item", [
    (identity(patient=None), "patient"),
    (PayerIdentity(order_id=None, patient_id=uuid4(), patient=PATIENT, coverage=None,
                   ordering=DOCTOR), "coverage"),
    (identity(payer_id="harbor-health"), "coverage"),
    (identity("spouse", subscriber=None), "subscriber"),
    (identity(ordering=None), "provider"),
    (identity(ordering=replace(DOCTOR, active=False)), "provider"),
    (identity(patient=replace(PATIENT, birth_date=None)), "patient"),
    (identity("child", subscriber=replace(SUBSCRIBER, birth_date=None)), "subscriber"),
    (identity("child", patient=replace(PATIENT, given_name=" ")), "patient"),
])
def test_inquiry_names_the_missing_identity(ident, item):
    with pytest.raises(MissingIdentity) as err:
        inquiry(ident)
    assert err.value.item == item


# --------------------------------------------------------------------------- the validator
GOOD = render_270(inquiry(), ENV, NOW)


@pytest.mark.parametrize("broken, where", [
    (GOOD.replace("DTP*291", "DTP*999"), "dtp_segment.date_time_qualifier"),
    (GOOD.replace("SE*14*", "SE*15*"), "transaction"),
    (GOOD.replace("NM1*PR*2*SUMMIT HEALTH*****PI*SUMMIT-HEALTH~\n", ""), "loop_2100a"),
    (GOOD.replace("EQ*30~\nEQ*1~\n", "").replace("SE*14*", "SE*12*"), "2110C: no EQ"),
    (GOOD.replace("DMG*D8*20140609*F", "DMG*D8*20141340*F"), "dmg_segment"),
    (GOOD.replace("*005010X279A1~\nST", "*004010X092A1~\nST"), "GS08"),
    (GOOD.replace("GE*1*1234", "GE*1*1235"), "GE02"),
    (GOOD.replace("IEA*1*000001234", "IEA*1*000009999"), "IEA02"),
    (GOOD.replace("EQ*1~", "EQ*1~\nZZZ*1~").replace("SE*14*", "SE*15*"), "unreadable"),
    ("not x12 at all", "ISA"),
])
def test_the_validator_refuses_a_broken_270(broken, where):
    with pytest.raises(X12Invalid) as err:
        validate(broken, "270")
    assert any(where in p for p in err.value.problems), err.value.problems
    assert "20140609" not in str(err.value) and "NUNEZ" not in str(err.value)  # no PHI


def test_a_270_is_not_a_271():
    with pytest.raises(X12Invalid):
        validate(GOOD, "271")


# --------------------------------------------------------------------------- 271
def response_271(*lines: str, hl3: str = "HL*3*2*22*0") -> str:
    body = ["ST*271*0001*005010X279A1", "BHT*0022*11*A1B2C3*20260302*1500", "HL*1**20*1",
            "NM1*PR*2*SUMMIT HEALTH*****PI*SUMMIT-HEALTH", "HL*2*1*21*1",
            "NM1*1P*1*SMITH*ANN****XX*1234567893", hl3, "TRN*2*A1B2C3*9CHAIRSIDE",
            "NM1*IL*1*DOE*JOHN****MI*M123", *lines]
    body.append(f"SE*{len(body) + 1}*0001")
    isa = (f"ISA*00*{'':10}*00*{'':10}*ZZ*{'CLEARINGHOUSE':<15}*ZZ*{'CHAIRSIDE':<15}*260302*"
           "1500*^*00501*000000077*0*T*:")
    return "~".join([isa, "GS*HB*CLEARINGHOUSE*CHAIRSIDE*20260302*1500*77*X*005010X279A1",
                     *body, "GE*1*77", "IEA*1*000000077"]) + "~"


CASES = [
    # payer-exchange §8 case 11, exactly as written there
    ("case 11", ["EB*1**30**GOLD PPO", "EB*C*IND*30***23*1500", "EB*C*IND*30***29*400"],
     "active", {"deductible": Decimal(1500), "deductible_remaining": Decimal(400),
                "plan": "GOLD PPO"}),
    ("coinsurance EB08", ["EB*1**30", "EB*A*IND*30*****.20"], "active",
     {"coinsurance": Decimal("0.20")}),
    ("copay EB07", ["EB*1**30", "EB*B*IND*30***27*25"], "active", {"copay": Decimal(25)}),
    ("family and out-of-network figures lose to individual in-network",
     ["EB*1**30", "EB*C*FAM*30***23*3000", "EB*C*IND*30***23*5000*****N",
      "EB*C*IND*30***23*1500*****Y", "EB*G*IND*30***29*800"], "active",
     {"deductible": Decimal(1500), "out_of_pocket_remaining": Decimal(800)}),
    # payer-exchange §8 case 10
    ("case 10 inactive", ["EB*6**30"], "inactive", {}),
    ("inactive variants 7, 8", ["EB*7**30", "EB*8**1"], "inactive", {}),
    ("case 10 AAA 75", ["AAA*N**75*C"], "rejected", {}),
    ("AAA 72 invalid member id", ["AAA*N**72*C"], "rejected", {}),
    ("AAA 58 invalid birth date", ["AAA*N**58*C"], "rejected", {}),
    ("case 10 AAA 42 retry later, not inactive", ["AAA*N**42*R"], "retry_later", {}),
    ("neither", ["EB*L"], "unknown", {}),
]


@pytest.mark.parametrize("name, lines, outcome, figures", CASES, ids=[c[0] for c in CASES])
def test_271_case_table(name, lines, outcome, figures):
    x12 = response_271(*lines)
    validate(x12, "271")
    answer = read_271(x12)
    assert answer.outcome == outcome
    got = answer.figures()
    for field, value in figures.items():
        assert getattr(got, field) == value, field
    if outcome in ("rejected", "retry_later"):
        [r] = answer.rejections
        assert (r.loop, r.code, r.follow_up) == ("2100C", lines[0].split("*")[3],
                                                 lines[0].split("*")[4])


def test_271_aaa_42_from_the_information_source():
    body = ["ST*271*0001*005010X279A1", "BHT*0022*11*A1*20260302*1500", "HL*1**20*1",
            "NM1*PR*2*SUMMIT HEALTH*****PI*SUMMIT", "AAA*N**42*R", "SE*6*0001"]
    isa = (f"ISA*00*{'':10}*00*{'':10}*ZZ*{'CH':<15}*ZZ*{'CS':<15}*260302*1500*^*00501*"
           "000000001*0*T*:")
    x12 = "~".join([isa, "GS*HB*CH*CS*20260302*1500*1*X*005010X279A1", *body, "GE*1*1",
                    "IEA*1*000000001"]) + "~"
    validate(x12, "271")
    answer = read_271(x12)
    assert answer.outcome == "retry_later" and answer.rejections[0].loop == "2100A"


def test_271_member_aaa_codes_checked_against_the_guide():
    """x12sdk alone refuses AAA03 72 in 2100C (its list there is 2100B's); the validator
    accepts it and still refuses a code the guide does not allow in that loop."""
    validate(response_271("AAA*N**72*C"), "271")
    with pytest.raises(X12Invalid) as err:
        validate(response_271("AAA*N**T4*C"), "271")
    assert any("AAA03 (2100C)" in p for p in err.value.problems)


def test_271_benefits_of_the_dependent_when_a_2000d_answers():
    x12 = response_271("HL*4*3*23*0", "NM1*03*1*DOE*ZOE", "EB*6**30", hl3="HL*3*2*22*1")
    validate(x12, "271")
    assert read_271(x12).outcome == "inactive"


def test_271_broken_is_refused():
    with pytest.raises(X12Invalid):
        validate(response_271("EB*ZZ**30"), "271")  # EB01 not a code of the guide
