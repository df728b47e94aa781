//! A tiny WOPI client for the browser tests: it answers the form the app posts into its iframe by
//! calling CheckFileInfo on the reference server itself (server to server, as Collabora or
//! OnlyOffice would) and showing the document's name. It records what it was sent, so a test can
//! check that the access token came in the POST body and never in a URL.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One request the client received from the browser.
#[derive(Debug, Clone)]
pub struct Received {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The request target: path and query.
    pub target: String,
    /// The `access_token` form field, if the body had one.
    pub form_token: Option<String>,
}

/// A running fake client.
pub struct FakeWopi {
    /// Its action URL, with the placeholders Cloudreve leaves for the web app.
    pub action: String,
    /// What it received so far.
    pub received: Arc<Mutex<Vec<Received>>>,
}

impl FakeWopi {
    /// Listens on a free loopback port.
    pub async fn start() -> FakeWopi {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind fake WOPI client");
        let port = listener.local_addr().expect("addr").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = received.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let log = log.clone();
                tokio::spawn(async move {
                    if let Err(e) = answer(socket, &log).await {
                        eprintln!("fake WOPI client: {e}");
                    }
                });
            }
        });
        FakeWopi {
            action: format!("http://127.0.0.1:{port}/hosting/edit?WOPISrc=&ui=lng&thm=darkmode"),
            received,
        }
    }

    /// A copy of what it received.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

/// Reads one HTTP/1.1 request: request line, headers (for `Content-Length`), body.
async fn read_request(socket: &mut TcpStream) -> std::io::Result<(String, String, Vec<u8>)> {
    let mut reader = BufReader::new(socket);
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let mut parts = line.split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default().to_string(),
        parts.next().unwrap_or_default().to_string(),
    );
    let mut length = 0;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).await? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    Ok((method, target, body))
}

async fn answer(mut socket: TcpStream, log: &Mutex<Vec<Received>>) -> std::io::Result<()> {
    let (method, target, body) = read_request(&mut socket).await?;
    let form_token = url::form_urlencoded::parse(&body)
        .find(|(k, _)| k == "access_token")
        .map(|(_, v)| v.into_owned());
    let query = target.split_once('?').map_or("", |(_, q)| q);
    let wopi_src = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "WOPISrc")
        .map(|(_, v)| v.into_owned());
    if let Ok(mut l) = log.lock() {
        l.push(Received {
            method: method.clone(),
            target,
            form_token: form_token.clone(),
        });
    }
    let shown = match (method.as_str(), wopi_src, form_token) {
        ("POST", Some(src), Some(token)) => match check_file_info(&src, &token).await {
            Ok(info) => info["BaseFileName"]
                .as_str()
                .unwrap_or("(no BaseFileName)")
                .to_string(),
            Err(e) => format!("CheckFileInfo failed: {e}"),
        },
        _ => "no WOPISrc or access_token".to_string(),
    };
    let shown = shown.replace('&', "&amp;").replace('<', "&lt;");
    let html = format!(
        "<!doctype html><meta charset=utf-8><title>Fake Office</title><h1 id=document>{shown}</h1>"
    );
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        html.len()
    );
    socket.write_all(head.as_bytes()).await?;
    socket.write_all(html.as_bytes()).await?;
    socket.shutdown().await
}

/// `GET <WOPISrc>?access_token=...` over plain HTTP/1.1: the JSON answer, or why there is none.
async fn check_file_info(wopi_src: &str, token: &str) -> Result<serde_json::Value, String> {
    let src = url::Url::parse(wopi_src).map_err(|e| e.to_string())?;
    let host = src.host_str().ok_or("no host")?;
    let port = src.port_or_known_default().ok_or("no port")?;
    let mut stream = TcpStream::connect((host, port))
        .await
        .map_err(|e| e.to_string())?;
    let token: String = url::form_urlencoded::byte_serialize(token.as_bytes()).collect();
    let request = format!(
        "GET {}?access_token={token} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n",
        src.path()
    );
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .await
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&answer);
    let (head, body) = text.split_once("\r\n\r\n").ok_or("no header end")?;
    if !head.starts_with("HTTP/1.1 200") {
        return Err(head.lines().next().unwrap_or_default().to_string());
    }
    serde_json::from_str(body).map_err(|e| e.to_string())
}
