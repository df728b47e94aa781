//! `XMLHttpRequest` as a future, with upload progress and abort. fetch() cannot report upload
//! progress, which the queue shows per file.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, ProgressEvent, XmlHttpRequest};

/// A request to make.
#[derive(Debug, Clone)]
pub struct XhrRequest {
    /// HTTP method.
    pub method: &'static str,
    /// Absolute or page-relative URL.
    pub url: String,
    /// Request headers.
    pub headers: Vec<(String, String)>,
    /// The body: a file slice, a text, or nothing.
    pub body: XhrBody,
}

/// What a request sends.
#[derive(Debug, Clone)]
pub enum XhrBody {
    /// No body.
    Empty,
    /// A `Blob` (a `File` slice): the browser streams it from disk.
    Blob(Blob),
    /// A text.
    Text(String),
}

/// The answer.
#[derive(Debug, Clone, PartialEq)]
pub struct XhrReply {
    /// HTTP status.
    pub status: u16,
    /// Body text.
    pub text: String,
    /// The `ETag` response header (S3 parts), when readable.
    pub etag: Option<String>,
}

/// Why no answer came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XhrError {
    /// Connection refused or dropped, CORS refusal, timeout.
    Network,
    /// Aborted by [`XhrHandle::abort`].
    Aborted,
}

/// Aborts a running request.
#[derive(Debug, Clone)]
pub struct XhrHandle(XmlHttpRequest);

impl XhrHandle {
    /// Stops the request; its future resolves to [`XhrError::Aborted`].
    pub fn abort(&self) {
        let _ = self.0.abort();
    }
}

type Handlers = (
    Closure<dyn FnMut(ProgressEvent)>,
    Closure<dyn FnMut(ProgressEvent)>,
    Closure<dyn FnMut(ProgressEvent)>,
    Closure<dyn FnMut(ProgressEvent)>,
);

/// Starts `req`; `on_progress(loaded)` follows the bytes sent. Returns the handle to abort it and
/// the future of its answer.
pub fn send(
    req: XhrRequest,
    on_progress: impl Fn(u64) + 'static,
) -> Result<
    (
        XhrHandle,
        impl std::future::Future<Output = Result<XhrReply, XhrError>>,
    ),
    XhrError,
> {
    let xhr = XmlHttpRequest::new().map_err(|_| XhrError::Network)?;
    xhr.open(req.method, &req.url)
        .map_err(|_| XhrError::Network)?;
    for (name, value) in &req.headers {
        xhr.set_request_header(name, value)
            .map_err(|_| XhrError::Network)?;
    }
    let (tx, rx) = oneshot::channel::<Result<(), XhrError>>();
    let tx = Rc::new(RefCell::new(Some(tx)));
    let finish = |outcome: Result<(), XhrError>| {
        let tx = tx.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |_| {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(outcome);
            }
        })
    };
    let handlers: Handlers = (
        finish(Ok(())),
        finish(Err(XhrError::Network)),
        finish(Err(XhrError::Aborted)),
        Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            on_progress(e.loaded() as u64)
        }),
    );
    xhr.set_onload(Some(handlers.0.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(handlers.1.as_ref().unchecked_ref()));
    xhr.set_ontimeout(Some(handlers.1.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(handlers.2.as_ref().unchecked_ref()));
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(handlers.3.as_ref().unchecked_ref()));
    }
    let sent = match &req.body {
        XhrBody::Empty => xhr.send(),
        XhrBody::Blob(blob) => xhr.send_with_opt_blob(Some(blob)),
        XhrBody::Text(text) => xhr.send_with_opt_str(Some(text)),
    };
    sent.map_err(|_| XhrError::Network)?;
    let handle = XhrHandle(xhr.clone());
    let answer = async move {
        let outcome = rx.await.unwrap_or(Err(XhrError::Aborted));
        // The handlers must live until the request ends; detach them before they are dropped.
        xhr.set_onload(None);
        xhr.set_onerror(None);
        xhr.set_ontimeout(None);
        xhr.set_onabort(None);
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(None);
        }
        drop(handlers);
        outcome?;
        Ok(XhrReply {
            status: xhr.status().unwrap_or(0),
            text: xhr.response_text().ok().flatten().unwrap_or_default(),
            etag: xhr.get_response_header("ETag").ok().flatten(),
        })
    };
    Ok((handle, answer))
}
