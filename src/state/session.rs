//! The signed-in session: stored tokens, proactive single-flight refresh, and what an expired session
//! means (the app is told through [`Session::expired`]; the transport never navigates).

use cloudreve_api::endpoint::Endpoint;
use cloudreve_api::endpoints::session::SignOut;
use cloudreve_api::models::{LoginResponse, RefreshTokenRequest, Token, User};
use cloudreve_api::{ApiError, Auth, Code, Outcome};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{CallOptions, HttpCall, Reply, Transport};
use crate::browser;
use crate::domain::single_flight::SingleFlight;
use crate::domain::token_expiry::{assess, TokenState};

/// localStorage key of the session.
const STORAGE_KEY: &str = "cr_session";

/// What is kept between visits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSession {
    /// The signed-in user.
    pub user: User,
    /// The token pair.
    pub token: Token,
    /// When we received `token` (our clock), to size the refresh margin.
    pub obtained_at: i64,
}

/// Optional extras of one call.
#[derive(Debug, Clone, Default)]
pub struct CallExtras {
    /// `context_hint` of the listing the call follows (`X-Cr-Context-Hint`).
    pub context_hint: Option<String>,
    /// Proof of purchase of a paid share (`X-Cr-Purchase-Ticket`).
    pub purchase_ticket: Option<String>,
    /// Cancels the request (e.g. when the page moves on).
    pub abort: Option<web_sys::AbortSignal>,
}

/// The session service (cheap to copy).
#[derive(Clone, Copy)]
pub struct Session {
    current: RwSignal<Option<StoredSession>>,
    expired: RwSignal<bool>,
    transport: StoredValue<Transport>,
    flight: StoredValue<SingleFlight<Result<(), ApiError>>, LocalStorage>,
}

impl Session {
    /// A session service talking through `transport`, restored from `stored`.
    pub fn new(transport: Transport, stored: Option<StoredSession>) -> Self {
        Session {
            current: RwSignal::new(stored),
            expired: RwSignal::new(false),
            transport: StoredValue::new(transport),
            flight: StoredValue::new_local(SingleFlight::default()),
        }
    }

    /// The signed-in user (tracked).
    pub fn user(&self) -> Option<User> {
        self.current.with(|s| s.as_ref().map(|s| s.user.clone()))
    }

    /// The signed-in user, read outside any reactive scope (in a task, say).
    pub fn user_untracked(&self) -> Option<User> {
        self.current
            .with_untracked(|s| s.as_ref().map(|s| s.user.clone()))
    }

    /// Whether someone is signed in (tracked).
    pub fn signed_in(&self) -> bool {
        self.current.with(Option::is_some)
    }

    /// True once the server has ended the session (tracked); cleared by the next sign-in.
    pub fn expired(&self) -> bool {
        self.expired.get()
    }

    /// The transport in use.
    pub fn transport(&self) -> Transport {
        self.transport.get_value()
    }

    /// Starts a session from a successful sign-in.
    pub fn sign_in(&self, login: LoginResponse) {
        self.save(Some(StoredSession {
            user: login.user,
            token: login.token,
            obtained_at: browser::now_ms(),
        }));
        self.expired.set(false);
    }

    /// Ends the session here and revokes it on the server (best effort: a failure changes nothing
    /// locally, the tokens are gone either way).
    pub async fn sign_out(&self) {
        let refresh = self.current.get_untracked().map(|s| s.token.refresh_token);
        self.save(None);
        if let Some(refresh_token) = refresh {
            let _ = self
                .transport
                .get_value()
                .send(&SignOut { refresh_token }, CallOptions::default())
                .await;
        }
    }

    /// Replaces the stored user with a fresh copy from the server (after pins or settings change).
    pub async fn reload_user(&self) -> Result<(), ApiError> {
        let user = self.call(&cloudreve_api::endpoints::user::GetMe).await?;
        if let Some(mut s) = self.current.get_untracked() {
            s.user = user;
            self.save(Some(s));
        }
        Ok(())
    }

    /// Drops the session because the server no longer accepts it.
    pub fn expire(&self) {
        if self.current.get_untracked().is_some() {
            self.save(None);
            self.expired.set(true);
        }
    }

    fn save(&self, s: Option<StoredSession>) {
        match s.as_ref().and_then(|s| serde_json::to_string(s).ok()) {
            Some(json) => browser::store(STORAGE_KEY, &json),
            None => browser::remove(STORAGE_KEY),
        }
        self.current.set(s);
    }

    /// Calls `req`, expecting a plain success.
    pub async fn call<E: Endpoint>(&self, req: &E) -> Result<E::Response, ApiError> {
        self.call_with(req, &CallExtras::default()).await
    }

    /// Calls `req` with a fresh token when it takes one, and reports a session the server rejected.
    pub async fn call_outcome<E: Endpoint>(
        &self,
        req: &E,
    ) -> Result<Outcome<E::Response>, ApiError> {
        self.call_outcome_with(req, &CallExtras::default()).await
    }

