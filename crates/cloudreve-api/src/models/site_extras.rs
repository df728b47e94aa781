//! Parts of the site configuration: file viewers, custom properties, navigation items and HTML
//! snippets (models.md §FileViewer, §CustomProps, §CustomNavItem, §CustomHTML).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{is_false, is_zero, null_default};

/// A group of file viewers (`file_viewers[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileViewerGroup {
    /// The viewers of this group.
    #[serde(deserialize_with = "null_default")]
    pub viewers: Vec<FileViewer>,
}

/// A "new file" template a viewer can create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewerTemplate {
    /// Extension of the new file.
    #[serde(deserialize_with = "null_default")]
    pub ext: String,
    /// Label (may be an i18n key).
    #[serde(deserialize_with = "null_default")]
    pub display_name: String,
}

/// A file app: built-in, WOPI or a custom iframe.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileViewer {
    /// App id (`pdf`, `markdown`, ... or a UUID for WOPI apps).
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// `builtin`, `wopi` or `custom`.
    #[serde(rename = "type", deserialize_with = "null_default")]
    pub viewer_type: String,
    /// Label or i18n key.
    #[serde(deserialize_with = "null_default")]
    pub display_name: String,
    /// Lower-case extensions without dot.
    #[serde(deserialize_with = "null_default")]
    pub exts: Vec<String>,
    /// Icon URL.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub icon: String,
    /// URL template of a custom viewer (placeholders such as `{$src}`).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub url: String,
    /// Largest file it accepts; 0 = any.
    #[serde(skip_serializing_if = "is_zero")]
    pub max_size: i64,
    /// Hidden.
    #[serde(skip_serializing_if = "is_false")]
    pub disabled: bool,
    /// App-specific settings.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub props: BTreeMap<String, String>,
    /// "New file" templates.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub templates: Vec<ViewerTemplate>,
    /// \[Newer\] `pc`, `mobile` or `all`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub platform: String,
    /// \[Newer\] group permission bits the user must have.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub required_group_permission: Vec<i64>,
}

/// \[Pro/Newer\] a custom file property definition; values live in metadata `props:<id>`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomProps {
    /// Property id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Label.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// `text`, `number`, `boolean`, `select`, `multi_select`, `link`, `rating`, `user`.
    #[serde(rename = "type", deserialize_with = "null_default")]
    pub prop_type: String,
    /// Upper bound (a string in the docs, a number on newer servers: both are kept as JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<serde_json::Value>,
    /// Lower bound (string or number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<serde_json::Value>,
    /// Default value.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub default: String,
    /// Choices of a select.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub options: Vec<String>,
    /// Iconify icon name.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub icon: String,
}

/// \[Pro/Newer\] an extra sidebar link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomNavItem {
    /// Iconify icon name.
    #[serde(deserialize_with = "null_default")]
    pub icon: String,
    /// Label.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Target URL.
    #[serde(deserialize_with = "null_default")]
    pub url: String,
}

/// \[Pro/Newer\] raw HTML fragments the admin asks to inject. Untrusted as far as this app is concerned:
/// never rendered as HTML without a sanitizer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomHtml {
    /// Footer of headless pages.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub headless_footer: String,
    /// Bottom of headless pages.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub headless_bottom: String,
    /// Bottom of the sidebar.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub sidebar_bottom: String,
}

/// A redirect-style direct link of a file (`extended_info.direct_links[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DirectLink {
    /// Link id (for `DELETE /file/source/{id}`).
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Public URL.
    #[serde(deserialize_with = "null_default")]
    pub url: String,
    /// Times downloaded.
    pub downloaded: i64,
    /// Creation time.
    pub created_at: crate::Timestamp,
}
