//! Name order as people expect it: case-insensitive, with digit runs compared as numbers
//! ("file2" before "file10"). Used once a folder is fully loaded; until then the server's order
//! stands, because re-sorting a partial listing would reshuffle it as pages arrive.

use std::cmp::Ordering;

/// Compares two names naturally; ties are broken by the plain text so the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let n = take_digits(&mut x);
                let m = take_digits(&mut y);
                // Compare by magnitude without parsing: strip leading zeros, then length, then text.
                let (nt, mt) = (n.trim_start_matches('0'), m.trim_start_matches('0'));
                let ord = nt.len().cmp(&mt.len()).then_with(|| nt.cmp(mt));
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            (Some(c), Some(d)) => {
                let ord = c.to_lowercase().cmp(d.to_lowercase());
                if ord != Ordering::Equal {
                    return ord;
                }
                x.next();
                y.next();
            }
        }
    }
}

fn take_digits(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut s = String::new();
    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
        s.push(c);
        it.next();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_value_and_case_is_ignored() {
        let mut names = vec![
            "file10", "File2", "file1", "file02b", "apple", "Zebra", "file2a",
        ];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(
            names,
            ["apple", "file1", "File2", "file2a", "file02b", "file10", "Zebra"]
        );
    }

    #[test]
    fn the_order_is_total_and_handles_huge_numbers() {
        assert_eq!(compare("a", "A"), "a".cmp("A"));
        assert_eq!(
            compare("x99999999999999999999999", "x100000000000000000000000"),
            Ordering::Less
        );
        assert_eq!(compare("", "a"), Ordering::Less);
        assert_eq!(compare("中文2", "中文10"), Ordering::Less);
    }
}
