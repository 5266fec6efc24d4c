"""`python -m gateway serve | migrate | create-client | create-user | rotate-keys | dlq`."""

from __future__ import annotations

import argparse
import asyncio

from chairside_shared.cli import serve, settle_gc
from chairside_shared.migrations import upgrade
from chairside_shared.settings import load_settings
from chairside_shared.telemetry import setup_logging, setup_telemetry
from gateway.bootstrap import MIGRATIONS, build
from gateway.settings import GatewaySettings


async def _create_client(settings: GatewaySettings, args: argparse.Namespace) -> None:
    from gateway.adapters import repository as repo
    from gateway.adapters.orm import utcnow
    from gateway.domain.credentials import hash_secret, new_secret
    from gateway.domain.principal import ALL_SCOPES, PARTNER_SCOPES, format_scopes, parse_scopes

    scopes = parse_scopes(args.scopes) if args.scopes else (
        PARTNER_SCOPES if args.practice else ALL_SCOPES)
    if unknown := scopes - ALL_SCOPES:
        raise SystemExit(f"unknown scopes: {sorted(unknown)}")
    gw = build(settings)
    secret = new_secret()
    try:
        async with gw.sessions() as s, s.begin():
            await repo.add_client(
                s, client_id=args.client_id, secret_hash=hash_secret(secret), name=args.client_id,
                scopes=format_scopes(scopes), practice_id=args.practice,
                allows_password_grant=args.password_grant, active=True, created_at=utcnow())
    finally:
        await gw.engine.dispose()
    # Shown once: only the scrypt hash is stored.
    print(f"client_id={args.client_id}\nclient_secret={secret}")


async def _create_user(settings: GatewaySettings, args: argparse.Namespace) -> None:
    import uuid

    from gateway.adapters import repository as repo
    from gateway.adapters.orm import utcnow
    from gateway.domain.credentials import hash_secret, new_secret
    from gateway.domain.principal import ROLES

    roles = sorted({r for r in args.roles.replace(",", " ").split() if r})
    if not roles or set(roles) - set(ROLES):
        raise SystemExit(f"roles must be among {sorted(ROLES)}")
    gw = build(settings)
    password = new_secret()
    try:
        async with gw.sessions() as s, s.begin():
            await repo.add_user(s, user_id=str(uuid.uuid4()), username=args.username,
                                password_hash=hash_secret(password), roles=" ".join(roles),
                                practice_id=args.practice, active=True, created_at=utcnow())
    finally:
        await gw.engine.dispose()
    print(f"username={args.username}\npassword={password}")


async def _preflight(settings: GatewaySettings) -> None:
    """Production refuses to listen while the demo clients of api.md (public secrets) exist."""
    from gateway.seed import refuse_demo_records

    gw = build(settings)
    try:
        await refuse_demo_records(gw.sessions)
    except RuntimeError as exc:
        raise SystemExit(f"gateway: {exc}") from None
    except Exception as exc:
        print(f"gateway: pre-start check skipped, database not reachable "
              f"({type(exc).__name__}); the boot checks again", flush=True)
    finally:
        await gw.engine.dispose()


async def _rotate(settings: GatewaySettings) -> None:
    gw = build(settings)
    try:
        print(f"new signing key: {await gw.tokens.rotate()}")
    finally:
        await gw.close()


async def _dlq(settings: GatewaySettings, action: str, dead_letter_id: int | None) -> None:
    """The webhook consumer's dead letters, as every service's `dlq list | replay <id>`
    (chairside_shared/cli.py): one JSON line each; a replay runs the event through the
    fan-out again (the inbox still applies) and prints its outcome."""
    import json

    from sqlalchemy import select

    from chairside_shared.messaging.consumer import replay_dead_letter
    from gateway.entrypoints.consumers import build_consumer

    gw = build(settings)
    try:
        assert gw.webhooks is not None
        if action == "list":
            dead = gw.webhooks.messaging.dead_letters
            async with gw.sessions() as s:
                rows = (await s.execute(select(dead).where(dead.c.status == "dead")
                                        .order_by(dead.c.id))).all()
            for r in rows:
                print(json.dumps({"id": r.id, "event_type": r.event_type, "topic": r.topic,
                                  "offset": r.offset, "error": r.error}))
            return
        if dead_letter_id is None:
            raise SystemExit("dlq replay needs an id")
        try:
            print(await replay_dead_letter(build_consumer(gw, gw.webhooks), dead_letter_id))
        except (LookupError, ValueError) as exc:
            raise SystemExit(f"gateway dlq: {exc}") from None
        except Exception as exc:  # still failing: the row keeps the new error
            raise SystemExit(f"gateway dlq: replay failed ({type(exc).__name__})") from None
    finally:
        await gw.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=GatewaySettings.__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="run the gateway")
    sub.add_parser("migrate", help="apply database migrations (production pre-start step)")
    create = sub.add_parser("create-client", help="add an API client and print its secret once")
    create.add_argument("client_id")
    create.add_argument("--practice", help="bind the client to this practice (partner)")
    create.add_argument("--scopes", help="space-separated scopes")
    create.add_argument("--password-grant", action="store_true",
                        help="a first-party front end that signs staff users in")
    user = sub.add_parser("create-user", help="add a staff user and print a password once")
    user.add_argument("username")
    user.add_argument("--roles", required=True, help="clinician, scheduler, biller, admin")
    user.add_argument("--practice", help="bind the user to this practice")
    sub.add_parser("rotate-keys", help="new signing key; old ones verify until expiry")
    dlq = sub.add_parser("dlq", help="list or replay the webhook consumer's dead letters")
    dlq.add_argument("action", choices=["list", "replay"])
    dlq.add_argument("id", nargs="?", type=int)
    args = parser.parse_args(argv)
    settings = load_settings(GatewaySettings)
    setup_logging(settings.service_name, level=settings.log_level, json_logs=settings.log_json)
    if args.command == "serve":
        from gateway.main import create_app

        if settings.environment == "production":
            asyncio.run(_preflight(settings))

        setup_telemetry(settings.service_name, otlp_endpoint=settings.otel_exporter_otlp_endpoint)
        app = create_app(settings)
        settle_gc()
        serve(app, host=settings.host, port=settings.port)
    elif args.command == "migrate":
        upgrade(MIGRATIONS, str(settings.database_url))
        print("gateway: migrations applied")
    elif args.command == "create-client":
        asyncio.run(_create_client(settings, args))
    elif args.command == "create-user":
        asyncio.run(_create_user(settings, args))
    elif args.command == "dlq":
        asyncio.run(_dlq(settings, args.action, args.id))
    else:
        asyncio.run(_rotate(settings))


if __name__ == "__main__":
    main()
