// Staff sign-in for the board: authorization code + PKCE (RFC 7636, S256) as a public client.
// The verifier and state stay in this tab's sessionStorage; no client secret exists.
"use strict";

const store = window.sessionStorage;

function b64url(bytes) {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(n) { return b64url(crypto.getRandomValues(new Uint8Array(n))); }

function redirectUri(cfg) {
  // exact match at the issuer: this page's own address when registered
  const here = location.origin + location.pathname;
  return cfg.redirect_uris.includes(here) ? here : cfg.redirect_uris[0];
}

async function signIn(cfg) {
  const verifier = randomString(48);
  const challenge = b64url(await crypto.subtle.digest("SHA-256",
    new TextEncoder().encode(verifier)));
  const st = randomString(16);
  store.setItem("board.verifier", verifier);
  store.setItem("board.state", st);
  store.setItem("board.hash", location.hash);
  const q = new URLSearchParams({ response_type: "code", client_id: cfg.client_id,
    redirect_uri: redirectUri(cfg), scope: cfg.scope, state: st,
    code_challenge: challenge, code_challenge_method: "S256" });
  location.assign(`${cfg.authorization_endpoint}?${q}`);
}

async function finishSignIn(cfg, params) {
  const expected = store.getItem("board.state");
  const verifier = store.getItem("board.verifier");
  store.removeItem("board.state");
  store.removeItem("board.verifier");
  history.replaceState(null, "", location.pathname + (store.getItem("board.hash") || ""));
  store.removeItem("board.hash");
  if (params.get("error")) {
    throw new Error(`sign-in refused: ${params.get("error_description") || params.get("error")}`);
  }
  if (!expected || params.get("state") !== expected || !verifier) {
    throw new Error("sign-in answer does not match this browser's request; sign in again");
  }
  const body = new URLSearchParams({ grant_type: "authorization_code", code: params.get("code"),
    redirect_uri: redirectUri(cfg), client_id: cfg.client_id, code_verifier: verifier });
  const r = await fetch(cfg.token_endpoint, { method: "POST", body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  const doc = await r.json();
  if (!r.ok) throw new Error(`sign-in failed: ${doc.error_description || doc.detail}`);
  store.setItem("board.token", doc.access_token);
  store.setItem("board.expires", String(Date.now() + doc.expires_in * 1000));
}

function token() {
  const t = store.getItem("board.token");
  return t && Number(store.getItem("board.expires")) > Date.now() + 5000 ? t : null;
}
