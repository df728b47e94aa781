// Runs after the first item appeared: what the page fetched until then, from Resource Timing.
// transferSize counts headers and the body as it came over the wire (compressed), 0 for cache hits.
const nav = performance.getEntriesByType("navigation")[0];
const first = window.__crBench.firstItem;
const resources = performance.getEntriesByType("resource").filter((r) => r.startTime <= first);
const wasm = resources.find((r) => r.name.endsWith(".wasm"));
return {
  totalBytes: (nav ? nav.transferSize : 0) + resources.reduce((sum, r) => sum + r.transferSize, 0),
  requests: resources.length + 1,
  wasmBytes: wasm ? wasm.transferSize : 0,
  wasmDecoded: wasm ? wasm.decodedBodySize : 0,
};
