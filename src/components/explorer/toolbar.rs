//! Above the items: breadcrumbs, the actions for the selection (or "New folder" when nothing is
//! selected), the view switcher and, in the gallery, the tile size.

use leptos::prelude::*;

use crate::components::explorer::breadcrumbs::Breadcrumbs;
use crate::components::explorer::context_menu::action_label;
use crate::domain::file_actions::{self, Context, FileAction};
use crate::domain::sort::Sort;
use crate::i18n::{use_i18n, Key};
use crate::state::explorer::{use_explorer, Command, ViewMode};
use crate::state::session::use_session;
use crate::state::view_settings::{self, GALLERY_MAX, GALLERY_MIN};

/// The toolbar.
#[component]
pub fn Toolbar(
    /// Runs an action.
    perform: Callback<FileAction>,
    /// What the actions depend on.
    #[prop(into)]
    context: Signal<Context>,
    /// The current order (saved with the view).
    #[prop(into)]
    sort: Signal<Sort>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ex = use_explorer();
    let session = use_session();
    let buttons = move || {
        let c = context.get();
        let actions: Vec<FileAction> = if c.targets > 0 && !ex.selection.with(|s| s.is_empty()) {
            // The toolbar is full enough: the activity is one click away in the details.
            file_actions::for_items(&c)
                .into_iter()
                .filter(|a| *a != FileAction::Activity)
                .collect()
        } else {
            file_actions::for_folder(&c)
                .into_iter()
                .filter(|a| {
                    matches!(
                        a,
                        FileAction::UploadFiles
                            | FileAction::UploadFolder
                            | FileAction::NewFolder
                            | FileAction::NewFile
                            | FileAction::EmptyTrash
                    )
                })
                .collect()
        };
        let selection = c.targets > 0 && !ex.selection.with(|s| s.is_empty());
        let buttons = actions
            .into_iter()
            .map(|a| {
                let danger = matches!(
                    a,
                    FileAction::Delete | FileAction::DeleteForGood | FileAction::EmptyTrash
                );
                view! {
                    <button type="button" class="cr-button" class:cr-button--danger-quiet=danger
                        on:click=move |_| perform.run(a)>{i18n.text(action_label(a))}</button>
                }
            })
            .collect_view();
        // On a phone the selection's actions live in one "Actions" menu (as on a long press).
        view! {
            <span class="cr-toolbar__buttons" class:cr-toolbar__buttons--selection=selection>{buttons}</span>
            <Show when=move || selection>
                <button type="button" class="cr-button cr-toolbar__more" aria-haspopup="menu"
                    on:click=move |ev| ex.send(Command::Menu { x: f64::from(ev.client_x()), y: f64::from(ev.client_y()), on_item: true })>
                    {i18n.text(Key::Actions)}
                </button>
            </Show>
        }
    };
    let set_view = move |mode: ViewMode| {
        ex.view.set(mode);
        let s = sort.get_untracked();
        leptos::task::spawn_local(view_settings::save(session, ex, s));
    };
    let view_label = |m: ViewMode| match m {
        ViewMode::List => Key::ViewList,
        ViewMode::Grid => Key::ViewGrid,
        ViewMode::Gallery => Key::ViewGallery,
    };
    view! {
        <div class="cr-toolbar">
            <Breadcrumbs uri=ex.folder/>
            <div class="cr-toolbar__actions" role="toolbar" aria-label=i18n.text(Key::Actions)>
                {buttons}
                <Show when=move || !ex.selection.with(|s| s.is_empty())>
                    <button type="button" class="cr-button cr-button--quiet" on:click=move |_| ex.selection.update(|s| s.clear())>
                        {i18n.text(Key::ClearSelection)}
                    </button>
                </Show>
                <Show when=move || ex.view.get() == ViewMode::Gallery>
                    <label class="cr-field cr-field--inline cr-gallery-size">
                        <span class="cr-visually-hidden">{i18n.text(Key::TileSize)}</span>
                        <input type="range" min=GALLERY_MIN max=GALLERY_MAX step="20" prop:value=move || ex.gallery_size.get().to_string()
                            on:input=move |ev| if let Ok(v) = event_target_value(&ev).parse() { ex.gallery_size.set(v) }
                            on:change=move |_| { let s = sort.get_untracked(); leptos::task::spawn_local(view_settings::save(session, ex, s)) }/>
                    </label>
                </Show>
                <div class="cr-segmented" role="group" aria-label=i18n.text(Key::ViewMode)>
                    {ViewMode::ALL.into_iter().map(|m| view! {
                        <button type="button" class="cr-segmented__item" data-view=m.as_str()
                            aria-pressed=move || (ex.view.get() == m).to_string()
                            on:click=move |_| set_view(m)>{move || i18n.t(view_label(m))}</button>
                    }).collect_view()}
                </div>
            </div>
        </div>
    }
}
