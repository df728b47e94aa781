//! Sidebar pins of a user, in the order they were added.

use cloudreve_api::models::Pin;
use cloudreve_api::Code;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::AppError;

/// `user`'s pins, oldest first.
pub fn list(c: &Connection, user: i64) -> Result<Vec<Pin>, AppError> {
    let mut st = c.prepare_cached("SELECT uri, name FROM pins WHERE user_id = ?1 ORDER BY id")?;
    let pins = st
        .query_map([user], |r| {
            Ok(Pin {
                uri: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(pins)
}

/// Pins `uri` as `name`: a no-op when that exact pin exists, 40004 when `uri` is pinned under
/// another name.
pub fn add(c: &Connection, user: i64, uri: &str, name: &str) -> Result<(), AppError> {
    let existing: Option<String> = c
        .query_row(
            "SELECT name FROM pins WHERE user_id = ?1 AND uri = ?2",
            params![user, uri],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(n) if n == name => Ok(()),
        Some(_) => Err(AppError::code(Code::ObjectExist, "Pin already exists")),
        None => {
            c.execute(
                "INSERT INTO pins (user_id, uri, name) VALUES (?1, ?2, ?3)",
                params![user, uri, name],
            )?;
            Ok(())
        }
    }
}

/// Removes every pin of `user` on `uri`.
pub fn remove(c: &Connection, user: i64, uri: &str) -> Result<(), AppError> {
    c.execute(
        "DELETE FROM pins WHERE user_id = ?1 AND uri = ?2",
        params![user, uri],
    )?;
    Ok(())
}
