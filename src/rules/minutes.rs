//! The meeting's votes and conclusions, as the minutes will record them.

use crate::dossier::{Text, Votes};
use crate::regime::Regime;
use crate::tally::Outcome;

use super::levels;
use super::{ALL_REGIMES, Report, Review, Rule};

/// Every vote of the meeting: where it is written, whose it is, the votes, and the chair's
/// conclusion on the same subject.
fn votes_cast<'d>(review: &Review<'d>) -> Vec<(String, String, Votes, Option<&'d Text>)> {
    let dossier = review.dossier;
    let mut cast = Vec::new();
    let verdict = &dossier.collective.danh_gia;
    if let Some(votes) = verdict.phieu {
        cast.push((
            "tap_the.danh_gia".to_string(),
            "tập thể".to_string(),
            votes,
            verdict.ket_luan.as_ref(),
        ));
    }
    for (index, member) in levels::members(dossier) {
        if let Some(votes) = member.assessment.phieu {
            cast.push((
                format!("{}.danh_gia", levels::member_path(index)),
                member.name.to_string(),
                votes,
                member.assessment.ket_luan.as_ref(),
            ));
        }
    }
    cast
}

/// No subject gets more votes than there are full members present.
pub const VOTES_WITHIN_VOTERS: Rule = Rule {
    id: "phieu-khong-vuot-so-bieu-quyet",
    summary: "số phiếu cho mỗi tập thể, cá nhân không vượt số đảng viên chính thức có mặt; đảng viên dự bị không biểu quyết",
    regimes: ALL_REGIMES,
    source: |_| "Điều lệ Đảng (đảng viên dự bị không có quyền biểu quyết)",
    check: votes_within_voters,
};

fn votes_within_voters(review: &Review<'_>, report: &mut Report) {
    let attendance = &review.attendance;
    for (path, who, votes, _) in votes_cast(review) {
        let total = votes.total();
        if total <= u64::from(attendance.voters) {
            continue;
        }
        let probation =
            if total <= u64::from(attendance.voters) + u64::from(attendance.probationary_present) {
                "; đảng viên dự bị có mặt không được biểu quyết"
            } else {
                ""
            };
        report.error(
            format!("{path}.phieu"),
            format!(
                "{who}: {total} phiếu, nhiều hơn {} đảng viên chính thức có mặt{probation}",
                attendance.voters
            ),
        );
    }
}

/// The level adopted has a majority, and the chi bộ's proposal is that level.
pub const MAJORITY: Rule = Rule {
    id: "muc-duoc-qua-nua",
    summary: "mức được thông qua có quá nửa số đảng viên chính thức có mặt tán thành (phiếu cho mức cao hơn được cộng vào mức thấp hơn liền kề); mức chi bộ đề xuất là mức đã biểu quyết",
    regimes: ALL_REGIMES,
    source: |_| "Điều lệ Đảng, Điều 10 (thiểu số phục tùng đa số)",
    check: majority,
};

fn majority(review: &Review<'_>, report: &mut Report) {
    let voters = review.attendance.voters;
    for (path, who, votes, _) in votes_cast(review) {
        if Outcome::of(votes, voters).adopted.is_none() && votes.total() <= u64::from(voters) {
            report.error(
                format!("{path}.phieu"),
                format!(
                    "{who}: không mức nào được quá nửa {voters} đảng viên chính thức có mặt ({} phiếu); cần biểu quyết lại",
                    votes.total()
                ),
            );
        }
    }
    for (index, member) in levels::members(review.dossier) {
        let (Some(votes), Some(proposed)) =
            (member.assessment.phieu, member.assessment.chi_bo_de_xuat)
        else {
            continue;
        };
        if let Some(adopted) = Outcome::of(votes, voters).adopted
            && adopted != proposed
        {
            report.error(
                format!("{}.danh_gia.chi_bo_de_xuat", levels::member_path(index)),
                format!(
                    "{}: chi bộ đề xuất {} nhưng phiếu biểu quyết thông qua {}",
                    member.name,
                    proposed.label_vi(),
                    adopted.label_vi()
                ),
            );
        }
    }
}

