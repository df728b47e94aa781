//! The memory and CPU time of one Chromium session, sampled from `/proc` on a thread of its own:
//! every process whose command line names the session's profile dir, and their descendants (the
//! zygote's children do not always repeat every switch).
//!
//! Each sample sums the processes' RSS (`statm`: pages shared between them count once per process,
//! so it overstates, which is the safe side for a bound) and the CPU time they have used. PSS was
//! tried too and left out: its sum jumped by ±100 MiB between samples while RSS stayed still.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Time between samples.
const EVERY: Duration = Duration::from_millis(100);
/// The process list is walked again every this many samples (processes come and go).
const RESCAN_EVERY: usize = 10;
const PAGE: u64 = 4096;

/// One reading.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// Seconds since the sampler started.
    pub at: f64,
    /// Sum of the processes' resident set sizes, bytes.
    pub rss: u64,
    /// Their CPU time (user and system) so far, seconds.
    pub cpu: f64,
    /// Processes counted.
    pub procs: usize,
}

/// A running sampler; [`Sampler::stop`] returns what it saw.
pub struct Sampler {
    stop: Arc<AtomicBool>,
    started: Instant,
    thread: JoinHandle<Vec<Sample>>,
}

impl Sampler {
    /// Starts sampling the processes of the session whose profile dir is `profile`.
    pub fn start(profile: &Path) -> Sampler {
        let marker = profile.to_string_lossy().into_owned();
        let stop = Arc::new(AtomicBool::new(false));
        let started = Instant::now();
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut samples = Vec::new();
            let mut pids = Vec::new();
            let mut next = Instant::now();
            while !flag.load(Ordering::Relaxed) {
                if samples.len() % RESCAN_EVERY == 0 {
                    pids = session_pids(&marker);
                }
                let rss = pids.iter().map(|p| rss(*p)).sum();
                let cpu = pids.iter().map(|p| cpu_secs(*p).0).sum();
                samples.push(Sample {
                    at: started.elapsed().as_secs_f64(),
                    rss,
                    cpu,
                    procs: pids.len(),
                });
                next += EVERY;
                std::thread::sleep(next.saturating_duration_since(Instant::now()));
            }
            samples
        });
        Sampler {
            stop,
            started,
            thread,
        }
    }

    /// Seconds since the sampler started (the clock of [`Sample::at`]).
    pub fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Stops sampling; returns the samples in time order.
    pub fn stop(self) -> Vec<Sample> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap_or_default()
    }
}

/// CPU seconds used so far by each process of the session whose profile dir is `profile`, with
/// what the process is: Chromium's `--type` (and `--utility-sub-type`), or `browser`.
pub fn cpu_by_process(profile: &Path) -> Vec<(u32, String, f64)> {
    session_pids(&profile.to_string_lossy())
        .into_iter()
        .map(|pid| (pid, kind(pid), cpu_secs(pid).0))
        .collect()
}

/// What Chromium process `pid` is, from its command line.
fn kind(pid: u32) -> String {
    // Children of the zygote rewrite their command line as one space-separated string.
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let args: Vec<String> = cmdline
        .split(|b| *b == 0 || *b == b' ')
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    let switch = |name: &str| {
        args.iter()
            .find_map(|a| a.strip_prefix(name).map(str::to_string))
    };
    match (switch("--type="), switch("--utility-sub-type=")) {
        (Some(t), Some(sub)) => format!("{t} ({sub})"),
        (Some(t), None) => t,
        (None, _) => "browser".into(),
    }
}

/// The processes naming `marker` in their command line, and all their descendants.
fn session_pids(marker: &str) -> Vec<u32> {
    let mut parent = HashMap::new();
    let mut roots = HashSet::new();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    for entry in procs.filter_map(Result::ok) {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline).contains(marker) {
            roots.insert(pid);
        }
        if let Some(ppid) = stat_fields(&pid.to_string()).get(1) {
            parent.insert(pid, *ppid as u32);
        }
    }
    let mut found: Vec<u32> = parent
        .keys()
        .copied()
        .filter(|pid| {
            let mut at = *pid;
            // Walk up to init; a cycle cannot happen, but stop after a sane depth anyway.
            for _ in 0..64 {
                if roots.contains(&at) {
                    return true;
                }
                match parent.get(&at) {
                    Some(p) if *p > 1 => at = *p,
                    _ => return false,
                }
            }
            false
        })
        .collect();
    found.sort_unstable();
    found
}

/// `/proc/<pid>/stat`'s fields after the command name (which may hold spaces and parentheses):
/// the first is the state (field 3, read as 0), then the parent's id.
fn stat_fields(pid: &str) -> Vec<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit_once(')')
        .map(|(_, rest)| {
            rest.split_whitespace()
                .map(|f| f.parse().unwrap_or(0))
                .collect()
        })
        .unwrap_or_default()
}

/// CPU seconds (user + system) used by process `pid` itself, and by its children it has waited
/// for (0 for a process that has gone). Linux counts in ticks of 1/100 s (`getconf CLK_TCK`).
pub fn cpu_secs(pid: u32) -> (f64, f64) {
    let f = stat_fields(&pid.to_string());
    let at = |i: usize| f.get(i).copied().unwrap_or(0) as f64 / 100.0;
    // utime, stime, cutime, cstime are fields 14 to 17.
    (at(11) + at(12), at(13) + at(14))
}

/// The RSS of `pid` in bytes (0 for a process that has gone).
fn rss(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/statm"))
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|v| v.parse::<u64>().ok())
        })
        .map_or(0, |pages| pages * PAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_this_process_and_its_children_by_marker() {
        // The test binary's own path is in its command line; `sleep` is its child.
        let me = std::env::current_exe().expect("exe");
        let marker = me.to_string_lossy().into_owned();
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .expect("sleep");
        let pids = session_pids(&marker);
        let _ = child.kill();
        let _ = child.wait();
        assert!(pids.contains(&std::process::id()), "{pids:?}");
        assert!(pids.contains(&child.id()), "{pids:?}");
        assert!(rss(std::process::id()) > 0);
        let busy = std::time::Instant::now();
        while busy.elapsed() < Duration::from_millis(50) {}
        assert!(cpu_secs(std::process::id()).0 > 0.0, "CPU time counted");
    }
}
