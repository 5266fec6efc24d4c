"""An idle consumer asks the broker with the long fetch wait; records bring the short one
back at once (messaging/kafka.py FetchPacing)."""

from types import SimpleNamespace

from chairside_shared.messaging.kafka import FetchPacing


def test_the_wait_is_short_while_records_flow_and_long_after_a_quiet_spell() -> None:
    now = [100.0]
    consumer = SimpleNamespace(_fetcher=SimpleNamespace(_fetch_max_wait_ms=10))
    pacing = FetchPacing(consumer, busy_ms=10, idle_ms=500, idle_after_s=5,  # type: ignore[arg-type]
                         clock=lambda: now[0])

    def wait() -> int:
        return consumer._fetcher._fetch_max_wait_ms

    pacing.saw(False)
    assert wait() == 10  # just started: not idle yet
    now[0] += 4.9
    pacing.saw(False)
    assert wait() == 10
    now[0] += 0.2
    pacing.saw(False)
    assert wait() == 500  # nothing for 5 s
    pacing.saw(True)
    assert wait() == 10  # a record: prompt again
    now[0] += 3
    pacing.saw(False)
    assert wait() == 10


def test_an_idle_wait_shorter_than_the_busy_one_never_shortens_it() -> None:
    consumer = SimpleNamespace(_fetcher=SimpleNamespace(_fetch_max_wait_ms=50))
    pacing = FetchPacing(consumer, busy_ms=50, idle_ms=10, idle_after_s=0,  # type: ignore[arg-type]
                         clock=lambda: 0.0)
    pacing.saw(False)
    assert consumer._fetcher._fetch_max_wait_ms == 50
