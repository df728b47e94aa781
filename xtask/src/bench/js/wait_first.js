// Waits (execute_async) up to `limitMs` for the first item recorded by first_item.js; answers the
// record, or null when no item appeared.
const [limitMs, done] = arguments;
const start = performance.now();
const poll = () => {
  const b = window.__crBench;
  if (b && b.firstItem !== null) {
    return done({ firstItem: b.firstItem, domAtFirst: b.domAtFirst, itemsAtFirst: b.itemsAtFirst, firstClass: b.firstClass });
  }
  if (performance.now() - start > limitMs) return done(null);
  setTimeout(poll, 50);
};
poll();