/// Every vote comes with the chair's conclusion.
pub const CONCLUSION: Rule = Rule {
    id: "ket-luan-chu-tri",
    summary: "biên bản ghi ý kiến kết luận của chủ trì về tập thể và về từng cá nhân được biểu quyết",
    regimes: ALL_REGIMES,
    source: |_| "Hướng dẫn 16-HD/VPTW (biên bản ghi đầy đủ ý kiến kết luận)",
    check: conclusion,
};

fn conclusion(review: &Review<'_>, report: &mut Report) {
    for (path, who, _, conclusion) in votes_cast(review) {
        if conclusion.is_none_or(|text| text.trim().is_empty()) {
            report.error(
                format!("{path}.ket_luan"),
                format!("{who}: có phiếu biểu quyết nhưng thiếu kết luận của chủ trì hội nghị"),
            );
        }
    }
}

/// Once the meeting has voted, every subject it reviews has its vote.
pub const EVERYONE_RATED: Rule = Rule {
    id: "chua-bieu-quyet",
    summary: "khi hội nghị đã biểu quyết, tập thể và mọi đảng viên được xếp loại đều có kết quả biểu quyết (người vắng mặt được đánh giá sau, sớm nhất có thể)",
    regimes: ALL_REGIMES,
    source: |regime| match regime {
        Regime::R2025 => {
            "Quy định 366-QĐ/TW, Điều 3 (tập thể, cá nhân được kiểm điểm thì phải đánh giá, xếp loại)"
        }
        _ => "Hướng dẫn 21-HD/BTCTW, mục II (chưa được đánh giá thì tổ chức sớm nhất)",
    },
    check: everyone_rated,
};

fn everyone_rated(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    if votes_cast(review).is_empty() {
        return;
    }
    if dossier.collective.danh_gia.phieu.is_none() {
        report.warning(
            "tap_the.danh_gia",
            "hội nghị đã biểu quyết xếp loại đảng viên nhưng chưa có phiếu cho tập thể (tap_the.danh_gia.phieu)".to_string(),
        );
    }
    let day = dossier.meeting.date;
    for (index, member) in levels::members(dossier) {
        if member.assessment.phieu.is_some() || member.is_new_on(day) {
            continue;
        }
        let away = review
            .attendance
            .absent
            .iter()
            .any(|(m, _)| m.id.value == member.id.value);
        report.warning(
            format!("{}.danh_gia", levels::member_path(index)),
            format!(
                "{}{}: chưa có phiếu biểu quyết xếp loại (danh_gia.phieu); cần đánh giá, xếp loại sớm nhất",
                member.name,
                if away { " (vắng mặt)" } else { "" }
            ),
        );
    }
}

/// Every absence has its reason.
pub const ABSENCE_REASON: Rule = Rule {
    id: "ly-do-vang-mat",
    summary: "biên bản ghi rõ họ tên và lý do của người vắng mặt",
    regimes: ALL_REGIMES,
    source: |_| "Hướng dẫn 16-HD/VPTW, mục 1.1",
    check: absence_reason,
};

fn absence_reason(review: &Review<'_>, report: &mut Report) {
    for (index, away) in review.dossier.meeting.absent.iter().enumerate() {
        if away
            .reason
            .as_ref()
            .is_none_or(|text| text.trim().is_empty())
        {
            let name = review
                .dossier
                .member(&away.id.value)
                .map_or(away.id.value.as_str(), |m| m.name.as_str());
            report.warning(
                format!("hoi_nghi.vang_mat[{index}]"),
                format!("{name} vắng mặt nhưng chưa ghi lý do (ly_do)"),
            );
        }
    }
}
