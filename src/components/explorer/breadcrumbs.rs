//! Where you are: the root of the file system, then each folder, each one a link and a drop target
//! for dragged items. Deep paths collapse their middle behind a "…" button.

use cloudreve_api::{CrUri, FileSystem};
use leptos::prelude::*;

use crate::components::explorer::item_events::DropTarget;
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::state::explorer::Explorer;

/// Crumbs shown before the middle collapses.
const MAX_CRUMBS: usize = 4;

/// The label of a file system's root.
pub fn root_label(fs: &FileSystem) -> Key {
    match fs {
        FileSystem::Trash => Key::Trash,
        FileSystem::SharedWithMe => Key::SharedWithMe,
        FileSystem::Share => Key::SharedFiles,
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
    let ex = use_context::<Explorer>();
    let expanded = RwSignal::new(false);
    let crumbs = move || {
        // The embedded share viewer keeps its own route; everywhere else crumbs lead to /home.
        // Read from the window, not the router: crumbs also render outside one (tests).
        let here = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        let base = if here.starts_with("/embed/") {
            here
        } else {
            "/home".to_string()
        };
        let uri = uri.get();
        let search = uri.is_search();
        let mut plain = uri.clone();
        plain.query.clear();
        let all = plain.ancestors();
        let last = all.len() - 1;
        let hidden = if all.len() > MAX_CRUMBS && !expanded.get() {
            1..all.len() - (MAX_CRUMBS - 1)
        } else {
            0..0
        };
        let mut out = Vec::new();
        for (depth, crumb) in all.into_iter().enumerate() {
            if hidden.contains(&depth) {
                if depth == hidden.start {
                    out.push(view! {
                        <li class="cr-crumbs__item">
                            <button type="button" class="cr-crumbs__more" aria-label=i18n.text(Key::ShowFullPath)
                                on:click=move |_| expanded.set(true)>"…"</button>
                        </li>
                    }.into_any());
                }
                continue;
            }
            let label = if depth == 0 {
                i18n.t(root_label(&crumb.fs)).to_string()
            } else {
                crumb.name().to_string()
            };
            if depth == last && !search {
                out.push(view! { <li class="cr-crumbs__item"><span aria-current="page">{label}</span></li> }.into_any());
            } else {
                let href = links::home(&crumb).replacen("/home", &base, 1);
                let drop = DropTarget::new(ex.is_some().then_some(crumb));
                out.push(
                    view! {
                        <li class="cr-crumbs__item" class:cr-drop-hover=move || drop.hover.get()
                            on:dragover=move |ev| drop.over(&ev) on:dragleave=move |_| drop.leave()
                            on:drop=move |ev| if let Some(ex) = ex { drop.drop(ex, &ev) }>
                            <a href=href>{label}</a>
                        </li>
                    }
                    .into_any(),
                );
            }
        }
        if search {
            let words: Vec<String> = uri
                .query
                .iter()
                .filter(|(k, _)| k == "name")
                .map(|(_, v)| v.clone())
                .collect();
            let text = if words.is_empty() {
                i18n.t(Key::SearchResults).to_string()
            } else {
                i18n.tf(Key::SearchResultsFor, &[("query", &words.join(" "))])
            };
            out.push(
                view! { <li class="cr-crumbs__item"><span aria-current="page">{text}</span></li> }
                    .into_any(),
            );
        }
        out
    };
    view! {
        <nav class="cr-crumbs" aria-label=i18n.text(Key::Location)>
            <ol class="cr-crumbs__list">{crumbs}</ol>
        </nav>
    }
}
