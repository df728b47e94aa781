//! Hidden file inputs behind "Upload files" and "Upload folder": the browser's own pickers, opened
//! by a click on the input (it needs a user gesture).

use leptos::html::Input;
use leptos::prelude::*;

use crate::uploads::sources::{from_file_list, Picked};

/// The two pickers, and how to open them.
#[derive(Clone, Copy)]
pub struct Pickers {
    files: NodeRef<Input>,
    folder: NodeRef<Input>,
}

impl Pickers {
    /// Opens the file picker (several files).
    pub fn open_files(&self) {
        if let Some(i) = self.files.get_untracked() {
            i.click();
        }
    }

    /// Opens the folder picker.
    pub fn open_folder(&self) {
        if let Some(i) = self.folder.get_untracked() {
            i.click();
        }
    }
}

/// The hidden inputs; `on_pick` receives what was chosen. `name` tells tests and assistive tech
/// which pickers these are.
#[component]
pub fn FilePickers(
    /// Prefix of the inputs' `name` (`upload` gives `upload-files` and `upload-folder`).
    name: &'static str,
    /// Receives the picked files.
    on_pick: Callback<Vec<Picked>>,
    /// Receives the handle to open the pickers.
    pickers: RwSignal<Option<Pickers>, LocalStorage>,
) -> impl IntoView {
    let files = NodeRef::<Input>::new();
    let folder = NodeRef::<Input>::new();
    pickers.set(Some(Pickers { files, folder }));
    let picked = move |input: NodeRef<Input>| {
        if let Some(i) = input.get_untracked() {
            if let Some(list) = i.files() {
                on_pick.run(from_file_list(&list));
            }
            // Picking the same files again must fire `change` again.
            i.set_value("");
        }
    };
    view! {
        <input type="file" multiple hidden name=format!("{name}-files") node_ref=files tabindex="-1"
            on:change=move |_| picked(files)/>
        <input type="file" multiple hidden name=format!("{name}-folder") node_ref=folder tabindex="-1"
            prop:webkitdirectory=true on:change=move |_| picked(folder)/>
    }
}
