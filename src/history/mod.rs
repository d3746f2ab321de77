//! Year over year: last year's shortcomings carried into this year's section III, point by
//! point, and what a review repeats of the last.
//!
//! A unit's file links its previous review (`ky_truoc`, or `--previous`); people are matched by
//! their id, so a member new to the unit simply has no earlier review.

mod items;
mod similar;

use serde::Serialize;

use crate::dossier::{Dossier, EarlierShortcoming, Member, Percent, Place, RemedyStatus, Text};

pub use items::{Item, items};
pub use similar::{SAME_SHORTCOMING, copied, same_shortcoming, similarity};

/// Whose review: the collective's, or a member's.
#[derive(Debug, Clone, Copy)]
pub enum Whose<'d> {
    /// The collective's report (Mẫu 01).
    Collective,
    /// A member's self-review, found by id.
    Member(&'d Member),
}

/// One review's texts in one year's data: where they are and what they say.
struct Review<'d> {
    dossier: &'d Dossier,
    /// The field path of the subject: `tap_the` or `dang_vien[3]`.
    subject: String,
    /// The field path of the texts: `tap_the` or `dang_vien[3].tu_kiem_diem`.
    path: String,
    shortcomings: Option<&'d Text>,
    statuses: &'d [EarlierShortcoming],
}

impl<'d> Whose<'d> {
    /// The same person's (or the collective's) review in `dossier`, if it has one.
    fn review_in(self, dossier: &'d Dossier) -> Option<Review<'d>> {
        match self {
            Whose::Collective => Some(Review {
                dossier,
                subject: "tap_the".to_string(),
                path: "tap_the".to_string(),
                shortcomings: dossier.collective.han_che.as_ref(),
                statuses: &dossier.collective.han_che_ky_truoc,
            }),
            Whose::Member(member) => {
                let index = dossier
                    .members
                    .iter()
                    .position(|m| m.id.value == member.id.value)?;
                let found = &dossier.members[index];
                Some(Review {
                    dossier,
                    subject: format!("dang_vien[{index}]"),
                    path: format!("dang_vien[{index}].tu_kiem_diem"),
                    shortcomings: found.self_review.han_che.as_ref(),
                    statuses: &found.self_review.han_che_ky_truoc,
                })
            }
        }
    }

    /// The field path of this review's texts in `dossier`: `tap_the` or
    /// `dang_vien[3].tu_kiem_diem`.
    pub fn texts_path(self, dossier: &Dossier) -> Option<String> {
        self.review_in(dossier).map(|review| review.path)
    }

    /// The field path of the subject itself in `dossier`: `tap_the` or `dang_vien[3]`.
    pub fn path(self, dossier: &Dossier) -> Option<String> {
        self.review_in(dossier).map(|review| review.subject)
    }
}

/// A shortcoming of the review's text (section II.1), one item, with its place in the file.
#[derive(Debug, Clone)]
pub struct Stated {
    /// The shortcoming, as one sentence.
    pub text: String,
    /// The year of the review that stated it.
    pub year: i32,
    /// Where it is written.
    pub place: Place,
}

impl Review<'_> {
    /// The shortcomings of section II.1, one item each.
    fn stated(&self) -> Vec<Stated> {
        let path = format!("{}.han_che", self.path);
        self.shortcomings
            .map(|text| items(text))
            .unwrap_or_default()
            .into_iter()
            .map(|item| Stated {
                place: self.dossier.place(&path, item.line),
                text: item.text,
                year: self.dossier.year,
            })
            .collect()
    }

    /// The shortcomings of earlier years this review still reports as not remedied.
    fn still_open(&self) -> Vec<Stated> {
        self.statuses
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.tinh_trang != Some(RemedyStatus::Done))
            .map(|(index, entry)| Stated {
                text: entry.han_che.to_string(),
                year: entry.nam.unwrap_or(self.dossier.year - 1),
                place: self.dossier.place(
                    &format!("{}.han_che_ky_truoc[{index}].han_che", self.path),
                    0,
                ),
            })
            .collect()
    }
}

/// This year's shortcomings of `whose` review, one item each, with their places.
pub fn this_year(dossier: &Dossier, whose: Whose<'_>) -> Vec<Stated> {
    whose
        .review_in(dossier)
        .map(|review| review.stated())
        .unwrap_or_default()
}

