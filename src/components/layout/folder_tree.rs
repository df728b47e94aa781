//! The folder tree in the sidebar: My files' folders, each level loaded only when opened, each
//! node a link and a drop target for dragged items.

use cloudreve_api::models::ListFilesRequest;
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::components::explorer::item_events::DropTarget;
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::state::explorer::Explorer;
use crate::state::session::use_session;

/// Folders shown per tree level (the explorer shows the rest).
const TREE_PAGE: i64 = 200;

/// The tree under My files.
#[component]
pub fn FolderTree() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cr-tree" role="tree" aria-label=i18n.text(Key::FolderTree)>
            <TreeNode uri=CrUri::my() label=i18n.t(Key::FolderTree).to_string() depth=0/>
        </ul>
    }
}

#[component]
fn TreeNode(uri: CrUri, label: String, depth: usize) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let expanded = RwSignal::new(false);
    let href = links::home(&uri);
    let ex = use_context::<Explorer>();
    let drop = DropTarget::new(ex.is_some().then(|| uri.clone()));
    let list_uri = uri.to_string();
    let children = LocalResource::new(move || {
        let open = expanded.get();
        let uri = list_uri.clone();
        async move {
            if !open {
                return None;
            }
            let req = ListFilesRequest {
                uri,
                page_size: Some(TREE_PAGE),
                order_by: Some("name".into()),
                ..ListFilesRequest::default()
            };
            Some(session.call(&req).await.map(|l| {
                l.files
                    .into_iter()
                    .filter(|f| f.is_folder())
                    .filter_map(|f| CrUri::parse(&f.path).ok().map(|u| (u, f.name)))
                    .collect::<Vec<_>>()
            }))
        }
    });
    let toggle_label = {
        let label = label.clone();
        move || {
            i18n.tf(
                if expanded.get() {
                    Key::CollapseFolder
                } else {
                    Key::ExpandFolder
                },
                &[("name", &label)],
            )
        }
    };
    view! {
        <li role="treeitem" aria-expanded=move || expanded.get().to_string() class="cr-tree__node">
            <div class="cr-tree__row" class:cr-drop-hover=move || drop.hover.get() style:padding-left=format!("{}px", depth * 14)
                on:dragover=move |ev| drop.over(&ev) on:dragleave=move |_| drop.leave()
                on:drop=move |ev| if let Some(ex) = ex { drop.drop(ex, &ev) }>
                <button type="button" class="cr-tree__toggle" aria-label=toggle_label on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { "▾" } else { "▸" }}
                </button>
                <a class="cr-tree__link" href=href>{label}</a>
            </div>
            <Show when=move || expanded.get()>
                <ul role="group" class="cr-tree__group">
                    {move || match children.get().flatten() {
                        None => view! { <li class="cr-tree__status">{i18n.t(Key::Loading)}</li> }.into_any(),
                        Some(Err(_)) => view! { <li class="cr-tree__status">{i18n.t(Key::ErrorTitle)}</li> }.into_any(),
                        Some(Ok(list)) => list.into_iter().map(|(u, name)| view! { <TreeNode uri=u label=name depth=depth + 1/> }).collect_view().into_any(),
                    }}
                </ul>
            </Show>
        </li>
    }
}
