//! The few API calls the upload benchmark makes outside the browser, each one `curl` process (the
//! baseline uses curl anyway, and xtask needs no HTTP client for it): sign in, open an upload
//! session, send a chunk, delete a file.

use std::path::Path;
use std::process::Stdio;

use anyhow::{bail, Context};
use serde_json::{json, Value};
use tokio::process::Command;

/// A signed-in caller of the server at `base`.
pub struct Api {
    base: String,
    token: String,
}

/// An open upload session, as `PUT /file/upload` described it.
#[derive(Debug, Clone)]
pub struct UploadSession {
    /// The session id.
    pub id: String,
    /// Bytes per chunk.
    pub chunk_size: u64,
    /// Chunks of one file the policy lets a client send at once.
    pub concurrency: usize,
}

/// The `data` of a Cloudreve envelope, or an error naming `what` and the answer.
pub fn data_of(what: &str, stdout: &[u8]) -> anyhow::Result<Value> {
    let text = String::from_utf8_lossy(stdout);
    let v: Value =
        serde_json::from_str(&text).with_context(|| format!("{what} answered {text:.200}"))?;
    if v["code"] != json!(0) {
        bail!("{what} answered {v}");
    }
    Ok(v["data"].clone())
}

async fn run(what: &str, c: &mut Command) -> anyhow::Result<Vec<u8>> {
    let out = c
        .stdin(Stdio::null())
        .output()
        .await
        .with_context(|| format!("{what}: starting curl"))?;
    if !out.status.success() {
        bail!(
            "{what}: curl failed with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}

fn curl() -> Command {
    let mut c = Command::new("curl");
    c.args(["--silent", "--show-error"]).kill_on_drop(true);
    c
}

impl Api {
    /// Signs in with `POST /session/token`.
    pub async fn sign_in(base: &str, email: &str, password: &str) -> anyhow::Result<Api> {
        let body = json!({ "email": email, "password": password }).to_string();
        let out = run(
            "sign-in",
            curl()
                .args(["-X", "POST", "-H", "Content-Type: application/json"])
                .args(["--data-raw", &body])
                .arg(format!("{base}/api/v4/session/token")),
        )
        .await?;
        let data = data_of("POST /session/token", &out)?;
        let token = data["token"]["access_token"]
            .as_str()
            .context("the sign-in answer has no access token")?;
        Ok(Api {
            base: base.to_string(),
            token: token.to_string(),
        })
    }

    /// `Authorization: Bearer …`.
    pub fn auth(&self) -> String {
        format!("Authorization: Bearer {}", self.token)
    }

    async fn call(&self, method: &str, path: &str, body: Option<Value>) -> anyhow::Result<Value> {
        let what = format!("{method} {}", path.split('?').next().unwrap_or(path));
        let mut c = curl();
        c.args(["-X", method, "-H", &self.auth()]);
        if let Some(body) = body {
            c.args(["-H", "Content-Type: application/json", "--data-raw"])
                .arg(body.to_string());
        }
        let out = run(&what, c.arg(format!("{}/api/v4{path}", self.base))).await?;
        data_of(&what, &out)
    }

    /// Opens a session for a new file `uri` of `size` bytes in the root folder's policy.
    pub async fn open(&self, uri: &str, size: u64) -> anyhow::Result<UploadSession> {
        let root = self
            .call(
                "GET",
                "/file?page_size=50&uri=cloudreve%3A%2F%2Fmy%2F",
                None,
            )
            .await?;
        let policy = root["storage_policy"]["id"]
            .as_str()
            .context("the root listing names no storage policy")?;
        let body = json!({ "uri": uri, "size": size, "policy_id": policy });
        let data = self.call("PUT", "/file/upload", Some(body)).await?;
        Ok(UploadSession {
            id: data["session_id"]
                .as_str()
                .context("no session_id")?
                .to_string(),
            chunk_size: data["chunk_size"].as_u64().context("no chunk_size")?,
            concurrency: data["storage_policy"]["chunk_concurrency"]
                .as_u64()
                .unwrap_or(1)
                .max(1) as usize,
        })
    }

    /// The chunk size and chunk concurrency of the root folder's policy, from a session opened
    /// for a 1-byte file and cancelled at once.
    pub async fn root_policy(&self) -> anyhow::Result<(u64, usize)> {
        let uri = "cloudreve://my/bench-policy-probe.bin";
        let session = self.open(uri, 1).await?;
        let body = json!({ "id": session.id, "uri": uri });
        self.call("DELETE", "/file/upload", Some(body)).await?;
        Ok((session.chunk_size, session.concurrency))
    }

    /// The curl command sending chunk `index` of `session` from the file `chunk` (its whole
    /// content): streamed from disk with its `Content-Length`, as a browser sends a `Blob`, and
    /// without `Expect: 100-continue`, which browsers do not send either.
    pub fn chunk_command(&self, session: &UploadSession, index: usize, chunk: &Path) -> Command {
        let mut c = curl();
        c.args(["-X", "POST", "-H", &self.auth()])
            .args([
                "-H",
                "Content-Type: application/octet-stream",
                "-H",
                "Expect:",
            ])
            .arg("--upload-file")
            .arg(chunk)
            .arg(format!(
                "{}/api/v4/file/upload/{}/{index}",
                self.base, session.id
            ))
            .stdin(Stdio::null());
        c
    }

    /// Deletes `uri` for good (not to the trash), so that its bytes leave the quota and the disk.
    pub async fn delete(&self, uri: &str) -> anyhow::Result<()> {
        let body = json!({ "uris": [uri], "skip_soft_delete": true });
        self.call("DELETE", "/file", Some(body)).await.map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::data_of;
    use serde_json::json;

    #[test]
    fn reads_the_envelope() {
        assert_eq!(
            data_of("x", br#"{"code":0,"data":{"a":1},"msg":""}"#).ok(),
            Some(json!({ "a": 1 }))
        );
        assert!(data_of("x", br#"{"code":40004,"msg":"Object existed"}"#).is_err());
        assert!(data_of("x", b"<html>").is_err());
    }
}
