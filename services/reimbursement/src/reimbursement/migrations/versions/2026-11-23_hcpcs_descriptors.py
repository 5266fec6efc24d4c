"""HCPCS drug descriptors as reference data (every deployment needs them to code drugs).

A snapshot of data/hcpcs_descriptors.csv at the time of writing, with each row's source.
Later changes go through PUT /v1/fee-schedules/hcpcs/{code} or a new migration.

Revision ID: reimbursement_0003
Revises: reimbursement_0002
Create Date: 2026-11-23
"""
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

from reimbursement.adapters.types import Dec

revision = "reimbursement_0003"
down_revision = "reimbursement_0002"
branch_labels = None
depends_on = None

ROWS = [
    ('J0780', 'Injection, prochlorperazine, up to 10 mg', '10', 'mg', True, False,
     'domain doc clinical.md Table A [GK]; prior-auth-billing.md B1 example 1 [general knowledge, verify]'),
    ('J1100', 'Injection, dexamethasone sodium phosphate, 1 mg', '1', 'mg', False, False,
     'clinical.md Table A [GK]'),
    ('J1110', 'Injection, dihydroergotamine mesylate, per 1 mg', '1', 'mg', False, False,
     'clinical.md S43 (genhealth.ai/code/hcpcs/J1110)'),
    ('J1200', 'Injection, diphenhydramine HCl, up to 50 mg', '50', 'mg', True, False,
     'clinical.md S43 (genhealth.ai/code/hcpcs/J1200)'),
    ('J1745', 'Injection, infliximab, excludes biosimilar, 10 mg', '10', 'mg', False, False,
     'prior-auth-billing.md B1 example 3; Noridian JW example (J1745 priced at 10 mg)'),
    ('J1790', 'Injection, droperidol, up to 5 mg', '5', 'mg', True, False,
     'clinical.md S43'),
    ('J1885', 'Injection, ketorolac tromethamine, per 15 mg', '15', 'mg', False, False,
     'clinical.md S43 (immedicaresolutions.com/wiki/j1885)'),
    ('J1953', 'Injection, levetiracetam, 10 mg', '10', 'mg', False, False,
     'clinical.md S43'),
    ('J2001', 'Injection, lidocaine HCl for intravenous infusion, 10 mg', '10', 'mg', False, False,
     'clinical.md S43 (aapc.com)'),
    ('J2405', 'Injection, ondansetron HCl, per 1 mg', '1', 'mg', False, False,
     'clinical.md S43 (carepatron.com J2405)'),
    ('J2765', 'Injection, metoclopramide HCl, up to 10 mg', '10', 'mg', True, False,
     'clinical.md S43'),
    ('J2920', 'Injection, methylprednisolone sodium succinate, up to 40 mg', '40', 'mg', True, False,
     'clinical.md S43'),
    ('J2930', 'Injection, methylprednisolone sodium succinate, up to 125 mg', '125', 'mg', True, False,
     'clinical.md S43'),
    ('J3032', 'Injection, eptinezumab-jjmr, 1 mg', '1', 'mg', False, False,
     'prior-auth-billing.md A4 (openpayer UHC policy); clinical.md S46'),
    ('J3230', 'Injection, chlorpromazine HCl, up to 50 mg', '50', 'mg', True, False,
     'clinical.md S43'),
    ('J3475', 'Injection, magnesium sulfate, per 500 mg', '500', 'mg', False, False,
     'clinical.md S43 (case2code J3475); coding.health J3475'),
    ('J3490', 'Unclassified drugs', '1', 'mg', False, True,
     'HCPCS: unclassified; payers want NDC, name, dose and invoice (clinical.md S45)'),
    ('J7030', 'Infusion, normal saline solution, 1000 cc', '1000', 'ml', False, False,
     'HCPCS level II [general knowledge, verify]'),
    ('J7040', 'Infusion, normal saline solution, sterile (500 ml = 1 unit)', '500', 'ml', False, False,
     'HCPCS level II [general knowledge, verify]'),
    ('J7050', 'Infusion, normal saline solution, 250 cc', '250', 'ml', False, False,
     'HCPCS level II [general knowledge, verify]'),
]


def upgrade() -> None:
    table = sa.table("hcpcs_descriptors", sa.column("code", sa.String),
                     sa.column("description", sa.String),
                     sa.column("amount", Dec()), sa.column("unit", sa.String),
                     sa.column("up_to", sa.Boolean), sa.column("unclassified", sa.Boolean),
                     sa.column("source", sa.String))
    op.bulk_insert(table, [
        {"code": c, "description": d, "amount": Decimal(a), "unit": u, "up_to": up,
          "unclassified": un, "source": s} for c, d, a, u, up, un, s in ROWS])


def downgrade() -> None:
    codes = ", ".join(repr(r[0]) for r in ROWS)
    op.execute(f"DELETE FROM hcpcs_descriptors WHERE code IN ({codes})")
