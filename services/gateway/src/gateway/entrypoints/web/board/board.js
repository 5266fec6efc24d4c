// Chairside chair board: signs staff in (signin.js), loads the
// day's board through the public API and follows GET /v1/stream (fetch streaming: EventSource
// cannot send an Authorization header). No build step, no dependencies.
"use strict";

const ALERTS = new Set(["reaction.severe", "authorization.eligibility_flagged", "recall.overdue",
  "appointment.renewal_needed", "claim.rejected"]);
const HIDDEN = new Set(["cancelled", "queued"]);  // not on a chair
const $ = (id) => document.getElementById(id);
const state = { cfg: null, board: null, lastEventId: null, refetch: null, stop: false };
// Figures for the browser test and the note: event-to-browser latency of the last event.
window.boardStats = { events: 0, lastLatencyMs: null, mode: "off", loads: 0 };

function message(text, isError) {
  $("message").textContent = text || "";
  $("message").className = isError ? "error" : "";
}

function signOut(reason) {
  state.stop = true;
  store.removeItem("board.token");
  $("content").hidden = true;
  $("sign-in").hidden = false;
  $("sign-out").hidden = true;
  setMode("off");
  message(reason || "Signed out.");
}

async function api(path) {
  const r = await fetch(path, { headers: { Authorization: `Bearer ${token()}` } });
  if (r.status === 401) { signOut("Your session ended; sign in again."); throw new Error("401"); }
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

// The day shown: #date=YYYY-MM-DD when given (kept across the sign-in round trip), else the
// browser's own calendar day (the clinic's screens are in the clinic's time zone).
function localToday() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
}

