//! Rules of the 2025 regime (Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW): the points bands, the
//! conditions of each level, the cases that fail whatever the points, and who is not reviewed.

use crate::dossier::{Dossier, Percent, Points, Rating, TaskResults};
use crate::history::{self, Whose};

use super::levels::{self, Given};
use super::{FROM_2025, Report, Review, Rule};

/// The level a total of points reaches: ≥ 90, 70–<90, 50–<70, < 50.
pub fn band(total: Points) -> Rating {
    match total {
        t if t >= Points::whole(90) => Rating::Excellent,
        t if t >= Points::whole(70) => Rating::Good,
        t if t >= Points::whole(50) => Rating::Completed,
        _ => Rating::NotCompleted,
    }
}

/// The proposed level agrees with the points.
pub const POINTS_BAND: Rule = Rule {
    id: "diem-va-muc",
    summary: "mức đề xuất khớp khung điểm: từ 90 Hoàn thành xuất sắc, 70 đến dưới 90 Hoàn thành tốt, 50 đến dưới 70 Hoàn thành, dưới 50 Không hoàn thành nhiệm vụ",
    regimes: FROM_2025,
    source: |_| "Quy định 366-QĐ/TW, Điều 11",
    check: points_band,
};

fn points_band(review: &Review<'_>, report: &mut Report) {
    let collective = &review.dossier.collective;
    let mut subjects = vec![(
        "tập thể".to_string(),
        collective.diem,
        levels::of_collective(review),
        collective.vi_pham.is_some_and(|b| !b.recorded().is_empty()),
    )];
    for (index, member) in levels::members(review.dossier) {
        subjects.push((
            member.name.to_string(),
            member.self_review.diem,
            levels::of_member(review, index, member),
            member.breaches.is_some_and(|b| !b.recorded().is_empty()),
        ));
    }
    for (who, score, given, has_breach) in subjects {
        let Some(total) = score.total() else {
            continue;
        };
        let reached = band(total);
        for g in given {
            if g.rating.is_above(reached) {
                report.error(
                    g.path.clone(),
                    format!(
                        "{who}: mức {} ({}) cao hơn khung của {total} điểm tự chấm (khung {})",
                        g.rating.label_vi(),
                        g.by_vi(),
                        reached.label_vi()
                    ),
                );
            } else if reached.is_above(g.rating) && !has_breach {
                report.warning(
                    g.path.clone(),
                    format!(
                        "{who}: {total} điểm tự chấm thuộc khung {} nhưng mức {} là {}; ghi rõ lý do hạ mức",
                        reached.label_vi(),
                        g.by_vi(),
                        g.rating.label_vi()
                    ),
                );
            }
        }
    }
}

/// The conditions of each level beside the points.
pub const LEVEL_CONDITIONS: Rule = Rule {
    id: "dieu-kien-muc",
    summary: "điều kiện của từng mức ngoài điểm: Hoàn thành xuất sắc cần 100% nhiệm vụ hoàn thành, ít nhất 30% vượt mức, khắc phục 100% hạn chế kỳ trước, không bị kỷ luật; Hoàn thành tốt cần 100% nhiệm vụ đúng hạn; Hoàn thành cần 100% nhiệm vụ hoàn thành, chậm tiến độ không quá 20%",
    regimes: FROM_2025,
    source: |_| "Quy định 366-QĐ/TW, Điều 11 khoản 1–3",
    check: level_conditions,
};

/// What a level needs of the task results that `results` do not show, in Vietnamese.
pub fn unmet_conditions(rating: Rating, results: &TaskResults, disciplined: bool) -> Vec<String> {
    let mut unmet = Vec::new();
    let share = |p: Option<Percent>| p.map(|p| p.value());
    let completed = share(results.hoan_thanh);
    let late = share(results.cham_tien_do);
    match rating {
        Rating::Excellent | Rating::Good | Rating::Completed => {
            if let Some(done) = completed.filter(|&d| d < 100) {
                unmet.push(format!("chỉ hoàn thành {done}% nhiệm vụ (cần 100%)"));
            }
        }
        Rating::NotCompleted => {}
    }
    match rating {
        Rating::Excellent => {
            if let Some(beyond) = share(results.vuot_muc).filter(|&b| b < 30) {
                unmet.push(format!("{beyond}% nhiệm vụ vượt mức (cần ít nhất 30%)"));
            }
            if let Some(fixed) = share(results.khac_phuc_han_che).filter(|&f| f < 100) {
                unmet.push(format!("khắc phục {fixed}% hạn chế kỳ trước (cần 100%)"));
            }
            if disciplined {
                unmet.push("bị kỷ luật trong năm".to_string());
            }
            if let Some(late) = late.filter(|&l| l > 0) {
                unmet.push(format!("{late}% nhiệm vụ chậm tiến độ (cần đúng hạn)"));
            }
        }
        Rating::Good => {
            if let Some(late) = late.filter(|&l| l > 0) {
                unmet.push(format!("{late}% nhiệm vụ chậm tiến độ (cần đúng hạn)"));
            }
        }
        Rating::Completed => {
            if let Some(late) = late.filter(|&l| l > 20) {
                unmet.push(format!("{late}% nhiệm vụ chậm tiến độ (tối đa 20%)"));
            }
        }
        Rating::NotCompleted => {}
    }
    unmet
}