    /// Calls `req` with `extras` (context hint, purchase ticket, abort signal), expecting a plain success.
    pub async fn call_with<E: Endpoint>(
        &self,
        req: &E,
        extras: &CallExtras,
    ) -> Result<E::Response, ApiError> {
        match self.call_outcome_with(req, extras).await? {
            Outcome::Done(v) => Ok(v),
            Outcome::Continue(_) => Err(ApiError::Server {
                code: Code::Continue,
                msg: String::new(),
                correlation_id: None,
            }),
        }
    }

    /// [`Session::call_outcome`] with `extras`.
    pub async fn call_outcome_with<E: Endpoint>(
        &self,
        req: &E,
        extras: &CallExtras,
    ) -> Result<Outcome<E::Response>, ApiError> {
        self.call_prepared::<E>(HttpCall::of(req), extras).await
    }

    /// Sends `call`, already built for endpoint `E` (e.g. with a raw body added), and decodes `E`'s
    /// answer.
    pub async fn call_prepared<E: Endpoint>(
        &self,
        call: HttpCall,
        extras: &CallExtras,
    ) -> Result<Outcome<E::Response>, ApiError> {
        let (reply, with_token) = self.fetch(E::AUTH, call, extras).await?;
        let result = reply.decode();
        if let Err(e) = &result {
            if with_token && e.ends_session() {
                self.expire();
            }
        }
        result
    }

    /// Calls an endpoint whose answer data the caller does not need. Not generic: every generic
    /// call site instantiates a whole request future, and the upload queue makes several such calls
    /// (wasm size).
    pub async fn call_ignoring_data(&self, auth: Auth, call: HttpCall) -> Result<(), ApiError> {
        let (reply, with_token) = self.fetch(auth, call, &CallExtras::default()).await?;
        let result = reply.decode::<serde::de::IgnoredAny>().map(drop);
        if let Err(e) = &result {
            if with_token && e.ends_session() {
                self.expire();
            }
        }
        result
    }

    /// The endpoint-independent part of a call (one copy in the wasm, not one per endpoint): sends
    /// `call` with a fresh token unless `auth` is [`Auth::None`]; also tells whether a token went out.
    ///
    /// The future is boxed on purpose: callers hold a pointer to one compiled copy instead of
    /// inlining the whole request (token refresh, fetch, body) into every call site's state machine.
    fn fetch(
        &self,
        auth: Auth,
        call: HttpCall,
        extras: &CallExtras,
    ) -> futures::future::LocalBoxFuture<'static, Result<(Reply, bool), ApiError>> {
        let this = *self;
        let extras = extras.clone();
        Box::pin(async move {
            let token = if auth == Auth::None {
                None
            } else {
                this.fresh_token().await
            };
            let opts = CallOptions {
                token: token.as_deref(),
                context_hint: extras.context_hint.as_deref(),
                purchase_ticket: extras.purchase_ticket.as_deref(),
                abort: extras.abort.as_ref(),
            };
            let reply = this.transport.get_value().fetch(call, opts).await?;
            Ok((reply, token.is_some()))
        })
    }

    /// The access token to send, refreshing it first when it is about to expire.
    pub(crate) async fn fresh_token(&self) -> Option<String> {
        let s = self.current.get_untracked()?;
        let state = assess(
            browser::now_ms(),
            s.obtained_at,
            s.token.access_expires.unix_millis(),
            s.token.refresh_expires.unix_millis(),
        );
        match state {
            TokenState::Fresh => Some(s.token.access_token),
            TokenState::Dead => {
                self.expire();
                None
            }
            TokenState::RefreshNeeded => {
                let this = *self;
                let outcome = self
                    .flight
                    .with_value(|f| f.run(move || async move { this.refresh_now().await }))
                    .await;
                match outcome {
                    Ok(()) => self.current.get_untracked().map(|s| s.token.access_token),
                    // The session ended (handled in refresh_now); go on anonymously.
                    Err(e) if e.ends_session() => None,
                    // Offline or a server hiccup: the old token may still work.
                    Err(_) => Some(s.token.access_token),
                }
            }
        }
    }

    /// Exchanges the refresh token for a new pair (one at a time, via the single flight).
    async fn refresh_now(&self) -> Result<(), ApiError> {
        let Some(s) = self.current.get_untracked() else {
            return Ok(());
        };
        let req = RefreshTokenRequest {
            refresh_token: s.token.refresh_token.clone(),
        };
        match self
            .transport
            .get_value()
            .send(&req, CallOptions::default())
            .await
        {
            Ok(Outcome::Done(token)) => {
                self.save(Some(StoredSession {
                    token,
                    obtained_at: browser::now_ms(),
                    ..s
                }));
                Ok(())
            }
            Ok(Outcome::Continue(_)) => Err(ApiError::Server {
                code: Code::Continue,
                msg: String::new(),
                correlation_id: None,
            }),
            Err(e) => {
                if e.ends_session() {
                    self.expire();
                }
                Err(e)
            }
        }
    }
}

/// Provides the [`Session`], restored from localStorage (a corrupt entry is dropped, not fatal).
pub fn provide_session(transport: Transport) -> Session {
    let stored = browser::load(STORAGE_KEY)
        .and_then(|json| serde_json::from_str::<StoredSession>(&json).ok());
    let session = Session::new(transport, stored);
    provide_context(session);
    session
}

/// The [`Session`] of this app.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
