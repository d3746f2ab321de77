//! The table held to what serde reads: every key the data accepts has its entry, and every
//! entry is a key the data accepts.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::*;
use crate::dossier::{Dossier, Rating, choice};

/// A key no struct of the data has.
const PROBE: &str = "_khong_co";

/// The data `{path: leaf}`, each `[]` of `path` a list of one item.
fn nested(path: &[&str], leaf: Value) -> Value {
    match path.split_first() {
        None => leaf,
        Some((&"[]", rest)) => Value::Array(vec![nested(rest, leaf)]),
        Some((key, rest)) => json!({ *key: nested(rest, leaf) }),
    }
}

/// The keys serde reads in the struct at `path` (aliases included), taken from its message on
/// an unknown key; `None` when the value at `path` is not a struct.
fn serde_keys(path: &[&str]) -> Option<BTreeSet<String>> {
    let text = serde_json::to_string(&nested(path, json!({ PROBE: 1 }))).ok()?;
    let err = serde_saphyr::from_str::<Dossier>(&text).err()?.to_string();
    let line = err.lines().next()?;
    if !line.contains(&format!("unknown field `{PROBE}`")) {
        return None;
    }
    let (_, expected) = line.split_once("expected ")?;
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    Some(
        expected
            .split(", ")
            .map(|key| key.trim_matches('`').to_string())
            .collect(),
    )
}

/// Every path serde reads, as the table writes paths, walking each struct it finds.
fn serde_paths(path: &mut Vec<String>, out: &mut BTreeSet<String>) {
    let parts: Vec<&str> = path.iter().map(String::as_str).collect();
    let Some(keys) = serde_keys(&parts) else {
        return;
    };
    for key in keys {
        path.push(key);
        let shown = path.join(".").replace(".[]", "[]");
        out.insert(shown.clone());
        let is_votes = field(&shown).is_some_and(|field| matches!(field.kind, Kind::Votes));
        let parts: Vec<&str> = path.iter().map(String::as_str).collect();
        if is_votes {
            // The votes are one field: their keys are the levels'.
        } else if serde_keys(&parts).is_some() {
            serde_paths(path, out);
        } else {
            path.push("[]".to_string());
            serde_paths(path, out);
            path.pop();
        }
        path.pop();
    }
}

#[test]
fn every_key_serde_reads_has_its_entry_and_every_entry_a_key() {
    let mut read = BTreeSet::new();
    serde_paths(&mut Vec::new(), &mut read);
    assert!(read.len() > 100, "{read:?}");
    let listed: BTreeSet<String> = fields().iter().map(|f| f.path.clone()).collect();
    let missing: Vec<&String> = read.difference(&listed).collect();
    let extra: Vec<&String> = listed.difference(&read).collect();
    assert!(missing.is_empty(), "fields without an entry: {missing:?}");
    assert!(extra.is_empty(), "entries of no field: {extra:?}");
}

#[test]
fn the_votes_take_each_level_by_key_and_abbreviation() {
    for path in ["tap_the.danh_gia.phieu", "dang_vien[].danh_gia.phieu"] {
        let parts: Vec<&str> = path
            .split('.')
            .flat_map(|p| match p.strip_suffix("[]") {
                Some(key) => vec![key, "[]"],
                None => vec![p],
            })
            .collect();
        let keys = serde_keys(&parts).unwrap();
        let levels: BTreeSet<String> = choice::keys::<Rating>()
            .into_iter()
            .map(str::to_string)
            .collect();
        assert_eq!(keys, levels, "{path}");
    }
}

#[test]
fn each_path_is_listed_once_and_under_its_group() {
    let mut seen = BTreeSet::new();
    for entry in fields() {
        assert!(seen.insert(entry.path.clone()), "{} twice", entry.path);
        let parent = parent(&entry.path);
        if !parent.is_empty() {
            let group = parent.strip_suffix("[]").unwrap_or(parent);
            let kind = field(group).map(|f| f.kind);
            match (parent.ends_with("[]"), kind) {
                (true, Some(Kind::Rows)) | (false, Some(Kind::Group)) => {}
                _ => panic!("{} is not under a group or a list of records", entry.path),
            }
        }
    }
}

#[test]
fn a_path_of_the_data_finds_its_field() {
    assert_eq!(
        generic("dang_vien[12].viec_dot_pha[0].ten"),
        "dang_vien[].viec_dot_pha[].ten"
    );
    assert_eq!(
        field("dang_vien[3].tu_kiem_diem.han_che").unwrap().label,
        "Hạn chế, khuyết điểm"
    );
    assert_eq!(
        field("tap_the.noi_nhan[]").unwrap().path,
        "tap_the.noi_nhan"
    );
    assert!(field("dang_vien[0].khong_co").is_none());
    let options = field("dang_vien[0].lanh_dao_quan_ly").unwrap().options();
    assert_eq!(
        options[0],
        (String::new(), "Theo chức vụ chính quyền".to_string())
    );
    assert_eq!(options.len(), 3);
}
