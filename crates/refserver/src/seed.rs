//! First-start preparation: data dir, secrets, the admin account and the optional demo tree.

mod fixtures;
pub mod pictures;

pub use fixtures::{add_activities, add_big_folder, add_file, add_picture_folder, add_share};

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};

use crate::auth::password;
use crate::config::{Config, ADMIN_EMAIL};
use crate::db::Db;
use crate::ids::IdCodec;
use crate::state::{now_millis, AppState};
use crate::store::files::{self, FileRow, TYPE_FILE, TYPE_FOLDER};
use crate::store::users;

/// The admin account created on first start.
#[derive(Debug, Clone)]
pub struct InitialAdmin {
    /// Sign-in e-mail.
    pub email: String,
    /// Generated (or configured) password.
    pub password: String,
}

/// Where first-start credentials are written so later `serve` runs can show them again.
pub const CREDENTIALS_FILE: &str = "initial-admin.txt";

/// Opens the data dir and returns ready state, plus the admin if one was just created.
pub fn prepare(config: Config) -> anyhow::Result<(AppState, Option<InitialAdmin>)> {
    let blob_dir = config.data_dir.join("blobs");
    let upload_dir = config.data_dir.join("uploads");
    for dir in [&blob_dir, &upload_dir] {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let db = Db::open(&config.data_dir.join("cloudreve.db"))?;
    let (secret, url_secret, salt, site_id) = db.with(|c| -> anyhow::Result<_> {
        let secret = setting(c, "jwt_secret", || hex(&random_bytes(32)))?;
        let url_secret = setting(c, "url_secret", || hex(&random_bytes(32)))?;
        let salt = setting(c, "id_salt", || {
            u64::from_le_bytes(random_bytes(8).try_into().unwrap_or_default()).to_string()
        })?;
        let site_id = setting(c, "site_id", || uuid::Uuid::new_v4().to_string())?;
        Ok((
            secret,
            url_secret,
            salt.parse::<u64>().unwrap_or_default(),
            site_id,
        ))
    })?;
    if let Some(on) = config.anonymous_zip {
        db.with(|c| {
            users::set_group_bit(
                c,
                users::ANONYMOUS_GROUP,
                cloudreve_api::boolset::group::ARCHIVE_DOWNLOAD,
                on,
            )
        })?;
    }
    let state = AppState {
        db,
        ids: IdCodec::new(salt),
        secret: Arc::new(secret.into_bytes()),
        site_id: Arc::new(site_id),
        captchas: Arc::default(),
        two_fa: Arc::default(),
        blob_dir,
        url_secret: Arc::new(url_secret.into_bytes()),
        thumb_slots: Arc::new(tokio::sync::Semaphore::new(crate::thumbs::PARALLEL)),
        upload_dir,
        upload_gates: Arc::default(),
        config: Arc::new(config),
    };
    let admin = state.db.with(|c| -> anyhow::Result<_> {
        if users::count(c)? > 0 {
            return Ok(None);
        }
        let password = state
            .config
            .admin_password
            .clone()
            .unwrap_or_else(password::generate);
        users::create(
            c,
            ADMIN_EMAIL,
            "Admin",
            Some(&password::hash(&password)?),
            users::ADMIN_GROUP,
            None,
            now_millis(),
        )?;
        Ok(Some(InitialAdmin {
            email: ADMIN_EMAIL.into(),
            password,
        }))
    })?;
    if let Some(a) = &admin {
        let path = state.config.data_dir.join(CREDENTIALS_FILE);
        std::fs::write(&path, format!("{}\n{}\n", a.email, a.password))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if state.config.demo {
        state.db.with(|c| seed_demo(c, &state.blob_dir, 1))?;
    }
    Ok((state, admin))
}

/// Reads first-start credentials back from the data dir, if they were written there.
pub fn saved_credentials(data_dir: &Path) -> Option<InitialAdmin> {
    let text = std::fs::read_to_string(data_dir.join(CREDENTIALS_FILE)).ok()?;
    let mut lines = text.lines();
    Some(InitialAdmin {
        email: lines.next()?.to_string(),
        password: lines.next()?.to_string(),
    })
}

/// Adds an active user (tests and demos); returns the row id.
pub fn add_user(
    state: &AppState,
    email: &str,
    password: &str,
    totp_secret: Option<&str>,
) -> anyhow::Result<i64> {
    let hash = password::hash(password)?;
    state
        .db
        .with(|c| {
            users::create(
                c,
                email,
                email.split('@').next().unwrap_or(email),
                Some(&hash),
                users::USER_GROUP,
                totp_secret,
                now_millis(),
            )
        })
        .map_err(|e| anyhow::anyhow!("{e}"))
}

fn setting(c: &Connection, key: &str, make: impl FnOnce() -> String) -> anyhow::Result<String> {
    if let Some(v) = c
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?
    {
        return Ok(v);
    }
    let v = make();
    c.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)",
        params![key, v],
    )?;
    Ok(v)
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut v = vec![0; n];
    rand::thread_rng().fill_bytes(&mut v);
    v
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Seeds sample files into `owner`'s tree unless it already has content.
fn seed_demo(c: &mut Connection, blob_dir: &Path, owner: i64) -> anyhow::Result<()> {
    let now = now_millis();
    let root = files::root(c, owner, now).map_err(|e| anyhow::anyhow!("{e}"))?;
    if files::count_children(c, root.id).map_err(|e| anyhow::anyhow!("{e}"))? > 0 {
        return Ok(());
    }
    let tx = c.transaction()?;
    let mk = |parent: &FileRow, name: &str| {
        files::create(&tx, parent, name, TYPE_FOLDER, 0, None, now)
            .map_err(|e| anyhow::anyhow!("{e}"))
    };
    let put = |parent: &FileRow, name: &str, content: &[u8]| -> anyhow::Result<FileRow> {
        let blob = uuid::Uuid::new_v4().to_string();
        std::fs::write(blob_dir.join(&blob), content)?;
        files::create(
            &tx,
            parent,
            name,
            TYPE_FILE,
            content.len() as i64,
            Some(&blob),
            now,
        )
        .map_err(|e| anyhow::anyhow!("{e}"))
    };
    let docs = mk(&root, "Documents")?;
    let pictures = mk(&root, "Pictures")?;
    let archive = mk(&docs, "Archive")?;
    put(&root, "Welcome.md", WELCOME.as_bytes())?;
    put(
        &root,
        "Numbers.csv",
        b"month,visitors\nJanuary,1200\nFebruary,1350\nMarch,1710\n",
    )?;
    put(&docs, "Project plan.md", PLAN.as_bytes())?;
    put(
        &docs,
        "Meeting notes.txt",
        b"Attendees: Ada, Grace, Linus\n\n1. Ship the uploader.\n2. Review the share viewer.\n",
    )?;
    put(
        &archive,
        "2024 report.txt",
        b"Annual report 2024\n==================\n\nEverything went to plan.\n",
    )?;
    // Camera-sized, so their thumbnails are a small fraction of them.
    put(
        &pictures,
        "Sunset.png",
        &pictures::png(&pictures::picture(1600, 1200, 0))?,
    )?;
    put(
        &pictures,
        "Sea.png",
        &pictures::png(&pictures::picture(1600, 1200, 1))?,
    )?;
    tx.commit()?;
    Ok(())
}

const WELCOME: &str = "# Welcome to Cloudreve\n\nThis is a demo tree seeded by the reference server.\n\n- Open **Documents** for text files\n- Open **Pictures** for images\n";
const PLAN: &str = "# Project plan\n\n| Week | Goal |\n| --- | --- |\n| 1 | Foundation |\n| 2 | Explorer |\n| 3 | Uploads |\n";
