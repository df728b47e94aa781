//! Storage used against the quota, as a labelled progress bar.

use cloudreve_api::models::Capacity;
use leptos::prelude::*;

use crate::domain::size_format::{format_size, percent};
use crate::i18n::{use_i18n, Key};

/// Shows `capacity` once known.
#[component]
pub fn StorageUsage(
    /// Bytes used and available; `None` while loading or unavailable.
    #[prop(into)]
    capacity: Signal<Option<Capacity>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        capacity.get().map(|c| {
            let pct = percent(c.used, c.total);
            let text = i18n.tf(
                Key::StorageUsed,
                &[
                    ("used", &format_size(c.used)),
                    ("total", &format_size(c.total)),
                ],
            );
            view! {
                <section class="cr-storage" aria-label=i18n.t(Key::Storage)>
                    <div class="cr-storage__title">{i18n.t(Key::Storage)}</div>
                    <div
                        class="cr-storage__bar"
                        role="progressbar"
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow=pct.to_string()
                        aria-valuetext=text.clone()
                    >
                        <div class="cr-storage__fill" style:width=format!("{pct}%")></div>
                    </div>
                    <div class="cr-storage__text">{text}</div>
                </section>
            }
        })
    }
}
