// Installed with Page.addScriptToEvaluateOnNewDocument: runs in every new document before the app.
// Records when the first item element ([data-cr-item]) enters the DOM, in ms since navigation start,
// with the DOM and item counts at that moment, and keeps the wasm exports for the memory size.
(() => {
  const b = (window.__crBench = { firstItem: null, domAtFirst: 0, itemsAtFirst: 0, firstClass: "", wasm: null });
  const seen = () => {
    const first = document.querySelector("[data-cr-item]");
    if (!first) return false;
    b.firstItem = performance.now();
    b.domAtFirst = document.getElementsByTagName("*").length;
    b.itemsAtFirst = document.querySelectorAll("[data-cr-item]").length;
    b.firstClass = first.className;
    return true;
  };
  const observer = new MutationObserver(() => {
    if (seen()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  addEventListener("TrunkApplicationStarted", (e) => {
    b.wasm = e.detail && e.detail.wasm;
  });
})();
