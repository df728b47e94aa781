//! Data models with the exact JSON field names (models.md). Decoding is lenient: absent keys and
//! `null` become defaults and unknown keys are ignored, as real servers omit empty fields.

/// Declares an integer enum whose unknown numbers survive as `Other(i32)`. `null` or an absent value
/// decodes like `0`, and `Default` is whatever `0` decodes to.
macro_rules! open_int_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $num:literal, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A number this crate does not know.
            Other(i32),
        }

        impl $name {
            /// The value for a wire number.
            pub fn from_number(n: i32) -> Self {
                match n { $( $num => $name::$variant, )* other => $name::Other(other) }
            }

            /// The wire number.
            pub fn number(self) -> i32 {
                match self { $( $name::$variant => $num, )* $name::Other(n) => n }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::from_number(0)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i32(self.number())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(Self::from_number(Option::<i32>::deserialize(d)?.unwrap_or(0)))
            }
        }
    };
}

pub mod file;
pub mod file_extras;
pub mod file_ops;
pub mod passkey;
pub mod session;
pub mod share;
pub mod site;
pub mod site_extras;
pub mod upload;
pub mod user;
pub mod user_ledger;
pub mod user_settings;
pub mod vas;
pub mod webdav;
pub mod workflow;
pub mod workflow_requests;

pub use file::*;
pub use file_extras::*;
pub use file_ops::*;
pub use passkey::*;
pub use session::*;
pub use share::*;
pub use site::*;
pub use site_extras::*;
pub use upload::*;
pub use user::*;
pub use user_ledger::*;
pub use user_settings::*;
pub use vas::*;
pub use webdav::*;
pub use workflow::*;
pub use workflow_requests::*;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Serializes an empty list as `null`, as the CE server sends some empty collections.
pub fn empty_as_null<S: Serializer, T: Serialize>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
    if v.is_empty() {
        s.serialize_none()
    } else {
        v.serialize(s)
    }
}

/// Deserializes `null` as the type's default (for lists and maps the server may send as `null`).
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Deserializes a flag from a boolean, `null` (false), a number (non-zero is true) or text (`"true"`
/// or `"1"` is true). The official docs' generated examples put placeholder text in boolean fields;
/// one odd flag should not fail a whole listing.
pub fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::Bool(b)) => b,
        Some(serde_json::Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(serde_json::Value::String(s)) => s.eq_ignore_ascii_case("true") || s == "1",
        _ => false,
    })
}

/// `skip_serializing_if` helper mirroring Go's `omitempty` for booleans.
pub fn is_false(b: &bool) -> bool {
    !*b
}

/// `skip_serializing_if` helper mirroring Go's `omitempty` for integers.
pub fn is_zero(n: &i64) -> bool {
    *n == 0
}
