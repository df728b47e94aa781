//! Fault injection for chunk requests (`--chunk-faults <percent>`, test-only, off by default).
//!
//! With that probability a chunk request misbehaves in one of three ways, chosen half "fail" and
//! half "drop" (the drop split evenly between after and mid body):
//! - **fail**: the chunk is stored, then the answer is the envelope `{"code": -1}` (HTTP 200), the
//!   code the contract tells uploaders to retry;
//! - **drop after body**: the chunk is stored, then the connection closes without an answer;
//! - **drop mid body**: half the chunk is written, then the connection closes without an answer.
//!
//! A faulted request never completes an upload, so a retry of the last chunk still finds its
//! session; stored or half-stored bytes are the very bytes the retry writes again.

use axum::body::Body;
use axum::response::Response;
use cloudreve_api::Code;
use rand::Rng;

use crate::error::AppError;

/// What to do to one chunk request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Behave.
    None,
    /// Store the chunk, answer code -1.
    Fail,
    /// Store the chunk, close the connection without an answer.
    DropAfterBody,
    /// Write half the chunk, close the connection without an answer.
    DropMidBody,
}

/// Picks the fault of one request: none with probability `100 - percent` %.
pub fn roll(percent: u8) -> Fault {
    if percent == 0 {
        return Fault::None;
    }
    let mut rng = rand::thread_rng();
    if rng.gen_range(0..100u32) >= u32::from(percent) {
        return Fault::None;
    }
    match rng.gen_range(0..4u8) {
        0 | 1 => Fault::Fail,
        2 => Fault::DropAfterBody,
        _ => Fault::DropMidBody,
    }
}

/// The answer of [`Fault::Fail`].
pub fn failure() -> AppError {
    AppError::code(Code::NotSet, "Injected fault: please retry")
}

/// A response whose body fails before its first byte: hyper then closes the connection without
/// flushing the status line, so the client sees a network error and no answer.
pub fn dropped() -> Response {
    let broken = futures_util::stream::once(async {
        Err::<axum::body::Bytes, _>(std::io::Error::other("injected fault: connection dropped"))
    });
    Response::new(Body::from_stream(broken))
}
