//! [`S3Client`] for one bucket: its settings, and the requests the server sends it itself
//! (presigned URLs are in `presign.rs`).

use std::ops::Range;
use std::time::{Duration, SystemTime};

use axum::body::Bytes;
use reqwest::header::{HeaderMap, CONTENT_LENGTH, CONTENT_TYPE, ETAG};
use reqwest::{Method, StatusCode, Url};

use super::sigv4::{self, AmzTime, Credentials, Target};
use super::{xml, S3Error, S3Settings};

/// Connecting to the provider longer than this is a failure, not a slow answer.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Bound on one server-side request (they are small: metadata, thumbnail sources).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// Signs for and talks to one bucket.
#[derive(Debug, Clone)]
pub struct S3Client {
    settings: S3Settings,
    http: reqwest::Client,
    scheme: String,
    /// The endpoint's `Host` value: `host` or `host:port` (no port when it is the default).
    host: String,
}

/// What HeadObject tells about an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectInfo {
    /// Size in bytes.
    pub size: u64,
    /// The ETag, quotes included, as the provider sent it.
    pub etag: Option<String>,
    /// The stored content type.
    pub content_type: Option<String>,
}

impl S3Client {
    /// A client for `settings`; fails when the endpoint is not an `http(s)://host[:port]` URL or
    /// the bucket is empty.
    pub fn new(settings: S3Settings) -> Result<Self, S3Error> {
        let bad = |why: &str| S3Error::Config(format!("endpoint {:?}: {why}", settings.endpoint));
        let url = Url::parse(&settings.endpoint).map_err(|e| bad(&e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(bad("not http or https"));
        }
        if url.path() != "/" || url.query().is_some() {
            return Err(bad("must not have a path or query"));
        }
        let host = url.host_str().ok_or_else(|| bad("no host"))?;
        // `Url::port` is `None` for the scheme's default port, exactly when `Host` omits it.
        let host = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        };
        if settings.bucket.is_empty() {
            return Err(S3Error::Config("empty bucket name".into()));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .build()?;
        Ok(Self {
            scheme: url.scheme().to_string(),
            host,
            settings,
            http,
        })
    }

    /// The settings this client was made from.
    pub fn settings(&self) -> &S3Settings {
        &self.settings
    }

    pub(super) fn credentials(&self) -> Credentials<'_> {
        Credentials {
            access_key: &self.settings.access_key,
            secret_key: &self.settings.secret_key,
            region: &self.settings.region,
        }
    }

    /// `(Host, encoded path)` of `key` in the bucket.
    pub(super) fn location(&self, key: &str) -> (String, String) {
        if self.settings.path_style {
            (
                self.host.clone(),
                sigv4::encode_path(&[&self.settings.bucket, key]),
            )
        } else {
            (
                format!("{}.{}", self.settings.bucket, self.host),
                sigv4::encode_path(&[key]),
            )
        }
    }

    /// The URL of `path` on `host`, with the query string `qs` if not empty.
    pub(super) fn url(&self, host: &str, path: &str, qs: &str) -> String {
        if qs.is_empty() {
            format!("{}://{host}{path}", self.scheme)
        } else {
            format!("{}://{host}{path}?{qs}", self.scheme)
        }
    }

    /// Sends a header-signed request and turns a non-2xx answer into [`S3Error::Provider`].
    async fn send(
        &self,
        method: Method,
        key: &str,
        query: &[(&str, &str)],
        signed: &[(&str, &str)],
        content_type: Option<&str>,
        body: Bytes,
    ) -> Result<reqwest::Response, S3Error> {
        let (host, path) = self.location(key);
        let qs = sigv4::canonical_query(query);
        let time = AmzTime::at(SystemTime::now());
        let payload = sigv4::sha256_hex(&body);
        let target = Target {
            method: method.as_str(),
            host: &host,
            path: &path,
            query,
        };
        let auth = sigv4::authorization(&self.credentials(), &target, &time, &payload, signed);
        let url = self.url(&host, &path, &qs);
        let mut req = self
            .http
            .request(method, url)
            .header("authorization", auth)
            .header("x-amz-date", &time.stamp)
            .header("x-amz-content-sha256", payload);
        for (name, value) in signed {
            req = req.header(*name, *value);
        }
        if let Some(ct) = content_type {
            req = req.header(CONTENT_TYPE, ct);
        }
        let res = req.body(body).send().await?;
        if res.status().is_success() {
            return Ok(res);
        }
        let status = res.status();
        let text = res.text().await.unwrap_or_default();
        Err(provider_error(status, &text))
    }

