//! The advanced search form: words, case, files or folders, size range, modification dates and a
//! tag, turned into a search URI over My files (file.md §2) and opened in the explorer.

use cloudreve_api::CrUri;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::dialogs::modal::Modal;
use crate::domain::search_query::{day_bound, Kind, SearchForm};
use crate::i18n::{use_i18n, Key};
use crate::links;

/// Bytes in one MiB (the size fields are in MiB).
const MIB: f64 = 1_048_576.0;

/// The advanced search dialog.
#[component]
pub fn AdvancedSearch(
    /// The words already typed in the search box.
    words: String,
    /// Called when the dialog closes.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let words = RwSignal::new(words);
    let match_case = RwSignal::new(false);
    let kind = RwSignal::new(Kind::Any);
    let size_min = RwSignal::new(String::new());
    let size_max = RwSignal::new(String::new());
    let after = RwSignal::new(String::new());
    let before = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let mib = |s: String| {
        s.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map(|v| (v * MIB) as i64)
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = SearchForm {
            words: words.get_untracked(),
            match_case: match_case.get_untracked(),
            kind: kind.get_untracked(),
            size_min: mib(size_min.get_untracked()),
            size_max: mib(size_max.get_untracked()),
            updated_after: day_bound(&after.get_untracked(), false),
            updated_before: day_bound(&before.get_untracked(), true),
            tag: tag.get_untracked(),
        };
        let query = form.query();
        if query.is_empty() {
            return;
        }
        let mut uri = CrUri::my();
        uri.query = query;
        on_close.run(());
        navigate(&links::home(&uri), Default::default());
    };
    let text_field = move |label: Key,
                           name: &'static str,
                           kind: &'static str,
                           value: RwSignal<String>| {
        view! {
            <label class="cr-field">
                <span class="cr-field__label">{move || i18n.t(label)}</span>
                <input class="cr-input" name=name type=kind min="0" step="any" prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <Modal title=Signal::derive(move || i18n.t(Key::AdvancedSearch).to_string()) on_close>
            <form class="cr-dialog__form cr-search-form" on:submit=submit>
                {text_field(Key::SearchWords, "words", "text", words)}
                <label class="cr-check">
                    <input type="checkbox" name="match-case" prop:checked=match_case on:change=move |ev| match_case.set(event_target_checked(&ev))/>
                    {i18n.text(Key::MatchCase)}
                </label>
                <label class="cr-field">
                    <span class="cr-field__label">{i18n.text(Key::Kind)}</span>
                    <select class="cr-select" name="kind" on:change=move |ev| kind.set(match event_target_value(&ev).as_str() {
                        "file" => Kind::Files,
                        "folder" => Kind::Folders,
                        _ => Kind::Any,
                    })>
                        <option value="any">{i18n.text(Key::KindAny)}</option>
                        <option value="file">{i18n.text(Key::File)}</option>
                        <option value="folder">{i18n.text(Key::Folder)}</option>
                    </select>
                </label>
                <div class="cr-search-form__pair">
                    {text_field(Key::SizeAtLeast, "size-min", "number", size_min)}
                    {text_field(Key::SizeAtMost, "size-max", "number", size_max)}
                </div>
                <div class="cr-search-form__pair">
                    {text_field(Key::ModifiedAfter, "after", "date", after)}
                    {text_field(Key::ModifiedBefore, "before", "date", before)}
                </div>
                {text_field(Key::WithTag, "tag", "text", tag)}
                <div class="cr-dialog__actions">
                    <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>{i18n.text(Key::Cancel)}</button>
                    <button type="submit" class="cr-button cr-button--primary">{i18n.text(Key::Search)}</button>
                </div>
            </form>
        </Modal>
    }
}
