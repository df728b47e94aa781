// Runs (execute_async) on a same-origin page that is not the app, after sign-in (setup.js) and after
// a file was chosen in the input #cr-bench-file: uploads it as `name` with the app's schedule but
// none of its code (XHR, File.slice, up to `concurrency` chunks at once in index order, the last
// alone after the others). The reference for what Chromium itself costs.
// Answers { start, end } (performance.now() ms; start before the session is opened) or { error }.
const [name, concurrency, done] = arguments;
(async () => {
  const file = document.getElementById("cr-bench-file").files[0];
  const { token } = JSON.parse(localStorage.getItem("cr_session"));
  const auth = "Bearer " + token.access_token;
  const start = performance.now();
  const api = async (method, path, body) => {
    const headers = { Authorization: auth };
    if (body) headers["Content-Type"] = "application/json";
    const res = await fetch("/api/v4" + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const env = await res.json();
    if (env.code !== 0) throw new Error(`${method} ${path} answered ${JSON.stringify(env)}`);
    return env.data;
  };
  const root = await api("GET", "/file?page_size=50&uri=" + encodeURIComponent("cloudreve://my/"));
  const session = await api("PUT", "/file/upload", {
    uri: "cloudreve://my/" + name,
    size: file.size,
    policy_id: root.storage_policy.id,
  });
  const cs = session.chunk_size || file.size;
  const count = Math.max(1, Math.ceil(file.size / cs));
  const send = (i) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/v4/file/upload/${session.session_id}/${i}`);
      xhr.setRequestHeader("Authorization", auth);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.onload = () => {
        try {
          const env = JSON.parse(xhr.responseText);
          if (env.code === 0) return resolve();
          reject(new Error(`chunk ${i} answered ${xhr.responseText}`));
        } catch (e) {
          reject(new Error(`chunk ${i}: HTTP ${xhr.status}`));
        }
      };
      xhr.onerror = () => reject(new Error(`chunk ${i}: network error`));
      xhr.send(file.slice(i * cs, Math.min(file.size, (i + 1) * cs)));
    });
  let next = 0;
  const worker = async () => {
    while (next < count - 1) await send(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await send(count - 1);
  done({ start, end: performance.now() });
})().catch((e) => done({ error: String(e) }));
