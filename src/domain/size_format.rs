//! Human-readable byte sizes, 1024-based as Cloudreve shows them.

const UNITS: [&str; 7] = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];

/// Formats `bytes` as `"1.5 MB"`: whole numbers for bytes, one decimal (dropped when `.0`) above.
pub fn format_size(bytes: i64) -> String {
    if bytes < 1024 {
        return format!("{} B", bytes.max(0));
    }
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text} {}", UNITS[unit])
}

/// `used / total` as a percentage in 0..=100 (0 when the quota is 0).
pub fn percent(used: i64, total: i64) -> u8 {
    if total <= 0 {
        return 0;
    }
    ((used.max(0) as f64 / total as f64) * 100.0)
        .round()
        .clamp(0.0, 100.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(format_size(0), "0 B");
        assert_eq!(format_size(-5), "0 B");
        assert_eq!(format_size(1023), "1023 B");
        assert_eq!(format_size(1024), "1 KB");
        assert_eq!(format_size(1536), "1.5 KB");
        assert_eq!(format_size(1_073_741_824), "1 GB");
        assert_eq!(format_size(1_099_511_627_776), "1 TB");
        assert_eq!(format_size(i64::MAX), "8 EB");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(50, 200), 25);
        assert_eq!(percent(300, 200), 100, "usage may exceed the quota");
    }
}