/// The shortcomings that `whose` review of this year must answer in section III: those its
/// previous review stated, then those of earlier years it reported as still open (each once),
/// in the order written. Empty when no previous review is linked or it has no such review.
pub fn earlier(dossier: &Dossier, whose: Whose<'_>) -> Vec<Stated> {
    previous_review(dossier, whose)
        .map(|previous| to_answer_next(previous, whose))
        .unwrap_or_default()
}

/// Last year's data holding `whose` review: the unit's own for the collective; for a member,
/// the unit's own or, for one who moved, the unit they were in (found by id).
pub fn previous_review<'d>(dossier: &'d Dossier, whose: Whose<'_>) -> Option<&'d Dossier> {
    let previous = dossier.previous.as_deref()?;
    let unit = dossier.organisation.name.as_str();
    match whose {
        Whose::Collective => previous.of_unit(unit),
        Whose::Member(member) => previous.of_member(unit, &member.id.value),
    }
}

/// The shortcomings of `whose` review in `dossier` that next year's review must answer: those it
/// states, then those of earlier years it reports as still open (each once).
pub fn to_answer_next(dossier: &Dossier, whose: Whose<'_>) -> Vec<Stated> {
    let Some(review) = whose.review_in(dossier) else {
        return Vec::new();
    };
    let mut all = review.stated();
    for open in review.still_open() {
        if !all.iter().any(|s| same_shortcoming(&s.text, &open.text)) {
            all.push(open);
        }
    }
    all
}

/// One point of section III: an earlier shortcoming and where it stands, as the forms print it.
#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    /// The shortcoming.
    pub han_che: String,
    /// The year of the review that pointed it out.
    pub nam: i32,
    /// Where it stands now, when this year's data says.
    pub tinh_trang: Option<RemedyStatus>,
    /// How far it is remedied.
    pub muc_do: Option<Text>,
    /// The difficulties met.
    pub kho_khan: Option<Text>,
    /// Where the previous review states it, when it comes from there.
    #[serde(skip)]
    pub earlier: Option<Place>,
    /// Which of this year's `han_che_ky_truoc` entries answers it, if any.
    #[serde(skip)]
    pub entry: Option<usize>,
}

/// Section III of `whose` review, point by point: each shortcoming of [`earlier`] with the entry
/// of this year's `han_che_ky_truoc` that states the same one (by [`same_shortcoming`], the most
/// alike first), then the entries that answer none of them (shortcomings the upper level
/// pointed out, or older ones), in the order written.
pub fn section_three(dossier: &Dossier, whose: Whose<'_>) -> Vec<Carried> {
    let entries = whose
        .review_in(dossier)
        .map(|review| review.statuses)
        .unwrap_or_default();
    let mut used = vec![false; entries.len()];
    let mut points = Vec::new();
    for stated in earlier(dossier, whose) {
        let answer = entries
            .iter()
            .enumerate()
            .filter(|(index, entry)| {
                !used[*index] && same_shortcoming(&entry.han_che, &stated.text)
            })
            .max_by(|(_, a), (_, b)| {
                similarity(&a.han_che, &stated.text)
                    .total_cmp(&similarity(&b.han_che, &stated.text))
            })
            .map(|(index, _)| index);
        if let Some(index) = answer {
            used[index] = true;
        }
        let entry = answer.map(|index| &entries[index]);
        points.push(Carried {
            han_che: stated.text,
            nam: stated.year,
            tinh_trang: entry.and_then(|e| e.tinh_trang),
            muc_do: entry.and_then(|e| e.muc_do.clone()),
            kho_khan: entry.and_then(|e| e.kho_khan.clone()),
            earlier: Some(stated.place),
            entry: answer,
        });
    }
    for (index, entry) in entries.iter().enumerate().filter(|(i, _)| !used[*i]) {
        points.push(Carried {
            han_che: entry.han_che.to_string(),
            nam: entry.nam.unwrap_or(dossier.year - 1),
            tinh_trang: entry.tinh_trang,
            muc_do: entry.muc_do.clone(),
            kho_khan: entry.kho_khan.clone(),
            earlier: None,
            entry: Some(index),
        });
    }
    points
}

