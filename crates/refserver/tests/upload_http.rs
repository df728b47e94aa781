//! Uploads over a real socket: sessions survive a restart, expired ones are swept at start and
//! while running, and with injected chunk faults a retrying client still gets identical files.

mod common;

use std::time::Duration;

use common::upload::*;
use common::*;
use refserver::{AppState, Config};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn config(dir: &std::path::Path, f: impl FnOnce(&mut Config)) -> Config {
    let mut c = Config::new(dir);
    c.bind = "127.0.0.1:0".parse().expect("addr");
    c.admin_password = Some(ADMIN_PASSWORD.into());
    c.test_hooks = true;
    f(&mut c);
    c
}

/// What one chunk request over HTTP came to.
enum Outcome {
    Done,
    /// Code -1: retry.
    Failed,
    /// No answer at all: retry.
    Dropped,
}

/// Sends one chunk (its slice of `data`) to `base` with reqwest.
async fn send(
    client: &reqwest::Client,
    base: &str,
    t: &str,
    cred: &Value,
    index: usize,
    data: &[u8],
) -> Outcome {
    let size = cred["chunk_size"].as_u64().expect("chunk size") as usize;
    let slice = data[(index * size).min(data.len())..((index + 1) * size).min(data.len())].to_vec();
    let sid = cred["session_id"].as_str().expect("sid");
    let sent = client
        .post(format!("{base}/api/v4/file/upload/{sid}/{index}"))
        .bearer_auth(t)
        .header("Content-Type", "application/octet-stream")
        .body(slice)
        .send()
        .await;
    let answer = match sent {
        Ok(res) => res.json::<Value>().await,
        Err(_) => return Outcome::Dropped,
    };
    match answer {
        Err(_) => Outcome::Dropped,
        Ok(r) if r["code"] == 0 => Outcome::Done,
        Ok(r) if r["code"] == -1 => Outcome::Failed,
        Ok(r) => panic!("chunk {index}: not retryable: {r}"),
    }
}

/// Sends a chunk until it succeeds, as the contract's uploader does; returns the faults met.
async fn send_until_done(
    client: reqwest::Client,
    base: String,
    t: String,
    cred: Value,
    index: usize,
    data: std::sync::Arc<Vec<u8>>,
) -> (u32, u32) {
    let (mut failed, mut dropped) = (0, 0);
    for _ in 0..50 {
        match send(&client, &base, &t, &cred, index, &data).await {
            Outcome::Done => return (failed, dropped),
            Outcome::Failed => failed += 1,
            Outcome::Dropped => dropped += 1,
        }
    }
    panic!("chunk {index} never went through");
}

async fn signed_in(s: &AppState) -> String {
    new_user(s, "bob@example.org").await.1
}

#[tokio::test]
async fn a_session_survives_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let server = refserver::start(config(dir.path(), |_| {}))
        .await
        .expect("server");
    let t = signed_in(&server.state).await;
    small_chunks(&server.state, &t, 1000).await;
    let data = pattern(3500, 21);
    let cred = open(&server.state, &t, "cloudreve://my/kept.bin", data.len()).await;
    let client = reqwest::Client::new();
    for i in 0..2 {
        assert!(matches!(
            send(&client, &server.url(), &t, &cred, i, &data).await,
            Outcome::Done
        ));
    }
    drop(server);

    let server = refserver::start(config(dir.path(), |_| {}))
        .await
        .expect("restarted");
    let listing = list(&server.state, &t, "cloudreve://my", "").await;
    assert_eq!(
        listing["data"]["files"][0]["metadata"]["sys:upload_session_id"],
        cred["session_id"]
    );
    let client = reqwest::Client::new();
    for i in 2..4 {
        assert!(matches!(
            send(&client, &server.url(), &t, &cred, i, &data).await,
            Outcome::Done
        ));
    }
    let back = download(&server.state, &t, "cloudreve://my/kept.bin").await;
    assert_eq!(sha256(&back), sha256(&data));
}

