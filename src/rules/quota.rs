//! The quota of "Hoàn thành xuất sắc nhiệm vụ": at most a fifth of those rated "Hoàn thành tốt
//! nhiệm vụ" among comparable subjects (here: the unit's members).

use crate::dossier::{Percent, Rating, Readings, SMALL_UNIT, SmallUnit};
use crate::regime::Regime;

use super::levels::{self, By, Given};
use super::{ALL_REGIMES, Report, Review, Rule};

/// The rule.
pub const RULE: Rule = Rule {
    id: "ty-le-xuat-sac",
    summary: "số đảng viên Hoàn thành xuất sắc nhiệm vụ không quá 20% số Hoàn thành tốt nhiệm vụ (25% khi cấp có thẩm quyền cho phép, từ 2025); đơn vị có dưới 05 đảng viên Hoàn thành tốt nhiệm vụ được 01",
    regimes: ALL_REGIMES,
    source,
    check,
};

/// The quota's source under `regime`.
pub fn source(regime: Regime) -> &'static str {
    match regime {
        Regime::R2019 => "Quy định 132-QĐ/TW; Hướng dẫn 21-HD/BTCTW, mục II",
        Regime::R2023 => "Quy định 124-QĐ/TW; Hướng dẫn 25-HD/BTCTW",
        Regime::R2025 => "Quy định 366-QĐ/TW, Điều 11 khoản 1.5",
    }
}

/// The share of the members rated HTTNV that may be rated HTXSNV, in per cent.
pub const USUAL_QUOTA: u8 = 20;
/// The share the competent level may allow under the 2025 rules.
const RAISED_QUOTA: u8 = 25;
/// How many members may be rated HTXSNV when `good` are rated HTTNV, at `quota` per cent, by
/// the default readings (a share of those rated HTTNV, rounded down, one for a small unit).
pub fn allowed(good: usize, quota: u8) -> usize {
    Readings::default().allowed(good, 0, quota)
}

fn check(review: &Review<'_>, report: &mut Report) {
    let highest = match review.regime {
        Regime::R2025 => RAISED_QUOTA,
        _ => USUAL_QUOTA,
    };
    let quota = match review.dossier.organisation.excellent_quota {
        Some(share) if share.value() > highest => {
            report.error(
                "to_chuc.ty_le_xuat_sac",
                format!(
                    "tỷ lệ {share} vượt mức cao nhất {highest}% mà quy định cho phép; {}",
                    if highest == RAISED_QUOTA {
                        "chỉ ghi 25 khi cấp có thẩm quyền cho phép"
                    } else {
                        "mức 25% chỉ có từ Quy định 366-QĐ/TW (kiểm điểm năm 2025 trở đi)"
                    }
                ),
            );
            USUAL_QUOTA
        }
        Some(share) => share.value(),
        None => USUAL_QUOTA,
    };
    let standing: Vec<(String, Given)> = levels::members(review.dossier)
        .filter_map(|(index, member)| {
            let given = levels::of_member(review, index, member);
            levels::standing(&given).map(|g| (member.name.to_string(), g.clone()))
        })
        .collect();
    let good = standing
        .iter()
        .filter(|(_, g)| g.rating == Rating::Good)
        .count();
    let excellent: Vec<&(String, Given)> = standing
        .iter()
        .filter(|(_, g)| g.rating == Rating::Excellent)
        .collect();
    let readings = &review.dossier.readings;
    let allowed = readings.allowed(good, excellent.len(), quota);
    if excellent.len() <= allowed {
        return;
    }
    let Some((_, first_over)) = excellent.get(allowed) else {
        return;
    };
    let names: Vec<&str> = excellent.iter().map(|(name, _)| name.as_str()).collect();
    let how = if good < SMALL_UNIT && readings.don_vi_nho == SmallUnit::One && allowed == 1 {
        format!("dưới {SMALL_UNIT:02} đảng viên Hoàn thành tốt nhiệm vụ nên được {allowed}")
    } else if *readings == Readings::default() {
        format!(
            "{} của {good} đảng viên Hoàn thành tốt nhiệm vụ, làm tròn xuống",
            Percent::new(quota).unwrap_or_default()
        )
    } else {
        format!(
            "{} theo cách tính đơn vị chọn (quy_tac): {}",
            Percent::new(quota).unwrap_or_default(),
            readings.describe()
        )
    };
    let message = format!(
        "{} đảng viên được xếp loại Hoàn thành xuất sắc nhiệm vụ ({}), nhiều hơn số được phép là {allowed} ({how})",
        excellent.len(),
        names.join(", ")
    );
    // Levels the members only propose for themselves can still be lowered by the meeting.
    if excellent.iter().all(|(_, g)| g.by == By::Itself) {
        report.warning(
            first_over.path.clone(),
            format!("{message}; đây là mức tự đề xuất, hội nghị cần xem xét"),
        );
    } else {
        report.error(first_over.path.clone(), message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifth_rounded_down_and_one_for_a_small_unit() {
        assert_eq!(allowed(10, 20), 2);
        assert_eq!(allowed(9, 20), 1);
        assert_eq!(allowed(12, 25), 3);
        assert_eq!(allowed(4, 20), 1);
        assert_eq!(allowed(0, 20), 1);
        assert_eq!(allowed(5, 20), 1);
    }
}
