// Runs (execute) on the files page before the file is chosen. Records, in performance.now() ms,
// when the upload input's `change` fires and each state the queue row of file `name` goes
// through (MutationObserver, so no state is missed between two polls); keeps every resource
// timing entry (the chunk requests) in a buffer larger than an upload needs.
const [name] = arguments;
const w = (window.__crUpload = { chosen: null, done: null, states: [] });
performance.setResourceTimingBufferSize(10000);
document.addEventListener(
  "change",
  (e) => {
    if (w.chosen === null && e.target && e.target.name === "upload-files") w.chosen = performance.now();
  },
  true,
);
const row = () => document.querySelector(`[data-upload="${CSS.escape(name)}"]`);
const check = () => {
  const r = row();
  if (!r) return;
  const s = r.getAttribute("data-state");
  const last = w.states.length ? w.states[w.states.length - 1][0] : null;
  if (s !== last) w.states.push([s, performance.now()]);
  if (s === "done" && w.done === null) w.done = performance.now();
};
new MutationObserver(check).observe(document.body, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ["data-state"],
});
