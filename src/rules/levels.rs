//! The levels given to each subject of the review, where each is written and who gave it.

use crate::dossier::{Dossier, Member, Rating, Votes};
use crate::tally::Outcome;

use super::Review;

/// Who gave a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum By {
    /// The collective or member itself (tự đề xuất).
    Itself,
    /// The chi bộ's proposal as the data writes it (`danh_gia.chi_bo_de_xuat`).
    Branch,
    /// The meeting's vote (`phieu`).
    Meeting,
}

/// A level given to a subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    /// The level.
    pub rating: Rating,
    /// Where the data writes it.
    pub path: String,
    /// Who gave it.
    pub by: By,
}

impl Given {
    /// "tự đề xuất", "chi bộ đề xuất", "hội nghị biểu quyết".
    pub fn by_vi(&self) -> &'static str {
        match self.by {
            By::Itself => "tự đề xuất",
            By::Branch => "chi bộ đề xuất",
            By::Meeting => "hội nghị biểu quyết",
        }
    }
}

/// The path of member `index`: `dang_vien[index]`.
pub fn member_path(index: usize) -> String {
    format!("dang_vien[{index}]")
}

/// The levels given to the member at `index`, in the order they are given: its own proposal,
/// the chi bộ's, the meeting's vote.
pub fn of_member(review: &Review<'_>, index: usize, member: &Member) -> Vec<Given> {
    let at = member_path(index);
    let mut given = Vec::new();
    if let Some(rating) = member.self_review.tu_xep_loai_dang_vien {
        given.push(Given {
            rating,
            path: format!("{at}.tu_kiem_diem.tu_xep_loai_dang_vien"),
            by: By::Itself,
        });
    }
    if let Some(rating) = member.assessment.chi_bo_de_xuat {
        given.push(Given {
            rating,
            path: format!("{at}.danh_gia.chi_bo_de_xuat"),
            by: By::Branch,
        });
    }
    given.extend(voted(
        review,
        member.assessment.phieu,
        format!("{at}.danh_gia.phieu"),
    ));
    given
}

/// The levels given to the collective: its own proposal, then the meeting's vote.
pub fn of_collective(review: &Review<'_>) -> Vec<Given> {
    let collective = &review.dossier.collective;
    let mut given = Vec::new();
    if let Some(rating) = collective.de_xuat {
        given.push(Given {
            rating,
            path: "tap_the.de_xuat".to_string(),
            by: By::Itself,
        });
    }
    given.extend(voted(
        review,
        collective.danh_gia.phieu,
        "tap_the.danh_gia.phieu".to_string(),
    ));
    given
}

/// The level the meeting's `votes`, written at `path`, adopt, if any.
fn voted(review: &Review<'_>, votes: Option<Votes>, path: String) -> Option<Given> {
    let rating = Outcome::of(votes?, review.attendance.voters, &review.dossier.readings).adopted?;
    Some(Given {
        rating,
        path,
        by: By::Meeting,
    })
}

/// The members with their index, in the order of the data.
pub fn members(dossier: &Dossier) -> impl Iterator<Item = (usize, &Member)> {
    dossier.members.iter().enumerate()
}

/// The last level given, which stands: the meeting's over the chi bộ's over the subject's own.
pub fn standing(given: &[Given]) -> Option<&Given> {
    given.iter().max_by_key(|g| g.by)
}
