//! Thumbnail generation: decode a picture, fit it in the site's thumbnail bounds, write a JPEG.
//! Blocking work; callers run it on the blocking pool and at most [`PARALLEL`] at a time.

use std::fs::File;
use std::io::{BufRead, BufWriter, Cursor, Seek, Write};
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, Rgb, RgbImage};

/// Generations that may run at once (the server has few cores; others wait their turn).
pub const PARALLEL: usize = 2;
/// Largest thumbnail width (site `explorer` section `thumbnail_width`).
pub const MAX_WIDTH: u32 = 400;
/// Largest thumbnail height (site `explorer` section `thumbnail_height`).
pub const MAX_HEIGHT: u32 = 300;
/// Larger sources get no thumbnail (Cloudreve's `thumb_builtin_max_size`).
pub const MAX_SOURCE_BYTES: i64 = 78_643_200;
/// Extensions the generator tries (the decoders compiled in).
const EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "bmp"];
/// JPEG quality of thumbnails.
const QUALITY: u8 = 85;
/// Largest picture side decoded, and most memory a decoder may take: a small file can declare a
/// huge canvas, and decoding it must not exhaust the server.
const MAX_SIDE: u32 = 20_000;
const MAX_ALLOC: u64 = 512 << 20;

/// Whether a file of this name and size is worth trying.
pub fn supported(name: &str, size: i64) -> bool {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    size > 0 && size <= MAX_SOURCE_BYTES && EXTENSIONS.contains(&ext.as_str())
}

/// Where a picture is read from.
#[derive(Debug)]
pub enum Source {
    /// A file on this server's disk.
    File(PathBuf),
    /// Bytes fetched from elsewhere (an S3 object; sources are at most [`MAX_SOURCE_BYTES`]).
    Memory(Vec<u8>),
}

/// Decodes `source` and writes its thumbnail to `dest` (whole or not at all); returns its size.
pub fn generate(source: Source, dest: &Path) -> anyhow::Result<u64> {
    match source {
        Source::File(path) => encode(ImageReader::open(path)?, dest),
        Source::Memory(bytes) => encode(ImageReader::new(Cursor::new(bytes)), dest),
    }
}

fn encode<R: BufRead + Seek>(reader: ImageReader<R>, dest: &Path) -> anyhow::Result<u64> {
    let mut reader = reader.with_guessed_format()?;
    // The content decides the decoder, not the name; anything else compiled in is refused.
    match reader.format() {
        Some(
            ImageFormat::Png
            | ImageFormat::Jpeg
            | ImageFormat::Gif
            | ImageFormat::WebP
            | ImageFormat::Bmp,
        ) => {}
        other => anyhow::bail!("not a supported picture: {other:?}"),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut img = DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    if img.width() > MAX_WIDTH || img.height() > MAX_HEIGHT {
        img = img.thumbnail(MAX_WIDTH, MAX_HEIGHT);
    }
    let rgb = flatten(img);
    // Written beside the target and renamed, so a reader never sees half a thumbnail.
    let tmp = dest.with_extension("part");
    let written = (|| -> anyhow::Result<()> {
        let mut out = BufWriter::new(File::create(&tmp)?);
        JpegEncoder::new_with_quality(&mut out, QUALITY).encode_image(&rgb)?;
        out.flush()?;
        Ok(())
    })();
    if let Err(e) = written.and_then(|()| Ok(std::fs::rename(&tmp, dest)?)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(std::fs::metadata(dest)?.len())
}

/// Drops transparency by painting the picture over white (JPEG has no alpha).
fn flatten(img: DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y);
        let a = u16::from(p[3]);
        Rgb([0, 1, 2].map(|i| ((u16::from(p[i]) * a + 255 * (255 - a)) / 255) as u8))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_tried() {
        assert!(supported("a.PNG", 10));
        assert!(supported("photo.jpeg", 10));
        assert!(!supported("a.png", 0), "empty");
        assert!(!supported("a.png", MAX_SOURCE_BYTES + 1), "too large");
        assert!(!supported("notes.txt", 10));
        assert!(!supported("png", 10), "no extension");
    }

    #[test]
    fn transparent_pixels_turn_white() {
        let img = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            2,
            1,
            image::Rgba([0, 0, 0, 0]),
        ));
        assert_eq!(flatten(img).get_pixel(0, 0), &Rgb([255, 255, 255]));
    }
}
