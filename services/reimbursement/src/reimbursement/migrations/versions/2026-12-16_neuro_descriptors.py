"""Neurology infusion drugs as billed items (issue 18, clinical-loop.md §5.1): the HCPCS
descriptors of ocrelizumab, natalizumab, ublituximab, two IVIG products, the infliximab and
rituximab biosimilars, rituximab, lecanemab and donanemab join the reference data (J1745 is
already there). A snapshot of those rows of data/hcpcs_descriptors.csv, each with the published
source it was checked against; all are "per X mg" descriptors (a partial unit rounds up).

Revision ID: reimbursement_0014_neuro_codes
Revises: reimbursement_0013_referrals
Create Date: 2026-12-06
"""
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

from reimbursement.adapters.types import Dec

revision = "reimbursement_0014_neuro_codes"
down_revision = "reimbursement_0013_referrals"
branch_labels = None
depends_on = None

# code, description, amount in mg per billing unit, source
ROWS = [
    ('J0174', 'Injection, lecanemab-irmb, 1 mg', '1',
     'Palmetto GBA "Billing Monoclonal Antibodies Directed Against Amyloid" 07/24/2024; Novitas JL and FCSO Leqembi billing pages (checked 2026-12-06)'),
    ('J0175', 'Injection, donanemab-azbt, 2 mg', '2',
     'Palmetto GBA "Billing Monoclonal Antibodies Directed Against Amyloid" 07/24/2024; TMHP J0175 notice 2024-12-27 (checked 2026-12-06)'),
    ('J1459', 'Injection, immune globulin (Privigen), intravenous, non-lyophilized (e.g., liquid), 500 mg', '500',
     'genhealth.ai/code/hcpcs/J1459; Priority Health IVIG code list (checked 2026-12-06)'),
    ('J1561', 'Injection, immune globulin, (Gamunex-C/Gammaked), non-lyophilized (e.g., liquid), 500 mg', '500',
     'genhealth.ai/code/hcpcs/J1561; Priority Health IVIG code list (checked 2026-12-06)'),
    ('J2323', 'Injection, natalizumab, 1 mg', '1',
     'genhealth.ai/code/hcpcs/J2323; curafi.com Tysabri (unit 1 mg); clinical-loop.md R20 Palmetto MAU list (checked 2026-12-06)'),
    ('J2329', 'Injection, ublituximab-xiiy, 1 mg', '1',
     'carepatron.com HCPCS J2329; carecostestimate.com Briumvi cheat sheet (permanent code eff. 2023-07-01) (checked 2026-12-06)'),
    ('J2350', 'Injection, ocrelizumab, 1 mg', '1',
     'genentech-access.com Ocrevus sample coding; carepatron.com HCPCS J2350 (checked 2026-12-06)'),
    ('J9312', 'Injection, rituximab, 10 mg', '10',
     'Rituxan RA sample coding (Genentech, docslib 7918896); genhealth.ai/code/hcpcs/J9312 (checked 2026-12-06)'),
    ('Q5103', 'Injection, infliximab-dyyb, biosimilar, (Inflectra), 10 mg', '10',
     'carepatron.com HCPCS Q5103; genhealth.ai/code/hcpcs/Q5103 (checked 2026-12-06)'),
    ('Q5115', 'Injection, rituximab-abbs, biosimilar, (Truxima), 10 mg', '10',
     'genhealth.ai/code/hcpcs/Q5115; curafi.com Truxima (unit 10 mg) (checked 2026-12-06)'),
]
table = sa.table("hcpcs_descriptors", sa.column("code", sa.String),
                 sa.column("description", sa.String), sa.column("amount", Dec()),
                 sa.column("unit", sa.String), sa.column("up_to", sa.Boolean),
                 sa.column("unclassified", sa.Boolean), sa.column("source", sa.String))


def upgrade() -> None:
    conn = op.get_bind()
    known = set(conn.execute(sa.select(table.c.code)).scalars())
    missing = [{"code": code, "description": description, "amount": Decimal(amount),
                "unit": "mg", "up_to": False, "unclassified": False, "source": source}
               for code, description, amount, source in ROWS if code not in known]
    if missing:
        op.bulk_insert(table, missing)


def downgrade() -> None:
    for code, _, _, source in ROWS:
        op.execute(table.delete().where(table.c.code == code, table.c.source == source))
