// Scrolls the explorer (execute_async) by one viewport height per animation frame until the folder's
// last file by name (`lastName`) is rendered. That file arrives with the last page, so by then every
// page of 500 has loaded on the way: the time includes loading. Records every requestAnimationFrame
// delta and the largest DOM and item counts seen in any frame.
const [lastName, limitMs, done] = arguments;
const scroller = document.querySelector("[data-cr-scroll], .cr-files-viewport");
if (!scroller) return done({ error: "no scroll container ([data-cr-scroll], .cr-files-viewport)" });
const all = document.getElementsByTagName("*");
const itemCount = () => document.querySelectorAll("[data-cr-item]").length;
// outerHTML, not only the text: a tile may show a shortened name and keep the full one in an attribute.
const lastRendered = () => Array.from(document.querySelectorAll("[data-cr-item]")).some((el) => el.outerHTML.includes(lastName));
const start = performance.now();
const deltas = [];
let previous = null;
let domMax = 0;
let itemsMax = 0;
const frame = (t) => {
  if (previous !== null) deltas.push(t - previous);
  previous = t;
  domMax = Math.max(domMax, all.length);
  itemsMax = Math.max(itemsMax, itemCount());
  const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
  const finished = atEnd && lastRendered();
  const elapsed = performance.now() - start;
  if (finished || elapsed > limitMs) {
    return done({ reachedEnd: finished, ms: elapsed, deltas, domMax, itemsMax, domEnd: all.length, itemsEnd: itemCount() });
  }
  scroller.scrollTop += scroller.clientHeight;
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
