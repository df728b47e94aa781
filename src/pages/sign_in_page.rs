//! `/session`: sign in as Cloudreve does it: e-mail, then password (and CAPTCHA when the site asks),
//! then a one-time code when the account has 2FA (code 203). Returns to `?redirect=` afterwards.

use cloudreve_api::endpoints::session::PrepareLogin;
use cloudreve_api::endpoints::site::{GetCaptcha, GetLoginConfig};
use cloudreve_api::models::{PasswordLoginRequest, TwoFaLoginRequest};
use cloudreve_api::{ApiError, Code, Outcome};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::links;
use crate::state::session::use_session;

/// Which step of the sign-in is on screen.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Email,
    Password,
    TwoFa(String),
}

/// A problem to show under the form.
#[derive(Debug, Clone, PartialEq)]
enum FormError {
    Local(Key),
    Api(ApiError),
}

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    let redirect = move || {
        links::safe_redirect(
            location
                .search
                .with_untracked(|q| links::query_param(q, "redirect"))
                .as_deref(),
        )
    };
    Effect::new(move |_| {
        if session.signed_in() {
            navigate(
                &redirect(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    let step = RwSignal::new(Step::Email);
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let captcha = RwSignal::new(String::new());
    let otp = RwSignal::new(String::new());
    let error = RwSignal::new(None::<FormError>);
    let captcha_version = RwSignal::new(0u32);

    let login_config = LocalResource::new(move || async move {
        session
            .call(&GetLoginConfig)
            .await
            .map(|c| c.login_captcha)
            .unwrap_or(false)
    });
    let needs_captcha = move || login_config.get().unwrap_or(false);
    let challenge = LocalResource::new(move || {
        captcha_version.track();
        let wanted = needs_captcha();
        async move {
            if wanted {
                session.call(&GetCaptcha).await.ok()
            } else {
                None
            }
        }
    });

    let submit = Action::new_local(move |current: &Step| {
        let current = current.clone();
        async move {
            let result = match current {
                Step::Email => {
                    let address = email.get_untracked().trim().to_string();
                    if !address.contains('@') || address.starts_with('@') || address.ends_with('@')
                    {
                        return Some(FormError::Local(Key::EmailInvalid));
                    }
                    match session.call(&PrepareLogin { email: address }).await {
                        Ok(p) if p.password_enabled => {
                            step.set(Step::Password);
                            return None;
                        }
                        Ok(_) => return Some(FormError::Local(Key::NoPassword)),
                        Err(e) if e.code() == Some(Code::NotFound) => {
                            return Some(FormError::Local(Key::NoAccount))
                        }
                        Err(e) => Err(e),
                    }
                }
                Step::Password => {
                    if password.get_untracked().chars().count() < 4 {
                        return Some(FormError::Local(Key::PasswordShort));
                    }
                    let ticket = challenge
                        .get_untracked()
                        .flatten()
                        .map(|c| c.ticket)
                        .unwrap_or_default();
                    let req = PasswordLoginRequest {
                        email: email.get_untracked().trim().into(),
                        password: password.get_untracked(),
                        captcha: captcha.get_untracked(),
                        ticket,
                    };
                    session.call_outcome(&req).await.map(|o| match o {
                        Outcome::Done(login) => {
                            session.sign_in(login);
                            Outcome::Done(())
                        }
                        Outcome::Continue(id) => Outcome::Continue(id),
                    })
                }
                Step::TwoFa(session_id) => {
                    let req = TwoFaLoginRequest {
                        otp: otp.get_untracked().trim().into(),
                        session_id,
                    };
                    session.call(&req).await.map(|login| {
                        session.sign_in(login);
                        Outcome::Done(())
                    })
                }
            };
            match result {
                Ok(Outcome::Done(())) => None,
                Ok(Outcome::Continue(id)) => {
                    step.set(Step::TwoFa(id));
                    None
                }
                Err(e) => Some(FormError::Api(e)),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(outcome) = submit.value().get() {
            if outcome.is_some() && matches!(step.get_untracked(), Step::Password) {
                captcha.set(String::new());
                captcha_version.update(|v| *v += 1);
            }
            if let Some(FormError::Api(e)) = &outcome {
                if e.code() == Some(Code::NotFound)
                    && matches!(step.get_untracked(), Step::TwoFa(_))
                {
                    step.set(Step::Password);
                    error.set(Some(FormError::Api(ApiError::Server {
                        code: Code::LoginSessionNotExist,
                        msg: String::new(),
                        correlation_id: e.correlation_id().map(Into::into),
                    })));
                    return;
                }
            }
            error.set(outcome);
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        submit.dispatch(step.get_untracked());
    };
    let back = move |_| {
        error.set(None);
        password.set(String::new());
        otp.set(String::new());
        step.set(Step::Email);
    };
    let error_text = move || {
        error.get().map(|e| match e {
            FormError::Local(k) => i18n.t(k).to_string(),
            FormError::Api(e) => {
                let msg = error_message(&e, i18n.locale());
                match e.correlation_id() {
                    Some(id) => format!("{msg} ({})", i18n.tf(Key::RequestId, &[("id", id)])),
                    None => msg,
                }
            }
        })
    };

    view! {
        <main class="cr-signin" id="cr-main">
            <form class="cr-signin__card" on:submit=on_submit novalidate=true>
                <h1 class="cr-signin__title">
                    {move || i18n.t(if matches!(step.get(), Step::TwoFa(_)) { Key::TwoFaTitle } else { Key::SignInTitle })}
                </h1>
                {move || match step.get() {
                    Step::Email => view! {
                        <label class="cr-field">
                            <span class="cr-field__label">{i18n.text(Key::Email)}</span>
                            <input class="cr-input" type="email" name="email" autocomplete="username" required=true autofocus=true
                                prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/>
                        </label>
                    }.into_any(),
                    Step::Password => view! {
                        <p class="cr-signin__who">{move || email.get()}</p>
                        <label class="cr-field">
                            <span class="cr-field__label">{i18n.text(Key::Password)}</span>
                            <input class="cr-input" type="password" name="password" autocomplete="current-password" required=true autofocus=true
                                prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
                        </label>
                        {move || challenge.get().flatten().map(|c| view! {
                            <div class="cr-captcha">
                                <img class="cr-captcha__image" src=c.image alt=i18n.text(Key::CaptchaImage)/>
                                <button type="button" class="cr-button cr-button--quiet" on:click=move |_| captcha_version.update(|v| *v += 1)>
                                    {i18n.text(Key::CaptchaRefresh)}
                                </button>
                                <label class="cr-field">
                                    <span class="cr-field__label">{i18n.text(Key::Captcha)}</span>
                                    <input class="cr-input" type="text" name="captcha" autocomplete="off" required=true
                                        prop:value=captcha on:input=move |ev| captcha.set(event_target_value(&ev))/>
                                </label>
                            </div>
                        })}
                    }.into_any(),
                    Step::TwoFa(_) => view! {
                        <p class="cr-signin__hint">{i18n.text(Key::TwoFaHint)}</p>
                        <label class="cr-field">
                            <span class="cr-field__label">{i18n.text(Key::TwoFaCode)}</span>
                            <input class="cr-input" type="text" name="otp" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required=true autofocus=true
                                prop:value=otp on:input=move |ev| otp.set(event_target_value(&ev))/>
                        </label>
                    }.into_any(),
                }}
                <p class="cr-signin__error" role="alert" aria-live="assertive">{error_text}</p>
                <div class="cr-signin__actions">
                    <Show when=move || step.get() != Step::Email>
                        <button type="button" class="cr-button cr-button--quiet" on:click=back>{i18n.text(Key::Back)}</button>
                    </Show>
                    <button type="submit" class="cr-button cr-button--primary" disabled=move || submit.pending().get()>
                        {move || if submit.pending().get() {
                            i18n.t(Key::Working)
                        } else {
                            i18n.t(match step.get() { Step::Email => Key::Next, Step::Password => Key::SignIn, Step::TwoFa(_) => Key::Verify })
                        }}
                    </button>
                </div>
            </form>
        </main>
    }
}
