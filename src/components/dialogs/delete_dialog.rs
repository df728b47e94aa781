//! Confirms a delete: into the trash (with an option to delete for good where the folder allows
//! it), or for good from the trash. Names the item, or counts them.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::components::dialogs::modal::Modal;
use crate::i18n::{use_i18n, Key};

/// Asks before deleting `items`.
#[component]
pub fn DeleteDialog(
    /// What will be deleted.
    items: Vec<FileResponse>,
    /// Start with "delete for good" (always, in the trash).
    permanent: bool,
    /// Whether "delete for good" may be switched (false in the trash, where it is the only way).
    can_choose: bool,
    /// Called with the final "for good" choice.
    on_confirm: Callback<bool>,
    /// Called on cancel.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let for_good = RwSignal::new(permanent);
    let count = items.len();
    let first = items.first().map(|f| f.name.clone()).unwrap_or_default();
    let question = move || {
        let key = match (for_good.get(), count) {
            (true, 1) => Key::DeleteOneForGood,
            (true, _) => Key::DeleteManyForGood,
            (false, 1) => Key::DeleteOneToTrash,
            (false, _) => Key::DeleteManyToTrash,
        };
        i18n.tf(key, &[("name", &first), ("count", &count.to_string())])
    };
    view! {
        <Modal title=Signal::derive(move || i18n.t(Key::Delete).to_string()) on_close>
            <form class="cr-dialog__form" on:submit=move |ev| { ev.prevent_default(); on_confirm.run(for_good.get_untracked()) }>
                <p class="cr-dialog__text">{question}</p>
                <Show when=move || can_choose>
                    <label class="cr-check">
                        <input type="checkbox" prop:checked=for_good on:change=move |ev| for_good.set(event_target_checked(&ev))/>
                        {i18n.text(Key::DeleteForGood)}
                    </label>
                </Show>
                <div class="cr-dialog__actions">
                    <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>{i18n.text(Key::Cancel)}</button>
                    <button type="submit" class="cr-button cr-button--danger" autofocus=true>{i18n.text(Key::Delete)}</button>
                </div>
            </form>
        </Modal>
    }
}
