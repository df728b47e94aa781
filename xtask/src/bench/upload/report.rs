//! The upload part's lines, table and targets, for stdout and BENCHMARKS.md.

use std::fmt::Write as _;

use super::{Results, Run, Side};

const MIB: f64 = 1024.0 * 1024.0;
/// The target: the browser reaches at least this share of curl's throughput.
const THROUGHPUT_TARGET: f64 = 0.9;
/// The memory bound's allowance on top of the chunks in flight.
const MEMORY_SLACK: f64 = 50.0 * MIB;

fn mib(bytes: f64) -> String {
    format!("{:.0}", bytes / MIB)
}

impl Side {
    /// How the report names it.
    pub fn name(self) -> &'static str {
        match self {
            Side::Browser => "browser",
            Side::Bare => "bare XHR",
            Side::Curl => "curl",
        }
    }
}

impl Run {
    /// MiB per second for `size` bytes.
    pub fn speed(&self, size: u64) -> f64 {
        size as f64 / MIB / self.timing.total
    }
}

/// One line on a finished run, for the console.
pub fn run_line(round: usize, run: &Run, size: u64) -> String {
    let mut line = format!(
        "{} #{round}: {:.2} s, {:.1} MiB/s, {} chunk requests",
        run.side.name(),
        run.timing.total,
        run.speed(size),
        run.timing.chunks.len()
    );
    if let Some(p) = run.timing.phases() {
        let _ = write!(
            line,
            " (before the first {:.2} s, all but the last {:.2} s at {:.2} s per chunk, wait {:.2} s, last {:.2} s, after {:.2} s)",
            p.before, p.body, p.mean_chunk, p.gap, p.last, p.after
        );
    }
    let _ = write!(
        line,
        "; CPU {:.1} s {}, {:.1} s server",
        run.cpu.client,
        run.side.name(),
        run.cpu.server
    );
    if !run.cpu_by_kind.is_empty() {
        let kinds: Vec<String> = run
            .cpu_by_kind
            .iter()
            .filter(|(_, s)| *s >= 0.05)
            .map(|(k, s)| format!("{k} {s:.1}"))
            .collect();
        let _ = write!(line, " ({})", kinds.join(", "));
    }
    if let Some(m) = &run.memory {
        let _ = write!(
            line,
            "; RSS {} → {} MiB (+{}), JS heap {:.1} → {:.1} MiB, {} processes, {} samples",
            mib(m.baseline_rss),
            mib(m.peak_rss),
            mib(m.growth()),
            m.heap_before / MIB,
            m.heap_after / MIB,
            m.procs,
            m.samples
        );
    }
    line + ", SHA-256 checked"
}

impl Results {
    /// Chunk bytes in flight at most, twice, plus 50 MiB: the bound on memory growth.
    pub fn memory_bound(&self) -> f64 {
        2.0 * self.chunk_size as f64 * self.concurrency as f64 + MEMORY_SLACK
    }

    fn best(&self, side: Side) -> Option<&Run> {
        self.runs
            .iter()
            .filter(|r| r.side == side)
            .min_by(|a, b| a.timing.total.total_cmp(&b.timing.total))
    }

    /// Every run as a Markdown table.
    pub fn table(&self) -> String {
        let mut out = String::from(
            "| run | sender | time | MiB/s | chunk requests | before the first chunk | all chunks but the last | wait | last chunk | after | CPU s sender / server | RSS MiB baseline / peak / growth | JS heap after GC, MiB before / after |\n\
             |---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
        );
        let mut round = [0; Side::ALL.len()];
        for run in &self.runs {
            let n = &mut round[run.side as usize];
            *n += 1;
            let secs = |s: f64| format!("{s:.2} s");
            let phases = run.timing.phases().map_or_else(
                || "| | | | |".to_string(),
                |p| {
                    format!(
                        "{} | {} ({:.2} s per chunk) | {} | {} | {} |",
                        secs(p.before),
                        secs(p.body),
                        p.mean_chunk,
                        secs(p.gap),
                        secs(p.last),
                        secs(p.after)
                    )
                },
            );
            let memory = run.memory.as_ref().map_or_else(
                || "| |".to_string(),
                |m| {
                    format!(
                        "{} / {} / {} | {:.1} / {:.1} |",
                        mib(m.baseline_rss),
                        mib(m.peak_rss),
                        mib(m.growth()),
                        m.heap_before / MIB,
                        m.heap_after / MIB
                    )
                },
            );
            let _ = writeln!(
                out,
                "| {n} | {} | {:.2} s | {:.1} | {} | {phases} {:.1} / {:.1} | {memory}",
                run.side.name(),
                run.timing.total,
                run.speed(self.size),
                run.timing.chunks.len(),
                run.cpu.client,
                run.cpu.server,
            );
        }
        out
    }

