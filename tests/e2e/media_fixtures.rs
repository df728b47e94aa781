//! Media files the viewer scenarios need, made on the spot: a WAV tone written here, a WebM clip
//! recorded by Chromium itself (MediaRecorder on a canvas), a minimal PDF and a SubRip file.

use crate::harness::Ctx;

/// A mono 8-bit 8 kHz WAV of `seconds` of a 440 Hz tone.
pub fn wav(seconds: u32) -> Vec<u8> {
    const RATE: u32 = 8_000;
    let samples = RATE * seconds;
    let mut out = Vec::with_capacity(44 + samples as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + samples).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&RATE.to_le_bytes()); // bytes per second
    out.extend_from_slice(&1u16.to_le_bytes()); // block align
    out.extend_from_slice(&8u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&samples.to_le_bytes());
    for i in 0..samples {
        let t = f64::from(i) / f64::from(RATE);
        let v = (t * 440.0 * std::f64::consts::TAU).sin();
        out.push((128.0 + 60.0 * v) as u8);
    }
    out
}

/// A one-page PDF saying `text`, with a correct cross-reference table.
pub fn pdf(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 24 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// SubRip with a BOM, CRLF line ends, comma decimals and a two-line cue.
pub const SRT: &str = "\u{feff}1\r\n00:00:00,000 --> 00:00:01,000\r\nFirst cue\r\n\r\n2\r\n00:00:01,000 --> 00:00:05,500\r\nSecond cue\r\non two lines\r\n";

/// A WebM clip of about `ms` milliseconds, recorded by the page's Chromium from a canvas.
pub async fn webm(ctx: &Ctx, ms: u32) -> Vec<u8> {
    let script = format!(
        r#"const done = arguments[0];
        const c = document.createElement('canvas'); c.width = 320; c.height = 180;
        const g = c.getContext('2d'); let f = 0;
        const draw = () => {{ g.fillStyle = `hsl(${{(f * 25) % 360}}, 70%, 45%)`; g.fillRect(0, 0, 320, 180);
          g.fillStyle = '#fff'; g.font = '40px sans-serif'; g.fillText(String(f++), 20, 100); }};
        draw(); const timer = setInterval(draw, 40);
        const rec = new MediaRecorder(c.captureStream(25), {{ mimeType: 'video/webm' }});
        const parts = []; rec.ondataavailable = e => parts.push(e.data);
        rec.onstop = () => {{ clearInterval(timer);
          new Blob(parts).arrayBuffer().then(b => done(Array.from(new Uint8Array(b)))); }};
        rec.start(200); setTimeout(() => rec.stop(), {ms});"#
    );
    let bytes = ctx.js_async(&script).await;
    let bytes: Vec<u8> = bytes
        .as_array()
        .expect("recorded bytes")
        .iter()
        .map(|b| b.as_u64().unwrap_or(0) as u8)
        .collect();
    assert!(
        bytes.len() > 1_000,
        "MediaRecorder made a clip: {} bytes",
        bytes.len()
    );
    bytes
}
