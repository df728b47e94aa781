//! The folder's items in the chosen view: list, grid or gallery.

use leptos::prelude::*;

use crate::components::explorer::file_list::FileList;
use crate::components::explorer::file_tiles::{FileTiles, TileStyle};
use crate::domain::sort::{Sort, SortKey};
use crate::state::explorer::{use_explorer, ViewMode};

/// Shows the explorer's items in its view mode.
#[component]
pub fn FolderView(
    /// The current order (list headers show it).
    #[prop(into)]
    sort: Signal<Sort>,
    /// Header clicks, when the listing can be sorted.
    #[prop(into)]
    on_sort: Signal<Option<Callback<SortKey>>>,
    /// The columns the server can order by.
    #[prop(into)]
    sortable: Signal<Vec<SortKey>>,
) -> impl IntoView {
    let ex = use_explorer();
    move || match ex.view.get() {
        ViewMode::List => match on_sort.get() {
            Some(cb) => {
                // The headers read the sortable columns once, so a new set rebuilds the list.
                sortable.track();
                view! { <FileList sort on_sort=cb sortable/> }.into_any()
            }
            None => view! { <FileList/> }.into_any(),
        },
        ViewMode::Grid => view! { <FileTiles style=TileStyle::Grid/> }.into_any(),
        ViewMode::Gallery => view! { <FileTiles style=TileStyle::Gallery/> }.into_any(),
    }
}
