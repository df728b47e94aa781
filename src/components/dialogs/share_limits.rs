//! The settings a share link is made and edited with: expiry, a download limit (single files
//! only, as the server counts no other) and the owner's view settings.

use leptos::prelude::*;

use crate::browser;
use crate::domain::share_link::{seconds_until, DateProblem, Expiry};
use crate::i18n::{use_i18n, Key};

/// When a link ends: a preset, or the date typed into the `datetime-local` field.
#[derive(Debug, Clone, Copy)]
pub struct ExpiryChoice {
    /// The picked option.
    pub preset: RwSignal<Expiry>,
    /// The custom date as the field holds it (`YYYY-MM-DDTHH:MM`, local time).
    pub date: RwSignal<String>,
}

impl Default for ExpiryChoice {
    /// Never, until changed.
    fn default() -> Self {
        ExpiryChoice {
            preset: RwSignal::new(Expiry::Never),
            date: RwSignal::new(String::new()),
        }
    }
}

impl ExpiryChoice {
    /// The `expire` field (seconds from now), or why the custom date can't be used.
    pub fn seconds(self) -> Result<i64, Key> {
        let preset = self.preset.get_untracked();
        if let Some(s) = preset.seconds() {
            return Ok(s);
        }
        let target = self
            .date
            .with_untracked(|d| browser::parse_local_datetime(d));
        seconds_until(target, js_sys::Date::now()).map_err(|e| match e {
            DateProblem::Missing => Key::ExpiryDateMissing,
            DateProblem::NotInFuture => Key::ExpiryDatePast,
        })
    }
}

/// The label of an expiry preset.
pub fn expiry_label(e: Expiry) -> Key {
    match e {
        Expiry::Never => Key::ExpiryNever,
        Expiry::Hour => Key::ExpiryHour,
        Expiry::Day => Key::ExpiryDay,
        Expiry::Week => Key::ExpiryWeek,
        Expiry::Month => Key::ExpiryMonth,
        Expiry::Custom => Key::ExpiryCustom,
    }
}

/// The expiry, download-limit and view-settings fields.
#[component]
pub fn ShareLimits(
    /// The chosen expiry.
    expiry: ExpiryChoice,
    /// Show why the custom date is refused (after a first submit).
    #[prop(into)]
    checked: Signal<bool>,
    /// The download limit as typed (empty = unlimited).
    downloads: RwSignal<String>,
    /// Share the owner's view settings.
    share_view: RwSignal<bool>,
    /// The shared item is a folder (no download limit).
    is_folder: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let pick = move |ev| {
        let e = Expiry::from_code(&event_target_value(&ev));
        // A week from now is a useful start for the date field.
        if e == Expiry::Custom && expiry.date.with_untracked(String::is_empty) {
            let week = js_sys::Date::now() + 7.0 * 86_400_000.0;
            expiry.date.set(browser::local_datetime_field(week));
        }
        expiry.preset.set(e);
    };
    let problem = move || {
        expiry.date.track();
        (checked.get() && expiry.preset.get() == Expiry::Custom)
            .then(|| expiry.seconds().err())
            .flatten()
    };
    view! {
        <label class="cr-field">
            <span>{i18n.text(Key::ShareExpiry)}</span>
            <select class="cr-input" name="share-expiry" on:change=pick>
                {Expiry::ALL.into_iter().map(|e| view! {
                    <option value=e.code() selected=move || expiry.preset.get() == e>{i18n.text(expiry_label(e))}</option>
                }).collect_view()}
            </select>
        </label>
        <Show when=move || expiry.preset.get() == Expiry::Custom>
            <label class="cr-field">
                <span>{i18n.text(Key::ExpiryDate)}</span>
                <input class="cr-input" type="datetime-local" name="share-expiry-date"
                    aria-invalid=move || problem().is_some().to_string()
                    prop:value=expiry.date on:input=move |ev| expiry.date.set(event_target_value(&ev))/>
                <span class="cr-field__error" role="alert">{move || problem().map(|k| i18n.t(k))}</span>
            </label>
        </Show>
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
