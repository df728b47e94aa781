//! WebDAV accounts (models.md §DavAccount, §CreateDavAccountService) and the request bodies and
//! queries of the account endpoints (webdav.md).

use serde::{Deserialize, Serialize};

use super::{is_false, null_default, PaginationResults};
use crate::{Boolset, Timestamp};

/// WebDAV account option bits (`DavAccount.options`, models.md §WebDAV account option bits).
pub mod dav_option {
    /// Read-only account.
    pub const READONLY: usize = 0;
    /// Downloads are reverse-proxied through the server.
    pub const PROXY: usize = 1;
    /// \[Newer\] OS metadata files are hidden/refused.
    pub const DISABLE_SYS_FILES: usize = 2;
}

/// A WebDAV account: an application password bound to a root URI (models.md §DavAccount).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DavAccount {
    /// Opaque account id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Creation time.
    pub created_at: Timestamp,
    /// Label.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Root URI of the account (`my` or `share` URI).
    #[serde(deserialize_with = "null_default")]
    pub uri: String,
    /// Generated password (32 lower-case letters/digits), in clear text.
    #[serde(deserialize_with = "null_default")]
    pub password: String,
    /// Option bits ([`dav_option`]); `""`, `"AA=="` and `null` all mean none.
    pub options: Option<Boolset>,
}

impl DavAccount {
    /// Whether option bit `n` ([`dav_option`]) is set.
    pub fn option(&self, n: usize) -> bool {
        self.options.as_ref().is_some_and(|o| o.get(n))
    }

    /// Whether the account is read-only.
    pub fn is_readonly(&self) -> bool {
        self.option(dav_option::READONLY)
    }

    /// Whether downloads are reverse-proxied.
    pub fn is_proxy(&self) -> bool {
        self.option(dav_option::PROXY)
    }
}

/// `GET /devices/dav` answer (doc-bug: an object, not an array).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListDavAccountsResponse {
    /// This page's accounts, newest first.
    #[serde(deserialize_with = "null_default")]
    pub accounts: Vec<DavAccount>,
    /// Paging state (cursor).
    pub pagination: PaginationResults,
}

/// `GET /devices/dav`: list the caller's WebDAV accounts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDavAccountsRequest {
    /// Items per page (10..100).
    pub page_size: i64,
    /// Cursor from the previous page's `pagination.next_token`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// `PUT /devices/dav`: create a WebDAV account (body = models.md §CreateDavAccountService).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDavAccountRequest {
    /// Root: a `my` or `share` URI without search query (stored as sent).
    pub uri: String,
    /// Label, 1..255 characters.
    pub name: String,
    /// Read-only account.
    #[serde(default, skip_serializing_if = "is_false")]
    pub readonly: bool,
    /// Reverse-proxy downloads (ignored without the group's `webdav_proxy` bit).
    #[serde(default, skip_serializing_if = "is_false")]
    pub proxy: bool,
    /// \[Newer\] Hide/refuse OS metadata files (`.DS_Store`, `Thumbs.db`, ...).
    #[serde(default, skip_serializing_if = "is_false")]
    pub disable_sys_files: bool,
}

/// The contract's name for the body of `PUT /devices/dav` and `PATCH /devices/dav/{id}`.
pub type CreateDavAccountService = CreateDavAccountRequest;

/// `PATCH /devices/dav/{id}`: replace an account's name, root and options (password kept).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDavAccountRequest {
    /// The account id (path).
    #[serde(skip)]
    pub id: String,
    /// The new settings (same body as create).
    #[serde(flatten)]
    pub body: CreateDavAccountRequest,
}

/// `DELETE /devices/dav/{id}`: delete a WebDAV account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDavAccountRequest {
    /// The account id (path).
    #[serde(skip)]
    pub id: String,
}
