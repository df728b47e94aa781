//! Prints where the reference server keeps the bytes of a user's file: the upload benchmark
//! (`cargo xtask bench --upload`) hashes that blob to check an upload. Reads the data dir's database
//! beside a running server (SQLite in WAL mode), through the server's own store code.
//!
//! usage: `bench_blob DATA_DIR EMAIL PATH` (PATH inside the user's files, e.g. `a/b.bin`). Fails
//! when the file is missing or still an upload placeholder.

use std::path::Path;

use anyhow::{bail, Context};
use refserver::db::Db;
use refserver::store::{files, metadata, uploads, users};

const USAGE: &str = "usage: bench_blob DATA_DIR EMAIL PATH";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, email, path] = args.as_slice() else {
        bail!(USAGE);
    };
    let dir = Path::new(dir);
    let db = Db::open(&dir.join("cloudreve.db"))?;
    let segments: Vec<String> = path.split('/').map(str::to_string).collect();
    let blob = db.with(|c| -> anyhow::Result<Option<String>> {
        let user = users::by_email(c, email)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .with_context(|| format!("no user {email}"))?;
        let file = files::resolve(c, user.id, &segments, 0)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .with_context(|| format!("{email} has no file {path}"))?;
        let meta = metadata::all(c, file.id).map_err(|e| anyhow::anyhow!("{e}"))?;
        if meta.contains_key(uploads::UPLOAD_SESSION_ID) {
            bail!("{path} is still being uploaded");
        }
        Ok(file.blob)
    })?;
    match blob {
        Some(b) => println!("{}", dir.join("blobs").join(b).display()),
        // An empty file has no blob.
        None => println!("/dev/null"),
    }
    Ok(())
}
