//! Renders the files page's open dialog and wires its answer to the file operations.

use leptos::prelude::*;

use crate::components::dialogs::delete_dialog::DeleteDialog;
use crate::components::dialogs::direct_links_dialog::DirectLinksDialog;
use crate::components::dialogs::failures_dialog::FailuresDialog;
use crate::components::dialogs::folder_picker::FolderPicker;
use crate::components::dialogs::lock_dialog::LockDialog;
use crate::components::dialogs::modal::Modal;
use crate::components::dialogs::name_dialog::NameDialog;
use crate::components::dialogs::share_dialog::ShareDialog;
use crate::components::dialogs::tags_dialog::TagsDialog;
use crate::components::dialogs::versions_dialog::VersionsDialog;
use crate::i18n::{use_i18n, Key};
use crate::state::dialog::{use_dialog, Dialog};
use crate::state::explorer::use_explorer;
use crate::state::file_ops::FileOps;

/// The open dialog, if any.
#[component]
pub fn PageDialogs(
    /// Runs what the dialogs decide.
    ops: FileOps,
) -> impl IntoView {
    let i18n = use_i18n();
    let ex = use_explorer();
    let dialog = use_dialog();
    let close = Callback::new(move |()| dialog.close());
    move || {
        let Some(d) = dialog.0.get() else {
            return ().into_any();
        };
        match d {
            Dialog::Rename(item) => {
                let name = item.name.clone();
                let is_folder = item.is_folder();
                let item = StoredValue::new(item);
                view! {
                    <NameDialog title=Key::Rename confirm=Key::Rename initial=name is_folder on_close=close
                        on_submit=Callback::new(move |n: String| { dialog.close(); ops.rename(*item.get_value(), n) })/>
                }
                .into_any()
            }
            Dialog::NewItem { folder } => view! {
                <NameDialog title=if folder { Key::NewFolder } else { Key::NewFile } confirm=Key::Create is_folder=folder on_close=close
                    on_submit=Callback::new(move |n: String| { dialog.close(); ops.create(n, folder) })/>
            }
            .into_any(),
            Dialog::Delete { items, permanent } => {
                let in_trash = ex.folder.with_untracked(|u| u.fs == cloudreve_api::FileSystem::Trash);
                let can_choose = !in_trash && ex.can(cloudreve_api::boolset::capability::DELETE);
                let stored = StoredValue::new(items.clone());
                view! {
                    <DeleteDialog items permanent can_choose on_close=close
                        on_confirm=Callback::new(move |for_good: bool| { dialog.close(); ops.delete(stored.get_value(), for_good) })/>
                }
                .into_any()
            }
            Dialog::MoveCopy { items, copy } => {
                let stored = StoredValue::new(items.clone());
                view! {
                    <FolderPicker items copy start=ex.folder.get_untracked() on_close=close
                        on_pick=Callback::new(move |dst: String| { dialog.close(); ops.move_copy(stored.get_value(), dst, copy) })/>
                }
                .into_any()
            }
            Dialog::Tags(items) => {
                let stored = StoredValue::new(items.clone());
                view! {
                    <TagsDialog items on_close=close
                        on_save=Callback::new(move |(add, remove): (Vec<String>, Vec<String>)| { dialog.close(); ops.set_tags(stored.get_value(), add, remove) })/>
                }
                .into_any()
            }
            Dialog::EmptyTrash => view! {
                <Modal title=Signal::derive(move || i18n.t(Key::EmptyTrash).to_string()) on_close=close>
                    <p class="cr-dialog__text">{i18n.text(Key::EmptyTrashConfirm)}</p>
                    <div class="cr-dialog__actions">
                        <button type="button" class="cr-button cr-button--quiet" on:click=move |_| dialog.close()>{i18n.text(Key::Cancel)}</button>
                        <button type="button" class="cr-button cr-button--danger" on:click=move |_| { dialog.close(); ops.empty_trash() }>{i18n.text(Key::EmptyTrash)}</button>
                    </div>
                </Modal>
            }
            .into_any(),
            Dialog::Locked { conflicts, retry } => {
                let retry = StoredValue::new_local(retry);
                view! {
                    <LockDialog conflicts on_close=close
                        on_unlock=Callback::new(move |tokens: Vec<String>| { dialog.close(); ops.unlock_and_retry(tokens, retry.get_value()) })/>
                }
                .into_any()
            }
            Dialog::Versions(file) => {
                let id = file.id.clone();
                view! {
                    <VersionsDialog file=*file on_close=close
                        on_changed=Callback::new(move |f: cloudreve_api::models::FileResponse| ex.replace(&id, f))/>
                }
                .into_any()
            }
            Dialog::Share(file) => view! { <ShareDialog file=*file on_close=close/> }.into_any(),
            Dialog::DirectLinks(items) => view! { <DirectLinksDialog items on_close=close/> }.into_any(),
            Dialog::Failures(items) => view! { <FailuresDialog items on_close=close/> }.into_any(),
        }
    }
}
