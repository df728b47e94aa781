//! Property tests: URIs and boolsets survive a format/parse round trip for any input.

use cloudreve_api::{Boolset, CrUri, FileSystem};
use proptest::prelude::*;

fn fs() -> impl Strategy<Value = FileSystem> {
    prop_oneof![
        Just(FileSystem::My),
        Just(FileSystem::Share),
        Just(FileSystem::Trash),
        Just(FileSystem::SharedWithMe)
    ]
}

/// Names the server accepts: no `/`, not `.`/`..`, not empty.
fn name() -> impl Strategy<Value = String> {
    "[^/]{1,12}".prop_filter("dot names are resolved", |s| s != "." && s != "..")
}

prop_compose! {
    fn uri()(fs in fs(), id in proptest::option::of("[A-Za-z0-9]{1,8}"), password in proptest::option::of("[^/]{0,8}"),
             segments in proptest::collection::vec(name(), 0..5),
             query in proptest::collection::vec(("[a-z_]{1,8}", "[^&]{0,8}"), 0..3)) -> CrUri {
        let password = if id.is_some() { password } else { None };
        CrUri { fs, id, password, segments, query }
    }
}

proptest! {
    #[test]
    fn uri_round_trips(u in uri()) {
        let text = u.to_string();
        prop_assert_eq!(CrUri::parse(&text).unwrap(), u);
    }

    #[test]
    fn uri_parse_never_panics(s in "cloudreve://\\PC{0,40}") {
        let _ = CrUri::parse(&s);
    }

    #[test]
    fn boolset_round_trips(bits in proptest::collection::btree_set(0usize..64, 0..20)) {
        let set = Boolset::from_bits(bits.iter().copied());
        let decoded = Boolset::decode(&set.encode()).unwrap();
        prop_assert_eq!(decoded.bits().collect::<Vec<_>>(), bits.into_iter().collect::<Vec<_>>());
    }
}