    /// The two targets, met or missed.
    pub fn targets(&self) -> String {
        let mark = |ok: bool| if ok { "met" } else { "**missed**" };
        let mut out = String::new();
        match (self.best(Side::Browser), self.best(Side::Curl)) {
            (Some(b), Some(c)) => {
                let ratio = b.speed(self.size) / c.speed(self.size);
                let _ = writeln!(
                    out,
                    "- Throughput (best run of each): browser {:.1} MiB/s, curl {:.1} MiB/s: {:.0}% of curl (target ≥ {:.0}%: {})",
                    b.speed(self.size),
                    c.speed(self.size),
                    ratio * 100.0,
                    THROUGHPUT_TARGET * 100.0,
                    mark(ratio >= THROUGHPUT_TARGET)
                );
            }
            _ => out.push_str("- Throughput: not measured\n"),
        }
        if let (Some(b), Some(bare)) = (self.best(Side::Browser), self.best(Side::Bare)) {
            let _ = writeln!(
                out,
                "- For reference, Chromium without the app (bare XHR, same schedule): {:.1} MiB/s; the app reaches {:.0}% of it",
                bare.speed(self.size),
                b.speed(self.size) / bare.speed(self.size) * 100.0
            );
        }
        let worst = self
            .runs
            .iter()
            .filter(|r| r.side == Side::Browser)
            .filter_map(|r| r.memory.as_ref())
            .max_by(|a, b| a.growth().total_cmp(&b.growth()));
        match worst {
            Some(m) => {
                let _ = writeln!(
                    out,
                    "- Browser memory (the run that grew most): RSS of the session's processes {} MiB before the choice, {} MiB at the peak, growth {} MiB (bound 2 × {} MiB × {} + 50 MiB = {} MiB: {}); JS heap after GC {:.1} MiB at the end",
                    mib(m.baseline_rss),
                    mib(m.peak_rss),
                    mib(m.growth()),
                    mib(self.chunk_size as f64),
                    self.concurrency,
                    mib(self.memory_bound()),
                    mark(m.growth() < self.memory_bound()),
                    m.heap_after / MIB
                );
            }
            None => out.push_str("- Browser memory: not measured\n"),
        }
        out
    }

    /// The section of BENCHMARKS.md.
    pub fn markdown(&self) -> String {
        format!(
            "\n### Uploads: {} MiB through headless Chromium, and with curl\n\n\
             Chunks of {} MiB, {} at a time; load average {} when the part started. The bytes the server stored for every upload matched the local file (SHA-256).\n\n\
             {}\n{}\nThe upload part took {:.0} s.\n",
            self.size >> 20,
            mib(self.chunk_size as f64),
            self.concurrency,
            self.load,
            self.table(),
            self.targets(),
            self.secs
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::timing::{Span, Timing};
    use super::super::{Cpu, Memory, Results, Run, Side};
    use super::MIB;

    fn run(side: Side, total: f64, memory: Option<Memory>) -> Run {
        Run {
            side,
            timing: Timing {
                total,
                chunks: vec![
                    Span {
                        index: 0,
                        start: 0.1,
                        end: 1.0,
                    },
                    Span {
                        index: 1,
                        start: 1.0,
                        end: 1.5,
                    },
                ],
            },
            memory,
            cpu: Cpu::default(),
            cpu_by_kind: Vec::new(),
        }
    }

    fn results() -> Results {
        let grew = |mib: f64| Memory {
            baseline_rss: 900.0 * MIB,
            peak_rss: (900.0 + mib) * MIB,
            ..Memory::default()
        };
        Results {
            size: 1 << 30,
            chunk_size: 25 << 20,
            concurrency: 3,
            load: "1.00 1.00 1.00".into(),
            runs: vec![
                run(Side::Browser, 8.0, Some(grew(20.0))),
                run(Side::Bare, 4.0, Some(grew(300.0))),
                run(Side::Curl, 2.0, None),
                run(Side::Browser, 10.0, Some(grew(40.0))),
            ],
            secs: 60.0,
        }
    }

    #[test]
    fn every_row_has_the_header_s_cells() {
        let table = results().table();
        let cells = |line: &str| line.matches('|').count();
        let mut lines = table.lines();
        let header = cells(lines.next().expect("header"));
        for line in lines {
            assert_eq!(cells(line), header, "{line}");
        }
    }

    #[test]
    fn targets_use_the_best_runs_and_the_app_s_memory() {
        let r = results();
        assert_eq!(r.memory_bound(), 200.0 * MIB);
        let t = r.targets();
        // 1 GiB in 8 s against 2 s: 25%.
        assert!(
            t.contains("browser 128.0 MiB/s, curl 512.0 MiB/s: 25% of curl"),
            "{t}"
        );
        assert!(t.contains("the app reaches 50% of it"), "{t}");
        // The bare uploader's 300 MiB is not the app's.
        assert!(t.contains("growth 40 MiB"), "{t}");
        assert!(t.contains("200 MiB: met"), "{t}");
    }
}
