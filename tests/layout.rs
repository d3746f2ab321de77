//! Layout: the Document model of the sample (snapshots) and the look of page 1, and of the pages
//! the README shows, as reference images.

mod common;

use std::path::PathBuf;

use common::*;
use hoso::forms::Catalogue;

/// The documents whose model is snapshotted and whose page 1 is kept as a reference image: every
/// form of each regime, one member each (`None` for the unit's own documents), with a member
/// who has written nothing yet for the 2023 ordinary form, and the 2023 minutes of a meeting the
/// data does not record yet.
const DOCUMENTS: [(&str, &str, Option<&str>); 13] = [
    ("2023", "tap-the", None),
    ("2023", "ca-nhan", Some("ngo-thi-mai")),
    ("2023", "ca-nhan-lanh-dao", Some("nguyen-van-an")),
    ("2025", "tap-the", None),
    ("2025", "ca-nhan", Some("do-van-hai")),
    ("2025", "ca-nhan-lanh-dao", Some("tran-quoc-khanh")),
    ("2025", "ca-nhan-ngoai-htct", Some("vu-dinh-thuan")),
    ("2025", "ca-nhan", Some("mai-thanh-son")),
    ("2023", "bien-ban", None),
    ("2025", "bien-ban", None),
    ("2025", "tong-hop", None),
    ("2025", "neu-guong", Some("tran-quoc-khanh")),
    ("2025", "dot-pha", Some("tran-quoc-khanh")),
];

/// Pages beyond the first kept as reference images: section III answering last year's
/// shortcomings point by point, with statuses from the data (the report) and with boxes to tick
/// (a member who gave none).
const LATER_PAGES: [(&str, &str, Option<&str>, u32); 2] = [
    ("2025", "tap-the", None, 2),
    ("2025", "ca-nhan-ngoai-htct", Some("vu-dinh-thuan"), 2),
];

/// The sample unit of a regime.
fn sample_of(regime: &str) -> PathBuf {
    if regime == "2025" {
        sample_2026()
    } else {
        sample()
    }
}

/// The name of a document's snapshot and reference image: form, regime and member.
fn name_of(regime: &str, form: &str, member: Option<&str>) -> String {
    match member {
        Some(member) => format!("{form}-{regime}-{member}"),
        None => format!("{form}-{regime}"),
    }
}

#[test]
fn the_document_model_of_every_form() {
    let catalogue = Catalogue::builtin().unwrap();
    for (regime, form_id, member) in DOCUMENTS {
        let dossier = hoso::dossier::load(&sample_of(regime)).unwrap();
        let form = catalogue
            .find(form_id, dossier.regime(), dossier.year)
            .unwrap();
        assert_eq!(form.regime.key(), regime);
        let document = match member {
            Some(id) => {
                let member = dossier
                    .member(id)
                    .unwrap_or_else(|| panic!("the sample has {id}"));
                catalogue.personal_document(form, &dossier, member).unwrap()
            }
            None => catalogue.collective_document(form, &dossier).unwrap(),
        };
        insta::assert_json_snapshot!(name_of(regime, form_id, member), document);
    }
}

#[test]
fn the_document_model_of_a_trich_sao() {
    let catalogue = Catalogue::builtin().unwrap();
    let dossier = hoso::dossier::load(&sample_2026()).unwrap();
    let form = catalogue
        .find("tap-the", dossier.regime(), dossier.year)
        .unwrap();
    let original = catalogue.collective_document(form, &dossier).unwrap();
    let mut order = hoso::copy::CopyOrder::load(&root().join("data-samples/ban-sao.yaml")).unwrap();
    order.kind = hoso::document::CopyKind::TrichSao;
    order.sections = vec!["A.III".to_string()];
    let copy = hoso::copy::copy_of(&original, "tap-the", &order, 12).unwrap();
    insta::assert_json_snapshot!("ban-sao-trich-tap-the-2025", copy);
}

/// Renders page `page` of a document at 60 dpi in grey (the README shows these images); compares
/// it with the reference image. A missing reference is written when HOSO_UPDATE_REFERENCES=1; a
/// changed page leaves the new image beside the reference and fails with its path.
fn page_matches(regime: &str, form: &str, member: Option<&str>, page: u32) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["--form", form, "--format", "pdf"];
    args.extend(member.iter().flat_map(|m| ["--member", m]));
    let files = render(&sample_of(regime), dir.path(), &args);
    let pdf = with_extension(&files, "pdf").remove(0);
    page_image_matches(&pdf, page, &name_of(regime, form, member))
}

#[test]
fn page_one_of_every_form_and_the_later_pages_shown_look_as_they_did() {
    let pages = DOCUMENTS
        .iter()
        .map(|(regime, form, member)| (regime, form, member, 1))
        .chain(
            LATER_PAGES
                .iter()
                .map(|(regime, form, member, page)| (regime, form, member, *page)),
        );
    let changed: Vec<String> = pages
        .filter_map(|(regime, form, member, page)| page_matches(regime, form, *member, page).err())
        .collect();
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}

#[test]
fn the_comparison_tells_two_different_pages_apart() {
    let reference = root().join("tests/reference");
    let written = read_png(&reference.join("ca-nhan-2025-do-van-hai-trang-1.png"));
    let blank = read_png(&reference.join("ca-nhan-2025-mai-thanh-son-trang-1.png"));
    assert_eq!(difference(&written, &written), 0.0);
    assert!(difference(&written, &blank) > 0.002);
}
