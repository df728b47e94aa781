//! The server's one error type. Every error renders the Cloudreve envelope with HTTP 200.

use axum::response::{IntoResponse, Response};
use axum::Json;
use cloudreve_api::models::ConflictDetail;
use cloudreve_api::{Code, Envelope};

/// A handled failure; each variant names the Cloudreve code it answers with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 40001: request binding or validation failed (no correlation id, as in CE).
    #[error("{0}")]
    Param(String),
    /// 401: login required.
    #[error("Login required")]
    LoginRequired,
    /// 403: not allowed.
    #[error("{0}")]
    Forbidden(&'static str),
    /// 404: resource missing.
    #[error("{0}")]
    NotFound(&'static str),
    /// Any other code with its message.
    #[error("{1}")]
    Code(Code, String),
    /// 40073: the operation hits locks; they travel in `data` (errors.md §3).
    #[error("Lock conflict")]
    Locked(Vec<ConflictDetail>),
    /// 40081: some items of a batch failed; each keeps its own error (keyed by URI).
    #[error("{}", batch_message(.0))]
    Batch(Vec<(String, AppError)>),
    /// -1 or 50001: an internal failure; details are logged, not sent.
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// Shorthand for [`AppError::Code`].
    pub fn code(code: Code, msg: impl Into<String>) -> Self {
        AppError::Code(code, msg.into())
    }

    fn wire_code(&self) -> Code {
        match self {
            AppError::Param(_) => Code::ParamErr,
            AppError::LoginRequired => Code::CheckLogin,
            AppError::Forbidden(_) => Code::NoPermission,
            AppError::NotFound(_) => Code::NotFound,
            AppError::Code(c, _) => *c,
            AppError::Locked(_) => Code::LockConflict,
            AppError::Batch(_) => Code::BatchOperationNotFullyCompleted,
            AppError::Internal(_) => Code::DbError,
        }
    }
}

impl From<rusqlite::Error> for AppError {
    fn from(e: rusqlite::Error) -> Self {
        AppError::Internal(e.into())
    }
}

/// The batch message: the single failure's own message, or a summary (errors.md §2).
fn batch_message(items: &[(String, AppError)]) -> String {
    match items {
        [(_, only)] => only.to_string(),
        _ => "One or more operation failed".to_string(),
    }
}

/// Marks an error response so the correlation layer can stamp its id (see `lib.rs`).
#[derive(Debug, Clone, Copy)]
pub struct WantsCorrelationId;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let msg = match &self {
            AppError::Internal(e) => {
                tracing::error!(error = %e, "internal error");
                "Internal server error".to_string()
            }
            other => other.to_string(),
        };
        let with_id = !matches!(self, AppError::Param(_));
        let mut envelope = bare(self.wire_code(), msg);
        if let AppError::Locked(conflicts) = &self {
            envelope.data = serde_json::to_value(conflicts).ok();
        }
        if let AppError::Batch(items) = &self {
            let aggregated = items
                .iter()
                .map(|(key, e)| (key.clone(), bare(e.wire_code(), e.to_string())))
                .collect();
            envelope.aggregated_error = Some(aggregated);
        }
        let mut res = Json(envelope).into_response();
        if with_id {
            res.extensions_mut().insert(WantsCorrelationId);
        }
        res
    }
}

/// An envelope with only a code and a message.
fn bare(code: Code, msg: String) -> Envelope<serde_json::Value> {
    Envelope {
        code: code.number(),
        data: None,
        msg,
        error: None,
        correlation_id: None,
        aggregated_error: None,
    }
}

/// What every handler returns.
pub type ApiResult<T> = Result<Json<Envelope<T>>, AppError>;

/// Wraps a payload in a success envelope.
pub fn ok<T>(data: T) -> ApiResult<T> {
    Ok(Json(Envelope::ok(data)))
}
