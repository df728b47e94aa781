//! Tags of items (`tag:<name>` metadata): the tags the items share can be removed, new ones added.

use std::collections::BTreeSet;

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::i18n::{use_i18n, Key};

/// The tag names of an item.
pub fn tags_of(f: &FileResponse) -> BTreeSet<String> {
    f.metadata
        .iter()
        .flatten()
        .filter_map(|(k, _)| k.strip_prefix("tag:"))
        .map(str::to_string)
        .collect()
}

/// Edits the tags of `items`.
#[component]
pub fn TagsDialog(
    /// The items.
    items: Vec<FileResponse>,
    /// Called with (tags to add, tags to remove).
    on_save: Callback<(Vec<String>, Vec<String>)>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shared: BTreeSet<String> = items
        .iter()
        .map(tags_of)
        .reduce(|a, b| a.intersection(&b).cloned().collect())
        .unwrap_or_default();
    let original = StoredValue::new(shared.clone());
    let tags = RwSignal::new(shared);
    let draft = RwSignal::new(String::new());
    let add_draft = move || {
        let t = draft.get_untracked().trim().to_string();
        if !t.is_empty() {
            tags.update(|s| {
                s.insert(t);
            });
            draft.set(String::new());
        }
    };
    let save = move || {
        let now = tags.get_untracked();
        let before = original.get_value();
        on_save.run((
            now.difference(&before).cloned().collect(),
            before.difference(&now).cloned().collect(),
        ));
    };
    let tag_list = move || tags.get().into_iter().collect::<Vec<String>>();
    view! {
        <Modal title=Signal::derive(move || i18n.t(Key::Tags).to_string()) on_close>
            <ul class="cr-tags" aria-label=i18n.text(Key::Tags)>
                <For each=tag_list key=|t| t.clone() let:tag>
                    <li class="cr-tag">
                        <span>{tag.clone()}</span>
                        <button type="button" class="cr-tag__remove" aria-label={ let tag = tag.clone(); move || i18n.tf(Key::RemoveTag, &[("tag", &tag)]) }
                            on:click={ let tag = tag.clone(); move |_| tags.update(|s| { s.remove(&tag); }) }>"×"</button>
                    </li>
                </For>
            </ul>
            <form class="cr-dialog__form" on:submit=move |ev| { ev.prevent_default(); add_draft() }>
                <label class="cr-field cr-field--inline">
                    <span class="cr-visually-hidden">{i18n.text(Key::NewTag)}</span>
                    <input class="cr-input" name="tag" placeholder=i18n.text(Key::NewTag) autofocus=true
                        prop:value=draft on:input=move |ev| draft.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="cr-button">{i18n.text(Key::AddTag)}</button>
            </form>
            <div class="cr-dialog__actions">
                <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>{i18n.text(Key::Cancel)}</button>
                <button type="button" class="cr-button cr-button--primary" on:click=move |_| { add_draft(); save() }>{i18n.text(Key::Save)}</button>
            </div>
        </Modal>
    }
}
