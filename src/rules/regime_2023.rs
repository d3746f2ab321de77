//! Rules of the 2019 and 2023 regimes (Quy định 132-QĐ/TW and 124-QĐ/TW, Hướng dẫn 21 and 25):
//! the head not above the unit, new members not rated, long sick leave below "tốt".

use crate::dossier::Rating;
use crate::regime::Regime;

use super::levels::{self, Given};
use super::{BEFORE_2025, Report, Review, Rule};

/// The guidance of a regime before 2025, quoting Hướng dẫn 21-HD/BTCTW where the 2023 text
/// carries its rule over.
fn guidance(regime: Regime, section: &'static str) -> &'static str {
    match (regime, section) {
        (Regime::R2019, "II.B.4") => "Hướng dẫn 21-HD/BTCTW, mục II.B.4",
        (_, "II.B.4") => "Hướng dẫn 25-HD/BTCTW (như Hướng dẫn 21-HD/BTCTW, mục II.B.4)",
        (Regime::R2019, _) => "Hướng dẫn 21-HD/BTCTW, mục II.6",
        _ => "Hướng dẫn 25-HD/BTCTW (như Hướng dẫn 21-HD/BTCTW, mục II.6)",
    }
}

/// The secretary and the committee not rated above the organisation they lead.
pub const HEAD_NOT_ABOVE_UNIT: Rule = Rule {
    id: "nguoi-dung-dau-khong-cao-hon-tap-the",
    summary: "mức của Bí thư không cao hơn mức của tập thể chi ủy và của tổ chức (trừ Bí thư chuyển đến trong năm); mức của tập thể không cao hơn mức của tổ chức",
    regimes: BEFORE_2025,
    source: |regime| guidance(regime, "II.B.4"),
    check: head_not_above_unit,
};

fn head_not_above_unit(review: &Review<'_>, report: &mut Report) {
    let organisation = review.dossier.organisation.rating;
    let collective = levels::of_collective(review);
    let collective = levels::standing(&collective);
    if let (Some(unit), Some(collective)) = (organisation, collective)
        && collective.rating.is_above(unit)
    {
        report.error(
            collective.path.clone(),
            format!(
                "tập thể được {} mức {}, cao hơn mức của tổ chức ({}, to_chuc.xep_loai)",
                collective.by_vi(),
                collective.rating.label_vi(),
                unit.label_vi()
            ),
        );
    }
    let Some((index, secretary)) = levels::members(review.dossier).find(|(_, m)| {
        Some(&m.id.value)
            == review
                .dossier
                .organisation
                .secretary
                .as_ref()
                .map(|s| &s.value)
    }) else {
        return;
    };
    if secretary.transfer.is_some() {
        return;
    }
    let given = levels::of_member(review, index, secretary);
    let Some(own) = levels::standing(&given) else {
        return;
    };
    let ceilings = [
        collective.map(|c| (c.rating, "của tập thể chi ủy")),
        organisation.map(|unit| (unit, "của tổ chức")),
    ];
    for (ceiling, whose) in ceilings.into_iter().flatten() {
        if own.rating.is_above(ceiling) {
            report.error(
                own.path.clone(),
                format!(
                    "Bí thư {} được {} mức {}, cao hơn mức {whose} ({}); người đứng đầu không được xếp cao hơn tập thể, tổ chức mình đứng đầu",
                    secretary.name,
                    own.by_vi(),
                    own.rating.label_vi(),
                    ceiling.label_vi()
                ),
            );
            return;
        }
    }
}

/// New members reviewed but not rated.
pub const NEW_MEMBER_NOT_RATED: Rule = Rule {
    id: "dang-vien-moi-khong-xep-loai",
    summary: "đảng viên mới kết nạp chưa đủ 06 tháng vẫn kiểm điểm nhưng không xếp loại",
    regimes: BEFORE_2025,
    source: |regime| guidance(regime, "II.6"),
    check: new_member_not_rated,
};

fn new_member_not_rated(review: &Review<'_>, report: &mut Report) {
    let day = review.dossier.meeting.date;
    for (index, member) in levels::members(review.dossier) {
        if !member.is_new_on(day) {
            continue;
        }
        for given in levels::of_member(review, index, member) {
            report.error(
                given.path.clone(),
                format!(
                    "{} vào Đảng chưa đủ 06 tháng tính đến ngày hội nghị: vẫn kiểm điểm nhưng không xếp loại; bỏ mức {} ({})",
                    member.name,
                    given.rating.label_vi(),
                    given.by_vi()
                ),
            );
        }
    }
}

/// Long sick leave caps the level below "Hoàn thành tốt nhiệm vụ".
pub const SICK_LEAVE_CAP: Rule = Rule {
    id: "nghi-om-duoi-muc-tot",
    summary: "đảng viên nghỉ ốm từ 03 tháng trở lên trong năm không được xếp loại Hoàn thành tốt nhiệm vụ trở lên",
    regimes: BEFORE_2025,
    source: |regime| guidance(regime, "II.6"),
    check: sick_leave_cap,
};

fn sick_leave_cap(review: &Review<'_>, report: &mut Report) {
    for (index, member) in levels::members(review.dossier) {
        let Some(months) = member
            .sick_leave_months
            .filter(|&m| m >= super::LONG_SICK_LEAVE_MONTHS)
        else {
            continue;
        };
        let too_high = levels::of_member(review, index, member)
            .into_iter()
            .filter(|g| g.rating.is_above(Rating::Completed));
        for Given { rating, path, .. } in too_high {
            report.error(
                path,
                format!(
                    "{} nghỉ ốm {months} tháng trong năm (từ 03 tháng trở lên) nên không được xếp loại {}; mức cao nhất là Hoàn thành nhiệm vụ",
                    member.name,
                    rating.label_vi()
                ),
            );
        }
    }
}

/// Maternity leave: the level is that of the time actually worked.
pub const MATERNITY_LEAVE: Rule = Rule {
    id: "nghi-thai-san",
    summary: "đảng viên nghỉ thai sản được xếp loại theo thời gian làm việc thực tế trong năm (cảnh báo để chi bộ lưu ý)",
    regimes: BEFORE_2025,
    source: |regime| guidance(regime, "II.6"),
    check: maternity_leave,
};

fn maternity_leave(review: &Review<'_>, report: &mut Report) {
    for (index, member) in levels::members(review.dossier) {
        if member.maternity_leave {
            report.warning(
                format!("{}.nghi_thai_san", levels::member_path(index)),
                format!(
                    "{} nghỉ thai sản trong năm: mức xếp loại là kết quả của thời gian làm việc thực tế",
                    member.name
                ),
            );
        }
    }
}
