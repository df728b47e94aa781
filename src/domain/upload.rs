//! The upload engine's logic, free of the browser so it is tested natively: how a file is cut into
//! chunks, what a storage policy allows, how name conflicts are resolved, which request to make next
//! (concurrency, order, retries with back-off, pause and resume), and what is kept to resume after a
//! reload. The web layer (`crate::uploads`) only performs the actions this engine asks for.

pub mod backoff;
pub mod chunk_plan;
pub mod conflict_names;
pub mod engine;
pub mod policy_check;
pub mod protocol;
pub mod resume;
pub mod s3_xml;
pub mod speed;
pub mod task;
pub mod task_list;
