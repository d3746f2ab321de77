//! Dates that cannot be true together: admission and probation, signatures and the meeting, the
//! upper level's deadline.

use crate::date::{BirthDate, Date};
use crate::dossier::{ADULT_AGE, PROBATION_MONTHS};
use crate::regime::Regime;

use super::levels;
use super::{ALL_REGIMES, Report, Review, Rule};

/// A probationary member is one admitted less than twelve months before the meeting.
pub const PROBATION: Rule = Rule {
    id: "thoi-ky-du-bi",
    summary: "đảng viên vào Đảng chưa đủ 12 tháng tính đến ngày hội nghị là đảng viên dự bị (du_bi: true); quá 12 tháng mà còn ghi dự bị thì cảnh báo",
    regimes: ALL_REGIMES,
    source: |_| "Điều lệ Đảng, Điều 5 (thời kỳ dự bị mười hai tháng)",
    check: probation,
};

fn probation(review: &Review<'_>, report: &mut Report) {
    let day = review.dossier.meeting.date;
    for (index, member) in levels::members(review.dossier) {
        let Some(admitted) = member.admitted_on else {
            continue;
        };
        let Some(full_from) = admitted.plus_months(PROBATION_MONTHS) else {
            continue;
        };
        let at = levels::member_path(index);
        if full_from > day && !member.probationary && admitted <= day {
            report.error(
                format!("{at}.du_bi"),
                format!(
                    "{} vào Đảng ngày {}, chưa đủ 12 tháng đến ngày hội nghị nên còn là đảng viên dự bị: ghi du_bi: true",
                    member.name,
                    admitted.short_vi()
                ),
            );
        } else if full_from <= day && member.probationary {
            report.warning(
                format!("{at}.du_bi"),
                format!(
                    "{} vào Đảng ngày {}, đã quá 12 tháng dự bị: nếu đã có quyết định công nhận đảng viên chính thức thì bỏ du_bi",
                    member.name,
                    admitted.short_vi()
                ),
            );
        }
    }
}

/// The day someone born on `born` turns [`ADULT_AGE`].
fn adult_on(born: Date) -> Option<Date> {
    born.plus_months(u32::from(ADULT_AGE) * 12)
}

/// A date of birth gives the day, not the year alone.
pub const BIRTH_YEAR_ONLY: Rule = Rule {
    id: "nam-sinh",
    summary: "ngày sinh ghi đủ ngày, tháng, năm; chỉ biết năm sinh (ngay_sinh: 1975) thì mẫu in năm sinh, tuổi chỉ kiểm được theo năm (cảnh báo)",
    regimes: ALL_REGIMES,
    source: |regime| match regime {
        Regime::R2019 => "Hướng dẫn 21-HD/BTCTW (các mẫu kèm theo ghi ngày sinh)",
        Regime::R2023 => "Hướng dẫn 25-HD/BTCTW (các mẫu kèm theo ghi ngày sinh)",
        Regime::R2025 => "Hướng dẫn 43-HD/BTCTW (các mẫu kèm theo ghi ngày sinh)",
    },
    check: birth_year_only,
};

fn birth_year_only(review: &Review<'_>, report: &mut Report) {
    for (index, member) in levels::members(review.dossier) {
        let BirthDate::Year(year) = member.birth_date else {
            continue;
        };
        let mut message = format!(
            "{}: chỉ có năm sinh {year}, chưa có ngày, tháng: mẫu in «Ngày sinh: {year}»; biết ngày sinh thì ghi đủ, ví dụ 05/02/{year}",
            member.name
        );
        let born = member.birth_date;
        if let Some(admitted) = member.admitted_on
            && adult_on(born.earliest()).is_some_and(|adult| admitted >= adult)
            && adult_on(born.latest()).is_some_and(|adult| admitted < adult)
        {
            message.push_str(&format!(
                "; vào Đảng ngày {} trong năm tròn {ADULT_AGE} tuổi: chưa kiểm được đã đủ {ADULT_AGE} tuổi chưa",
                admitted.short_vi()
            ));
        }
        report.warning(format!("{}.ngay_sinh", levels::member_path(index)), message);
    }
}

/// The Party's founding day: no one was admitted before it.
const FOUNDED: (i32, u32, u32) = (1930, 2, 3);
/// An age no living member reaches.
const OLDEST_AGE: u32 = 120;
/// Days after the meeting by which a document about it is signed.
const SIGNING_DAYS: i64 = 30;

/// Dates that cannot be right.
pub const PLAUSIBLE_DATES: Rule = Rule {
    id: "ngay-thang-hop-ly",
    summary: "ngày tháng hợp lý: sinh không quá 120 năm trước hội nghị; vào Đảng khi đủ 18 tuổi, sau ngày thành lập Đảng, không sau hội nghị; chuyển đến trong năm đánh giá; chi ủy nhận xét không trước hội nghị; văn bản ký không quá 30 ngày sau hội nghị",
    regimes: ALL_REGIMES,
    source: |_| "Điều lệ Đảng, Điều 1 (công dân từ đủ 18 tuổi); tính hợp lý của dữ liệu",
    check: plausible_dates,
};

