//! Presigned URLs: what the browser PUTs parts to, POSTs the completion to, and downloads from.

use std::time::{Duration, SystemTime};

use super::sigv4::{self, AmzTime, Target};
use super::S3Client;

/// Response headers a presigned GET asks the provider to send instead of the stored ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GetOverrides {
    /// `Content-Disposition`, such as `attachment; filename*=UTF-8''a%20b.txt`.
    pub content_disposition: Option<String>,
    /// `Content-Type`.
    pub content_type: Option<String>,
}

impl S3Client {
    /// A URL anyone can send `method` to for `key` (with `query`) until `expires` after `now`
    /// (at most 7 days: longer is cut to that). The browser may add any header but the URL
    /// signs only `host`, so it must send none that S3 checks against a signature.
    pub fn presign_at(
        &self,
        method: &str,
        key: &str,
        query: &[(&str, &str)],
        expires: Duration,
        now: SystemTime,
    ) -> String {
        let (host, path) = self.location(key);
        let target = Target {
            method,
            host: &host,
            path: &path,
            query,
        };
        let qs = sigv4::presign_query(
            &self.credentials(),
            &target,
            &AmzTime::at(now),
            expires.as_secs(),
        );
        self.url(&host, &path, &qs)
    }

    /// [`Self::presign_at`] from now.
    pub fn presign(
        &self,
        method: &str,
        key: &str,
        query: &[(&str, &str)],
        expires: Duration,
    ) -> String {
        self.presign_at(method, key, query, expires, SystemTime::now())
    }

    /// Presigned UploadPart: `PUT` one part's bytes (part numbers start at 1); the answer's
    /// `ETag` header is what CompleteMultipartUpload lists.
    pub fn presign_upload_part(
        &self,
        key: &str,
        upload_id: &str,
        part_number: u32,
        expires: Duration,
    ) -> String {
        let n = part_number.to_string();
        self.presign(
            "PUT",
            key,
            &[("partNumber", &n), ("uploadId", upload_id)],
            expires,
        )
    }

    /// Presigned CompleteMultipartUpload: `POST` the
    /// `<CompleteMultipartUpload><Part><PartNumber>..</PartNumber><ETag>..</ETag></Part>..` list.
    pub fn presign_complete_multipart_upload(
        &self,
        key: &str,
        upload_id: &str,
        expires: Duration,
    ) -> String {
        self.presign("POST", key, &[("uploadId", upload_id)], expires)
    }

    /// Presigned GetObject (a download redirect target), with optional response overrides.
    pub fn presign_get_object(
        &self,
        key: &str,
        overrides: &GetOverrides,
        expires: Duration,
    ) -> String {
        let mut query = Vec::new();
        if let Some(v) = &overrides.content_disposition {
            query.push(("response-content-disposition", v.as_str()));
        }
        if let Some(v) = &overrides.content_type {
            query.push(("response-content-type", v.as_str()));
        }
        self.presign("GET", key, &query, expires)
    }

    /// Presigned HeadObject.
    pub fn presign_head_object(&self, key: &str, expires: Duration) -> String {
        self.presign("HEAD", key, &[], expires)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::s3::aws_example as settings;

    /// The AWS documentation's presigned example, through the client (virtual-hosted style).
    #[test]
    fn presigned_get_through_the_client_matches_the_aws_example() {
        let client = S3Client::new(settings("https://s3.amazonaws.com", false)).expect("valid");
        let at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_369_353_600);
        let url = client.presign_at("GET", "test.txt", &[], Duration::from_secs(86_400), at);
        assert_eq!(
            url,
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256\
             &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
             &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\
             &X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        );
    }

    #[test]
    fn path_style_urls_keep_the_port_and_encode_the_key() {
        let client = S3Client::new(settings("http://127.0.0.1:9000/", true)).expect("valid");
        let url =
            client.presign_upload_part("uploads/u/a b+%é.txt", "id+/=", 3, Duration::from_secs(60));
        assert!(
            url.starts_with(
                "http://127.0.0.1:9000/examplebucket/uploads/u/a%20b%2B%25%C3%A9.txt?X-Amz-Algorithm="
            ),
            "{url}"
        );
        assert!(
            url.contains("&partNumber=3&uploadId=id%2B%2F%3D&X-Amz-Signature="),
            "{url}"
        );
        // The default port is not part of the signed Host.
        let client = S3Client::new(settings("http://localhost:80", true)).expect("valid");
        assert!(client
            .presign_head_object("k", Duration::from_secs(1))
            .starts_with("http://localhost/examplebucket/k?"));
    }
}
