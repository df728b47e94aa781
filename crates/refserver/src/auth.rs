//! Credentials: password hashing, HS256 JWTs and TOTP codes.

pub mod jwt;
pub mod password;
pub mod totp;
