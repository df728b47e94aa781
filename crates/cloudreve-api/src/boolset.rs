//! Boolsets: permission and capability bit arrays sent as standard base64 (models.md §Boolsets).
//!
//! Flag `n` lives in byte `n / 8`, bit `n % 8` (least-significant first); missing bytes are zeros.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A decoded boolset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Boolset(Vec<u8>);

impl Boolset {
    /// Decodes the wire form; an empty string means "no bits".
    pub fn decode(b64: &str) -> Result<Self, base64::DecodeError> {
        STANDARD.decode(b64).map(Boolset)
    }

    /// The wire form (standard base64, padded).
    pub fn encode(&self) -> String {
        STANDARD.encode(&self.0)
    }

    /// A set with exactly these bits.
    pub fn from_bits(bits: impl IntoIterator<Item = usize>) -> Self {
        let mut set = Boolset::default();
        for n in bits {
            set.set(n, true);
        }
        set
    }

    /// Whether bit `n` is set.
    pub fn get(&self, n: usize) -> bool {
        self.0.get(n / 8).is_some_and(|b| b & (1 << (n % 8)) != 0)
    }

    /// Sets or clears bit `n`.
    pub fn set(&mut self, n: usize, on: bool) {
        if self.0.len() <= n / 8 {
            if !on {
                return;
            }
            self.0.resize(n / 8 + 1, 0);
        }
        if on {
            self.0[n / 8] |= 1 << (n % 8);
        } else {
            self.0[n / 8] &= !(1 << (n % 8));
        }
    }

    /// The set bits, ascending.
    pub fn bits(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.0.len() * 8).filter(|&n| self.get(n))
    }
}

impl Serialize for Boolset {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.encode())
    }
}

impl<'de> Deserialize<'de> for Boolset {
    /// `null` and empty decode to no bits; undecodable text also decodes to no bits (lenient, as the
    /// contract asks) rather than failing the whole response.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Option::<String>::deserialize(d)?.unwrap_or_default();
        Ok(Boolset::decode(&s).unwrap_or_default())
    }
}

/// Group permission bits (`Group.permission`).
pub mod group {
    /// Administrator.
    pub const IS_ADMIN: usize = 0;
    /// Anonymous group.
    pub const IS_ANONYMOUS: usize = 1;
    /// May create share links.
    pub const SHARE: usize = 2;
    /// May use WebDAV.
    pub const WEBDAV: usize = 3;
    /// Server-side zip download.
    pub const ARCHIVE_DOWNLOAD: usize = 4;
    /// May create/extract archives.
    pub const ARCHIVE_TASK: usize = 5;
    /// WebDAV reverse proxy.
    pub const WEBDAV_PROXY: usize = 6;
    /// May access other users' shares.
    pub const SHARE_DOWNLOAD: usize = 7;
    /// \[Pro\] download paid shares for free.
    pub const FREE_PAID_SHARES: usize = 8;
    /// Remote downloads.
    pub const REMOTE_DOWNLOAD: usize = 9;
    /// \[Pro\] relocate storage policies.
    pub const RELOCATE: usize = 10;
    /// Redirect-style direct links.
    pub const REDIRECTED_SOURCE: usize = 11;
    /// Advanced delete (unlink).
    pub const ADVANCE_DELETE: usize = 12;
    /// \[Pro\] choose the node for tasks.
    pub const SELECT_NODE: usize = 13;
    /// \[Pro\] grant higher share permissions to anonymous users.
    pub const SET_ANONYMOUS_PERMISSION: usize = 14;
    /// \[Newer\] unique redirected direct links.
    pub const UNIQUE_DIRECT_LINK: usize = 17;
}

/// \[Pro\] file permission bits (`PermissionSetting` values, `FileResponse.permission`).
pub mod file_permission {
    /// Read.
    pub const READ: usize = 0;
    /// Update.
    pub const UPDATE: usize = 1;
    /// Create children.
    pub const CREATE: usize = 2;
    /// Delete.
    pub const DELETE: usize = 3;
}

