//! Image CAPTCHAs: random text drawn with a built-in bitmap font and noise, kept in memory and
//! consumed by the first verification attempt, right or wrong (site.md §Get CAPTCHA).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rand::Rng;

/// How long a challenge may be answered.
const LIFETIME: Duration = Duration::from_secs(300);
/// Upper bound of live challenges, so anonymous callers cannot grow memory without limit.
const MAX_LIVE: usize = 10_000;
const LENGTH: usize = 5;
const WIDTH: u32 = 160;
const HEIGHT: u32 = 50;
const SCALE: u32 = 4;

/// 5×7 glyphs of characters that are hard to confuse; each row's low 5 bits, leftmost bit first.
const GLYPHS: &[(char, [u8; 7])] = &[
    (
        '2',
        [
            0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111,
        ],
    ),
    (
        '3',
        [
            0b11110, 0b00001, 0b00001, 0b01110, 0b00001, 0b00001, 0b11110,
        ],
    ),
    (
        '4',
        [
            0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010,
        ],
    ),
    (
        '5',
        [
            0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110,
        ],
    ),
    (
        '6',
        [
            0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110,
        ],
    ),
    (
        '7',
        [
            0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000,
        ],
    ),
    (
        '8',
        [
            0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110,
        ],
    ),
    (
        'A',
        [
            0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001,
        ],
    ),
    (
        'C',
        [
            0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110,
        ],
    ),
    (
        'E',
        [
            0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111,
        ],
    ),
    (
        'F',
        [
            0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000,
        ],
    ),
    (
        'H',
        [
            0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001,
        ],
    ),
    (
        'K',
        [
            0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001,
        ],
    ),
    (
        'P',
        [
            0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000,
        ],
    ),
    (
        'R',
        [
            0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001,
        ],
    ),
    (
        'T',
        [
            0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100,
        ],
    ),
    (
        'X',
        [
            0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001,
        ],
    ),
];

/// Live challenges: ticket → (answer, expiry).
#[derive(Default)]
pub struct CaptchaStore {
    live: Mutex<HashMap<String, (String, Instant)>>,
}

/// A new challenge.
pub struct Challenge {
    /// Opaque id.
    pub ticket: String,
    /// `data:image/png;base64,...`.
    pub image: String,
    /// The expected answer (tests read it; never sent to clients).
    pub answer: String,
}

impl CaptchaStore {
    /// Creates and remembers a challenge.
    pub fn issue(&self) -> anyhow::Result<Challenge> {
        let mut rng = rand::thread_rng();
        let answer: String = (0..LENGTH)
            .map(|_| GLYPHS[rng.gen_range(0..GLYPHS.len())].0)
            .collect();
        let ticket: String = (0..20)
            .map(|_| rng.sample(rand::distributions::Alphanumeric) as char)
            .collect();
        let image = format!(
            "data:image/png;base64,{}",
            STANDARD.encode(render(&answer)?)
        );
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        live.retain(|_, (_, exp)| *exp > now);
        if live.len() >= MAX_LIVE {
            return Err(anyhow::anyhow!("too many live CAPTCHA challenges"));
        }
        live.insert(ticket.clone(), (answer.clone(), now + LIFETIME));
        Ok(Challenge {
            ticket,
            image,
            answer,
        })
    }

    /// The answers of every live challenge (tests use it to solve the CAPTCHA a browser was shown).
    pub fn live_answers(&self) -> Vec<String> {
        let live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        live.values()
            .filter(|(_, exp)| *exp > Instant::now())
            .map(|(a, _)| a.clone())
            .collect()
    }

    /// Checks an answer (case-insensitive) and consumes the challenge either way.
    pub fn verify(&self, ticket: &str, answer: &str) -> bool {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        match live.remove(ticket) {
            Some((expected, exp)) => {
                exp > Instant::now() && expected.eq_ignore_ascii_case(answer.trim())
            }
            None => false,
        }
    }
}

/// Draws `text` as a PNG with jittered glyphs and noise.
fn render(text: &str) -> anyhow::Result<Vec<u8>> {
    let mut rng = rand::thread_rng();
    let mut px = vec![245u8; (WIDTH * HEIGHT * 3) as usize];
    let put = |x: i64, y: i64, rgb: [u8; 3], px: &mut Vec<u8>| {
        if (0..WIDTH as i64).contains(&x) && (0..HEIGHT as i64).contains(&y) {
            let i = ((y as u32 * WIDTH + x as u32) * 3) as usize;
            px[i..i + 3].copy_from_slice(&rgb);
        }
    };
    for _ in 0..400 {
        let (x, y) = (
            rng.gen_range(0..WIDTH) as i64,
            rng.gen_range(0..HEIGHT) as i64,
        );
        put(x, y, [rng.gen_range(120..220); 3], &mut px);
    }
    for (i, ch) in text.chars().enumerate() {
        let glyph = GLYPHS
            .iter()
            .find(|g| g.0 == ch)
            .map(|g| g.1)
            .unwrap_or_default();
        let color = [
            rng.gen_range(10..90),
            rng.gen_range(10..90),
            rng.gen_range(60..140),
        ];
        let x0 = 10 + i as i64 * 29 + rng.gen_range(-2..=2);
        let y0 = 6 + rng.gen_range(-3..=3);
        let slant: i64 = rng.gen_range(-1..=1);
        for (row, bits) in glyph.iter().enumerate() {
            for col in 0..5 {
                if bits & (1 << (4 - col)) == 0 {
                    continue;
                }
                for dy in 0..SCALE as i64 {
                    for dx in 0..SCALE as i64 {
                        let y = y0 + row as i64 * SCALE as i64 + dy;
                        put(
                            x0 + col * SCALE as i64 + dx + slant * (6 - row as i64) / 2,
                            y,
                            color,
                            &mut px,
                        );
                    }
                }
            }
        }
    }
    for _ in 0..3 {
        let (mut x, mut y) = (0f32, rng.gen_range(0..HEIGHT) as f32);
        let dy = rng.gen_range(-0.3..0.3);
        while x < WIDTH as f32 {
            put(x as i64, y as i64, [100, 100, 100], &mut px);
            x += 1.0;
            y += dy;
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header()?.write_image_data(&px)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges_are_png_and_single_use() {
        let store = CaptchaStore::default();
        let c = store.issue().unwrap();
        assert!(c.image.starts_with("data:image/png;base64,iVBORw0KGgo"));
        assert_eq!(c.answer.len(), LENGTH);
        assert!(store.verify(&c.ticket, &c.answer.to_lowercase()));
        assert!(
            !store.verify(&c.ticket, &c.answer),
            "a challenge is consumed by its first check"
        );
        let wrong = store.issue().unwrap();
        assert!(!store.verify(&wrong.ticket, "nope"));
        assert!(
            !store.verify(&wrong.ticket, &wrong.answer),
            "a wrong answer also consumes it"
        );
    }
}
