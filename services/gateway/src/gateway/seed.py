"""Demo practices, API clients and staff users for the embedded default (`make run`), and the
production guard that refuses them."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.adapters import repository as repo
from gateway.adapters.orm import utcnow
from gateway.domain.credentials import hash_secret
from gateway.domain.principal import ALL_SCOPES, PARTNER_SCOPES, format_scopes

DEMO_PRACTICES = (("demo-clinic", "Demo infusion clinic", "clinic"),
                  ("demo-partner", "Demo partner practice", "partner"))
# (client_id, secret, scopes, bound practice, may sign staff in) — as documented in api.md.
DEMO_CLIENTS = (
    ("demo-admin", "demo-admin-secret", ALL_SCOPES, None, True),
    ("demo-partner", "demo-partner-secret", PARTNER_SCOPES, "demo-partner", False),
)
DEMO_USERS = (("demo-clinician", ("clinician",)), ("demo-scheduler", ("scheduler",)),
              ("demo-biller", ("biller",)), ("demo-admin-user", ("admin",)))
DEMO_CLIENT_IDS = frozenset(c[0] for c in DEMO_CLIENTS)
DEMO_USERNAMES = frozenset(u[0] for u in DEMO_USERS)


def demo_password(username: str) -> str:
    return f"{username}-password"


async def seed_demo(sessions: async_sessionmaker[AsyncSession]) -> bool:
    """Insert the demo records unless present; True when something was added."""
    now = utcnow()
    added = False
    async with sessions() as s, s.begin():
        have_practices = set(await repo.practice_ids(s))
        for pid, name, kind in DEMO_PRACTICES:
            if pid not in have_practices:
                await repo.add_practice(s, practice_id=pid, name=name, kind=kind, created_at=now)
                added = True
        have_clients = set(await repo.list_client_ids(s))
        for cid, secret, scopes, practice, password_grant in DEMO_CLIENTS:
            if cid not in have_clients:
                await repo.add_client(
                    s, client_id=cid, secret_hash=hash_secret(secret), name=cid,
                    scopes=format_scopes(scopes), practice_id=practice,
                    allows_password_grant=password_grant, active=True, created_at=now)
                added = True
        for username, roles in DEMO_USERS:
            if await repo.get_user(s, username) is None:
                await repo.add_user(
                    s, user_id=str(uuid.uuid4()), username=username,
                    password_hash=hash_secret(demo_password(username)), roles=" ".join(roles),
                    practice_id=None, active=True, created_at=now)
                added = True
    return added


def demo_banner(base_url: str) -> str:
    lines = [f"Chairside gateway (demo data, local use only) at {base_url}",
             f"  token: POST {base_url}/v1/oauth/token  docs: {base_url}/docs"]
    for cid, secret, _, practice, _ in DEMO_CLIENTS:
        bound = f" (bound to practice {practice})" if practice else " (clinic staff, all scopes)"
        lines.append(f"  client {cid} / {secret}{bound}")
    for username, roles in DEMO_USERS:
        lines.append(f"  staff user {username} / {demo_password(username)} ({', '.join(roles)}; "
                     f"password grant through client demo-admin)")
    return "\n".join(lines)


async def refuse_demo_records(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Production start-up: the demo clients' secrets are public (api.md), so their presence
    is refused outright, whatever their stored secrets are now."""
    async with sessions() as s:
        clients = DEMO_CLIENT_IDS & set(await repo.list_client_ids(s))
        users = [u for u in DEMO_USERNAMES if await repo.get_user(s, u) is not None]
    if clients or users:
        found = sorted(clients) + sorted(users)
        raise RuntimeError(f"demo credentials present in a production database: {found}")
