//! Create a share link for one item (`PUT /share`): password (none, random or custom), expiry,
//! a download limit; then the link with a "password in link" switch, copy, and the system share
//! sheet where the browser has one.

use cloudreve_api::models::{CreateShareRequest, FileResponse};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::dialogs::modal::Modal;
use crate::components::dialogs::share_limits::{limit_of, ExpiryChoice, ShareLimits};
use crate::domain::qr_code::qr_path;
use crate::domain::share_link::{check_password, PasswordProblem, SharedLink};
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::session::use_session;

/// How a new share is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Protection {
    None,
    Random,
    Custom,
}

/// The share dialog for `file`.
#[component]
pub fn ShareDialog(
    /// The item to share.
    file: FileResponse,
    /// Called when the dialog closes.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let protection = RwSignal::new(Protection::None);
    let custom = RwSignal::new(String::new());
    let expiry = ExpiryChoice::default();
    let tried = RwSignal::new(false);
    let downloads = RwSignal::new(String::new());
    let share_view = RwSignal::new(false);
    let show_readme = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<SharedLink>);
    let with_password = RwSignal::new(true);
    let copied = RwSignal::new(false);
    let uri = StoredValue::new(file.path.clone());
    let is_folder = file.is_folder();

    let password_problem = move || {
        (protection.get() == Protection::Custom)
            .then(|| {
                let p = custom.get();
                if p.is_empty() {
                    Some(Key::SharePasswordEmpty)
                } else {
                    check_password(&p).err().map(|e| match e {
                        PasswordProblem::TooLong => Key::SharePasswordTooLong,
                        PasswordProblem::NotAlphanumeric => Key::SharePasswordChars,
                    })
                }
            })
            .flatten()
    };
    let limit = move || downloads.with(|d| limit_of(d));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Ok(expire) = expiry.seconds() else { return };
        if password_problem().is_some() || busy.get_untracked() {
            return;
        }
        let prot = protection.get_untracked();
        let req = CreateShareRequest {
            uri: uri.get_value(),
            is_private: prot != Protection::None,
            password: if prot == Protection::Custom {
                custom.get_untracked()
            } else {
                String::new()
            },
            // Counted downloads only apply to single files (share.md §Create).
            downloads: if is_folder { 0 } else { limit().unwrap_or(0) },
            expire,
            share_view: share_view.get_untracked(),
            show_readme: is_folder && show_readme.get_untracked(),
            ..CreateShareRequest::default()
        };
        busy.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            match session.call(&req).await {
                Ok(link) => created.set(Some(SharedLink::parse(&link, req.is_private))),
                Err(e) => failure.set(Some(error_message(&e, i18n.locale_untracked()))),
            }
            busy.set(false);
        });
    };
    let link_text = move || {
        created
            .get()
            .map(|l| l.text(with_password.get()))
            .unwrap_or_default()
    };
    let copy = move |_| {
        let text = link_text();
        copied.set(false);
        leptos::task::spawn_local(async move {
            match crate::browser::copy_text(&text).await {
                Ok(()) => copied.set(true),
                Err(()) => failure.set(Some(i18n.t(Key::CopyFailed).to_string())),
            }
        });
    };
    let can_share_sheet = has_share_sheet();
    let share_sheet = move |_| {
        let text = link_text();
        if let Some(nav) = web_sys::window().map(|w| w.navigator()) {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"url".into(), &text.into());
            if let Ok(f) = js_sys::Reflect::get(&nav, &"share".into()) {
                if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                    let _ = f.call1(&nav, &data);
                }
            }
        }
    };
    let name = file.name.clone();
    view! {
        <Modal title=Signal::derive(move || i18n.tf(Key::ShareTitle, &[("name", &name)])) on_close>
            <Show when=move || created.with(Option::is_none)>
                <form class="cr-dialog__form cr-share-form" on:submit=submit>
                    <fieldset class="cr-field">
                        <legend>{i18n.text(Key::SharePassword)}</legend>
                        {[(Protection::None, Key::SharePasswordNone, "none"), (Protection::Random, Key::SharePasswordRandom, "random"), (Protection::Custom, Key::SharePasswordCustom, "custom")]
                            .into_iter()
                            .map(|(p, label, value)| view! {
                                <label class="cr-choice">
                                    <input type="radio" name="share-protection" value=value prop:checked=move || protection.get() == p
                                        on:change=move |_| protection.set(p)/>
                                    <span>{i18n.text(label)}</span>
                                </label>
                            })
                            .collect_view()}
                        <Show when=move || protection.get() == Protection::Custom>
                            <input class="cr-input" name="share-password" autocomplete="off" spellcheck="false" maxlength="32"
                                aria-label=i18n.text(Key::SharePasswordCustom)
                                aria-invalid=move || password_problem().is_some().to_string()
                                prop:value=custom on:input=move |ev| custom.set(event_target_value(&ev))/>
                            <p class="cr-field__error" role="alert">{move || password_problem().map(|k| i18n.t(k))}</p>
                        </Show>
                    </fieldset>
                    <ShareLimits expiry checked=tried downloads share_view is_folder/>
                    {is_folder.then(|| view! {
                        <label class="cr-choice">
                            <input type="checkbox" name="share-readme" prop:checked=show_readme on:change=move |ev| show_readme.set(event_target_checked(&ev))/>
                            <span>{i18n.text(Key::ShareShowReadme)}</span>
                        </label>
                    })}
                    <p class="cr-field__error" role="alert">{move || failure.get()}</p>
                    <div class="cr-dialog__actions">
                        <button type="button" class="cr-button cr-button--quiet" on:click=move |_| on_close.run(())>{i18n.text(Key::Cancel)}</button>
                        <button type="submit" class="cr-button cr-button--primary" disabled=busy>{i18n.text(Key::ShareCreate)}</button>
                    </div>
                </form>
            </Show>
            <Show when=move || created.with(Option::is_some)>
                <div class="cr-dialog__form cr-share-result">
                    <label class="cr-field">
                        <span>{i18n.text(Key::ShareLink)}</span>
                        <input class="cr-input" name="share-link" readonly prop:value=link_text
                            on:focus=move |ev| { if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select() } }/>
                    </label>
                    {move || created.get().and_then(|l| l.password).map(|p| view! {
                        <label class="cr-choice">
                            <input type="checkbox" name="password-in-link" prop:checked=with_password on:change=move |ev| with_password.set(event_target_checked(&ev))/>
                            <span>{i18n.text(Key::SharePasswordInLink)}</span>
                        </label>
                        <Show when=move || !with_password.get()>
                            <p class="cr-share-result__password">{i18n.text(Key::SharePassword)}": "<code data-share-password="">{p.clone()}</code></p>
                        </Show>
                    })}
                    // Scanners want dark on light whatever the theme, so the colours are fixed.
                    {move || qr_path(&link_text()).map(|qr| {
                        let view_box = format!("0 0 {0} {0}", qr.extent);
                        view! {
                            <svg class="cr-share-qr" data-qr="" viewBox=view_box role="img" aria-label=i18n.text(Key::ShareQrCode)
                                shape-rendering="crispEdges">
                                <rect width="100%" height="100%" fill="#fff"/>
                                <path d=qr.d fill="#000"/>
                            </svg>
                        }
                    })}
                    <p class="cr-field__error" role="alert">{move || failure.get()}</p>
                    <p class="cr-status" role="status">{move || copied.get().then(|| i18n.t(Key::Copied))}</p>
                    <div class="cr-dialog__actions">
                        {can_share_sheet.then(|| view! { <button type="button" class="cr-button cr-button--quiet" on:click=share_sheet>{i18n.text(Key::ShareSheet)}</button> })}
                        <button type="button" class="cr-button cr-button--quiet" on:click=copy>{i18n.text(Key::Copy)}</button>
                        <button type="button" class="cr-button cr-button--primary" on:click=move |_| on_close.run(())>{i18n.text(Key::Done)}</button>
                    </div>
                </div>
            </Show>
        </Modal>
    }
}

/// Whether the browser offers `navigator.share` (phones, some desktops).
fn has_share_sheet() -> bool {
    web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}