    /// Starts a multipart upload of `key`; returns its upload id.
    pub async fn create_multipart_upload(
        &self,
        key: &str,
        content_type: Option<&str>,
    ) -> Result<String, S3Error> {
        let res = self
            .send(
                Method::POST,
                key,
                &[("uploads", "")],
                &[],
                content_type,
                Bytes::new(),
            )
            .await?;
        let doc = res.text().await?;
        match xml::element_text(&doc, "UploadId") {
            Some(id) if !id.is_empty() => Ok(id),
            _ => Err(S3Error::Decode(format!("no UploadId in {doc:?}"))),
        }
    }

    /// Abandons a multipart upload, freeing its parts (`NoSuchUpload` if it is gone).
    pub async fn abort_multipart_upload(&self, key: &str, upload_id: &str) -> Result<(), S3Error> {
        self.send(
            Method::DELETE,
            key,
            &[("uploadId", upload_id)],
            &[],
            None,
            Bytes::new(),
        )
        .await?;
        Ok(())
    }

    /// The object's size and metadata, or `None` when there is no such object.
    pub async fn head_object(&self, key: &str) -> Result<Option<ObjectInfo>, S3Error> {
        let res = match self
            .send(Method::HEAD, key, &[], &[], None, Bytes::new())
            .await
        {
            Ok(res) => res,
            Err(S3Error::Provider { status: 404, .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let headers = res.headers();
        // A HEAD answer has no body, so its length is only in the header.
        let size = header(headers, CONTENT_LENGTH.as_str())
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| S3Error::Decode("HeadObject without Content-Length".into()))?;
        Ok(Some(ObjectInfo {
            size,
            etag: header(headers, ETAG.as_str()),
            content_type: header(headers, CONTENT_TYPE.as_str()),
        }))
    }

    /// The object's bytes, or those in `range` (end exclusive; cut at the object's end).
    pub async fn get_object(&self, key: &str, range: Option<Range<u64>>) -> Result<Bytes, S3Error> {
        let spec;
        let mut signed = Vec::new();
        if let Some(r) = range {
            if r.is_empty() {
                return Ok(Bytes::new());
            }
            spec = format!("bytes={}-{}", r.start, r.end - 1);
            signed.push(("range", spec.as_str()));
        }
        let res = self
            .send(Method::GET, key, &[], &signed, None, Bytes::new())
            .await?;
        Ok(res.bytes().await?)
    }

    /// Stores `body` as `key` in one request; returns the new ETag if the provider sent one.
    pub async fn put_object(
        &self,
        key: &str,
        body: Bytes,
        content_type: Option<&str>,
    ) -> Result<Option<String>, S3Error> {
        let res = self
            .send(Method::PUT, key, &[], &[], content_type, body)
            .await?;
        Ok(header(res.headers(), ETAG.as_str()))
    }

    /// Deletes `key` (S3 answers success for a missing key too).
    pub async fn delete_object(&self, key: &str) -> Result<(), S3Error> {
        self.send(Method::DELETE, key, &[], &[], None, Bytes::new())
            .await?;
        Ok(())
    }
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The error for a refused request: the `<Error>` document's code and message, or (HEAD answers
/// and proxies' pages carry none) a code named after the status.
fn provider_error(status: StatusCode, body: &str) -> S3Error {
    let (code, message) = xml::error_document(body).unwrap_or_else(|| {
        let reason = status.canonical_reason().unwrap_or("Error");
        (reason.replace(' ', ""), reason.to_string())
    });
    S3Error::Provider {
        status: status.as_u16(),
        code,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::s3::aws_example as settings;

    #[test]
    fn unusable_endpoints_are_refused() {
        for bad in [
            "127.0.0.1:9000",
            "ftp://h",
            "http://h/prefix",
            "http://h/?a=b",
            "not a url",
        ] {
            assert!(
                matches!(S3Client::new(settings(bad, true)), Err(S3Error::Config(_))),
                "{bad}"
            );
        }
        let mut s = settings("http://h", true);
        s.bucket.clear();
        assert!(matches!(S3Client::new(s), Err(S3Error::Config(_))));
    }

    #[test]
    fn refusals_carry_the_provider_code() {
        let e = provider_error(
            StatusCode::NOT_FOUND,
            "<Error><Code>NoSuchUpload</Code><Message>gone</Message></Error>",
        );
        assert_eq!(e.code(), Some("NoSuchUpload"));
        assert_eq!(e.to_string(), "S3 answered 404 NoSuchUpload: gone");
        let e = provider_error(StatusCode::FORBIDDEN, "");
        assert_eq!(e.code(), Some("Forbidden"));
    }
}
