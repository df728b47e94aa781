//! A page on another loopback origin that embeds the share viewer in an iframe and records the
//! height messages it posts, as a blog embedding a share would.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves one HTML page framing `src`; returns the page's URL.
pub async fn start(src: &str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind embed host");
    let port = listener.local_addr().expect("addr").port();
    let page = format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0;font-family:sans-serif">
<h1 style="font-size:16px;margin:8px">A blog post with a share</h1>
<iframe id="share" src="{src}" style="width:600px;height:300px;border:1px solid #888" title="Shared files"></iframe>
<script>
window.__messages = [];
window.addEventListener('message', (e) => {{
  window.__messages.push({{ origin: e.origin, data: e.data }});
  if (e.data && e.data.type === 'cloudreve-embed:height') {{
    document.getElementById('share').style.height = e.data.height + 'px';
  }}
}});
</script></body></html>"#
    );
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let page = page.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    page.len()
                );
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(page.as_bytes()).await;
            });
        }
    });
    format!("http://127.0.0.1:{port}/")
}
