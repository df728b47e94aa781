// Runs (execute) after the upload: the resource timing entries of the upload API (opening the
// session: `.../file/upload`; chunk i: `.../file/upload/<session>/<i>`), in performance.now() ms.
return performance
  .getEntriesByType("resource")
  .filter((e) => e.name.includes("/api/v4/file/upload"))
  .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd }));
