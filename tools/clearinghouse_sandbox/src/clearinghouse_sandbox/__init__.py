"""A sandbox clearinghouse for Chairside: a real HTTP server speaking X12 270/271 (005010X279A1).

- ``POST /x12``: a 270 interchange in, the 271 out (a 999 when the 270 is not valid).
- Answers per member id: active (with deductible, coinsurance, copay, out-of-pocket figures),
  inactive (EB*6), AAA rejections (72 invalid member id, 75 not found, 58 invalid birth date,
  42 unable to respond now...), "retry later" for the first N inquiries.
- ``GET/PUT /admin/config``, ``PUT/DELETE /admin/members/{member_id}``,
  ``GET /admin/inquiries``, ``POST /admin/reset``, ``GET /healthz``, ``GET /readyz``.

Run: ``python -m clearinghouse_sandbox`` (127.0.0.1:8091). In tests:
``clearinghouse_sandbox.testing``. It is an outside party: it imports no Chairside service.
"""
