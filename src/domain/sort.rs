//! The listing order the user chose, as it travels in the URL (`order_by`, `order_direction`).

/// A sortable column, named as the API names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Name.
    Name,
    /// Size.
    Size,
    /// Modification time.
    UpdatedAt,
    /// Creation order.
    CreatedAt,
}

impl SortKey {
    /// The API's `order_by` value.
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Size => "size",
            SortKey::UpdatedAt => "updated_at",
            SortKey::CreatedAt => "created_at",
        }
    }

    /// Parses an `order_by` value.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "name" => SortKey::Name,
            "size" => SortKey::Size,
            "updated_at" => SortKey::UpdatedAt,
            "created_at" => SortKey::CreatedAt,
            _ => return None,
        })
    }
}

/// A column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Descending.
    pub desc: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Name,
            desc: false,
        }
    }
}

impl Sort {
    /// From the URL's values; anything unknown falls back to name, ascending.
    pub fn from_params(order_by: Option<&str>, direction: Option<&str>) -> Self {
        match order_by.and_then(SortKey::parse) {
            Some(key) => Sort {
                key,
                desc: direction == Some("desc"),
            },
            None => Sort::default(),
        }
    }

    /// The API's `order_direction` value.
    pub fn direction(self) -> &'static str {
        if self.desc {
            "desc"
        } else {
            "asc"
        }
    }

    /// The order after clicking `key`'s header: the same column flips, another starts ascending.
    pub fn clicked(self, key: SortKey) -> Self {
        if self.key == key {
            Sort {
                key,
                desc: !self.desc,
            }
        } else {
            Sort { key, desc: false }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_fall_back_and_toggle() {
        assert_eq!(
            Sort::from_params(Some("size"), Some("desc")),
            Sort {
                key: SortKey::Size,
                desc: true
            }
        );
        assert_eq!(
            Sort::from_params(Some("colour"), Some("desc")),
            Sort::default()
        );
        assert_eq!(Sort::from_params(None, None), Sort::default());
        let s = Sort::default().clicked(SortKey::Name);
        assert_eq!(
            s,
            Sort {
                key: SortKey::Name,
                desc: true
            },
            "the same column flips"
        );
        assert_eq!(
            s.clicked(SortKey::Size),
            Sort {
                key: SortKey::Size,
                desc: false
            },
            "another column starts ascending"
        );
    }
}
