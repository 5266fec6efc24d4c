"""The orders migrations run on PostgreSQL (tests, production) and SQLite (embedded `make run`),
seed catalog version 1 and the protocol templates, and downgrade cleanly."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from chairside_shared import db
from chairside_shared.migrations import alembic_config, upgrade_async
from orders.bootstrap import MIGRATIONS
from orders.seed import seed_catalog

pytestmark = pytest.mark.integration


async def _facts(url: str) -> tuple:
    engine = db.create_engine(url)
    try:
        async with engine.connect() as conn:
            versions = (await conn.execute(sa.text(
                "SELECT version FROM catalog_versions"))).scalars().all()
            protocols = (await conn.execute(sa.text(
                "SELECT key FROM protocols ORDER BY key"))).scalars().all()
            tables = await conn.run_sync(lambda c: sorted(sa.inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    return versions, protocols, tables


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
async def test_upgrade_seeds_the_catalog(backend, make_database, tmp_path):
    url = (await make_database("orders_mig") if backend == "postgresql"
           else f"sqlite+aiosqlite:///{tmp_path}/orders.db")
    await upgrade_async(MIGRATIONS, url)
    versions, protocols, tables = await _facts(url)
    assert versions == [seed_catalog().version]
    assert protocols == ["dhe-antiemetic", "ed-style-cocktail", "eptinezumab-100",
                         "infliximab-5-mg-kg", "ivig-gamunex-c-1-g-kg", "lecanemab-10-mg-kg",
                         "ocrelizumab-maintenance-600", "pediatric-cocktail"]
    assert {"patients", "patient_observations", "orders", "administrations", "outside_doses",
            "catalog_versions", "protocols", "outbox", "inbox", "dead_letters", "practitioners",
            "patient_demographics", "coverage_versions", "phi_access_log", "vital_signs",
            "visit_escorts", "discharge_checks"} <= set(tables)
    await _access_log_is_append_only(url)


async def _access_log_is_append_only(url: str) -> None:
    from uuid import uuid4

    from sqlalchemy.exc import DBAPIError

    from orders.adapters.orm import phi_access_log

    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(phi_access_log.insert().values(
                at=sa.func.now(), patient_id=uuid4(), resource="demographics", action="read",
                fields=["family_name"], purpose="treatment"))
        for statement in (phi_access_log.update().values(purpose="payment"),
                          phi_access_log.delete()):
            with pytest.raises(DBAPIError, match="append-only"):
                async with engine.begin() as conn:
                    await conn.execute(statement)
        async with engine.connect() as conn:
            rows = (await conn.execute(sa.select(phi_access_log.c.purpose))).scalars().all()
        assert rows == ["treatment"]
    finally:
        await engine.dispose()


async def test_downgrade_and_upgrade_again(make_database):
    from alembic import command

    url = await make_database("orders_mig")
    await upgrade_async(MIGRATIONS, url)
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.downgrade, cfg, "orders_0001")
    _, _, tables = await _facts_safe(url)
    assert "orders" not in tables and "outbox" in tables
    await upgrade_async(MIGRATIONS, url)
    versions, _, _ = await _facts(url)
    assert versions == [1]


async def _facts_safe(url):
    engine = db.create_engine(url)
    try:
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: sorted(sa.inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    return None, None, tables


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
async def test_a_catalog_seeded_without_dhe_age_bands_gets_them_as_a_new_version(
        backend, make_database, tmp_path):
    from alembic import command

    from orders.adapters.orm import catalog_versions

    url = (await make_database("orders_mig") if backend == "postgresql"
           else f"sqlite+aiosqlite:///{tmp_path}/orders.db")
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, cfg, "orders_0003")
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:  # as the seed file was before the bands
            snapshot = (await conn.execute(sa.select(catalog_versions.c.snapshot))).scalar_one()
            del snapshot["drugs"]["dhe"]["peds_age_caps"]
            del snapshot["drugs"]["dhe"]["sources"]["peds_age_caps"]
            await conn.execute(catalog_versions.update().values(snapshot=snapshot))
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            rows = (await conn.execute(sa.select(catalog_versions).order_by(
                catalog_versions.c.version))).all()
    finally:
        await engine.dispose()
    assert [(r.version, r.changed_drug) for r in rows] == [(1, None), (2, "dhe")]
    bands = rows[1].snapshot["drugs"]["dhe"]["peds_age_caps"]
    assert [(b["min_age"], b["max_age"], b["max_dose"]) for b in bands] == [
        (6, 9, "0.1"), (10, 12, "0.15"), (13, 16, "0.2")]
    assert rows[1].snapshot["version"] == 2
    # everything else is version 1 unchanged
    del rows[1].snapshot["drugs"]["dhe"]["peds_age_caps"]
    del rows[1].snapshot["drugs"]["dhe"]["sources"]["peds_age_caps"]
    assert {k: v for k, v in rows[1].snapshot.items() if k != "version"} == {
        k: v for k, v in snapshot.items() if k != "version"}


async def test_a_catalog_seeded_without_fluids_gets_them_as_a_new_version(make_database):
    from alembic import command

    from orders.adapters.orm import catalog_versions
    from orders.domain.catalog import Catalog

    fluids = {"ns_1000", "ns_500", "ns_250", "lr_1000"}
    url = await make_database("orders_mig")
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, cfg, "orders_0006")
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:  # as the seed file was before the fluids
            snapshot = (await conn.execute(sa.select(catalog_versions.c.snapshot))).scalar_one()
            for code in fluids:
                del snapshot["drugs"][code]
            del snapshot["rules"]["fluids"]
            await conn.execute(catalog_versions.update().values(snapshot=snapshot))
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            rows = (await conn.execute(sa.select(catalog_versions).order_by(
                catalog_versions.c.version))).all()
    finally:
        await engine.dispose()
    assert [r.version for r in rows] == [1, 2]
    latest = Catalog.model_validate(rows[1].snapshot)
    assert fluids <= set(latest.drugs) and latest.rules.fluids is not None
    assert latest.drug("ns_1000").hcpcs == "J7030"
    assert set(rows[0].snapshot["drugs"]) | fluids == set(rows[1].snapshot["drugs"])


async def test_a_catalog_seeded_without_the_neuro_drugs_gets_them_as_a_new_version(
        make_database):
    from alembic import command

    from orders.adapters.orm import catalog_versions
    from orders.domain.catalog import Catalog

    url = await make_database("orders_mig")
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, cfg, "orders_0011_triage")
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:  # as the seed file was before the neuro drugs
            snapshot = (await conn.execute(sa.select(catalog_versions.c.snapshot))).scalar_one()
            neuro = {c for c, d in snapshot["drugs"].items() if d.get("regimen")}
            for code in neuro:
                del snapshot["drugs"][code]
            await conn.execute(catalog_versions.update().values(snapshot=snapshot))
            await conn.execute(sa.text("DELETE FROM protocols WHERE key IN ("
                                       "'lecanemab-10-mg-kg', 'infliximab-5-mg-kg')"))
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            rows = (await conn.execute(sa.select(catalog_versions).order_by(
                catalog_versions.c.version))).all()
            tables = await conn.run_sync(lambda c: sa.inspect(c).get_table_names())
            keys = set((await conn.execute(sa.text("SELECT key FROM protocols"))).scalars())
    finally:
        await engine.dispose()
    assert len(neuro) == 11 and [r.version for r in rows] == [1, 2]
    latest = Catalog.model_validate(rows[1].snapshot)
    assert neuro <= set(latest.drugs) and latest.drug("ocrelizumab").regimen is not None
    assert "patient_observations" in tables
    assert {"lecanemab-10-mg-kg", "infliximab-5-mg-kg", "ocrelizumab-maintenance-600"} <= keys


async def test_a_catalog_with_single_dose_ivig_gets_courses_as_a_new_version(make_database):
    from alembic import command

    from orders.adapters.orm import catalog_versions
    from orders.domain.catalog import Catalog

    url = await make_database("orders_mig")
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, cfg, "orders_0013_keyed")
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:  # as the seed file was before courses
            snapshot = (await conn.execute(sa.select(catalog_versions.c.snapshot))).scalar_one()
            coursed = {c for c, d in snapshot["drugs"].items() if d.get("regimen")
                       and any(s.get("course") for s in d["regimen"]["steps"])}
            for code in coursed:
                for step in snapshot["drugs"][code]["regimen"]["steps"]:
                    step.pop("course")
                    step["per_kg"] = "1"
            await conn.execute(catalog_versions.update().values(snapshot=snapshot))
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            rows = (await conn.execute(sa.select(catalog_versions).order_by(
                catalog_versions.c.version))).all()
        await asyncio.to_thread(command.downgrade, cfg, "orders_0013_keyed")
        async with engine.connect() as conn:
            after = (await conn.execute(sa.select(catalog_versions.c.version))).scalars().all()
    finally:
        await engine.dispose()
    assert coursed == {"ivig_privigen", "ivig_gamunex_c"}
    assert [r.version for r in rows] == [1, 2] and after == [1]
    latest = Catalog.model_validate(rows[1].snapshot)
    assert all(latest.drugs[c].regimen.in_courses for c in coursed)  # type: ignore[union-attr]
    # everything else is version 1 unchanged
    assert {k: v for k, v in rows[1].snapshot["drugs"].items() if k not in coursed} == {
        k: v for k, v in snapshot["drugs"].items() if k not in coursed}


async def test_observation_kinds_and_the_regimen_audit_arrive_as_a_new_version(make_database):
    """0015: a catalog as seeded before issue 18's audit gets the observation kinds and the
    audited regimens (as seeded then: data/regimens_before_issue18.json), and the recall and
    series data it lacks; a regimen an admin edited is left alone; numeric observations get
    their columns. Downgrade drops both."""
    import json
    from pathlib import Path

    from alembic import command

    from orders.adapters.orm import catalog_versions
    from orders.domain.catalog import Catalog

    before = json.loads((Path(__file__).parent / "data" / "regimens_before_issue18.json")
                        .read_text())
    url = await make_database("orders_mig")
    cfg = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, cfg, "orders_0014_courses")
    engine = db.create_engine(url)
    try:
        async with engine.begin() as conn:
            snapshot = (await conn.execute(sa.select(catalog_versions.c.snapshot))).scalar_one()
            snapshot.pop("observation_kinds", None)
            drugs = snapshot["drugs"]
            for code in ("lecanemab", "ublituximab", "rituximab"):
                drugs[code]["regimen"] = before[code]
            edited = {**before["rituximab"], "dose_tolerance_pct": "5"}  # an admin's edit
            drugs["rituximab_abbs"]["regimen"] = edited
            for code in ("ublituximab", "rituximab", "rituximab_abbs"):
                drugs[code].pop("recall", None)
                drugs[code].pop("series", None)
            await conn.execute(catalog_versions.update().values(snapshot=snapshot))
        await upgrade_async(MIGRATIONS, url)
        async with engine.connect() as conn:
            rows = (await conn.execute(sa.select(catalog_versions).order_by(
                catalog_versions.c.version))).all()
            columns = await conn.run_sync(lambda c: {
                col["name"] for col in sa.inspect(c).get_columns("patient_observations")})
        await asyncio.to_thread(command.downgrade, cfg, "orders_0014_courses")
        async with engine.connect() as conn:
            after = (await conn.execute(sa.select(catalog_versions.c.version))).scalars().all()
            columns_after = await conn.run_sync(lambda c: {
                col["name"] for col in sa.inspect(c).get_columns("patient_observations")})
    finally:
        await engine.dispose()
    assert [r.version for r in rows] == [1, 2] and after == [1]
    assert {"value", "unit"} <= columns and not {"value", "unit"} & columns_after
    latest = Catalog.model_validate(rows[1].snapshot)
    seed = seed_catalog()
    assert latest.observation_kinds == seed.observation_kinds
    for code in ("lecanemab", "ublituximab", "rituximab"):
        assert latest.drugs[code].regimen == seed.drugs[code].regimen, code
    assert rows[1].snapshot["drugs"]["rituximab_abbs"]["regimen"] == edited
    for code in ("ublituximab", "rituximab", "rituximab_abbs"):
        assert latest.drugs[code].recall == seed.drugs[code].recall
        assert latest.drugs[code].series == seed.drugs[code].series
