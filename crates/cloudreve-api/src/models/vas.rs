//! \[Pro\] payments, storage products, membership SKUs, gift codes and permission settings
//! (models.md, vas.md), plus the group list (group.md).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{is_false, null_default, Group};
use crate::{Boolset, Timestamp};

/// \[Pro\] Per-file (and per-share) access control; every value is a file-permission boolset
/// (bit 0 read, 1 update, 2 create, 3 delete) (models.md §PermissionSetting).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PermissionSetting {
    /// Explicit grants by user id.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub user_explicit: BTreeMap<String, Boolset>,
    /// Explicit grants by group id.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub group_explicit: BTreeMap<String, Boolset>,
    /// Users in the owner's group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_group: Option<Boolset>,
    /// Users in other groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<Boolset>,
    /// Not-logged-in visitors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<Boolset>,
    /// Everyone else (fallback).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub everyone: Option<Boolset>,
}

/// \[Pro\] A payment provider of the site (models.md §PaymentProvider).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaymentProvider {
    /// Provider id (UUID), sent as `provider_id`.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// `stripe`, `alipay`, `weixin`, `points`, `custom`.
    #[serde(
        rename = "type",
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub provider_type: String,
    /// Display name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
}

/// \[Pro\] Currency and providers (`payment` of the `vas` site settings, models.md §PaymentSetting).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaymentSetting {
    /// ISO currency code, e.g. `USD`.
    #[serde(deserialize_with = "null_default")]
    pub currency_code: String,
    /// Currency symbol, e.g. `$`.
    #[serde(deserialize_with = "null_default")]
    pub currency_mark: String,
    /// Minor units per major unit, e.g. `100`.
    pub currency_unit: i64,
    /// Available providers.
    #[serde(deserialize_with = "null_default")]
    pub providers: Vec<PaymentProvider>,
}

/// \[Pro\] A storage pack SKU (models.md §StorageProduct).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StorageProduct {
    /// SKU id (UUID), sent as `sku_id`.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Display name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Bytes added.
    pub size: i64,
    /// Validity of one unit in seconds.
    pub time: i64,
    /// Price of one unit in minor currency units.
    pub price: i64,
    /// Badge text.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub chip: String,
    /// Price in points; `None` = cannot be paid with points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
}

/// \[Pro\] A membership (user group) SKU (models.md §GroupSKU).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupSku {
    /// SKU id (UUID), sent as `sku_id`.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Display name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Validity of one unit in seconds.
    pub time: i64,
    /// Price of one unit in minor currency units.
    pub price: i64,
    /// Badge text.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub chip: String,
    /// Price in points; `None` = cannot be paid with points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
    /// Feature bullet lines.
    #[serde(deserialize_with = "null_default")]
    pub des: Vec<String>,
}

open_int_enum! {
    /// \[Pro\] What a payment buys: `1` paid share, `2` membership, `3` storage pack, `4` points; unknown
    /// numbers (and the absent `0`) are kept.
    pub enum PaymentProductType {
        /// A paid share link (needs `share_link_id`).
        ShareLink = 1,
        /// A membership / user group (needs `sku_id` from `group_skus`).
        Membership = 2,
        /// A storage pack (needs `sku_id` from `storage_products`).
        StoragePack = 3,
        /// Points (no id).
        Points = 4,
    }
}

/// \[Pro\] A payment (order) record (models.md §Payment).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Payment {
    /// Opaque payment id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Trade number.
    #[serde(deserialize_with = "null_default")]
    pub trade_no: String,
    /// Title, e.g. `10 GB Storage Pack`.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// `created`, `paid`, `fulfilled`, `fulfill_failed`, `canceled`.
    #[serde(deserialize_with = "null_default")]
    pub status: String,
    /// Quantity (wire name sic).
    pub qyt: i64,
    /// Price of one unit in minor currency units, or in points.
    pub price_unit: i64,
    /// ISO currency code; empty = paid with points.
    #[serde(deserialize_with = "null_default")]
    pub price_id: String,
    /// Currency symbol; empty = points.
    #[serde(deserialize_with = "null_default")]
    pub price_mark: String,
    /// Minor units per major unit (e.g. 100).
    pub price_one_unit: i64,
    /// What was bought.
    pub product_type: PaymentProductType,
    /// Creation time.
    pub created_at: Timestamp,
    /// Last change.
    pub updated_at: Timestamp,
    /// Anonymous paid-share purchases only: send as `X-Cr-Purchase-Ticket`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub ticket: String,
}

/// \[Pro\] Statuses of a [`Payment`] after which polling stops.
pub const PAYMENT_FINAL_STATUSES: &[&str] = &["paid", "fulfilled", "fulfill_failed", "canceled"];

/// \[Pro\] The `product` of a `PUT /vas/payment` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PaymentProduct {
    /// What to buy.
    #[serde(rename = "type", default)]
    pub product_type: PaymentProductType,
    /// The share id, for type 1 (doc-bug: the docs say type 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub share_link_id: String,
    /// SKU id (UUID) from `group_skus` (type 2) or `storage_products` (type 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sku_id: String,
}

/// `PUT /vas/payment`: \[Pro\] create a payment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatePaymentRequest {
    /// What to buy.
    pub product: PaymentProduct,
    /// Units (periods of a SKU, or points for type 4), ≥ 1.
    pub quantity: i64,
    /// Provider id from `payment.providers`; empty = pay with points.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider_id: String,
    /// Receipt (and ticket) address; required when not logged in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// Receipt language when not logged in, e.g. `en-US`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
}

/// \[Pro\] The `request` of a created payment: where (and whether) to pay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaymentCheckout {
    /// `false` when nothing more is needed (paid with points).
    pub payment_needed: bool,
    /// Checkout URL to open (or render as a QR code).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub url: String,
    /// Render `url` as a QR code instead of opening it.
    #[serde(skip_serializing_if = "is_false")]
    pub qr_code_preferred: bool,
}

/// \[Pro\] `PUT /vas/payment` answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreatePaymentResponse {
    /// The new payment record (`status: "created"`).
    #[serde(deserialize_with = "null_default")]
    pub payment: Payment,
    /// Where to pay.
    #[serde(deserialize_with = "null_default")]
    pub request: PaymentCheckout,
}

/// `GET /vas/payment/status/{id}/{trade_no}`: \[Pro\] poll a payment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetPaymentStatusRequest {
    /// `payment.id` (path).
    #[serde(skip)]
    pub id: String,
    /// `payment.trade_no` (path).
    #[serde(skip)]
    pub trade_no: String,
}

/// \[Pro\] `GET /vas/giftcode/{code}` answer: what a gift code gives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GiftCodeInfo {
    /// Product name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Quantity (wire name sic).
    pub qyt: i64,
    /// Group/storage products: seconds of one unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
}

/// `GET /vas/giftcode/{code}`: \[Pro\] inspect a gift code without redeeming it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetGiftCodeRequest {
    /// The gift code (UUID, path).
    #[serde(skip)]
    pub code: String,
}

/// `POST /vas/giftcode/{code}/redeem`: \[Pro\] apply a gift code to the caller.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RedeemGiftCodeRequest {
    /// The gift code (UUID, path).
    #[serde(skip)]
    pub code: String,
}

/// `GET /group/list`: \[Pro\] list user groups (without the anonymous group).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListGroupsRequest;

/// \[Pro\] `GET /group/list` answer: redacted groups (`id` and `name` only).
pub type ListGroupsResponse = Vec<Group>;
