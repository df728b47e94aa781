// Runs (execute) while the upload goes: the row's state and progress, and what upload_watch.js
// recorded. Answers { state, percent, status, chosen, done, states }.
const [name] = arguments;
const w = window.__crUpload || {};
const r = document.querySelector(`[data-upload="${CSS.escape(name)}"]`);
const bar = r && r.querySelector("[role=progressbar]");
const status = r && r.querySelector(".cr-upload__status");
return {
  state: r ? r.getAttribute("data-state") : null,
  percent: bar ? Number(bar.getAttribute("aria-valuenow")) : null,
  status: status ? status.textContent : null,
  chosen: w.chosen === undefined ? null : w.chosen,
  done: w.done === undefined ? null : w.done,
  states: w.states || [],
};
