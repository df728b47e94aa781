//! \[Pro\] the points ledger and payment history of a user (user.md).

use serde::{Deserialize, Serialize};

use super::{null_default, PaginationResults, Payment};
use crate::Timestamp;

/// Query of `GET /user/creditChanges` and `GET /user/payments` (\[Pro\] cursor pages).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserLedgerQuery {
    /// Page size, at least 10.
    pub page_size: i64,
    /// `asc` (default) or `desc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_direction: Option<String>,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// `GET /user/creditChanges` query: \[Pro\] list points changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ListCreditChangesRequest(pub UserLedgerQuery);

/// `GET /user/payments` query: \[Pro\] list payments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ListPaymentsRequest(pub UserLedgerQuery);

/// \[Pro\] one change of the points balance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreditChange {
    /// When.
    pub changed_at: Timestamp,
    /// Points added; negative = spent.
    pub diff: i64,
    /// Why, e.g. `share_purchased` (not fully documented: show unknown values raw).
    #[serde(deserialize_with = "null_default")]
    pub reason: String,
}

/// `GET /user/creditChanges` answer: \[Pro\] one page of the points ledger.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserCreditChangesResponse {
    /// Paging state (cursor mode).
    pub pagination: PaginationResults,
    /// This page's changes.
    #[serde(deserialize_with = "null_default")]
    pub changes: Vec<CreditChange>,
}

/// `GET /user/payments` answer: \[Pro\] one page of the payment history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserPaymentsResponse {
    /// Paging state (cursor mode).
    pub pagination: PaginationResults,
    /// This page's payments.
    #[serde(deserialize_with = "null_default")]
    pub payments: Vec<Payment>,
}
