"""What earlier visits say about this order (clinical-loop.md 3.3): the prior success rate of
each drug, its last reactions and last tolerated rate (info), and a protocol that failed on the
last visits it was used (warn, proposing the last protocol that worked). Reads only the
``ResponseHistory`` the service loaded; none given (benchmarks, previews) costs nothing."""

from __future__ import annotations

from collections.abc import Iterator

from orders.domain.checks.context import CheckContext
from orders.domain.findings import Finding


def _pct(rate: float | None) -> str:
    return "n/a" if rate is None else f"{round(rate * 100)} %"


def response_findings(ctx: CheckContext) -> Iterator[Finding]:
    h = ctx.responses
    if h is None or not h.visits:
        return
    seen: set[str] = set()
    for line in ctx.lines:
        if line.drug.code not in h.by_drug:
            continue  # never given here: nothing to tell
        code = line.drug.code
        if code in seen:
            continue
        seen.add(code)
        stats = h.by_drug.get(code)
        if stats is not None:
            yield Finding("prior_response", "info",
                          f"{code}: success {stats.successes}/{stats.settled} settled visits "
                          f"({_pct(stats.success_rate)}); last: "
                          f"{', '.join(stats.last_results) or 'none'}", line.seq)
        reactions = h.reactions_to(code)[:3]
        if reactions:
            told = "; ".join(f"grade {r.grade if r.grade is not None else '?'}"
                             + (f" at {r.rate}" if r.rate else "") for r in reactions)
            yield Finding("prior_reaction", "info", f"{code}: earlier reactions: {told}",
                          line.seq)
        rate = h.last_tolerated_rate(code)
        if rate:
            yield Finding("last_tolerated_rate", "info",
                          f"{code}: last tolerated rate {rate}", line.seq)
    pid = str(ctx.protocol_id) if ctx.protocol_id is not None else None
    if pid is not None and h.failed_last(pid, h.flag_after_failures):
        best = h.last_successful_protocol
        proposal = (f"; last successful protocol: {h.protocol_names.get(best, best)} ({best})"
                    if best and best != pid else "; no other protocol has worked yet")
        yield Finding("protocol_failed_recently", "warn",
                      f"protocol {h.protocol_names.get(pid, pid)} failed on the last "
                      f"{h.flag_after_failures} visits{proposal}")
