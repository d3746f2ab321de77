//! The crate's top-level modules depend on one another without a cycle, and the lower seams —
//! the Document model, the backends and the data — import nothing above them. Read from the
//! `crate::` paths of the sources themselves.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What each lower seam may use: the small shared modules below it.
const LOWER: [(&str, &[&str]); 3] = [
    ("document", &["date"]),
    ("render", &["date", "document"]),
    (
        "dossier",
        &["date", "regime", "input", "nearest", "os_error"],
    ),
];

/// Every `.rs` file under `path` (or `path` itself).
fn sources(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut found = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

/// The top-level modules a source text names by `crate::…`, braces included
/// (`crate::{a, b::c}`).
fn named(text: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut modules = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            modules.extend(inner.split(',').map(ident));
        } else {
            modules.insert(ident(rest));
        }
    }
    modules.retain(|m| !m.is_empty() && m != "self");
    modules
}

/// Each top-level module of `src` and the top-level modules it uses.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" || name == "main" || name == "cli" {
            continue;
        }
        let uses: &mut BTreeSet<String> = graph.entry(name.clone()).or_default();
        for file in sources(&path) {
            uses.extend(named(&std::fs::read_to_string(file).unwrap()));
        }
        uses.remove(&name);
    }
    graph
}

/// A cycle of `graph`, as the modules along it, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == module) {
            let mut found = path[start..].to_vec();
            found.push(module.to_string());
            return Some(found);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_modules_form_no_cycle() {
    let graph = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(graph.len() > 10, "{graph:?}");
    if let Some(found) = cycle(&graph) {
        panic!("a cycle of modules: {}", found.join(" → "));
    }
}

#[test]
fn the_lower_seams_import_nothing_above_them() {
    let graph = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for (module, allowed) in LOWER {
        let above: Vec<&String> = graph[module]
            .iter()
            .filter(|used| !allowed.contains(&used.as_str()))
            .collect();
        assert!(above.is_empty(), "{module}/ uses {above:?}");
    }
}

#[test]
fn a_cycle_and_a_braced_import_are_found() {
    assert_eq!(
        named("use crate::{forms::Catalogue, tally};\nlet x = crate::rollup::of(y);"),
        ["forms", "rollup", "tally"].map(String::from).into()
    );
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("forms", vec!["tally"]),
        ("tally", vec!["dossier", "forms"]),
        ("dossier", vec![]),
    ]
    .into_iter()
    .map(|(m, uses)| (m.to_string(), uses.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        cycle(&graph),
        Some(["forms", "tally", "forms"].map(String::from).to_vec())
    );
}