fn plausible_dates(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    let day = dossier.meeting.date;
    let founded = Date::from_ymd(FOUNDED.0, FOUNDED.1, FOUNDED.2);
    for (index, member) in levels::members(dossier) {
        let at = levels::member_path(index);
        let name = &member.name;
        let born = member.birth_date;
        // A year alone is read to the member's advantage: an error only when every day of the
        // year gives one (the rule nam-sinh warns of what a year alone cannot tell).
        if born
            .latest()
            .plus_months(OLDEST_AGE * 12)
            .is_some_and(|limit| limit <= day)
        {
            report.error(
                format!("{at}.ngay_sinh"),
                format!(
                    "{name}: {} cách ngày hội nghị hơn {OLDEST_AGE} năm; kiểm tra lại năm sinh",
                    born.said_vi()
                ),
            );
        }
        if let Some(admitted) = member.admitted_on {
            let path = format!("{at}.ngay_vao_dang");
            if adult_on(born.earliest()).is_some_and(|adult| admitted < adult) {
                report.error(
                    path.clone(),
                    format!(
                        "{name}: vào Đảng ngày {} khi chưa đủ {ADULT_AGE} tuổi ({})",
                        admitted.short_vi(),
                        born.said_vi()
                    ),
                );
            }
            if founded.is_some_and(|founded| admitted < founded) {
                report.error(
                    path.clone(),
                    format!(
                        "{name}: ngày vào Đảng {} trước ngày thành lập Đảng 03/02/1930",
                        admitted.short_vi()
                    ),
                );
            }
            if admitted > day {
                report.error(
                    path,
                    format!(
                        "{name}: ngày vào Đảng {} sau ngày hội nghị {}",
                        admitted.short_vi(),
                        day.short_vi()
                    ),
                );
            }
        }
        if let Some(moved) = &member.transfer
            && moved.ngay.year() != dossier.year
        {
            report.error(
                format!("{at}.chuyen_den.ngay"),
                format!(
                    "{name}: ngày chuyển đến {} không thuộc năm đánh giá {}",
                    moved.ngay.short_vi(),
                    dossier.year
                ),
            );
        }
        if let Some(signed) = member.assessment.ngay
            && signed < day
        {
            report.error(
                format!("{at}.danh_gia.ngay"),
                format!(
                    "{name}: chi ủy nhận xét ngày {}, trước ngày hội nghị {} mà nhận xét dựa vào",
                    signed.short_vi(),
                    day.short_vi()
                ),
            );
        }
        let signed_late = [
            (member.signed_on, format!("{at}.ngay_ky")),
            (member.assessment.ngay, format!("{at}.danh_gia.ngay")),
        ];
        for (signed, path) in signed_late {
            late_signature(report, signed, path, day, name);
        }
    }
    late_signature(
        report,
        dossier.collective.ngay,
        "tap_the.ngay".to_string(),
        day,
        "báo cáo của tập thể",
    );
}

fn late_signature(report: &mut Report, signed: Option<Date>, path: String, day: Date, whose: &str) {
    if let Some(signed) = signed
        && day.days_until(signed) > SIGNING_DAYS
    {
        report.warning(
            path,
            format!(
                "{whose}: ký ngày {}, hơn {SIGNING_DAYS} ngày sau hội nghị {}",
                signed.short_vi(),
                day.short_vi()
            ),
        );
    }
}

/// The meeting and the documents no later than the upper level's deadline.
pub const DEADLINE: Rule = Rule {
    id: "han-nop",
    summary: "hội nghị và các văn bản không muộn hơn hạn nộp hồ sơ cấp trên đặt ra (hoi_nghi.han_nop; cảnh báo)",
    regimes: ALL_REGIMES,
    source: |_| "văn bản hướng dẫn của cấp ủy cấp trên (hạn nộp ghi ở hoi_nghi.han_nop)",
    check: deadline,
};

fn deadline(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    let Some(deadline) = dossier.meeting.deadline else {
        return;
    };
    let mut dated = vec![("hoi_nghi.ngay".to_string(), dossier.meeting.date)];
    dated.extend(
        dossier
            .collective
            .ngay
            .map(|d| ("tap_the.ngay".to_string(), d)),
    );
    for (index, member) in levels::members(dossier) {
        let at = levels::member_path(index);
        dated.extend(member.signed_on.map(|d| (format!("{at}.ngay_ky"), d)));
        dated.extend(
            member
                .assessment
                .ngay
                .map(|d| (format!("{at}.danh_gia.ngay"), d)),
        );
    }
    for (path, date) in dated.into_iter().filter(|(_, date)| *date > deadline) {
        report.warning(
            path,
            format!(
                "ngày {} muộn hơn hạn nộp hồ sơ {}",
                date.short_vi(),
                deadline.short_vi()
            ),
        );
    }
}
