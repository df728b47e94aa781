//! A share link as a QR code: the dark modules as one SVG path, so the code scales to any size and
//! costs one DOM node.

use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code that scanners need (ISO/IEC 18004 §6.3.8).
pub const QUIET_ZONE: i32 = 4;

/// A QR code ready to draw: `size` modules a side plus the quiet zone on each edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPath {
    /// Width and height of the view box, quiet zone included.
    pub extent: i32,
    /// The SVG path data of the dark modules, one unit square each.
    pub d: String,
}

/// Encodes `text` with medium error correction (survives ~15% damage, e.g. a logo or glare).
/// `None` when the text is too long for any QR version.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut d = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            // Runs of dark modules become one rectangle: a third of the path's length.
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            d.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            ));
        }
    }
    Some(QrPath {
        extent: size + 2 * QUIET_ZONE,
        d,
    })
}

/// The modules `path` draws as dark, row by row (`extent` × `extent`); for tests.
#[cfg(test)]
fn rasterise(path: &QrPath) -> Vec<Vec<bool>> {
    let n = path.extent as usize;
    let mut grid = vec![vec![false; n]; n];
    for part in path.d.split('M').filter(|p| !p.is_empty()) {
        let (pos, rest) = part.split_once('h').expect("M x y h run ...");
        let (x, y) = pos.split_once(' ').expect("x y");
        let run: usize = rest.split_once('v').expect("run v").0.parse().expect("run");
        let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
        for cell in &mut grid[y][x..x + run] {
            *cell = true;
        }
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws the path at 4 px a module and reads it back with a real QR decoder.
    fn decode(path: &QrPath) -> String {
        let grid = rasterise(path);
        let scale = 4;
        let px = grid.len() * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
            if grid[y / scale][x / scale] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the picture");
        grids[0].decode().expect("a readable code").1
    }

    #[test]
    fn a_share_link_reads_back_from_its_code() {
        for link in [
            "http://127.0.0.1:5212/s/AbCd",
            "https://drive.example.com/s/q1W2e3/abcdefgh",
            // Long custom passwords make bigger codes.
            &format!("https://drive.example.com/s/q1W2e3/{}", "x".repeat(32)),
        ] {
            let path = qr_path(link).expect("fits");
            assert_eq!(decode(&path), link);
        }
    }

    #[test]
    fn the_quiet_zone_stays_light() {
        let path = qr_path("http://h/s/x").expect("fits");
        let grid = rasterise(&path);
        let q = QUIET_ZONE as usize;
        let n = grid.len();
        for (y, row) in grid.iter().enumerate() {
            for (x, dark) in row.iter().enumerate() {
                if x < q || y < q || x >= n - q || y >= n - q {
                    assert!(!dark, "module ({x},{y}) in the quiet zone");
                }
            }
        }
        // Version 1 is 21 modules a side.
        assert_eq!(path.extent, 21 + 2 * QUIET_ZONE);
    }

    #[test]
    fn text_beyond_the_largest_code_is_refused() {
        assert_eq!(qr_path(&"x".repeat(5_000)), None);
    }
}
