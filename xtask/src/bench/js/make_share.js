// Runs (execute_async) on a same-origin non-app page: signs in through the API and shares the
// folder publicly (PUT /share). Answers { id } or { error }. Nothing is stored in the browser: the
// measured visits happen in other, empty sessions.
const [email, password, folder, done] = arguments;
const call = async (method, path, body, token) => {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const res = await fetch("/api/v4" + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return res.json();
};
(async () => {
  const login = await call("POST", "/session/token", { email, password });
  if (login.code !== 0) return done({ error: "sign-in failed: " + JSON.stringify(login) });
  const share = { uri: "cloudreve://my/" + folder, is_private: false, share_view: false };
  const made = await call("PUT", "/share", share, login.data.token.access_token);
  if (made.code !== 0) return done({ error: "PUT /share answered " + JSON.stringify(made) });
  // The link is {site}/s/{id}.
  done({ id: made.data.split("/s/")[1] });
})().catch((e) => done({ error: String(e) }));
