//! The meeting's votes and conclusions, as the minutes will record them.

use crate::dossier::{Text, Votes};
use crate::regime::Regime;
use crate::tally::{Outcome, member_votes};

use super::levels;
use super::{ALL_REGIMES, Report, Review, Rule};

/// One vote on a subject: where it is written, whose it is, the votes, the chair's conclusion
/// on the same subject, and how many full members could vote.
struct Cast<'d> {
    path: String,
    who: String,
    votes: Votes,
    conclusion: Option<&'d Text>,
    voters: u32,
}

/// Every vote of the meeting, and of the later sittings that rated members away from it.
fn votes_cast<'d>(review: &Review<'d>) -> Vec<Cast<'d>> {
    let dossier = review.dossier;
    let voters = review.attendance.voters;
    let mut cast = Vec::new();
    let verdict = &dossier.collective.danh_gia;
    if let Some(votes) = verdict.phieu {
        cast.push(Cast {
            path: "tap_the.danh_gia".to_string(),
            who: "tập thể".to_string(),
            votes,
            conclusion: verdict.ket_luan.as_ref(),
            voters,
        });
    }
    for (index, member) in levels::members(dossier) {
        // Votes given for a member away from the meeting with no later sitting are not counted:
        // the rule on absent members says so.
        let Some((votes, voters)) = member_votes(dossier, member, voters) else {
            continue;
        };
        cast.push(Cast {
            path: format!("{}.danh_gia", levels::member_path(index)),
            who: member.name.to_string(),
            votes,
            conclusion: member.assessment.ket_luan.as_ref(),
            voters,
        });
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
    for Cast {
        path,
        who,
        votes,
        voters,
        ..
    } in votes_cast(review)
    {
        let total = votes.total();
        if total <= u64::from(voters) {
            continue;
        }
        let probation = if voters == attendance.voters
            && total <= u64::from(voters) + u64::from(attendance.probationary_present)
        {
            "; đảng viên dự bị có mặt không được biểu quyết"
        } else {
            ""
        };
        report.error(
            format!("{path}.phieu"),
            format!(
                "{who}: {total} phiếu, nhiều hơn {voters} đảng viên chính thức có mặt{probation}"
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
    for Cast {
        path,
        who,
        votes,
        voters,
        ..
    } in votes_cast(review)
    {
        if Outcome::of(votes, voters, &review.dossier.readings)
            .adopted
            .is_none()
            && votes.total() <= u64::from(voters)
        {
            report.error(
                format!("{path}.phieu"),
                format!(
                    "{who}: không mức nào được quá nửa {voters} đảng viên chính thức có mặt ({} phiếu); cần biểu quyết lại",
                    votes.total()
                ),
            );
        }
    }
    let dossier = review.dossier;
    for (index, member) in levels::members(dossier) {
        let (Some((votes, voters)), Some(proposed)) = (
            member_votes(dossier, member, review.attendance.voters),
            member.assessment.chi_bo_de_xuat,
        ) else {
            continue;
        };
        if let Some(adopted) = Outcome::of(votes, voters, &dossier.readings).adopted
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
    for Cast {
        path,
        who,
        conclusion,
        ..
    } in votes_cast(review)
    {
        if conclusion.is_none_or(|text| text.trim().is_empty()) {
            report.error(
                format!("{path}.ket_luan"),
                format!("{who}: có phiếu biểu quyết nhưng thiếu kết luận của chủ trì hội nghị"),
            );
        }
    }
}

/// Why every subject reviewed is rated, at the earliest when not at the meeting.
fn rated_at_the_earliest(regime: Regime) -> &'static str {
    match regime {
        Regime::R2025 => {
            "Quy định 366-QĐ/TW, Điều 3 (tập thể, cá nhân được kiểm điểm thì phải đánh giá, xếp loại)"
        }
        _ => "Hướng dẫn 21-HD/BTCTW, mục II (chưa được đánh giá thì tổ chức sớm nhất)",
    }
}

/// Once the meeting has voted, every subject it reviews has its vote.
pub const EVERYONE_RATED: Rule = Rule {
    id: "chua-bieu-quyet",
    summary: "khi hội nghị đã biểu quyết, tập thể và mọi đảng viên được xếp loại đều có kết quả biểu quyết (người vắng mặt được đánh giá sau, sớm nhất có thể)",
    regimes: ALL_REGIMES,
    source: rated_at_the_earliest,
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
        // A member away from the meeting is rated later (`danh_gia.phien_sau`), not by it.
        if member.assessment.phieu.is_some() || member.is_new_on(day) || dossier.is_absent(member) {
            continue;
        }
        report.warning(
            format!("{}.danh_gia", levels::member_path(index)),
            format!(
                "{}: chưa có phiếu biểu quyết xếp loại (danh_gia.phieu); cần đánh giá, xếp loại sớm nhất",
                member.name,
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

/// A member away from the meeting is rated at a later sitting, whose day and voters the data
/// records with its votes.
pub const ABSENT_RATED_LATER: Rule = Rule {
    id: "vang-mat-danh-gia-sau",
    summary: "đảng viên vắng mặt được đánh giá, xếp loại sau, sớm nhất có thể: phiếu của đồng chí đó là của phiên họp sau (danh_gia.phien_sau: ngày và số đảng viên chính thức biểu quyết), không phải của hội nghị",
    regimes: ALL_REGIMES,
    source: rated_at_the_earliest,
    check: absent_rated_later,
};

fn absent_rated_later(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    for (index, member) in levels::members(dossier) {
        let path = format!("{}.danh_gia", levels::member_path(index));
        let assessment = &member.assessment;
        match (dossier.is_absent(member), assessment.phien_sau) {
            (true, None) if assessment.phieu.is_some() => report.error(
                format!("{path}.phieu"),
                format!(
                    "{}: vắng mặt tại hội nghị nên không có phiếu của hội nghị; ghi danh_gia.phien_sau (ngay, so_bieu_quyet) của phiên họp đã đánh giá, xếp loại đồng chí",
                    member.name
                ),
            ),
            (false, Some(_)) => report.error(
                format!("{path}.phien_sau"),
                format!(
                    "{}: có mặt tại hội nghị, đã được hội nghị biểu quyết; phien_sau chỉ ghi cho người vắng mặt",
                    member.name
                ),
            ),
            (true, Some(sitting)) if sitting.ngay < dossier.meeting.date => report.error(
                format!("{path}.phien_sau.ngay"),
                format!(
                    "{}: phiên họp đánh giá người vắng mặt ({}) không thể trước hội nghị ({})",
                    member.name,
                    sitting.ngay.short_vi(),
                    dossier.meeting.date.short_vi()
                ),
            ),
            _ => {}
        }
    }
}
