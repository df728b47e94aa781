//! App-wide services provided through context.

pub mod session;
pub mod theme;
