//! `GET /site/ping`, `/site/captcha`, `/site/config/{section}`.

use axum::extract::{Path, State};
use cloudreve_api::endpoints::site::{GetCaptcha, GetSiteConfig, Ping};
use cloudreve_api::models::{CaptchaResponse, SiteConfig};

use super::ApiRouter;
use crate::error::{ok, ApiResult};
use crate::extract::Viewer;
use crate::state::AppState;
use crate::store::users;

/// Version reported by ping: semver-like, never ending in `-pro`.
const VERSION: &str = concat!("4.0.0+refserver.", env!("CARGO_PKG_VERSION"));

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<Ping, _, _>(ping)
        .serve::<GetCaptcha, _, _>(captcha)
        .serve::<GetSiteConfig, _, _>(config)
}

async fn ping() -> ApiResult<String> {
    ok(VERSION.to_string())
}

async fn captcha(State(s): State<AppState>) -> ApiResult<CaptchaResponse> {
    let c = s.captchas.issue()?;
    ok(CaptchaResponse {
        image: c.image,
        ticket: c.ticket,
    })
}

async fn config(
    State(s): State<AppState>,
    Path(section): Path<String>,
    viewer: Viewer,
) -> ApiResult<SiteConfig> {
    let cfg = &s.config;
    match section.as_str() {
        "login" => ok(SiteConfig {
            login_captcha: cfg.login_captcha,
            ..SiteConfig::default()
        }),
        "explorer" => ok(SiteConfig {
            max_batch_size: 3000,
            thumbnail_width: crate::thumbs::MAX_WIDTH.into(),
            thumbnail_height: crate::thumbs::MAX_HEIGHT.into(),
            file_viewers: crate::viewers::groups(cfg),
            ..SiteConfig::default()
        }),
        "emojis" => ok(SiteConfig {
            emoji_preset: super::metadata::EMOJI_PRESET.into(),
            ..SiteConfig::default()
        }),
        "app" => ok(SiteConfig::default()),
        // Unknown sections are answered like `basic`, as the CE server does.
        _ => {
            let ids = s.ids;
            let user = match viewer.0 {
                Some(u) => super::user::own_profile(&s, &u).await?,
                None => s.db.call(move |c| users::anonymous(c, &ids)).await?,
            };
            ok(SiteConfig {
                instance_id: s.site_id.to_string(),
                title: cfg.title.clone(),
                themes: r##"{"#1976d2":{"light":{"palette":{"primary":{"main":"#1976d2"}}},"dark":{"palette":{"primary":{"main":"#90caf9"}}}}}"##.into(),
                default_theme: "#1976d2".into(),
                user: Some(user),
                logo: "/logo.svg".into(),
                logo_light: "/logo.svg".into(),
                captcha_type: "normal".into(),
                ..SiteConfig::default()
            })
        }
    }
}
