//! The transport in a real browser against a stubbed `fetch`: headers, query encoding, envelope
//! decoding, and aborting requests that are cancelled or whose futures are dropped.

#![cfg(target_arch = "wasm32")]

use cloudreve_api::endpoints::site::Ping;
use cloudreve_api::models::{FileThumbResponse, GetThumbRequest};
use cloudreve_api::{ApiError, Code, Outcome};
use cloudreve_web::api::{CallOptions, Transport};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.fetch` with a recorder: URLs containing `hang` never answer until aborted, URLs
/// containing `fail` answer a Cloudreve error envelope, others a thumbnail answer.
const STUB: &str = r#"
window.__calls = [];
window.fetch = function (input, init) {
    const req = input instanceof Request ? input : new Request(input, init);
    const headers = {};
    req.headers.forEach((v, k) => { headers[k] = v; });
    const rec = { url: req.url, method: req.method, headers: headers, aborted: false };
    window.__calls.push(rec);
    if (req.url.includes('hang')) {
        return new Promise((resolve, reject) => {
            req.signal.addEventListener('abort', () => { rec.aborted = true; reject(new DOMException('aborted', 'AbortError')); });
        });
    }
    const body = req.url.includes('fail')
        ? { code: 40016, msg: 'Path not exist', correlation_id: 'corr-1' }
        : { code: 0, msg: '', data: { url: 'https://thumb.example/x.jpg', expires: null } };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
};
"#;

fn install_stub() {
    js_sys::eval(STUB).expect("stub installs");
}

fn calls() -> JsValue {
    js_sys::eval("window.__calls").expect("calls")
}

fn call_field(i: u32, path: &str) -> JsValue {
    js_sys::eval(&format!("window.__calls[{i}]{path}")).unwrap_or(JsValue::UNDEFINED)
}

fn call_count() -> u32 {
    js_sys::Array::from(&calls()).length()
}

async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[wasm_bindgen_test]
async fn sends_headers_query_and_decodes_the_envelope() {
    install_stub();
    let t = Transport::new("/api/v4");
    let req = GetThumbRequest {
        uri: "cloudreve://my/a b.png".into(),
    };
    let opts = CallOptions {
        token: Some("tok"),
        context_hint: Some("hint-1"),
        purchase_ticket: Some("ticket-9"),
        abort: None,
    };
    let out = t.send(&req, opts).await;
    assert_eq!(
        out,
        Ok(Outcome::Done(FileThumbResponse {
            url: "https://thumb.example/x.jpg".into(),
            expires: None,
            obfuscated: false
        }))
    );
    assert_eq!(
        call_field(0, ".headers['authorization']")
            .as_string()
            .as_deref(),
        Some("Bearer tok")
    );
    assert_eq!(
        call_field(0, ".headers['x-cr-context-hint']")
            .as_string()
            .as_deref(),
        Some("hint-1")
    );
    assert_eq!(
        call_field(0, ".headers['x-cr-purchase-ticket']")
            .as_string()
            .as_deref(),
        Some("ticket-9")
    );
    let url = call_field(0, ".url").as_string().unwrap_or_default();
    assert!(
        url.ends_with("/api/v4/file/thumb?uri=cloudreve%3A%2F%2Fmy%2Fa+b.png")
            || url.ends_with("/api/v4/file/thumb?uri=cloudreve%3A%2F%2Fmy%2Fa%20b.png"),
        "{url}"
    );
}

#[wasm_bindgen_test]
async fn anonymous_calls_carry_no_token_and_errors_keep_their_request_id() {
    install_stub();
    let out = Transport::new("/fail")
        .send(&Ping, CallOptions::default())
        .await;
    assert!(
        call_field(0, ".headers['authorization']").is_undefined(),
        "no token, no header"
    );
    let err = out.expect_err("an error envelope");
    assert_eq!(err.code(), Some(Code::ParentNotExist));
    assert_eq!(err.correlation_id(), Some("corr-1"));
}

#[wasm_bindgen_test]
async fn an_abort_signal_cancels_the_request() {
    install_stub();
    let controller = web_sys::AbortController::new().expect("controller");
    let signal = controller.signal();
    let transport = Transport::new("/hang");
    let send = transport.send(
        &Ping,
        CallOptions {
            abort: Some(&signal),
            ..CallOptions::default()
        },
    );
    let abort_soon = async {
        tick().await;
        controller.abort();
    };
    let (out, ()) = futures::join!(send, abort_soon);
    assert!(matches!(out, Err(ApiError::Network(_))), "{out:?}");
    assert_eq!(call_field(0, ".aborted").as_bool(), Some(true));
}

#[wasm_bindgen_test]
async fn dropping_the_future_aborts_the_request() {
    install_stub();
    let transport = Transport::new("/hang");
    {
        let mut send = Box::pin(transport.send(&Ping, CallOptions::default()));
        assert!(
            futures::poll!(send.as_mut()).is_pending(),
            "the request is in flight"
        );
        assert_eq!(call_count(), 1);
    }
    tick().await;
    assert_eq!(
        call_field(0, ".aborted").as_bool(),
        Some(true),
        "dropped means cancelled"
    );
}