fn level_conditions(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    let collective = &dossier.collective;
    let mut subjects = vec![(
        "tập thể".to_string(),
        "tap_the.ket_qua_nhiem_vu".to_string(),
        with_remedied(collective.ket_qua_nhiem_vu, dossier, Whose::Collective),
        collective.vi_pham.is_some_and(|b| b.thanh_vien_bi_ky_luat),
        levels::of_collective(review),
    )];
    for (index, member) in levels::members(dossier) {
        subjects.push((
            member.name.to_string(),
            format!("{}.ket_qua_nhiem_vu", levels::member_path(index)),
            with_remedied(member.results, dossier, Whose::Member(member)),
            member.breaches.is_some_and(|b| b.ky_luat.is_some()),
            levels::of_member(review, index, member),
        ));
    }
    for (who, results_path, results, disciplined, given) in subjects {
        let mut seen = Vec::new();
        for Given { rating, path, .. } in given {
            if seen.contains(&rating) {
                continue;
            }
            seen.push(rating);
            let Some(results) = results else {
                if rating == Rating::Excellent {
                    report.warning(
                        path,
                        format!(
                            "{who}: đề xuất Hoàn thành xuất sắc nhiệm vụ nhưng dữ liệu chưa ghi {results_path} (tỷ lệ hoàn thành, vượt mức, khắc phục hạn chế) để đối chiếu điều kiện"
                        ),
                    );
                }
                continue;
            };
            let unmet = unmet_conditions(rating, &results, disciplined);
            if !unmet.is_empty() {
                report.error(
                    path,
                    format!(
                        "{who}: chưa đủ điều kiện mức {}: {}",
                        rating.label_vi(),
                        unmet.join("; ")
                    ),
                );
            }
        }
    }
}

/// `results` with the share of earlier shortcomings remedied taken from section III when the data
/// gives no share but gives every point of section III a status.
fn with_remedied(
    results: Option<TaskResults>,
    dossier: &Dossier,
    whose: Whose<'_>,
) -> Option<TaskResults> {
    results.map(|results| TaskResults {
        khac_phuc_han_che: results
            .khac_phuc_han_che
            .or_else(|| history::remedied_share(dossier, whose)),
        ..results
    })
}

/// The cases rated "Không hoàn thành nhiệm vụ" whatever the points.
pub const FAILING_CASES: Rule = Rule {
    id: "truong-hop-khong-hoan-thanh",
    summary: "các trường hợp xếp loại Không hoàn thành nhiệm vụ dù đủ điểm: bị kỷ luật, suy thoái, vi phạm điều đảng viên không được làm hoặc trách nhiệm nêu gương, trên 50% phiếu tín nhiệm thấp, không hoàn thành trên 50% nhiệm vụ (lãnh đạo và tập thể: dưới 70%)",
    regimes: FROM_2025,
    source: |_| "Quy định 366-QĐ/TW, Điều 11 khoản 4",
    check: failing_cases,
};

/// The least share of tasks a leader or a collective must complete not to fail.
const LEADER_LEAST_DONE: u8 = 70;
/// The least share of tasks any other member must complete not to fail.
const MEMBER_LEAST_DONE: u8 = 50;

