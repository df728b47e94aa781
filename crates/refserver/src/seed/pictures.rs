//! Generated pictures for the demo tree, tests and benchmarks: a gradient with a few flat shapes,
//! at camera-like sizes so thumbnails are much smaller than their sources.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, RgbImage};

/// Top and bottom colours of the gradients, picked by variant.
const PALETTES: &[([u8; 3], [u8; 3])] = &[
    ([255, 140, 60], [80, 30, 120]),
    ([20, 120, 200], [220, 240, 255]),
    ([40, 110, 60], [200, 220, 140]),
    ([30, 30, 60], [250, 200, 120]),
];

/// A flat shape drawn over the gradient.
enum Shape {
    Circle { cx: i64, cy: i64, r: i64 },
    Rect { x0: u32, y0: u32, x1: u32, y1: u32 },
}

impl Shape {
    /// The columns `x0..x1` the shape covers on row `y`, if any.
    fn span(&self, y: u32, width: u32) -> Option<(u32, u32)> {
        let clamp = |x: i64| x.clamp(0, i64::from(width)) as u32;
        match *self {
            Shape::Circle { cx, cy, r } => {
                let dy = i64::from(y) - cy;
                let d2 = r * r - dy * dy;
                if d2 < 0 {
                    return None;
                }
                let half = (d2 as f64).sqrt() as i64;
                Some((clamp(cx - half), clamp(cx + half + 1)))
            }
            Shape::Rect { x0, y0, x1, y1 } => (y0..y1)
                .contains(&y)
                .then(|| (x0.min(width), x1.min(width))),
        }
    }
}

/// Picture number `variant`: the same variant always gives the same pixels.
pub fn picture(width: u32, height: u32, variant: u32) -> RgbImage {
    let (top, bottom) = PALETTES[variant as usize % PALETTES.len()];
    // A small linear congruential sequence places the shapes; no randomness, so fixtures are stable.
    let mut state = u64::from(variant).wrapping_mul(6_364_136_223_846_793_005) + 1;
    let mut next = |bound: u32| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % u64::from(bound.max(1))) as u32
    };
    let side = width.min(height);
    let mut shapes = Vec::new();
    for i in 0..4 {
        let colour = [next(256) as u8, next(256) as u8, next(256) as u8];
        let (x, y) = (next(width), next(height));
        let size = side / 8 + next(side / 4);
        let shape = if i % 2 == 0 {
            Shape::Circle {
                cx: i64::from(x),
                cy: i64::from(y),
                r: i64::from(size),
            }
        } else {
            Shape::Rect {
                x0: x,
                y0: y,
                x1: x.saturating_add(size * 2),
                y1: y.saturating_add(size),
            }
        };
        shapes.push((shape, colour));
    }
    // Filled row by row and span by span: the demo seed draws megapixels in unoptimised builds.
    let row_len = width as usize * 3;
    let mut buf = vec![0u8; row_len * height as usize];
    for (y, row) in buf.chunks_exact_mut(row_len.max(1)).enumerate() {
        let t = y as f32 / height.max(2) as f32;
        let base = [0, 1, 2].map(|i| (top[i] as f32 * (1.0 - t) + bottom[i] as f32 * t) as u8);
        fill(row, 0, width, base);
        for (shape, colour) in &shapes {
            if let Some((x0, x1)) = shape.span(y as u32, width) {
                fill(row, x0, x1, *colour);
            }
        }
    }
    RgbImage::from_raw(width, height, buf).unwrap_or_else(|| RgbImage::new(width, height))
}

/// Paints columns `x0..x1` of an RGB row.
fn fill(row: &mut [u8], x0: u32, x1: u32, colour: [u8; 3]) {
    if x1 <= x0 {
        return;
    }
    let part = &mut row[x0 as usize * 3..x1 as usize * 3];
    part[..3].copy_from_slice(&colour);
    // Doubling copies keep the work in memcpy, fast even without optimisation.
    let mut done = 3;
    while done < part.len() {
        let n = done.min(part.len() - done);
        part.copy_within(..n, done);
        done += n;
    }
}

/// `img` as PNG bytes.
pub fn png(img: &RgbImage) -> anyhow::Result<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png)?;
    Ok(out.into_inner())
}

/// `img` as JPEG bytes (quality 90).
pub fn jpeg(img: &RgbImage) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90).encode_image(img)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_are_stable_and_have_shapes() {
        let a = picture(64, 48, 3);
        assert_eq!(a, picture(64, 48, 3));
        assert_ne!(a, picture(64, 48, 4));
        // Gradient rows are one colour; shapes (narrower than the picture) break some of them.
        assert!((0..48).any(|y| (1..64).any(|x| a.get_pixel(x, y) != a.get_pixel(0, y))));
        assert!(png(&a).is_ok_and(|b| b.starts_with(b"\x89PNG")));
        assert!(jpeg(&a).is_ok_and(|b| b.starts_with(&[0xFF, 0xD8])));
    }
}
