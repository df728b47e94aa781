//! Site endpoints (site.md).

use serde::{Deserialize, Serialize};

use crate::endpoint;
use crate::models::{
    CaptchaResponse, ExplorerConfig, LoginConfig, ReportAbuseRequest, SiteConfig, SiteUser,
};

/// `GET /site/ping`: the server version string.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Ping;
endpoint!(Ping, Get "/site/ping", None, None => String);

/// `GET /site/captcha`: a new image CAPTCHA.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetCaptcha;
endpoint!(GetCaptcha, Get "/site/captcha", None, None => CaptchaResponse);

/// `GET /site/config/{section}`: one section of the public settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetSiteConfig {
    /// `basic`, `login`, `explorer`, `emojis`, `app`, ...
    #[serde(skip)]
    pub section: String,
}

impl crate::endpoint::Endpoint for GetSiteConfig {
    const METHOD: crate::Method = crate::Method::Get;
    const PATH: &'static str = "/site/config/{section}";
    const AUTH: crate::Auth = crate::Auth::Optional;
    const PAYLOAD: crate::endpoint::Payload = crate::endpoint::Payload::None;
    type Response = SiteConfig;

    fn path(&self) -> String {
        format!(
            "/site/config/{}",
            crate::uri::encode_component(&self.section)
        )
    }
}

/// `GET /site/config/login`: [`GetSiteConfig`] for the `login` section, decoded as the smaller
/// [`LoginConfig`]. Same route as `GetSiteConfig`, so it is not listed separately.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetLoginConfig;
endpoint!(GetLoginConfig, Get "/site/config/login", Optional, None => LoginConfig);

/// `GET /site/config/explorer`: [`GetSiteConfig`] for the `explorer` section, decoded as the smaller
/// [`ExplorerConfig`]. Same route as `GetSiteConfig`, so it is not listed separately.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetExplorerConfig;
endpoint!(GetExplorerConfig, Get "/site/config/explorer", Optional, None => ExplorerConfig);

/// `GET /site/config/basic`: [`GetSiteConfig`] for the `basic` section, decoded as the smaller
/// [`SiteUser`]. Same route as `GetSiteConfig`, so it is not listed separately.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetSiteUser;
endpoint!(GetSiteUser, Get "/site/config/basic", Optional, None => SiteUser);

// POST /site/abuse: report a share link or a user.
endpoint!(ReportAbuseRequest, Post "/site/abuse", Optional, Json => ());

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<crate::endpoint::EndpointInfo> {
    use crate::endpoint::info;
    vec![
        info::<Ping>(),
        info::<GetCaptcha>(),
        info::<GetSiteConfig>(),
        info::<ReportAbuseRequest>(),
    ]
}
