//! Pure rules of the share dialog: expiry presets, custom passwords, and the link with or without
//! its password (share.md §Create share link).

/// How long a new link lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    /// Until deleted.
    Never,
    /// One hour.
    Hour,
    /// One day.
    Day,
    /// Seven days.
    Week,
    /// Thirty days.
    Month,
    /// A date and time the owner picks.
    Custom,
}

impl Expiry {
    /// Every preset, in menu order.
    pub const ALL: [Expiry; 6] = [
        Expiry::Never,
        Expiry::Hour,
        Expiry::Day,
        Expiry::Week,
        Expiry::Month,
        Expiry::Custom,
    ];

    /// The `expire` field of a preset: seconds from now, 0 for never. `None` for a custom date,
    /// which [`seconds_until`] measures.
    pub fn seconds(self) -> Option<i64> {
        match self {
            Expiry::Never => Some(0),
            Expiry::Hour => Some(3_600),
            Expiry::Day => Some(86_400),
            Expiry::Week => Some(7 * 86_400),
            Expiry::Month => Some(30 * 86_400),
            Expiry::Custom => None,
        }
    }

    /// The value of its `<option>`.
    pub fn code(self) -> &'static str {
        match self {
            Expiry::Never => "never",
            Expiry::Hour => "1h",
            Expiry::Day => "1d",
            Expiry::Week => "7d",
            Expiry::Month => "30d",
            Expiry::Custom => "custom",
        }
    }

    /// The preset an `<option>` value names.
    pub fn from_code(code: &str) -> Expiry {
        Expiry::ALL
            .into_iter()
            .find(|e| e.code() == code)
            .unwrap_or(Expiry::Never)
    }
}

/// Why a custom expiry date is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing (or nothing the browser could read) was picked.
    Missing,
    /// The moment has passed, or is less than a minute away.
    NotInFuture,
}

/// The `expire` field for a custom date: whole seconds from `now_ms` to `target_ms` (rounded up,
/// so the link never ends before the chosen minute). A link that would be dead on arrival is
/// refused rather than created expired.
pub fn seconds_until(target_ms: Option<f64>, now_ms: f64) -> Result<i64, DateProblem> {
    let target = target_ms
        .filter(|t| t.is_finite())
        .ok_or(DateProblem::Missing)?;
    let seconds = ((target - now_ms) / 1000.0).ceil();
    if seconds < 60.0 {
        return Err(DateProblem::NotInFuture);
    }
    // Beyond any real date, but keeps the cast defined.
    Ok(seconds.min(1e15) as i64)
}

/// Why a custom password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Longer than 32 characters.
    TooLong,
    /// Something other than ASCII letters and digits.
    NotAlphanumeric,
}

/// Checks a custom password (empty = let the server choose one).
pub fn check_password(p: &str) -> Result<(), PasswordProblem> {
    if p.len() > 32 {
        Err(PasswordProblem::TooLong)
    } else if !p.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Err(PasswordProblem::NotAlphanumeric)
    } else {
        Ok(())
    }
}

/// A created link split into its public part and its password: the server answers
/// `{site}/s/{id}/{password}` for protected shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedLink {
    /// `{site}/s/{id}`.
    pub bare: String,
    /// The password, if the link has one.
    pub password: Option<String>,
}

impl SharedLink {
    /// Splits the server's answer. `protected` says whether the share has a password, because a
    /// bare link ends in its id just as a protected one ends in its password.
    pub fn parse(link: &str, protected: bool) -> SharedLink {
        let cut = link
            .find("/s/")
            .map(|i| i + 3)
            .and_then(|start| link[start..].find('/').map(|j| start + j));
        match cut {
            Some(i) if protected => SharedLink {
                bare: link[..i].to_string(),
                password: Some(link[i + 1..].to_string()).filter(|p| !p.is_empty()),
            },
            _ => SharedLink {
                bare: link.to_string(),
                password: None,
            },
        }
    }

    /// The link to hand out: with the password inside, or without it.
    pub fn text(&self, with_password: bool) -> String {
        match (&self.password, with_password) {
            (Some(p), true) => format!("{}/{p}", self.bare),
            _ => self.bare.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_seconds_from_now() {
        assert_eq!(Expiry::Never.seconds(), Some(0));
        assert_eq!(Expiry::Week.seconds(), Some(604_800));
        assert_eq!(Expiry::Custom.seconds(), None);
        for e in Expiry::ALL {
            assert_eq!(Expiry::from_code(e.code()), e);
        }
        assert_eq!(Expiry::from_code("nonsense"), Expiry::Never);
    }

    #[test]
    fn a_custom_date_must_be_at_least_a_minute_ahead() {
        let now = 1_700_000_000_000.0;
        assert_eq!(seconds_until(Some(now + 86_400_000.0), now), Ok(86_400));
        // Part of a second counts as a whole one.
        assert_eq!(seconds_until(Some(now + 90_500.0), now), Ok(91));
        assert_eq!(
            seconds_until(Some(now + 30_000.0), now),
            Err(DateProblem::NotInFuture)
        );
        assert_eq!(
            seconds_until(Some(now - 5_000.0), now),
            Err(DateProblem::NotInFuture)
        );
        assert_eq!(seconds_until(None, now), Err(DateProblem::Missing));
        assert_eq!(
            seconds_until(Some(f64::NAN), now),
            Err(DateProblem::Missing)
        );
    }

    #[test]
    fn passwords_are_letters_and_digits_up_to_32() {
        assert_eq!(check_password(""), Ok(()));
        assert_eq!(check_password("Abc123"), Ok(()));
        assert_eq!(check_password(&"a".repeat(32)), Ok(()));
        assert_eq!(
            check_password(&"a".repeat(33)),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(check_password("a b"), Err(PasswordProblem::NotAlphanumeric));
        assert_eq!(
            check_password("пароль"),
            Err(PasswordProblem::NotAlphanumeric)
        );
        assert_eq!(
            check_password("pässwd"),
            Err(PasswordProblem::NotAlphanumeric)
        );
    }

    #[test]
    fn a_protected_link_splits_into_link_and_password() {
        let l = SharedLink::parse("http://h:1/s/AbC/pw9", true);
        assert_eq!(
            (l.bare.as_str(), l.password.as_deref()),
            ("http://h:1/s/AbC", Some("pw9"))
        );
        assert_eq!(l.text(true), "http://h:1/s/AbC/pw9");
        assert_eq!(l.text(false), "http://h:1/s/AbC");
        let open = SharedLink::parse("http://h:1/s/AbC", false);
        assert_eq!(
            (open.text(true), open.password),
            ("http://h:1/s/AbC".to_string(), None)
        );
        let odd = SharedLink::parse("no link at all", true);
        assert_eq!(odd.text(true), "no link at all");
    }
}
