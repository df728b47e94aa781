//! The README of a shared folder, below the listing, when the share asks for it (`show_readme`):
//! the folder's `README.md` through the safe markdown view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::viewers::markdown_view::MarkdownView;
use crate::state::explorer::use_explorer;
use crate::state::session::use_session;
use crate::state::text_file::load_text;

/// The README of the folder on screen, if `show` and the folder has one.
#[component]
pub fn ShareReadme(
    /// Whether the share wants its README shown.
    #[prop(into)]
    show: Signal<bool>,
) -> impl IntoView {
    let session = use_session();
    let ex = use_explorer();
    let readme = Memo::new(move |_| {
        show.get()
            .then(|| {
                ex.files.with(|f| {
                    f.iter()
                        .find(|x| !x.is_folder() && x.name.eq_ignore_ascii_case("readme.md"))
                        .cloned()
                })
            })
            .flatten()
    });
    let text = LocalResource::new(move || {
        let file = readme.get();
        async move {
            let file = file?;
            let loaded = load_text(session, &file).await.ok()?;
            Some((file.name, Arc::<str>::from(loaded.text)))
        }
    });
    move || {
        text.get().flatten().map(|(name, text)| {
            view! {
                <section class="cr-share-readme" data-share-readme="">
                    <MarkdownView text name/>
                </section>
            }
        })
    }
}
