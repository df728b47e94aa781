//! `refserver`: parse flags, start the server, print where it is and how to sign in.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};
use refserver::Config;

const USAGE: &str =
    "usage: refserver [--bind ADDR] [--data-dir DIR] [--dist DIR] [--demo] [--admin-password PW]
                 [--access-ttl SECS] [--refresh-ttl SECS] [--login-captcha] [--offset-pagination]
                 [--upload-ttl SECS] [--test-hooks] [--chunk-faults PERCENT]
                 [--max-edit-size BYTES] [--wopi-viewer 'NAME|EXTS|ACTION_URL']...
                 [--embed-origin ORIGIN]... [--anonymous-zip on|off]
  --upload-ttl   lifetime of an upload session (default 86400)
  --max-edit-size largest file the editors save and WOPI apps open (default 52428800)
  --wopi-viewer  offer a WOPI app (repeatable) for comma-separated EXTS; ACTION_URL is the app's
                 action URL (WOPISrc is appended or filled in, `lng`/`darkmode` are left for the
                 client), e.g. 'Collabora|docx,xlsx|http://127.0.0.1:9980/browser/x/cool.html?lang=lng'
  --embed-origin a site allowed to show the share viewer (/embed/s/...) in an iframe, e.g.
                 https://blog.example.com (repeatable); without it any site may. Every other page
                 refuses to be framed.
  --anonymous-zip whether visitors without an account may download a share as one zip (the
                 anonymous group's archive_download; off on a new site, as in Cloudreve)

  --test-hooks   serve test-only routes (never in production), each for the signed-in caller:
                 POST /api/v4/test/lock {\"uri\": \"cloudreve://my/a.txt\", \"app\"?: \"viewer\", \"ttl\"?: SECS}
                   locks an item; data = {\"token\": ..., \"expires\": UNIX_S}
                 POST /api/v4/test/policy {\"id\"?, \"name\"?, \"type\"?, \"chunk_size\"?, \"max_size\"?,
                   \"allowed_suffix\"?: [..], \"denied_suffix\"?: [..], \"allowed_name_regexp\"?,
                   \"denied_name_regexp\"?, \"chunk_concurrency\"?, \"relay\"?, \"settings\"?: {..},
                   \"group\"?: GROUP_ID}
                   creates (or updates) a storage policy; data = {\"id\": POLICY_ID}; type \"s3\" takes
                   \"settings\": {\"endpoint\": \"http://127.0.0.1:9000\", \"bucket\", \"access_key\",
                   \"secret_key\", \"region\"?, \"path_style\"?} (s3box: `cargo run -p s3box -- --dir D`)
                 POST /api/v4/test/mount {\"uri\": \"cloudreve://my/dir\", \"policy_id\": POLICY_ID | null}
                   mounts a policy on a folder
                 POST /api/v4/test/expire_upload {\"session_id\": ...}
                   makes an upload session expire now
  --chunk-faults make PERCENT of upload chunk requests fail (envelope code -1) or drop the
                 connection without an answer, half and half, to test clients' retries
env: CR_BIND, CR_DATA_DIR, CR_DIST";

fn parse_args() -> anyhow::Result<Config> {
    let mut config = Config::new(std::env::var("CR_DATA_DIR").unwrap_or_else(|_| "data".into()));
    if let Ok(b) = std::env::var("CR_BIND") {
        config.bind = b.parse().context("CR_BIND")?;
    }
    config.dist_dir = std::env::var("CR_DIST").ok().map(PathBuf::from);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .with_context(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--bind" => config.bind = value()?.parse::<SocketAddr>().context("--bind")?,
            "--data-dir" => config.data_dir = value()?.into(),
            "--dist" => config.dist_dir = Some(value()?.into()),
            "--demo" => config.demo = true,
            "--admin-password" => config.admin_password = Some(value()?),
            "--access-ttl" => {
                config.access_ttl = Duration::from_secs(value()?.parse().context("--access-ttl")?)
            }
            "--refresh-ttl" => {
                config.refresh_ttl = Duration::from_secs(value()?.parse().context("--refresh-ttl")?)
            }
            "--login-captcha" => config.login_captcha = true,
            "--offset-pagination" => config.cursor_pagination = false,
            "--test-hooks" => config.test_hooks = true,
            "--upload-ttl" => {
                config.upload_session_ttl =
                    Duration::from_secs(value()?.parse().context("--upload-ttl")?)
            }
            "--max-edit-size" => {
                config.max_edit_size = value()?
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .context("--max-edit-size takes a positive number of bytes")?
            }
            "--wopi-viewer" => config.wopi_viewers.push(
                refserver::viewers::WopiViewer::parse(&value()?)
                    .map_err(|e| anyhow::anyhow!("--wopi-viewer: {e}"))?,
            ),
            "--embed-origin" => {
                let origin = value()?;
                anyhow::ensure!(
                    refserver::framing::valid_origin(&origin),
                    "--embed-origin takes an origin like https://example.com, got {origin:?}"
                );
                config.embed_origins.push(origin)
            }
            "--anonymous-zip" => {
                config.anonymous_zip = Some(match value()?.as_str() {
                    "on" => true,
                    "off" => false,
                    other => bail!("--anonymous-zip takes on or off, got {other:?}"),
                })
            }
            "--chunk-faults" => {
                config.chunk_faults = value()?
                    .parse()
                    .ok()
                    .filter(|p| *p <= 100)
                    .context("--chunk-faults takes a percentage, 0 to 100")?
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    Ok(config)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "refserver=info,warn".into()),
        )
        .init();
    let config = parse_args()?;
    let data_dir = config.data_dir.clone();
    let running = refserver::start(config).await?;
    println!("Cloudreve reference server listening on {}", running.url());
    match running
        .initial_admin
        .clone()
        .or_else(|| refserver::seed::saved_credentials(&data_dir))
    {
        Some(a) => println!("Sign in as {} with password {}", a.email, a.password),
        None => println!("Sign in with the admin account created on first start"),
    }
    tokio::select! {
        r = running.wait() => r,
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}
