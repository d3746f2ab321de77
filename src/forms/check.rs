//! An edited folder of forms tried over units before it is used: every form of each unit's
//! regime filled for the unit and each member, every error kept rather than the first.

use super::{Catalogue, FormError, Subject};
use crate::dossier::{self, Dossier, LoadError};

/// The sample units built into hoso, one per regime with forms: what an edited folder is tried
/// over when the user names no unit of their own.
pub const SAMPLES: [(&str, &str); 2] = [
    (
        "data-samples/chi-bo-mau.yaml",
        include_str!("../../data-samples/chi-bo-mau.yaml"),
    ),
    (
        "data-samples/chi-bo-mau-2026.yaml",
        include_str!("../../data-samples/chi-bo-mau-2026.yaml"),
    ),
];

/// The sample units, read (without last year's review, which is not built in).
pub fn samples() -> Result<Vec<Dossier>, LoadError> {
    SAMPLES
        .iter()
        .map(|(name, text)| dossier::parse(text, name))
        .collect()
}

/// Every error of `catalogue`'s forms filled over `units`: each form of a unit's regime, for the
/// unit or for each member it reviews (a roll-up report is filled by `hoso tong-hop` only). Each
/// error once, in the order found.
pub fn check_forms(catalogue: &Catalogue, units: &[Dossier]) -> Vec<FormError> {
    let mut errors: Vec<FormError> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for unit in units {
        let regime = unit.regime();
        for form in catalogue.forms().iter().filter(|f| f.regime == regime) {
            let results = match form.meta.doi_tuong {
                Subject::Units => continue,
                Subject::Collective if form.id == "danh-muc" => {
                    vec![catalogue.index_document(form, unit, &[]).map(drop)]
                }
                Subject::Collective => vec![catalogue.collective_document(form, unit).map(drop)],
                Subject::Member => unit
                    .members
                    .iter()
                    .filter(|member| unit.reviews(member))
                    .map(|member| catalogue.personal_document(form, unit, member).map(drop))
                    .collect(),
            };
            for error in results.into_iter().filter_map(Result::err) {
                if seen.insert(error.to_string()) {
                    errors.push(error);
                }
            }
        }
    }
    errors
}
