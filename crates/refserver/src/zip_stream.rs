//! The byte layout of a zip written front to back in one pass (archive downloads): stored entries
//! whose CRC follows the data in a data descriptor, so no entry has to be read twice or buffered,
//! and whose total size is known before the first byte is sent.
//!
//! No zip64: callers keep archives under [`MAX_ENTRIES`] entries and [`MAX_SIZE`] bytes.

/// Most entries a zip without zip64 records (the end record counts them in 16 bits).
pub const MAX_ENTRIES: usize = 65_535;
/// Largest archive whose offsets fit the 32-bit fields.
pub const MAX_SIZE: u64 = u32::MAX as u64;

const LOCAL_HEADER: u64 = 30;
const DESCRIPTOR: u64 = 16;
const CENTRAL_HEADER: u64 = 46;
const END_RECORD: u64 = 22;

/// Version 2.0: directories and data descriptors.
const VERSION_NEEDED: u16 = 20;
/// Made by "Unix", so the external attributes carry Unix modes that unzip tools restore.
const VERSION_MADE_BY: u16 = (3 << 8) | VERSION_NEEDED;
/// Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8.
const FLAG_DESCRIPTOR: u16 = 1 << 3;
const FLAG_UTF8: u16 = 1 << 11;

/// One entry as the headers describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryHeader<'a> {
    /// `/`-separated path; directories end with `/`.
    pub name: &'a str,
    /// Whether this is a directory (no data, no descriptor).
    pub is_dir: bool,
    /// Modification time, Unix ms.
    pub modified_ms: i64,
}

impl EntryHeader<'_> {
    fn flags(&self) -> u16 {
        if self.is_dir {
            FLAG_UTF8
        } else {
            FLAG_UTF8 | FLAG_DESCRIPTOR
        }
    }

    fn name_len(&self) -> u16 {
        // Callers check `fits` first; a longer name is cut rather than wrapping the field.
        u16::try_from(self.name.len()).unwrap_or(u16::MAX)
    }

    /// Whether the name fits its 16-bit length field.
    pub fn fits(&self) -> bool {
        self.name.len() <= usize::from(u16::MAX)
    }

    /// The local file header, which precedes the data.
    pub fn local(&self) -> Vec<u8> {
        let (time, date) = dos_datetime(self.modified_ms);
        let mut b = Vec::with_capacity(LOCAL_HEADER as usize + self.name.len());
        put32(&mut b, 0x0403_4b50);
        put16(&mut b, VERSION_NEEDED);
        put16(&mut b, self.flags());
        put16(&mut b, 0); // stored
        put16(&mut b, time);
        put16(&mut b, date);
        put32(&mut b, 0); // CRC and sizes: in the descriptor (files) or zero (directories)
        put32(&mut b, 0);
        put32(&mut b, 0);
        put16(&mut b, self.name_len());
        put16(&mut b, 0);
        b.extend_from_slice(self.name.as_bytes());
        b
    }

    /// The central directory record of this entry, written at `offset` with `crc` over `size`
    /// bytes.
    pub fn central(&self, offset: u32, crc: u32, size: u32) -> Vec<u8> {
        let (time, date) = dos_datetime(self.modified_ms);
        // Unix mode in the high half; 0x10 is the MS-DOS directory attribute.
        let attrs: u32 = if self.is_dir {
            (0o040_755 << 16) | 0x10
        } else {
            0o100_644 << 16
        };
        let mut b = Vec::with_capacity(CENTRAL_HEADER as usize + self.name.len());
        put32(&mut b, 0x0201_4b50);
        put16(&mut b, VERSION_MADE_BY);
        put16(&mut b, VERSION_NEEDED);
        put16(&mut b, self.flags());
        put16(&mut b, 0);
        put16(&mut b, time);
        put16(&mut b, date);
        put32(&mut b, crc);
        put32(&mut b, size);
        put32(&mut b, size);
        put16(&mut b, self.name_len());
        put16(&mut b, 0); // extra
        put16(&mut b, 0); // comment
        put16(&mut b, 0); // disk
        put16(&mut b, 0); // internal attributes
        put32(&mut b, attrs);
        put32(&mut b, offset);
        b.extend_from_slice(self.name.as_bytes());
        b
    }
}