/// File-system capability bits (`capability` on listings and files).
pub mod capability {
    /// Create file or folder.
    pub const CREATE: usize = 0;
    /// Rename.
    pub const RENAME: usize = 1;
    /// \[Pro\] set permissions.
    pub const SET_PERMISSION: usize = 2;
    /// \[Pro\] move into "my files".
    pub const MOVE_TO_MY: usize = 3;
    /// \[Pro\] move into a share.
    pub const MOVE_TO_SHARE: usize = 4;
    /// \[Pro\] move to trash.
    pub const MOVE_TO_TRASH: usize = 5;
    /// Upload.
    pub const UPLOAD: usize = 6;
    /// Download.
    pub const DOWNLOAD: usize = 7;
    /// Update metadata.
    pub const UPDATE_METADATA: usize = 8;
    /// List children.
    pub const LIST_CHILDREN: usize = 9;
    /// Generate thumbnails.
    pub const GENERATE_THUMB: usize = 10;
    /// \[Pro\] copy into "my files".
    pub const COPY_TO_MY: usize = 11;
    /// \[Pro\] copy into a share.
    pub const COPY_TO_SHARE: usize = 12;
    /// \[Pro\] copy to trash.
    pub const COPY_TO_TRASH: usize = 13;
    /// Permanent delete.
    pub const DELETE: usize = 14;
    /// Lock.
    pub const LOCK: usize = 15;
    /// Soft delete (to trash).
    pub const SOFT_DELETE: usize = 16;
    /// Restore from trash.
    pub const RESTORE: usize = 17;
    /// Create share.
    pub const SHARE: usize = 18;
    /// Info.
    pub const INFO: usize = 19;
    /// Version control.
    pub const VERSION_CONTROL: usize = 20;
    /// \[Pro\] mount storage policy.
    pub const MOUNT_POLICY: usize = 21;
    /// \[Pro\] relocate storage policy.
    pub const RELOCATE_POLICY: usize = 22;
    /// Enter folder.
    pub const ENTER_FOLDER: usize = 23;
    /// Modify view settings.
    pub const MODIFY_PROPS: usize = 24;

    /// The bits the CE server grants on `my` (encodes to `w8edAQ==`).
    pub const CE_MY: &[usize] = &[0, 1, 6, 7, 8, 9, 10, 14, 15, 16, 18, 19, 20, 23, 24];
    /// The bits the CE server grants on `share` (`gIaYAQ==`).
    pub const CE_SHARE: &[usize] = &[7, 9, 10, 15, 19, 20, 23, 24];
    /// The bits the CE server grants on `trash` (`AMIK`).
    pub const CE_TRASH: &[usize] = &[9, 14, 15, 17, 19];
    /// The bits the CE server grants on `shared_with_me` (`gAKA`).
    pub const CE_SHARED_WITH_ME: &[usize] = &[7, 9, 23];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_worked_examples() {
        let bits = |s: &str| Boolset::decode(s).unwrap().bits().collect::<Vec<_>>();
        assert_eq!(bits("AQ=="), [0]);
        assert_eq!(bits("Dw=="), [0, 1, 2, 3]);
        assert_eq!(bits("Hg=="), [1, 2, 3, 4]);
        assert_eq!(
            bits("39/9"),
            [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 20, 21, 22, 23]
        );
        assert!(bits("").is_empty());
    }

    #[test]
    fn ce_my_capability_matches_the_server_string() {
        let my = Boolset::decode("w8edAQ==").unwrap();
        assert_eq!(my.bits().collect::<Vec<_>>(), capability::CE_MY);
        assert_eq!(
            Boolset::from_bits(capability::CE_MY.iter().copied()).encode(),
            "w8edAQ=="
        );
    }

    #[test]
    fn ce_capability_strings_of_every_file_system() {
        for (bits, wire) in [
            (capability::CE_SHARE, "gIaYAQ=="),
            (capability::CE_TRASH, "AMIK"),
            (capability::CE_SHARED_WITH_ME, "gAKA"),
        ] {
            assert_eq!(Boolset::from_bits(bits.iter().copied()).encode(), wire);
            assert_eq!(
                Boolset::decode(wire).unwrap().bits().collect::<Vec<_>>(),
                bits
            );
        }
    }

    #[test]
    fn lenient_json_decoding() {
        let s: Boolset = serde_json::from_str("null").unwrap();
        assert_eq!(s, Boolset::default());
        let s: Boolset = serde_json::from_str("\"not base64!\"").unwrap();
        assert_eq!(s, Boolset::default());
    }
}
