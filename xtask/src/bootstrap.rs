//! Installs whatever is missing, and nothing else. Fast when everything is there.
//!
//! Versions are pinned for these machines (see shared TOOLCHAIN.md): trunk 0.22 needs a newer rustc,
//! wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, and Debian's binaryen 108 produces a
//! broken app, so wasm-opt comes from npm's binaryen 132.

use std::fs;

use anyhow::{bail, Context};

use crate::cmd::{self, command, output, run, step};

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132.0.0";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian packages: the browser and its driver (always a matching pair), a small CJK font so
/// Chinese renders in headless screenshots, and curl (the upload benchmark's baseline).
const APT_PACKAGES: &[(&str, &str)] = &[
    ("chromium", "/usr/bin/chromium"),
    ("chromium-driver", "/usr/bin/chromedriver"),
    ("curl", "/usr/bin/curl"),
    // Video thumbnails in the reference server (and the test that checks them).
    ("ffmpeg", "/usr/bin/ffmpeg"),
    (
        "fonts-wqy-microhei",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    ),
];

/// The wasm-bindgen version pinned in Cargo.lock.
pub fn wasm_bindgen_version() -> anyhow::Result<String> {
    let lock = fs::read_to_string(cmd::root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(v.to_string());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen entry")
}

/// Makes sure every tool the build and tests need is installed.
pub fn ensure_tools() -> anyhow::Result<()> {
    step("checking tools");
    ensure_wasm_target()?;
    ensure_apt_packages()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_binaryen()?;
    fs::create_dir_all(std::env::temp_dir())
        .context("creating TMPDIR (wasm-bindgen-test-runner needs it)")?;
    println!("tools ready: trunk {TRUNK_VERSION}, wasm-bindgen {}, binaryen {BINARYEN_VERSION}, chromium", wasm_bindgen_version()?);
    Ok(())
}

fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed = output(command("rustup").args(["target", "list", "--installed"]))
        .context("rustup is required to add the wasm32 target")?;
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("installing the {WASM_TARGET} target");
        run(command("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

/// Installs the Debian packages that are missing.
pub fn ensure_apt_packages() -> anyhow::Result<()> {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .filter(|(_, path)| !std::path::Path::new(path).exists())
        .map(|(pkg, _)| *pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("installing Debian packages: {}", missing.join(" "));
    let sudo = output(command("id").arg("-u")).as_deref() != Some("0");
    let apt = |args: &[&str]| {
        let mut c = if sudo {
            command("sudo")
        } else {
            command("apt-get")
        };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-qq"])).context("apt-get update")?;
    run(apt(&["install", "-y", "-qq", "--no-install-recommends"]).args(&missing))
        .with_context(|| format!("installing {}", missing.join(" ")))?;
    Ok(())
}

fn ensure_trunk() -> anyhow::Result<()> {
    if output(command("trunk").arg("--version")).as_deref()
        == Some(&format!("trunk {TRUNK_VERSION}"))
    {
        return Ok(());
    }
    println!("installing trunk {TRUNK_VERSION} (about 9 minutes on 2 cores)");
    run(command("cargo").args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]))
        .context("installing trunk")
}

fn ensure_wasm_bindgen() -> anyhow::Result<()> {
    let version = wasm_bindgen_version()?;
    let ok = |tool: &str| {
        output(command(tool).arg("--version")).is_some_and(|v| v == format!("{tool} {version}"))
    };
    if ok("wasm-bindgen") && ok("wasm-bindgen-test-runner") {
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {version} (about 4 minutes)");
    // --locked can fail when the registry mirror lacks a crate the CLI's own lockfile pins; retry unlocked.
    run(command("cargo").args([
        "install",
        "--locked",
        "--force",
        "wasm-bindgen-cli",
        "--version",
        &version,
    ]))
    .or_else(|_| {
        run(command("cargo").args([
            "install",
            "--force",
            "wasm-bindgen-cli",
            "--version",
            &version,
        ]))
    })
    .context("installing wasm-bindgen-cli")
}

fn ensure_binaryen() -> anyhow::Result<()> {
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let wasm_opt = cmd::tools_dir().join("node_modules/.bin/wasm-opt");
    if output(std::process::Command::new(&wasm_opt).arg("--version"))
        .is_some_and(|v| v.contains(&format!("(version_{major})")))
    {
        return Ok(());
    }
    output(command("npm").arg("--version"))
        .context("npm is required to install binaryen (wasm-opt)")?;
    println!("installing binaryen {BINARYEN_VERSION} from npm");
    fs::create_dir_all(cmd::tools_dir())?;
    let prefix = cmd::tools_dir();
    run(command("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--loglevel=error",
            "--prefix",
        ])
        .arg(&prefix)
        .arg(format!("binaryen@{BINARYEN_VERSION}")))
}
