//! A share as its visitors see it: the header with owner and counters, the password prompt, the
//! pages for shares that cannot be opened, and the frames around the explorer (no account needed,
//! or inside another site's iframe).

pub mod embed_frame;
pub mod share_frame;
pub mod share_header;
pub mod share_problem;
pub mod share_readme;
pub mod single_file_card;
