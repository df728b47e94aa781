//! Benchmark: how fast the reference server lists a 2,000-item folder over HTTP (cursor pages).
//!
//! Run with `cargo xtask bench`. Prints the median and p95 of full-folder listings in one page of
//! 2,000 and in pages of 100, plus a folder creation rate, all on loopback.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ITEMS: usize = 2000;
const ROUNDS: usize = 30;

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut config = refserver::Config::new(dir.path());
    config.bind = "127.0.0.1:0".parse()?;
    config.admin_password = Some("bench-password".into());
    let server = refserver::start(config).await?;
    let base = format!("{}/api/v4", server.url());
    let http = reqwest::Client::new();
    let login: Value = http
        .post(format!("{base}/session/token"))
        .json(&json!({"email": refserver::config::ADMIN_EMAIL, "password": "bench-password"}))
        .send()
        .await?
        .json()
        .await?;
    let auth = format!(
        "Bearer {}",
        login["data"]["token"]["access_token"]
            .as_str()
            .unwrap_or_default()
    );

    let start = Instant::now();
    for i in 0..ITEMS {
        let kind = if i % 10 == 0 { "folder" } else { "file" };
        let body = json!({"uri": format!("cloudreve://my/big/item-{i:05}"), "type": kind});
        let r: Value = http
            .post(format!("{base}/file/create"))
            .header("Authorization", &auth)
            .json(&body)
            .send()
            .await?
            .json()
            .await?;
        anyhow::ensure!(r["code"] == 0, "create failed: {r}");
    }
    let created = start.elapsed();
    println!(
        "created {ITEMS} items in {created:.2?} ({:.0} per second)",
        ITEMS as f64 / created.as_secs_f64()
    );

    for page_size in [2000usize, 100] {
        let mut samples = Vec::new();
        for _ in 0..ROUNDS {
            let t = Instant::now();
            let (mut seen, mut token) = (0, String::new());
            loop {
                let mut q = vec![
                    ("uri", "cloudreve://my/big".to_string()),
                    ("page_size", page_size.to_string()),
                    ("order_by", "name".into()),
                ];
                if !token.is_empty() {
                    q.push(("next_page_token", token.clone()));
                }
                let r: Value = http
                    .get(format!("{base}/file"))
                    .query(&q)
                    .header("Authorization", &auth)
                    .send()
                    .await?
                    .json()
                    .await?;
                seen += r["data"]["files"].as_array().map_or(0, Vec::len);
                match r["data"]["pagination"]["next_token"].as_str() {
                    Some(n) => token = n.to_string(),
                    None => break,
                }
            }
            anyhow::ensure!(seen == ITEMS, "listed {seen} of {ITEMS}");
            samples.push(t.elapsed());
        }
        println!(
            "list {ITEMS} items, pages of {page_size}: median {:.2?}, p95 {:.2?} ({ROUNDS} rounds)",
            percentile(&mut samples, 0.5),
            percentile(&mut samples, 0.95)
        );
    }
    Ok(())
}
