//! The written comments another organisation owes on a member: the former chi bộ of a member
//! who moved here, the chi bộ where a member is temporarily active.

use crate::regime::Regime;

use super::levels;
use super::{ALL_REGIMES, Report, Review, Rule};

/// Months spent elsewhere in the year from which the former chi bộ's comment is needed.
const MONTHS_ELSEWHERE: u32 = 6;

/// A member who moved here after six months elsewhere needs the former chi bộ's comment.
pub const TRANSFER: Rule = Rule {
    id: "nhan-xet-noi-cu",
    summary: "đảng viên chuyển đến sau khi đã sinh hoạt từ 06 tháng trở lên trong năm ở nơi cũ cần có nhận xét của chi bộ nơi cũ",
    regimes: ALL_REGIMES,
    source: |regime| match regime {
        Regime::R2019 => "Hướng dẫn 21-HD/BTCTW, mục II",
        Regime::R2023 => "Hướng dẫn 25-HD/BTCTW (như Hướng dẫn 21-HD/BTCTW, mục II)",
        Regime::R2025 => {
            "Quy định 366-QĐ/TW, Điều 3 (cấp nào trực tiếp quản lý thì cấp đó đánh giá)"
        }
    },
    check: transfer,
};

fn transfer(review: &Review<'_>, report: &mut Report) {
    let year = review.dossier.year;
    for (index, member) in levels::members(review.dossier) {
        let Some(moved) = &member.transfer else {
            continue;
        };
        let six_months_in = crate::date::Date::from_ymd(year, 1, 1)
            .and_then(|first| first.plus_months(MONTHS_ELSEWHERE));
        let long_elsewhere = six_months_in.is_some_and(|day| moved.ngay >= day);
        let missing = moved
            .nhan_xet_noi_cu
            .as_ref()
            .is_none_or(|text| text.trim().is_empty());
        if long_elsewhere && missing {
            report.error(
                format!("{}.chuyen_den.nhan_xet_noi_cu", levels::member_path(index)),
                format!(
                    "{} chuyển đến ngày {} sau từ 06 tháng trở lên sinh hoạt ở {}: cần nhận xét của nơi cũ",
                    member.name,
                    moved.ngay.short_vi(),
                    moved.noi_cu
                ),
            );
        }
    }
}

/// A member in temporary activity needs the temporary chi bộ's comment.
pub const TEMPORARY_ACTIVITY: Rule = Rule {
    id: "nhan-xet-sinh-hoat-tam-thoi",
    summary: "đảng viên sinh hoạt tạm thời ở nơi khác được đánh giá tại chi bộ chính thức sau khi có nhận xét bằng văn bản của chi bộ nơi sinh hoạt tạm thời",
    regimes: ALL_REGIMES,
    source: |regime| match regime {
        Regime::R2025 => "Hướng dẫn 43-HD/BTCTW, mục 7.6",
        Regime::R2023 => "Hướng dẫn 25-HD/BTCTW",
        Regime::R2019 => "Hướng dẫn 21-HD/BTCTW",
    },
    check: temporary_activity,
};

fn temporary_activity(review: &Review<'_>, report: &mut Report) {
    for (index, member) in levels::members(review.dossier) {
        let Some(temporary) = &member.temporary_activity else {
            continue;
        };
        if temporary
            .nhan_xet
            .as_ref()
            .is_none_or(|text| text.trim().is_empty())
        {
            report.error(
                format!("{}.sinh_hoat_tam_thoi.nhan_xet", levels::member_path(index)),
                format!(
                    "{} sinh hoạt tạm thời tại {}: cần nhận xét bằng văn bản của chi bộ nơi đó trước khi đánh giá, xếp loại",
                    member.name, temporary.noi
                ),
            );
        }
    }
}
