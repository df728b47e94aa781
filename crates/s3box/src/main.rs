//! `s3box --dir D [--port P]`: serves directory D as an S3 endpoint until Ctrl-C.

use std::net::{Ipv4Addr, SocketAddr};

use anyhow::{bail, Context as _};
use s3box::S3BoxConfig;

const USAGE: &str = "usage: s3box --dir DIR [--port PORT] [--bind ADDR] [--access-key KEY] \
                     [--secret-key SECRET] [--bucket NAME] [--min-part-size BYTES]\n\
                     defaults: port 9000 on 127.0.0.1, key s3box / s3box-secret, bucket cloudreve, \
                     min part size 5 MiB";

fn parse(args: impl Iterator<Item = String>) -> anyhow::Result<S3BoxConfig> {
    let mut cfg = S3BoxConfig::new("", "s3box", "s3box-secret", "cloudreve");
    cfg.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, 9000));
    let mut dir = None;
    let mut args = args.peekable();
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            std::process::exit(0);
        }
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--dir" => dir = Some(value),
            "--port" => cfg.bind.set_port(value.parse().context("--port")?),
            "--bind" => cfg.bind = value.parse().context("--bind")?,
            "--access-key" => cfg.access_key = value,
            "--secret-key" => cfg.secret_key = value,
            "--bucket" => cfg.bucket = value,
            "--min-part-size" => cfg.min_part_size = value.parse().context("--min-part-size")?,
            _ => bail!("unknown option {flag}\n{USAGE}"),
        }
    }
    cfg.root_dir = dir
        .with_context(|| format!("--dir is required\n{USAGE}"))?
        .into();
    Ok(cfg)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cfg = parse(std::env::args().skip(1))?;
    let (key, secret, bucket) = (
        cfg.access_key.clone(),
        cfg.secret_key.clone(),
        cfg.bucket.clone(),
    );
    let root = cfg.root_dir.clone();
    let server = s3box::start(cfg).await?;
    println!(
        "s3box: {} (path style, bucket {bucket:?}, key {key} / {secret}) serving {}",
        server.endpoint(),
        root.display()
    );
    tokio::signal::ctrl_c().await?;
    server.stop().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> impl Iterator<Item = String> + '_ {
        s.split_whitespace().map(str::to_string)
    }

    #[test]
    fn options_are_read() {
        let cfg = parse(args("--dir /d --port 9100 --bucket b --min-part-size 1")).expect("valid");
        assert_eq!(cfg.root_dir, std::path::PathBuf::from("/d"));
        assert_eq!(cfg.bind.to_string(), "127.0.0.1:9100");
        assert_eq!((cfg.bucket.as_str(), cfg.min_part_size), ("b", 1));
        assert_eq!(cfg.access_key, "s3box");
        let cfg = parse(args(
            "--bind 0.0.0.0:1 --dir x --access-key k --secret-key s",
        ))
        .expect("valid");
        assert_eq!(
            (
                cfg.bind.port(),
                cfg.access_key.as_str(),
                cfg.secret_key.as_str()
            ),
            (1, "k", "s")
        );
    }

    #[test]
    fn mistakes_are_reported() {
        assert!(parse(args("--port 1")).is_err(), "no --dir");
        assert!(parse(args("--dir")).is_err(), "no value");
        assert!(parse(args("--dir d --port x")).is_err(), "bad port");
        assert!(
            parse(args("--dir d --colour red")).is_err(),
            "unknown option"
        );
    }
}
