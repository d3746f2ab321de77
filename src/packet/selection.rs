//! Which members a form is drawn for: the members asked for by id, or all who file it, or none
//! for the unit's own report; the same choice for the command line and the local page.

use miette::Diagnostic;
use thiserror::Error;

use super::{members_filing, personal_forms, why_not_reviewed};
use crate::dossier::{Dossier, Member};
use crate::forms::{Form, FormError, Subject};

/// Why a form cannot be drawn for the members asked for.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum SelectionError {
    /// The form is the collective's report, and members were asked for.
    #[error("mẫu «{form}» là báo cáo của tập thể, không in theo từng đảng viên")]
    Collective {
        /// The form's id.
        form: String,
    },
    /// The form is personal, and no member was asked for.
    #[error("mẫu «{form}» là mẫu cá nhân")]
    Personal {
        /// The form's id.
        form: String,
    },
    /// The form is filled by the roll-up, never for one unit's members.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Form(#[from] FormError),
    /// An id names no member of the unit.
    #[error("không có đảng viên mã «{id}»")]
    UnknownMember {
        /// The id asked for.
        id: String,
        /// The ids of the unit, in the file's order; [`crate::nearest::listed`] gives those
        /// nearest to `id` by spelling.
        known: Vec<String>,
    },
    /// None of the members asked for is reviewed.
    #[error("không có bản kiểm điểm nào để in cho các đảng viên đã chọn")]
    NoneReviewed,
}

/// The members of `dossier` to draw `form` for: with `all`, those who file it; otherwise each
/// member `ids` names, once, in the order given, but those who are not reviewed. The
/// collective's report takes none, and refuses any asked for. `note` hears, in Vietnamese and
/// in order, who is left out and why, and a member asked for who files other forms.
pub fn chosen_members<'d>(
    form: &Form,
    dossier: &'d Dossier,
    ids: &[String],
    all: bool,
    note: &mut dyn FnMut(String),
) -> Result<Vec<&'d Member>, SelectionError> {
    let named = !ids.is_empty();
    match form.meta.doi_tuong {
        Subject::Units => {
            return Err(FormError::RollupOnly {
                id: form.id.clone(),
            }
            .into());
        }
        Subject::Collective if named || all => {
            return Err(SelectionError::Collective {
                form: form.id.clone(),
            });
        }
        Subject::Collective => return Ok(Vec::new()),
        Subject::Member if !named && !all => {
            return Err(SelectionError::Personal {
                form: form.id.clone(),
            });
        }
        Subject::Member => {}
    }
    if all {
        not_reviewed(dossier).for_each(&mut *note);
        let (filing, others) = members_filing(form, dossier);
        for (member, why) in others {
            note(format!(
                "bỏ qua {} ({}): {why}",
                member.name, member.id.value
            ));
        }
        return Ok(filing);
    }
    let mut selected: Vec<&Member> = Vec::new();
    for (at, id) in ids.iter().enumerate() {
        if ids[..at].contains(id) {
            continue;
        }
        let member = dossier
            .member(id)
            .ok_or_else(|| SelectionError::UnknownMember {
                id: id.clone(),
                known: dossier
                    .member_ids()
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            })?;
        if let Some(why) = why_not_reviewed(member, dossier) {
            note(why);
            continue;
        }
        let files = personal_forms(member, dossier);
        if !files.contains(&form.id.as_str()) {
            note(format!(
                "lưu ý: theo dữ liệu, {} ({}) nộp các mẫu {}; vẫn in mẫu {} như đã chọn",
                member.name,
                member.id.value,
                files.join(", "),
                form.id
            ));
        }
        selected.push(member);
    }
    if selected.is_empty() {
        return Err(SelectionError::NoneReviewed);
    }
    Ok(selected)
}

