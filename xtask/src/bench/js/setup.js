// Runs (execute_async) on a same-origin non-app page before the measured navigation: signs in through
// the API, stores the session where the app keeps it (localStorage `cr_session`, the StoredSession
// shape of src/state/session.rs) and stores the folder's view setting with PATCH /file/view.
// Answers { error } when signing in fails, else { viewError } (null when the server took the view).
const [email, password, folder, view, done] = arguments;
const call = async (method, path, body, token) => {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const res = await fetch("/api/v4" + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch (_) {
    return { code: "HTTP " + res.status, msg: text.slice(0, 60) };
  }
};
(async () => {
  const login = await call("POST", "/session/token", { email, password });
  if (login.code !== 0) return done({ error: "sign-in failed: " + JSON.stringify(login) });
  const { user, token } = login.data;
  localStorage.setItem("cr_session", JSON.stringify({ user, token, obtained_at: Date.now() }));
  const uri = "cloudreve://my/" + folder;
  const setting = { page_size: 500, order: "name", order_direction: "asc", view, thumbnail: view !== "list" };
  const patched = await call("PATCH", "/file/view", { uri, view: setting }, token.access_token);
  if (patched.code !== 0) {
    return done({ viewError: `PATCH /file/view answered ${patched.code}${patched.msg ? " (" + patched.msg + ")" : ""}` });
  }
  const listed = await call("GET", "/file?page_size=50&uri=" + encodeURIComponent(uri), null, token.access_token);
  const got = listed.data && listed.data.view && listed.data.view.view;
  done({ viewError: got && got !== view ? `the listing reports view ${got}` : null });
})().catch((e) => done({ error: String(e) }));
