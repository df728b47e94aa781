//! Seeds a data dir for the browser benchmark (`cargo xtask bench`): one user whose root holds a
//! folder `big-<N>` of N empty files for each N given. The normal `refserver` binary then serves it.
//!
//! usage: `seed_bench DATA_DIR EMAIL PASSWORD N...`

use std::time::Instant;

use anyhow::{bail, Context};

const USAGE: &str = "usage: seed_bench DATA_DIR EMAIL PASSWORD N...";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, email, password, sizes @ ..] = args.as_slice() else {
        bail!(USAGE);
    };
    let sizes = sizes
        .iter()
        .map(|n| {
            n.parse::<usize>()
                .with_context(|| format!("{n:?}\n{USAGE}"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let start = Instant::now();
    let (state, _) = refserver::seed::prepare(refserver::Config::new(dir))?;
    let user = refserver::seed::add_user(&state, email, password, None)?;
    for n in &sizes {
        refserver::seed::add_big_folder(&state, user, &format!("big-{n}"), *n)?;
    }
    println!(
        "seeded {email} with folders of {sizes:?} files in {:.2?}",
        start.elapsed()
    );
    Ok(())
}
