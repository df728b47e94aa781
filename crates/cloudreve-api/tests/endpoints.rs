//! The endpoint catalogue against the contract's checked-in list of METHOD /path pairs.

use std::collections::HashSet;

use cloudreve_api::endpoints;

fn contract() -> HashSet<(String, String)> {
    include_str!("fixtures/endpoints.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            l.split_once(' ')
                .map(|(m, p)| (m.to_string(), p.to_string()))
        })
        .collect()
}

#[test]
fn the_contract_is_described_completely() {
    let described: HashSet<(String, String)> = endpoints::all()
        .iter()
        .map(|e| (e.method.as_str().to_string(), e.path.to_string()))
        .collect();
    let missing: Vec<_> = contract().difference(&described).cloned().collect();
    assert!(missing.is_empty(), "not described: {missing:?}");
}

#[test]
fn every_described_endpoint_is_in_the_contract() {
    let contract = contract();
    assert_eq!(contract.len(), 91, "the checked-in list changed");
    let mut seen = HashSet::new();
    for e in endpoints::all() {
        let key = (e.method.as_str().to_string(), e.path.to_string());
        assert!(
            contract.contains(&key),
            "{} {} is not in the contract",
            key.0,
            key.1
        );
        assert!(
            seen.insert(key.clone()),
            "{} {} is described twice",
            key.0,
            key.1
        );
    }
    println!(
        "described {} of {} contract endpoints",
        seen.len(),
        contract.len()
    );
}
