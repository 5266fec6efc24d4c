"""One order holds at most one chair on the embedded SQLite database too: the same races as on
PostgreSQL (tests/integration/test_one_per_order.py), through the serialized path, and the
partial unique index built by the migration."""

from __future__ import annotations

import order_races as races


async def test_same_start_on_eight_days_books_the_order_once(embedded):
    await races.same_start_on_eight_days(embedded.client, embedded.runtime)


async def test_several_starts_on_one_day_book_the_order_once(embedded):
    await races.several_starts_on_one_day(embedded.client, embedded.runtime)


async def test_holds_racing_bookings_leave_one_appointment(embedded):
    await races.holds_and_bookings_race(embedded.client, embedded.runtime,
                                        embedded.settings.booking_policy())


async def test_moves_racing_leave_the_appointment_on_one_chair(embedded):
    await races.moves_race(embedded.client, embedded.runtime)


async def test_the_table_refuses_a_second_current_appointment(embedded):
    await races.index_refuses_a_second_current_appointment(embedded.runtime)


async def test_migration_stops_on_orders_the_bug_double_booked(tmp_path):
    await races.migration_stops_on_duplicates(f"sqlite+aiosqlite:///{tmp_path}/old.db")
