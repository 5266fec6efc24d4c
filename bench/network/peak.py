"""The expected daily peak of a network of 10 clinics x 30 chairs, from stated assumptions.

Every figure here is an assumption, printed with the report so a reader can disagree with it:
- a chair turns 2.5 visits in a clinic day (infusions of 1-4 h over a 10 h day);
- 15 % of the day's visits, and of its referrals, fall in the busiest hour (the morning starts;
  partners' EHRs sign their batches at the start of clinic), and a network in steady state
  refers about as many visits a day as it gives;
- staff reads: every clinic has 2 screens on the chair board (refresh 30 s), one nurse per 4
  chairs looking at a patient's visit view every 60 s, and one front-desk worklist (the day's
  appointments) and one PA worklist refreshed every 60 s;
- partner reads: each referring practice's integration polls its orders every 30 s, and
  watches a referral it signed every 0.25 s until the chair is booked (that watch is also how
  this bench measures signed -> booked, as the partner sees it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Peak:
    clinics: int = 10
    chairs_per_clinic: int = 30
    visits_per_chair_day: float = 2.5
    peak_hour_share: float = 0.15
    board_screens_per_clinic: int = 2
    board_refresh_s: float = 30
    chairs_per_nurse: int = 4
    visit_view_refresh_s: float = 60
    worklist_refresh_s: float = 60
    partner_poll_s: float = 30

    @property
    def chairs(self) -> int:
        return self.clinics * self.chairs_per_clinic

    @property
    def visits_per_day(self) -> float:
        return self.chairs * self.visits_per_chair_day

    @property
    def referrals_per_s(self) -> float:
        """Referrals (register, order, sign) per second in the peak hour, at 1x."""
        return self.visits_per_day * self.peak_hour_share / 3600

    def periodic(self) -> dict[str, tuple[int, float]]:
        """Staff and partner reads at 1x: what -> (how many pollers, seconds between polls)."""
        nurses = self.chairs_per_clinic // self.chairs_per_nurse
        return {
            "board": (self.clinics * self.board_screens_per_clinic, self.board_refresh_s),
            "visit view": (self.clinics * nurses, self.visit_view_refresh_s),
            "appointments worklist": (self.clinics, self.worklist_refresh_s),
            "PA worklist": (self.clinics, self.worklist_refresh_s),
            "partner orders poll": (self.clinics, self.partner_poll_s),
        }

    def describe(self, scale: float) -> list[str]:
        per_visit = 3 + 3 + 2  # referral writes; check-in, start, complete; ~2 administrations
        reads = sum(n / every for n, every in self.periodic().values())
        return [
            f"network: {self.clinics} clinics x {self.chairs_per_clinic} chairs = {self.chairs} "
            f"chairs; {self.visits_per_chair_day} visits/chair/day = "
            f"{self.visits_per_day:.0f} visits/day; {self.peak_hour_share:.0%} in the peak hour",
            f"at {scale:g}x: {self.referrals_per_s * scale * 3600:.0f} referrals/h "
            f"({self.referrals_per_s * scale:.3f}/s), each run as a visit at once (85 %; 15 % "
            f"cancelled by the partner); ~{self.referrals_per_s * scale * per_visit:.2f} writes/s",
            "periodic reads at 1x: " + ", ".join(
                f"{k} {n} x every {every:g} s" for k, (n, every) in self.periodic().items())
            + f" = {reads:.2f} req/s (x{scale:g} = {reads * scale:.2f} req/s), plus the "
            "partners' watch of each referral (0.25 s) and staff waiting for the claim (0.25 s)",
        ]
