//! `/embed/s/:id/:password?`: the share viewer made for other sites' iframes. It is the file
//! browser on the share, marked as embedded so that it drops the app's chrome, keeps navigation
//! inside this route, and opens downloads in a new tab.

use leptos::prelude::*;

use crate::pages::files_page::FilesPage;

/// Marks the page as the embedded share viewer (context).
#[derive(Debug, Clone, Copy)]
pub struct Embedded;

/// Whether the page is the embedded share viewer.
pub fn is_embedded() -> bool {
    use_context::<Embedded>().is_some()
}

/// The embedded share viewer.
#[component]
pub fn EmbedPage() -> impl IntoView {
    provide_context(Embedded);
    view! { <FilesPage/> }
}