/// Why hoso prints no self-review for each member of `dossier` it prints none for, in the
/// order of the data ([`why_not_reviewed`]).
pub fn not_reviewed(dossier: &Dossier) -> impl Iterator<Item = String> + '_ {
    dossier
        .members
        .iter()
        .filter_map(|member| why_not_reviewed(member, dossier))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::parse;
    use crate::forms::Catalogue;

    /// A 2025 unit: a leader, a member, and one admitted a month before the meeting.
    const UNIT: &str = "nam: 2025
to_chuc: {cap_tren: Đảng bộ Sở Xây dựng, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng}
hoi_nghi: {ngay: 2025-12-05}
dang_vien:
  - {id: an, ho_ten: Nguyễn Văn An, ngay_sinh: 1972-03-12, chuc_vu_chinh_quyen: Trưởng phòng}
  - {id: binh, ho_ten: Trần Thị Bình, ngay_sinh: 1980-07-01}
  - {id: chi, ho_ten: Đỗ Thị Chi, ngay_sinh: 1999-07-01, ngay_vao_dang: 2025-11-01}
";

    /// The ids chosen for `form` and what was noted, or the error's message.
    fn choose(form: &str, ids: &[&str], all: bool) -> Result<(Vec<String>, Vec<String>), String> {
        let dossier = parse(UNIT, "don-vi.yaml").unwrap();
        let catalogue = Catalogue::builtin().unwrap();
        let form = catalogue
            .find(form, dossier.regime(), dossier.year)
            .unwrap();
        let ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
        let mut notes = Vec::new();
        let chosen = chosen_members(form, &dossier, &ids, all, &mut |n| notes.push(n))
            .map_err(|err| err.to_string())?;
        let chosen = chosen.iter().map(|m| m.id.value.clone()).collect();
        Ok((chosen, notes))
    }

    #[test]
    fn the_collectives_report_takes_no_member() {
        assert_eq!(choose("tap-the", &[], false), Ok((vec![], vec![])));
        let refused = choose("tap-the", &["an"], false).unwrap_err();
        assert!(refused.contains("báo cáo của tập thể"), "{refused}");
        assert!(choose("tap-the", &[], true).is_err());
    }

    #[test]
    fn a_personal_form_needs_members_and_all_takes_those_who_file_it() {
        let refused = choose("ca-nhan", &[], false).unwrap_err();
        assert_eq!(refused, "mẫu «ca-nhan» là mẫu cá nhân");
        let (chosen, notes) = choose("ca-nhan", &[], true).unwrap();
        assert_eq!(chosen, vec!["binh"]);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("Đỗ Thị Chi (chi)"), "{notes:?}");
        assert!(
            notes[1].starts_with("bỏ qua Nguyễn Văn An (an)"),
            "{notes:?}"
        );
    }

    #[test]
    fn members_named_are_chosen_once_in_order_and_the_unreviewed_left_out() {
        let (chosen, notes) = choose("ca-nhan", &["binh", "an", "binh", "chi"], false).unwrap();
        assert_eq!(chosen, vec!["binh", "an"]);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].starts_with("lưu ý: theo dữ liệu, Nguyễn Văn An (an)"));
        assert!(notes[1].contains("chưa đủ 06 tháng"), "{notes:?}");
        let refused = choose("ca-nhan", &["chi"], false).unwrap_err();
        assert_eq!(
            refused,
            "không có bản kiểm điểm nào để in cho các đảng viên đã chọn"
        );
    }

    #[test]
    fn an_unknown_id_is_refused_with_the_units_ids() {
        let dossier = parse(UNIT, "don-vi.yaml").unwrap();
        let catalogue = Catalogue::builtin().unwrap();
        let form = catalogue.find("ca-nhan", dossier.regime(), 2025).unwrap();
        let ids = ["binh".to_string(), "bin".to_string()];
        match chosen_members(form, &dossier, &ids, false, &mut drop) {
            Err(SelectionError::UnknownMember { id, known }) => {
                assert_eq!(id, "bin");
                assert_eq!(crate::nearest::listed(&id, &known), "an, binh, chi");
            }
            other => panic!("{other:?}"),
        }
    }
}
