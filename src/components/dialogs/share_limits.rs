//! The settings a share link is made and edited with: expiry, a download limit (single files
//! only, as the server counts no other) and the owner's view settings.

use leptos::prelude::*;

use crate::domain::share_link::Expiry;
use crate::i18n::{use_i18n, Key};

/// The label of an expiry preset.
pub fn expiry_label(e: Expiry) -> Key {
    match e {
        Expiry::Never => Key::ExpiryNever,
        Expiry::Hour => Key::ExpiryHour,
        Expiry::Day => Key::ExpiryDay,
        Expiry::Week => Key::ExpiryWeek,
        Expiry::Month => Key::ExpiryMonth,
    }
}

/// The expiry, download-limit and view-settings fields.
#[component]
pub fn ShareLimits(
    /// The chosen expiry.
    expiry: RwSignal<Expiry>,
    /// The download limit as typed (empty = unlimited).
    downloads: RwSignal<String>,
    /// Share the owner's view settings.
    share_view: RwSignal<bool>,
    /// The shared item is a folder (no download limit).
    is_folder: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="cr-field">
            <span>{i18n.text(Key::ShareExpiry)}</span>
            <select class="cr-input" name="share-expiry" on:change=move |ev| expiry.set(Expiry::from_code(&event_target_value(&ev)))>
                {Expiry::ALL.into_iter().map(|e| view! {
                    <option value=e.code() selected=move || expiry.get() == e>{i18n.text(expiry_label(e))}</option>
                }).collect_view()}
            </select>
        </label>
        {(!is_folder).then(|| view! {
            <label class="cr-field">
                <span>{i18n.text(Key::ShareDownloadLimit)}</span>
                <input class="cr-input" name="share-downloads" type="number" min="1" inputmode="numeric"
                    placeholder=i18n.text(Key::ShareUnlimited)
                    prop:value=downloads on:input=move |ev| downloads.set(event_target_value(&ev))/>
            </label>
        })}
        <label class="cr-choice">
            <input type="checkbox" name="share-view" prop:checked=share_view on:change=move |ev| share_view.set(event_target_checked(&ev))/>
            <span>{i18n.text(Key::ShareViewSettings)}</span>
        </label>
    }
}

/// The download limit typed in `raw`, if it is a positive number.
pub fn limit_of(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n > 0)
}
