//! The top bar: drawer toggle, brand, language and theme switches, the user and sign-out.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::advanced_search::AdvancedSearch;
use crate::components::common::icons::MenuIcon;
use crate::i18n::{use_i18n, Key, Locale};
use crate::state::session::use_session;
use crate::state::theme::{use_theme, ThemeMode};

/// The top bar.
#[component]
pub fn TopBar(
    /// The drawer state the menu button toggles.
    menu_open: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    let session = use_session();
    let navigate = use_navigate();
    let query = RwSignal::new(String::new());
    let advanced = RwSignal::new(false);
    let search_nav = navigate.clone();
    let search = Callback::new(move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words = query.get_untracked().trim().to_string();
        if !words.is_empty() {
            let mut uri = cloudreve_api::CrUri::my();
            uri.query.push(("name".into(), words));
            uri.query.push(("case_folding".into(), String::new()));
            search_nav(&crate::links::home(&uri), Default::default());
        }
    });
    let sign_out = Action::new_local(move |_: &()| async move { session.sign_out().await });
    Effect::new(move |_| {
        if sign_out.version().get() > 0 && !sign_out.pending().get() {
            navigate("/session", Default::default());
        }
    });
    let theme_label = move |m: ThemeMode| {
        i18n.t(match m {
            ThemeMode::Light => Key::ThemeLight,
            ThemeMode::Dark => Key::ThemeDark,
            ThemeMode::System => Key::ThemeSystem,
        })
    };
    view! {
        <header class="cr-topbar">
            <button
                type="button"
                class="cr-icon-button cr-topbar__menu"
                aria-controls="cr-sidebar"
                aria-expanded=move || menu_open.get().to_string()
                aria-label=move || i18n.t(if menu_open.get() { Key::CloseMenu } else { Key::OpenMenu })
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                <MenuIcon/>
            </button>
            <span class="cr-topbar__brand">"Cloudreve"</span>
            <Show when=move || session.signed_in()>
                <form class="cr-search" role="search" on:submit=move |ev| search.run(ev)>
                    <label class="cr-field cr-field--inline">
                        <span class="cr-visually-hidden">{i18n.text(Key::Search)}</span>
                        <input class="cr-input cr-search__input" type="search" name="q" placeholder=i18n.text(Key::SearchPlaceholder)
                            prop:value=query on:input=move |ev| query.set(event_target_value(&ev))/>
                    </label>
                    <button type="button" class="cr-icon-button cr-search__more" aria-label=i18n.text(Key::AdvancedSearch)
                        title=i18n.text(Key::AdvancedSearch) on:click=move |_| advanced.set(true)>"⚙"</button>
                </form>
                <Show when=move || advanced.get()>
                    <AdvancedSearch words=query.get_untracked() on_close=Callback::new(move |()| advanced.set(false))/>
                </Show>
            </Show>
            <span class="cr-topbar__spacer"></span>
            <label class="cr-topbar__control">
                <span class="cr-visually-hidden">{i18n.text(Key::Language)}</span>
                <select
                    class="cr-select"
                    data-testid="language"
                    on:change=move |ev| i18n.set_locale(Locale::from_tag(&event_target_value(&ev)))
                >
                    {Locale::ALL.map(|l| view! { <option value=l.tag() selected=move || i18n.locale() == l>{l.native_name()}</option> })}
                </select>
            </label>
            <label class="cr-topbar__control">
                <span class="cr-visually-hidden">{i18n.text(Key::Theme)}</span>
                <select class="cr-select" data-testid="theme" on:change=move |ev| theme.set_mode(ThemeMode::parse(&event_target_value(&ev)))>
                    {ThemeMode::ALL.map(|m| view! { <option value=m.as_str() selected=move || theme.mode() == m>{move || theme_label(m)}</option> })}
                </select>
            </label>
            {move || session.user().map(|u| view! {
                <span class="cr-topbar__user" title=i18n.tf(Key::SignedInAs, &[("email", &u.email)])>{u.nickname.clone()}</span>
                <button type="button" class="cr-button cr-button--quiet" disabled=move || sign_out.pending().get() on:click=move |_| { sign_out.dispatch(()); }>
                    {i18n.text(Key::SignOut)}
                </button>
            })}
        </header>
    }
}