#[tokio::test]
async fn expired_sessions_are_swept_at_start_and_while_running() {
    let dir = tempfile::tempdir().expect("dir");
    let fast = |c: &mut Config| c.upload_sweep_interval = Duration::from_millis(100);
    let server = refserver::start(config(dir.path(), fast))
        .await
        .expect("server");
    let (s, t) = (server.state.clone(), signed_in(&server.state).await);
    let cred = open(&s, &t, "cloudreve://my/running.bin", 10).await;
    let expire = |c: &Value| json!({"session_id": c["session_id"]});
    assert_eq!(
        post(&s, &t, "/test/expire_upload", expire(&cred)).await["code"],
        0
    );
    let mut swept = false;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if names(&list(&s, &t, "cloudreve://my", "").await).is_empty() {
            swept = true;
            break;
        }
    }
    assert!(swept, "the running sweeper removed the placeholder");
    drop((server, s));

    // Expired while the server was down: gone before the first request.
    let slow = |c: &mut Config| c.upload_sweep_interval = Duration::from_secs(3600);
    let server = refserver::start(config(dir.path(), slow))
        .await
        .expect("server");
    let cred = open(&server.state, &t, "cloudreve://my/down.bin", 10).await;
    let sid = cred["session_id"].as_str().expect("sid").to_string();
    let r = post(&server.state, &t, "/test/expire_upload", expire(&cred)).await;
    assert_eq!(r["code"], 0);
    drop(server);
    let server = refserver::start(config(dir.path(), slow))
        .await
        .expect("server");
    assert!(names(&list(&server.state, &t, "cloudreve://my", "").await).is_empty());
    assert!(!part_file(&server.state, &sid).exists());
}

#[tokio::test]
async fn with_chunk_faults_a_retrying_client_still_uploads_identical_files() {
    let (server, _d) = spawn(|c| {
        c.test_hooks = true;
        c.chunk_faults = 10;
    })
    .await;
    let (s, t) = (server.state.clone(), signed_in(&server.state).await);
    small_chunks(&s, &t, 1024).await;
    let client = reqwest::Client::new();
    let (mut failed, mut dropped) = (0, 0);
    for n in 0..5 {
        let data = std::sync::Arc::new(pattern(20 * 1024 + n * 333, n as u64));
        let uri = format!("cloudreve://my/f{n}.bin");
        let cred = open(&s, &t, &uri, data.len()).await;
        let count = chunk_count(&cred, &data);
        // All but the last, three at a time (the policy's chunk_concurrency); then the last.
        let firsts: Vec<usize> = (0..count - 1).collect();
        for batch in firsts.chunks(3) {
            let mut set = tokio::task::JoinSet::new();
            for &i in batch {
                let args = (client.clone(), server.url(), t.clone(), cred.clone());
                set.spawn(send_until_done(
                    args.0,
                    args.1,
                    args.2,
                    args.3,
                    i,
                    data.clone(),
                ));
            }
            while let Some(faults) = set.join_next().await {
                let (f, d) = faults.expect("chunk task");
                (failed, dropped) = (failed + f, dropped + d);
            }
        }
        let args = (client.clone(), server.url(), t.clone(), cred.clone());
        let (f, d) = send_until_done(args.0, args.1, args.2, args.3, count - 1, data.clone()).await;
        (failed, dropped) = (failed + f, dropped + d);
        let back = download(&s, &t, &uri).await;
        assert_eq!(sha256(&back), sha256(&data), "{uri}");
    }
    assert!(failed + dropped > 0, "some faults were injected");
}

/// A dropped chunk gets no status line at all; a failed one a whole answer with code -1.
#[tokio::test]
async fn a_dropped_chunk_gets_no_answer_at_all() {
    let (server, _d) = spawn(|c| {
        c.test_hooks = true;
        c.chunk_faults = 100;
    })
    .await;
    let (s, t) = (server.state.clone(), signed_in(&server.state).await);
    small_chunks(&s, &t, 1000).await;
    let cred = open(&s, &t, "cloudreve://my/x.bin", 3500).await;
    let sid = cred["session_id"].as_str().expect("sid");
    let (mut failed, mut dropped) = (0, 0);
    for _ in 0..24 {
        let mut sock = tokio::net::TcpStream::connect(server.addr)
            .await
            .expect("connect");
        let head = format!(
            "POST /api/v4/file/upload/{sid}/0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {t}\r\n\
             Content-Type: application/octet-stream\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n"
        );
        // Writes may fail once the server has closed mid-body.
        let _ = sock.write_all(head.as_bytes()).await;
        let _ = sock.write_all(&[7u8; 1000]).await;
        let mut answer = Vec::new();
        let _ = sock.read_to_end(&mut answer).await;
        let text = String::from_utf8_lossy(&answer);
        if answer.is_empty() {
            dropped += 1;
        } else {
            assert!(text.starts_with("HTTP/1.1 200"), "{text}");
            assert!(text.contains("\"code\":-1"), "{text}");
            failed += 1;
        }
    }
    assert!(
        failed > 0 && dropped > 0,
        "failed {failed}, dropped {dropped}"
    );
}
