//! Account settings: preferences, passkeys, 2FA set-up, storage policies and nodes (user.md).