function dayFromHash() {
  const m = /(?:^#|&)date=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  return m ? m[1] : null;
}

async function loadBoard() {
  const day = $("day").value || localToday();
  const board = await api(`/v1/board?date=${encodeURIComponent(day)}`);
  state.board = board;
  $("day").value = board.date || day;
  window.boardStats.loads += 1;
  render();
}

function scheduleRefetch(ms) {
  clearTimeout(state.refetch);
  state.refetch = setTimeout(() => loadBoard().catch(showError), ms);
}

function timeFrame(board) {
  const times = [];
  for (const c of board.chairs) for (const a of c.appointments) {
    times.push(Date.parse(a.start), Date.parse(a.end));
  }
  const open = board.open ? Date.parse(board.open) : Math.min(...times, Date.now());
  const close = board.close ? Date.parse(board.close) : Math.max(...times, open + 36e5);
  return [open, Math.max(close, open + 1)];
}

function hhmm(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function apptElement(a, open, span) {
  const el = document.createElement("div");
  el.className = "appt";
  el.dataset.appointmentId = a.id;
  el.dataset.status = a.status;
  const start = Date.parse(a.start);
  const end = Date.parse(a.end);
  el.style.left = `${(100 * (start - open)) / span}%`;
  el.style.width = `${Math.max(0.5, (100 * (end - start)) / span)}%`;
  const order = state.board.orders && a.order_id ? state.board.orders[a.order_id] : null;
  const drug = order && order.lines && order.lines[0] ? ` ${order.lines[0].drug_code || ""}` : "";
  el.textContent = `${hhmm(start)} ${a.status}${drug}`;
  el.title = `${hhmm(start)}–${hhmm(end)} ${a.status}`;
  return el;
}

function render() {
  const board = state.board;
  const [open, close] = timeFrame(board);
  const span = close - open;
  const scale = $("scale");
  scale.replaceChildren();
  for (let t = Math.ceil(open / 36e5) * 36e5; t <= close; t += 36e5) {
    const tick = document.createElement("span");
    tick.style.left = `${(100 * (t - open)) / span}%`;
    tick.textContent = hhmm(t);
    scale.append(tick);
  }
  const rows = board.chairs.map((c) => {
    const row = document.createElement("div");
    row.className = "chair";
    row.dataset.chairId = c.chair_id;
    const name = document.createElement("div");
    name.className = "name";
    name.textContent = c.chair_id;
    const lane = document.createElement("div");
    lane.className = "lane";
    for (const a of c.appointments) {
      if (!HIDDEN.has(a.status)) lane.append(apptElement(a, open, span));
    }
    row.append(name, lane);
    return row;
  });
  $("chairs").replaceChildren(...rows);
  $("queue").replaceChildren(...(board.queue || []).map((q) => {
    const li = document.createElement("li");
    li.dataset.appointmentId = q.id;
    const score = q.triage && q.triage.score !== undefined ? ` score ${q.triage.score}` : "";
    li.textContent = `${q.acuity_class} · ${q.minutes} min${score}`;
    return li;
  }));
  $("content").hidden = false;
}

// An appointment event changes the board at once; a refetch shortly after reconciles what an
// event does not carry (orders, the queue, nurse load).
function applyAppointment(d) {
  if (!state.board || !d || !d.appointment_id) return;
  for (const c of state.board.chairs) {
    c.appointments = c.appointments.filter((a) => a.id !== d.appointment_id);
  }
  const chair = state.board.chairs.find((c) => c.chair_id === d.chair_id);
  const [open, close] = timeFrame(state.board);
  const onThisDay = d.start && d.end && Date.parse(d.start) < close && Date.parse(d.end) > open;
  if (chair && onThisDay && !HIDDEN.has(d.status)) {
    chair.appointments.push({ id: d.appointment_id, order_id: d.order_id, status: d.status,
      start: d.start, end: d.end });
  }
  render();
  scheduleRefetch(300);
}

function addAlert(ev) {
  const li = document.createElement("li");
  li.dataset.type = ev.type;
  li.dataset.severity = ev.type === "reaction.severe" ? "high" : "normal";
  const when = ev.occurred_at ? hhmm(Date.parse(ev.occurred_at)) : "";
  li.textContent = `${when} ${ev.type.replace(/[._]/g, " ")}`;
  $("alerts").prepend(li);
  while ($("alerts").children.length > 50) $("alerts").lastChild.remove();
}

function onEvent(name, data, id) {
  if (id) state.lastEventId = id;
  if (name === "reset") { scheduleRefetch(0); return; }
  let ev;
  try { ev = JSON.parse(data); } catch { return; }
  const type = ev.type || name;
  window.boardStats.events += 1;
  if (ev.occurred_at) {
    const ms = Date.now() - Date.parse(ev.occurred_at);
    window.boardStats.lastLatencyMs = ms;
    window.boardStats.latencies = [...(window.boardStats.latencies || []).slice(-99), ms];
  }
  if (ALERTS.has(type)) addAlert({ ...ev, type });
  else if (type.startsWith("appointment.")) applyAppointment(ev.data);
}

function setMode(mode) {
  window.boardStats.mode = mode;
  $("live").dataset.mode = mode;
  $("live").textContent = { stream: "live", polling: "polling", off: "offline" }[mode];
}

// Server-sent events over fetch: blocks separated by a blank line, fields `id`, `event`,
// `data` (RFC-less but WHATWG HTML §9.2 framing).
async function follow() {
  const headers = { Authorization: `Bearer ${token()}`, Accept: "text/event-stream" };
  if (state.lastEventId) headers["Last-Event-ID"] = state.lastEventId;
  const r = await fetch(state.cfg.stream, { headers });
  if (r.status === 404) return "absent";
  if (r.status === 401) { signOut("Your session ended; sign in again."); return "stop"; }
  if (!r.ok || !r.body) return "retry";
  setMode("stream");
  const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done || state.stop) return "ended";
    buf += value.replace(/\r\n?/g, "\n");
    let cut;
    while ((cut = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      let name = "message"; let id = null; const data = [];
      for (const line of block.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const i = line.indexOf(":");
        const field = i < 0 ? line : line.slice(0, i);
        const val = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
        if (field === "event") name = val;
        else if (field === "data") data.push(val);
        else if (field === "id") id = val;
      }
      onEvent(name, data.join("\n"), id);
    }
  }
}

async function live() {
  if (!state.cfg.stream) { poll(); return; }
  let delay = 500;
  while (!state.stop) {
    let outcome;
    try { outcome = await follow(); } catch { outcome = "retry"; }
    if (outcome === "stop") return;
    if (outcome === "absent") { poll(); return; }
    if (outcome === "ended") delay = 500;  // it was up: reconnect soon, resuming
    setMode("off");
    await new Promise((res) => setTimeout(res, delay));
    delay = Math.min(delay * 2, 10000);
    scheduleRefetch(0);  // events may have been missed while away
  }
}

// No stream on this gateway: the board is refetched every second instead.
function poll() {
  setMode("polling");
  const tick = () => {
    if (state.stop) return;
    loadBoard().catch(showError).finally(() => setTimeout(tick, 1000));
  };
  setTimeout(tick, 1000);
}

function showError(err) {
  if (String(err && err.message) !== "401") message(String(err.message || err), true);
}

async function main() {
  $("sign-in").addEventListener("click", () => signIn(state.cfg).catch(showError));
  $("sign-out").addEventListener("click", () => signOut());
  $("day").addEventListener("change", () => loadBoard().catch(showError));
  window.addEventListener("hashchange", () => {
    if (dayFromHash()) { $("day").value = dayFromHash(); loadBoard().catch(showError); }
  });
  state.cfg = await (await fetch("config.json")).json();
  const params = new URLSearchParams(location.search);
  if (params.has("code") || params.has("error")) await finishSignIn(state.cfg, params);
  if (!token()) { signOut("Sign in to see the board."); return; }
  $("sign-in").hidden = true;
  $("sign-out").hidden = false;
  message("");
  state.stop = false;
  $("day").value = dayFromHash() || "";
  await loadBoard();
  live();
}

main().catch((err) => { $("sign-in").hidden = false; showError(err); });