/// The share of section III's points that this year's data calls remedied, when it gives every
/// point a status; `None` when there is no point or one has no status.
pub fn remedied_share(dossier: &Dossier, whose: Whose<'_>) -> Option<Percent> {
    let points = section_three(dossier, whose);
    if points.is_empty() || points.iter().any(|p| p.tinh_trang.is_none()) {
        return None;
    }
    let done = points
        .iter()
        .filter(|p| p.tinh_trang == Some(RemedyStatus::Done))
        .count();
    u8::try_from(done * 100 / points.len())
        .ok()
        .and_then(Percent::new)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::dossier::{Previous, parse};

    /// A unit of `year` whose one member, `an`, states `shortcomings` and answers `earlier`
    /// (YAML lines of `han_che_ky_truoc`).
    fn unit(year: i32, shortcomings: &str, earlier: &str) -> String {
        format!(
            "nam: {year}
to_chuc: {{cap_tren: Đảng bộ Sở, ten: Chi bộ Phòng Kế toán, dia_danh: Hải Phòng}}
hoi_nghi: {{ngay: {year}-12-05}}
dang_vien:
  - id: an
    ho_ten: Nguyễn Văn An
    ngay_sinh: 1972-03-12
    tu_kiem_diem:
      han_che: |
{shortcomings}
      han_che_ky_truoc:
{earlier}
"
        )
    }

    fn linked(now: &str, before: &str) -> Dossier {
        let mut dossier = parse(now, "2026.yaml").unwrap();
        dossier.previous = Some(Arc::new(Previous {
            reviews: vec![parse(before, "2025.yaml").unwrap()],
        }));
        dossier
    }

    #[test]
    fn section_three_answers_each_earlier_shortcoming_with_the_entry_that_restates_it() {
        let before = unit(
            2025,
            "        - Chưa thường xuyên kiểm tra hồ sơ.\n        - Báo cáo có lúc gửi chậm.",
            "        - {han_che: Nghiên cứu tài liệu còn ít, nam: 2024, tinh_trang: dang_khac_phuc}\n        - {han_che: Đi họp muộn, nam: 2024, tinh_trang: da_khac_phuc}",
        );
        let now = unit(
            2026,
            "        Không có.",
            "        - {han_che: Báo cáo gửi chậm, tinh_trang: da_khac_phuc}\n        - {han_che: Việc kiểm tra hồ sơ còn chưa thường xuyên, tinh_trang: dang_khac_phuc, muc_do: một nửa}\n        - {han_che: Cấp trên nhắc việc lưu trữ, tinh_trang: chua_khac_phuc}",
        );
        let dossier = linked(&now, &before);
        let member = &dossier.members[0];
        let points = section_three(&dossier, Whose::Member(member));
        let summary: Vec<(&str, i32, Option<RemedyStatus>, Option<usize>)> = points
            .iter()
            .map(|p| (p.han_che.as_str(), p.nam, p.tinh_trang, p.entry))
            .collect();
        assert_eq!(
            summary,
            vec![
                // Last year's, in order, each answered by the entry that restates it.
                (
                    "Chưa thường xuyên kiểm tra hồ sơ",
                    2025,
                    Some(RemedyStatus::InProgress),
                    Some(1)
                ),
                (
                    "Báo cáo có lúc gửi chậm",
                    2025,
                    Some(RemedyStatus::Done),
                    Some(0)
                ),
                // Older, still open last year: carried on, unanswered now.
                ("Nghiên cứu tài liệu còn ít", 2024, None, None),
                // This year's entry that answers none of them.
                (
                    "Cấp trên nhắc việc lưu trữ",
                    2025,
                    Some(RemedyStatus::NotYet),
                    Some(2)
                ),
            ]
        );
        // Where last year's file states each: its own line of the literal block.
        let lines: Vec<Option<usize>> = points
            .iter()
            .map(|p| p.earlier.as_ref().map(|place| place.line))
            .collect();
        assert_eq!(lines, vec![Some(10), Some(11), Some(13), None]);
    }

    #[test]
    fn without_a_previous_review_section_three_is_the_data_alone() {
        let now = unit(
            2026,
            "        Không có.",
            "        - {han_che: Báo cáo gửi chậm, nam: 2024}",
        );
        let dossier = parse(&now, "2026.yaml").unwrap();
        let points = section_three(&dossier, Whose::Member(&dossier.members[0]));
        assert_eq!(points.len(), 1);
        assert_eq!((points[0].nam, points[0].tinh_trang), (2024, None));
        assert!(earlier(&dossier, Whose::Collective).is_empty());
    }
}
