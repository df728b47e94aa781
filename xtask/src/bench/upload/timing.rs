//! When each chunk request of one upload ran, and what that says about where the time went.

/// One chunk request, in seconds from the start of its upload.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Chunk index.
    pub index: usize,
    /// When the request started.
    pub start: f64,
    /// When its answer had arrived.
    pub end: f64,
}

/// The timeline of one upload.
#[derive(Debug, Clone, Default)]
pub struct Timing {
    /// Seconds from the start (the file chosen in the browser; curl's first chunk request) to the
    /// end (the queue row `done`; curl's last answer).
    pub total: f64,
    /// The chunk requests, in index order.
    pub chunks: Vec<Span>,
}

/// Where the time of one upload went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phases {
    /// From the start to the first chunk request (session creation and the app's own work).
    pub before: f64,
    /// From the first chunk request to the last answer of every chunk but the last.
    pub body: f64,
    /// From there until the last chunk was sent (nothing in flight).
    pub gap: f64,
    /// The last chunk's request (its bytes and the completion of the upload).
    pub last: f64,
    /// From the last chunk's answer to the end (the app marking the file done).
    pub after: f64,
    /// Mean time of one chunk request except the last.
    pub mean_chunk: f64,
}

impl Timing {
    /// The phases, if at least one chunk was timed.
    pub fn phases(&self) -> Option<Phases> {
        let last = self.chunks.iter().max_by_key(|s| s.index)?;
        let others: Vec<&Span> = self
            .chunks
            .iter()
            .filter(|s| s.index != last.index)
            .collect();
        let first_start = self
            .chunks
            .iter()
            .map(|s| s.start)
            .fold(f64::INFINITY, f64::min);
        let others_end = others.iter().map(|s| s.end).fold(first_start, f64::max);
        let mean_chunk = if others.is_empty() {
            0.0
        } else {
            others.iter().map(|s| s.end - s.start).sum::<f64>() / others.len() as f64
        };
        Some(Phases {
            before: first_start,
            body: others_end - first_start,
            gap: (last.start - others_end).max(0.0),
            last: last.end - last.start,
            after: (self.total - last.end).max(0.0),
            mean_chunk,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(index: usize, start: f64, end: f64) -> Span {
        Span { index, start, end }
    }

    #[test]
    fn splits_an_upload_into_phases() {
        let t = Timing {
            total: 10.0,
            chunks: vec![
                span(0, 1.0, 3.0),
                span(1, 1.0, 4.0),
                span(2, 3.0, 6.0),
                span(3, 6.5, 8.0),
            ],
        };
        let p = t.phases().expect("phases");
        assert_eq!(p.before, 1.0);
        assert_eq!(p.body, 5.0);
        assert_eq!(p.gap, 0.5);
        assert_eq!(p.last, 1.5);
        assert_eq!(p.after, 2.0);
        assert!((p.mean_chunk - 8.0 / 3.0).abs() < 1e-9);
        assert!(Timing::default().phases().is_none());
    }
}
