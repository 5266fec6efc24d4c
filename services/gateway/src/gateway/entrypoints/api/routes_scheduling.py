"""The scheduling service's public routes: slots, appointments, the board, the optimizer,
series, recalls, pharmacy and staffing (a part of the route table, table.py). The board is
composed by the gateway, listed here where it always was (matching is in table order)."""

from __future__ import annotations

from typing import Any

from gateway.domain.routing import GATEWAY, SCHEDULING, Access, Route
from gateway.entrypoints.api import schemas as gw
from gateway.entrypoints.api.contracts import scheduling as sc
from gateway.entrypoints.api.route_kit import CR, A, C, I, L, O, P, S
from gateway.entrypoints.api.route_kit import route as _r


def _appointment_step(step: str, access: Access, summary: str, **kw: Any) -> Route:
    kw.setdefault("response", sc.AppointmentOut)
    return _r("POST", f"/v1/appointments/{{appointment_id}}/{step}", SCHEDULING,
              "schedule:write", access, A, summary, **kw)


SCHEDULING_ROUTES: tuple[Route, ...] = (
    # --- scheduling
    _r("GET", "/v1/slots", SCHEDULING, "schedule:read", S, O, "Free chair slots, earliest first",
       query=sc.GetSlotsQuery, response=sc.GetSlotsResponse),
    _r("GET", "/v1/appointments", SCHEDULING, "schedule:read", P, L, "List appointments",
       query=sc.ListAppointmentsQuery, response=sc.AppointmentPage),
    _r("POST", "/v1/appointments", SCHEDULING, "schedule:write", P, CR, "Book an appointment",
       body=sc.AppointmentCreate, response=sc.AppointmentOut, owner_field="order_id", status=201),
    _r("GET", "/v1/appointments/{appointment_id}", SCHEDULING, "schedule:read", P, I,
       "Get an appointment", response=sc.AppointmentOut),
    _r("POST", "/v1/appointments/{appointment_id}/move", SCHEDULING, "schedule:write", P, A,
       "Move an appointment", body=sc.AppointmentMove, response=sc.AppointmentOut),
    _appointment_step("check-in", C, "Check the patient in (within the window around the "
                      "slot; warns when a no-drive order has no escort)",
                      response=sc.CheckInOut),
    _appointment_step("start", C, "Seat the patient (in chair; within the window around "
                      "the slot)"),
    _appointment_step("complete", C, "Complete the chair time (409 until the order's visit "
                      "is completed; order.administered completes it)"),
    _appointment_step("cancel", P, "Cancel an appointment", body=sc.CancelRequest,
                      body_optional=True),
    _appointment_step("no-show", C, "Record a no-show"),
    # --- recalls (scheduling): the due list of recurring drugs' next doses
    _r("GET", "/v1/recalls", SCHEDULING, "schedule:read", P, L,
       "The recall due list (earliest, target and latest days of the next dose)",
       query=sc.ListRecallsQuery, response=sc.RecallPage),
    _r("GET", "/v1/recalls/{recall_id}", SCHEDULING, "schedule:read", P, I, "Get a recall",
       response=sc.RecallOut),
    # series (issue 16): a course booked in one decision; every order must be the caller's
    _r("POST", "/v1/series", SCHEDULING, "schedule:write", P, CR,
       "Book a course (2-5 consecutive clinic days or day offsets) in one decision: every "
       "visit or none; 409 names the failed day and the next feasible first days",
       body=sc.SeriesCreate, response=sc.SeriesOut, owner_field="order_ids", status=201),
    _r("GET", "/v1/series/{series_id}", SCHEDULING, "schedule:read", P, I,
       "A series: visits and statuses (paused under an RX-6 hold), and the shift it offers "
       "once a visit was moved or cancelled", response=sc.SeriesOut),
    _r("POST", "/v1/series/{series_id}/shift", SCHEDULING, "schedule:write", P, A,
       "Shift the rest of a series by n days (moved visits, cancelled ones booked again, same "
       "window; all or none)", body=sc.SeriesShift, response=sc.SeriesOut),
    _r("GET", "/v1/board", GATEWAY, "schedule:read", C, O,
       "The day's board (chairs, appointments with their orders)", query=gw.BoardQuery,
       response=gw.Board),
    _r("POST", "/v1/schedule/optimize", SCHEDULING, "schedule:write", C, O,
       "Propose (or apply) schedule moves", query=sc.OptimizeQuery, response=sc.OptimizeOut),
    _r("GET", "/v1/chairs", SCHEDULING, "schedule:read", C, O, "Chairs",
       response=sc.ListChairsResponse),
    _r("POST", "/v1/chairs", SCHEDULING, "admin", C, O, "Add a chair", body=sc.ChairIn,
       response=sc.ChairOut, status=201),
    _r("PUT", "/v1/chairs/{chair_id}", SCHEDULING, "admin", C, O, "Replace a chair",
       body=sc.ChairIn, response=sc.ChairOut),
    _r("GET", "/v1/nurse-shifts", SCHEDULING, "schedule:read", C, O, "Nurse shifts",
       query=sc.ListShiftsQuery, response=sc.ListShiftsResponse),
    _r("POST", "/v1/nurse-shifts", SCHEDULING, "admin", C, O, "Add a nurse shift",
       body=sc.NurseShiftIn, response=sc.NurseShiftOut, status=201),
    _r("DELETE", "/v1/nurse-shifts/{shift_id}", SCHEDULING, "admin", C, O,
       "Remove a nurse shift", status=204),
    _r("GET", "/v1/pharmacy-hoods", SCHEDULING, "schedule:read", C, O, "Pharmacy hoods",
       response=sc.PharmacyHoodsOut),
    _r("PUT", "/v1/pharmacy-hoods", SCHEDULING, "admin", C, O,
       "Set the pharmacy's hoods (null: preparation not limited)",
       body=sc.PharmacyHoodsIn, response=sc.PharmacyHoodsOut),
    _r("GET", "/v1/pharmacy-shifts", SCHEDULING, "schedule:read", C, O, "Pharmacist shifts",
       query=sc.ListPharmacistShiftsQuery, response=sc.ListPharmacistShiftsResponse),
    _r("POST", "/v1/pharmacy-shifts", SCHEDULING, "admin", C, O, "Add a pharmacist shift",
       body=sc.PharmacistShiftIn, response=sc.PharmacistShiftOut, status=201),
    _r("DELETE", "/v1/pharmacy-shifts/{shift_id}", SCHEDULING, "admin", C, O,
       "Remove a pharmacist shift", status=204),
    _r("GET", "/v1/ratio-policy", SCHEDULING, "schedule:read", C, O,
       "Nurse-to-patient ratio policy", response=sc.RatioPolicyOut),
    _r("PUT", "/v1/ratio-policy", SCHEDULING, "admin", C, O, "Replace the ratio policy",
       body=sc.RatioPolicyIn, response=sc.RatioPolicyOut),
    _r("GET", "/v1/clinic-hours", SCHEDULING, "schedule:read", C, O, "Clinic hours",
       response=sc.ClinicHoursOut),
    _r("PUT", "/v1/clinic-hours", SCHEDULING, "admin", C, O, "Replace the clinic hours",
       body=sc.ClinicHoursIn, response=sc.ClinicHoursOut),
    _r("GET", "/v1/staffing/forecast", SCHEDULING, "schedule:read", C, O,
       "A week's RNs needed per 15 minutes (booked visits + demand forecast) vs rostered: "
       "gaps, alerts and a recommendation", query=sc.StaffingForecastQuery,
       response=sc.StaffingForecastOut),
    _r("GET", "/v1/staffing/forecast.svg", SCHEDULING, "schedule:read", C, O,
       "The week's staffing forecast as an SVG chart", query=sc.StaffingForecastSvgQuery,
       response=sc.StaffingForecastSvgResponse, response_type="image/svg+xml"),
)
