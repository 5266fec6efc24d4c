"""Group purchasing handlers: contracts, WAC and invoices (records), the acquisition price of a
receipt (pricing), the demand projection (demand) and the reports (reports)."""
