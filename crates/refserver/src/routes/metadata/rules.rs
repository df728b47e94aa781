//! Which metadata keys clients may write, and the values each takes (models.md §Well-known
//! metadata keys).

use cloudreve_api::models::MetadataPatch;
use cloudreve_api::{CrUri, FileSystem};

use crate::ids::{IdCodec, Kind};

/// The emoji a folder or file icon may be replaced with (site `emojis` section, JSON by category).
pub const EMOJI_PRESET: &str = r#"{"😀":["😀","😂","😍","🤔","😎","🥳"],"📁":["📁","📂","📄","📝","📷","🎵","🎬","📦"],"⭐":["⭐","❤️","🔥","✅","❗","🚀"]}"#;

/// Why a patch is refused (answered as code 40001).
pub fn check(ids: &IdCodec, patch: &MetadataPatch) -> Result<(), String> {
    let value = patch.value.as_deref().unwrap_or("");
    let (namespace, name) = patch
        .key
        .split_once(':')
        .ok_or_else(|| "Invalid metadata key".to_string())?;
    let bad = |why: &str| Err(format!("Invalid metadata patch: {why}"));
    match namespace {
        "sys" => {
            if patch.remove {
                return bad("cannot remove system metadata");
            }
            match name {
                "shared_owner" if ids.decode(Kind::User, value).is_some() => Ok(()),
                "shared_redirect"
                    if CrUri::parse(value).is_ok_and(|u| u.fs == FileSystem::Share) =>
                {
                    Ok(())
                }
                "shared_owner" | "shared_redirect" => bad("invalid value"),
                _ => bad("unsupported system metadata key"),
            }
        }
        "dav" => Ok(()),
        "customize" => match name {
            _ if patch.remove => Ok(()),
            "icon_color" if is_colour(value) => Ok(()),
            "icon_color" => bad("invalid color"),
            "emoji" if in_preset(value) => Ok(()),
            "emoji" => bad("unsupported emoji"),
            _ => Ok(()),
        },
        "tag" if name.is_empty() => Err("Invalid metadata key".into()),
        "tag" if patch.remove || value.is_empty() || is_colour(value) => Ok(()),
        "tag" => bad("invalid color"),
        _ => Err("Invalid metadata key".into()),
    }
}

fn in_preset(emoji: &str) -> bool {
    let presets: std::collections::BTreeMap<String, Vec<String>> =
        serde_json::from_str(EMOJI_PRESET).unwrap_or_default();
    !emoji.is_empty() && presets.values().flatten().any(|e| e == emoji)
}

/// A CSS colour as Cloudreve's validator takes it: `#rgb[a]`, `#rrggbb[aa]`, `rgb[a](...)`,
/// `hsl[a](...)`.
pub fn is_colour(s: &str) -> bool {
    if let Some(hex) = s.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    let Some((func, rest)) = s.split_once('(') else {
        return false;
    };
    let Some(args) = rest.strip_suffix(')') else {
        return false;
    };
    let args: Vec<&str> = args.split(',').map(str::trim).collect();
    let byte_or_percent = |a: &str| match a.strip_suffix('%') {
        Some(p) => p.parse::<u8>().is_ok_and(|p| p <= 100),
        None => a.parse::<u8>().is_ok(),
    };
    let percent = |a: &str| {
        a.strip_suffix('%')
            .and_then(|p| p.parse::<f64>().ok())
            .is_some_and(|p| (0.0..=100.0).contains(&p))
    };
    let alpha = |a: &str| a.parse::<f64>().is_ok_and(|v| (0.0..=1.0).contains(&v));
    let hue = |a: &str| a.parse::<f64>().is_ok_and(|v| (0.0..=360.0).contains(&v));
    match (func.trim(), args.as_slice()) {
        ("rgb", [r, g, b]) => [r, g, b].iter().all(|c| byte_or_percent(c)),
        ("rgba", [r, g, b, a]) => [r, g, b].iter().all(|c| byte_or_percent(c)) && alpha(a),
        ("hsl", [h, s, l]) => hue(h) && percent(s) && percent(l),
        ("hsla", [h, s, l, a]) => hue(h) && percent(s) && percent(l) && alpha(a),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patch(key: &str, value: Option<&str>, remove: bool) -> MetadataPatch {
        MetadataPatch {
            key: key.into(),
            value: value.map(Into::into),
            remove,
        }
    }

    #[test]
    fn colours() {
        for ok in [
            "#fff",
            "#ffff",
            "#A0b1C2",
            "#00000080",
            "rgb(1, 2, 255)",
            "rgb(10%,20%,30%)",
            "rgba(0,0,0,0.5)",
            "hsl(120, 50%, 50%)",
            "hsla(0,0%,100%,1)",
        ] {
            assert!(is_colour(ok), "{ok}");
        }
        for bad in [
            "",
            "red",
            "#ff",
            "#gggggg",
            "rgb(256,0,0)",
            "rgb(1,2)",
            "rgba(0,0,0,2)",
            "hsl(1,2,3)",
        ] {
            assert!(!is_colour(bad), "{bad}");
        }
    }

    #[test]
    fn namespaces_and_values() {
        let ids = IdCodec::new(1);
        let user = ids.encode(Kind::User, 3);
        let accepted = [
            patch("customize:icon_color", Some("#ff0000"), false),
            patch("customize:icon_color", None, true),
            patch("customize:emoji", Some("📁"), false),
            patch("customize:anything", Some("x"), false),
            patch("tag:work", Some(""), false),
            patch("tag:work", None, false),
            patch("tag:work", Some("#00ff00"), false),
            patch("dav:prop", Some("<x/>"), false),
            patch("sys:shared_owner", Some(&user), false),
            patch("sys:shared_redirect", Some("cloudreve://abc@share"), false),
        ];
        for p in &accepted {
            assert_eq!(check(&ids, p), Ok(()), "{p:?}");
        }
        let refused = [
            patch("thumb:disabled", Some(""), false),
            patch("sys:restore_uri", Some("cloudreve://my/a"), false),
            patch("sys:shared_owner", Some(&user), true),
            patch("sys:shared_redirect", Some("cloudreve://my/a"), false),
            patch("customize:icon_color", Some("blue"), false),
            patch("customize:emoji", Some("🦀"), false),
            patch("tag:", Some(""), false),
            patch("tag:x", Some("green"), false),
            patch("nocolon", Some(""), false),
            patch("exif:iso", Some("100"), false),
        ];
        for p in &refused {
            assert!(check(&ids, p).is_err(), "{p:?}");
        }
    }
}