fn failing_cases(review: &Review<'_>, report: &mut Report) {
    let collective = &review.dossier.collective;
    let mut cases: Vec<String> = collective
        .vi_pham
        .map(|b| b.recorded().into_iter().map(String::from).collect())
        .unwrap_or_default();
    cases.extend(too_little_done(
        collective.ket_qua_nhiem_vu,
        LEADER_LEAST_DONE,
    ));
    fail_all_above(report, "tập thể", &cases, levels::of_collective(review));
    for (index, member) in levels::members(review.dossier) {
        let mut cases = member.breaches.map(|b| b.recorded()).unwrap_or_default();
        let least = if member.is_leader() {
            LEADER_LEAST_DONE
        } else {
            MEMBER_LEAST_DONE
        };
        cases.extend(too_little_done(member.results, least));
        let name = member.name.to_string();
        fail_all_above(
            report,
            &name,
            &cases,
            levels::of_member(review, index, member),
        );
    }
}

fn too_little_done(results: Option<TaskResults>, least: u8) -> Option<String> {
    let done = results?.hoan_thanh?.value();
    (done < least).then(|| format!("chỉ hoàn thành {done}% nhiệm vụ (dưới {least}%)"))
}

fn fail_all_above(report: &mut Report, who: &str, cases: &[String], given: Vec<Given>) {
    if cases.is_empty() {
        return;
    }
    for g in given
        .into_iter()
        .filter(|g| g.rating != Rating::NotCompleted)
    {
        report.error(
            g.path.clone(),
            format!(
                "{who}: {} nên phải xếp loại Không hoàn thành nhiệm vụ, không phải {} ({})",
                cases.join("; "),
                g.rating.label_vi(),
                g.by_vi()
            ),
        );
    }
}

/// New members are not reviewed at all.
pub const NEW_MEMBER_NOT_REVIEWED: Rule = Rule {
    id: "dang-vien-moi-khong-kiem-diem",
    summary: "đảng viên mới kết nạp chưa đủ 06 tháng không kiểm điểm: hoso không in bản kiểm điểm cho đồng chí đó",
    regimes: FROM_2025,
    source: |_| "Quy định 366-QĐ/TW, Điều 5 khoản 2",
    check: new_member_not_reviewed,
};

fn new_member_not_reviewed(review: &Review<'_>, report: &mut Report) {
    let day = review.dossier.meeting.date;
    for (index, member) in levels::members(review.dossier) {
        if !member.is_new_on(day) {
            continue;
        }
        let given = levels::of_member(review, index, member);
        match given.first() {
            Some(g) => report.error(
                g.path.clone(),
                format!(
                    "{} vào Đảng chưa đủ 06 tháng tính đến ngày hội nghị nên không kiểm điểm, không xếp loại; bỏ mức {} ({})",
                    member.name,
                    g.rating.label_vi(),
                    g.by_vi()
                ),
            ),
            None => report.warning(
                format!("{}.ngay_vao_dang", levels::member_path(index)),
                format!(
                    "{} vào Đảng chưa đủ 06 tháng tính đến ngày hội nghị nên không kiểm điểm; hoso không in bản kiểm điểm cho đồng chí này",
                    member.name
                ),
            ),
        }
    }
}

/// Long sick leave or maternity leave: rated on the work actually done.
pub const LEAVE_ON_ACTUAL_WORK: Rule = Rule {
    id: "nghi-om-thai-san",
    summary: "đảng viên nghỉ ốm từ 03 tháng trở lên hoặc nghỉ thai sản được xếp loại theo kết quả làm việc thực tế (cảnh báo để chi bộ lưu ý)",
    regimes: FROM_2025,
    source: |_| "Hướng dẫn 43-HD/BTCTW, mục 7.5",
    check: leave_on_actual_work,
};

fn leave_on_actual_work(review: &Review<'_>, report: &mut Report) {
    for (index, member) in levels::members(review.dossier) {
        let at = levels::member_path(index);
        if let Some(months) = member
            .sick_leave_months
            .filter(|&m| m >= super::LONG_SICK_LEAVE_MONTHS)
        {
            report.warning(
                format!("{at}.nghi_om_thang"),
                format!(
                    "{} nghỉ ốm {months} tháng trong năm: mức xếp loại căn cứ kết quả làm việc thực tế",
                    member.name
                ),
            );
        }
        if member.maternity_leave {
            report.warning(
                format!("{at}.nghi_thai_san"),
                format!(
                    "{} nghỉ thai sản trong năm: mức xếp loại căn cứ kết quả làm việc thực tế",
                    member.name
                ),
            );
        }
    }
}
