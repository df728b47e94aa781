//! \[Pro\] payment and gift code endpoints (vas.md).

use crate::endpoint;
use crate::endpoint::{Auth, Endpoint, Method, Payload};
use crate::models::{
    CreatePaymentRequest, CreatePaymentResponse, GetGiftCodeRequest, GetPaymentStatusRequest,
    GiftCodeInfo, Payment, RedeemGiftCodeRequest,
};
use crate::uri::encode_component;

// PUT /vas/payment: create a payment (anonymous allowed for paid shares).
endpoint!(CreatePaymentRequest, Put "/vas/payment", Optional, Json => CreatePaymentResponse);

impl Endpoint for GetPaymentStatusRequest {
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/vas/payment/status/{id}/{trade_no}";
    const AUTH: Auth = Auth::Optional;
    const PAYLOAD: Payload = Payload::None;
    type Response = Payment;

    fn path(&self) -> String {
        format!(
            "/vas/payment/status/{}/{}",
            encode_component(&self.id),
            encode_component(&self.trade_no)
        )
    }
}

impl Endpoint for GetGiftCodeRequest {
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/vas/giftcode/{code}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::None;
    type Response = GiftCodeInfo;

    fn path(&self) -> String {
        format!("/vas/giftcode/{}", encode_component(&self.code))
    }
}

impl Endpoint for RedeemGiftCodeRequest {
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/vas/giftcode/{code}/redeem";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::None;
    type Response = ();

    fn path(&self) -> String {
        format!("/vas/giftcode/{}/redeem", encode_component(&self.code))
    }
}

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<endpoint::EndpointInfo> {
    use endpoint::info;
    vec![
        info::<CreatePaymentRequest>(),
        info::<GetPaymentStatusRequest>(),
        info::<GetGiftCodeRequest>(),
        info::<RedeemGiftCodeRequest>(),
    ]
}
