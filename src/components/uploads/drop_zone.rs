//! Files dragged in from the desktop, anywhere over the explorer: an overlay says where they will
//! go, and a drop walks folder trees (empty folders included) before handing the entries over.
//! Drags of items inside the explorer (moves) are left to the views.

use leptos::prelude::*;
use web_sys::DragEvent;

use crate::i18n::{use_i18n, Key};
use crate::uploads::sources::{drop_entries, drop_files, walk, with_roots, Picked};

/// Whether a drag carries files from outside the page.
fn carries_files(ev: &DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| {
        let types = dt.types();
        (0..types.length()).any(|i| types.get(i).as_string().as_deref() == Some("Files"))
    })
}

/// Wraps the explorer; `on_drop` gets the dropped files and empty folders, `on_unreadable` the
/// number of entries that could not be read.
#[component]
pub fn DropZone(
    /// Name of the folder files will go to.
    #[prop(into)]
    folder_name: Signal<String>,
    /// Whether this folder accepts uploads.
    #[prop(into)]
    enabled: Signal<bool>,
    /// Receives the drop.
    on_drop: Callback<Vec<Picked>>,
    /// Receives the count of unreadable entries (when not zero).
    on_unreadable: Callback<usize>,
    /// The explorer.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    // dragenter/dragleave fire for every child crossed: count them to know when the drag left.
    let depth = RwSignal::new(0i32);
    let over = move || depth.get() > 0;
    view! {
        <div class="cr-dropzone"
            on:dragenter=move |ev: DragEvent| if enabled.get_untracked() && carries_files(&ev) { ev.prevent_default(); depth.update(|d| *d += 1) }
            on:dragover=move |ev: DragEvent| if enabled.get_untracked() && carries_files(&ev) {
                ev.prevent_default();
                if let Some(dt) = ev.data_transfer() { dt.set_drop_effect("copy") }
            }
            on:dragleave=move |ev: DragEvent| if carries_files(&ev) { depth.update(|d| *d = (*d - 1).max(0)) }
            on:drop=move |ev: DragEvent| {
                depth.set(0);
                if !enabled.get_untracked() || !carries_files(&ev) {
                    return;
                }
                ev.prevent_default();
                let Some(dt) = ev.data_transfer() else { return };
                let dropped = drop_entries(&dt);
                if dropped.is_empty() {
                    on_drop.run(drop_files(&dt));
                    return;
                }
                let roots: Vec<_> = dropped.iter().filter_map(|(e, h)| Some((e.name(), h.clone()?))).collect();
                let entries = dropped.into_iter().map(|(e, _)| e).collect();
                leptos::task::spawn_local(async move {
                    let (picked, unreadable) = walk(entries).await;
                    if unreadable > 0 {
                        on_unreadable.run(unreadable);
                    }
                    on_drop.run(with_roots(picked, roots).await);
                });
            }>
            {children()}
            <Show when=over>
                <div class="cr-dropzone__overlay" aria-hidden="true">
                    <p>{move || i18n.tf(Key::DropToUpload, &[("folder", &folder_name.get())])}</p>
                </div>
            </Show>
        </div>
    }
}
