//! The forms the schema says print each field include every form that reads it, over both
//! samples.

use std::collections::{BTreeMap, BTreeSet};

use crate::dossier::schema;

#[test]
fn the_forms_an_entry_names_include_every_form_that_reads_it() {
    let catalogue = crate::forms::Catalogue::builtin().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples");
    let mut reads: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in ["chi-bo-mau.yaml", "chi-bo-mau-2026.yaml"] {
        let dossier = crate::dossier::load(&root.join(file)).unwrap();
        for form in catalogue
            .forms()
            .iter()
            .filter(|f| f.regime == dossier.regime())
        {
            let subjects: Vec<Option<&crate::dossier::Member>> = match form.meta.doi_tuong {
                crate::forms::Subject::Member => dossier
                    .members
                    .iter()
                    .filter(|m| super::personal_forms(m, &dossier).contains(&form.id.as_str()))
                    .map(Some)
                    .collect(),
                _ => vec![None],
            };
            for subject in subjects {
                let Ok(read) = catalogue.fields_read(form, &dossier, subject) else {
                    continue;
                };
                for read in read {
                    let path = if let Some(rest) = read.path.strip_prefix("dv.") {
                        format!("dang_vien[].{rest}")
                    } else if let Some(rest) = read.path.strip_prefix("tt.") {
                        format!("tap_the.{rest}")
                    } else {
                        continue;
                    };
                    reads.entry(path).or_default().insert(form.id.clone());
                }
            }
        }
    }
    assert!(reads.len() > 30, "{reads:?}");
    for (path, forms) in reads {
        let entry = schema::field(&path).unwrap_or_else(|| panic!("no entry for {path}"));
        for form in forms {
            assert!(
                entry.forms.contains(&form.as_str()),
                "{path} is printed by {form}, which its entry does not name"
            );
        }
    }
}