/// The data descriptor after a file's `size` bytes.
pub fn descriptor(crc: u32, size: u32) -> Vec<u8> {
    let mut b = Vec::with_capacity(DESCRIPTOR as usize);
    put32(&mut b, 0x0807_4b50);
    put32(&mut b, crc);
    put32(&mut b, size);
    put32(&mut b, size);
    b
}

/// The end of central directory record.
pub fn end_record(entries: u16, directory_size: u32, directory_offset: u32) -> Vec<u8> {
    let mut b = Vec::with_capacity(END_RECORD as usize);
    put32(&mut b, 0x0605_4b50);
    put16(&mut b, 0);
    put16(&mut b, 0);
    put16(&mut b, entries);
    put16(&mut b, entries);
    put32(&mut b, directory_size);
    put32(&mut b, directory_offset);
    put16(&mut b, 0);
    b
}

/// The exact size of an archive of entries given as (name length, data size or `None` for a
/// directory).
pub fn archive_size(entries: impl IntoIterator<Item = (usize, Option<u64>)>) -> u64 {
    entries.into_iter().fold(END_RECORD, |total, (name, data)| {
        let name = name as u64;
        let body = data.map_or(0, |d| d + DESCRIPTOR);
        total + LOCAL_HEADER + CENTRAL_HEADER + 2 * name + body
    })
}

fn put16(b: &mut Vec<u8>, v: u16) {
    b.extend_from_slice(&v.to_le_bytes());
}

fn put32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_le_bytes());
}

/// MS-DOS (time, date) of `unix_ms` in UTC; times before 1980 become 1980-01-01 00:00.
pub fn dos_datetime(unix_ms: i64) -> (u16, u16) {
    let secs = unix_ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    if y < 1980 {
        return (0, (1 << 5) | 1);
    }
    let year = (y - 1980).min(127) as u16;
    let date = (year << 9) | ((m as u16) << 5) | d as u16;
    let time = (((rem / 3600) as u16) << 11)
        | ((((rem % 3600) / 60) as u16) << 5)
        | ((rem % 60) / 2) as u16;
    (time, date)
}

/// (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    /// Writes `entries` (name, content or `None` for a directory) the way the download does.
    fn write(entries: &[(&str, Option<&[u8]>)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let h = EntryHeader {
                name,
                is_dir: data.is_none(),
                modified_ms: 1_718_000_000_000,
            };
            let offset = out.len() as u32;
            out.extend(h.local());
            let (crc, size) = match data {
                Some(d) => {
                    out.extend_from_slice(d);
                    let crc = crc32fast::hash(d);
                    out.extend(descriptor(crc, d.len() as u32));
                    (crc, d.len() as u32)
                }
                None => (0, 0),
            };
            central.extend(h.central(offset, crc, size));
        }
        let at = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend(end_record(entries.len() as u16, central.len() as u32, at));
        out
    }

    #[test]
    fn a_written_archive_reads_back_and_has_the_announced_size() {
        let entries: &[(&str, Option<&[u8]>)] = &[
            ("Docs/", None),
            ("Docs/Tête à tête.txt", Some(b"bonjour")),
            ("Docs/empty.txt", Some(b"")),
            ("Empty/", None),
        ];
        let bytes = write(entries);
        let size = archive_size(
            entries
                .iter()
                .map(|(n, d)| (n.len(), d.map(|d| d.len() as u64))),
        );
        assert_eq!(bytes.len() as u64, size);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("valid zip");
        let names: Vec<&str> = zip.file_names().collect();
        assert_eq!(names.len(), 4);
        let mut text = String::new();
        zip.by_name("Docs/Tête à tête.txt")
            .expect("entry")
            .read_to_string(&mut text)
            .expect("read, CRC checked");
        assert_eq!(text, "bonjour");
        assert!(zip.by_name("Empty/").expect("dir").is_dir());
    }

    #[test]
    fn dos_times_are_utc_fields_and_clamp_before_1980() {
        // 2024-06-10 06:13:20 UTC
        let (time, date) = dos_datetime(1_717_999_999_999);
        assert_eq!((date >> 9, (date >> 5) & 0xf, date & 0x1f), (44, 6, 10));
        assert_eq!(
            (time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2),
            (6, 13, 18)
        );
        assert_eq!(dos_datetime(0), (0, 33));
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_783), (2024, 3, 1));
    }
}
