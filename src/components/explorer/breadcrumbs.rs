//! Where you are: the root of the file system, then each folder, each one a link.

use cloudreve_api::{CrUri, FileSystem};
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::links;

/// The label of a file system's root.
pub fn root_label(fs: &FileSystem) -> Key {
    match fs {
        FileSystem::Trash => Key::Trash,
        FileSystem::SharedWithMe => Key::SharedWithMe,
        _ => Key::MyFiles,
    }
}

/// Breadcrumbs for `uri`.
#[component]
pub fn Breadcrumbs(
    /// The folder being shown.
    #[prop(into)]
    uri: Signal<CrUri>,
) -> impl IntoView {
    let i18n = use_i18n();
    let crumbs = move || {
        let uri = uri.get();
        let last = uri.segments.len();
        uri.ancestors()
            .into_iter()
            .enumerate()
            .map(|(depth, crumb)| {
                let label = if depth == 0 { i18n.t(root_label(&crumb.fs)).to_string() } else { crumb.name().to_string() };
                let href = links::home(&crumb);
                if depth == last {
                    view! { <li class="cr-crumbs__item"><span aria-current="page">{label}</span></li> }.into_any()
                } else {
                    view! { <li class="cr-crumbs__item"><a href=href>{label}</a></li> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <nav class="cr-crumbs" aria-label=move || i18n.t(Key::Location)>
            <ol class="cr-crumbs__list">{crumbs}</ol>
        </nav>
    }
}
