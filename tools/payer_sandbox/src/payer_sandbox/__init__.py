"""A sandbox payer for Chairside: a real HTTP server speaking Da Vinci PAS (FHIR R4).

- ``POST /fhir/Claim/$submit``: a PAS request Bundle in, a PAS response Bundle out
  (ClaimResponse with the reviewAction extension: A1 approved, A3 denied, A4 pended). A
  Bundle missing a PAS 2.2.1 required element is refused as a payer would: HTTP 400 with an
  OperationOutcome whose issues name each element by FHIRPath (conformance.py).
- ``POST /fhir/Claim/$inquire``: Parameters with 0..* response Bundles; pended claims are
  decided after N inquiries or T seconds, per rule.
- ``GET/PUT /admin/config`` (rules, latency, outcomes, bad-data drills), ``GET /admin/claims``,
  ``POST /admin/claims/{identifier}/decide``, ``POST /admin/reset``, ``GET /healthz``.

Run: ``python -m payer_sandbox`` (127.0.0.1:8090). In tests: ``payer_sandbox.testing``.
"""
