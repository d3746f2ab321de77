//! Year over year: a shortcoming said again, an earlier one left unanswered, a self-review
//! copied from last year's. Each finding names the line of this year and the line of last year.

use crate::dossier::{Dossier, Place, RemedyStatus};
use crate::history::{self, Whose};
use crate::regime::Regime;

use super::{ALL_REGIMES, Level, Report, Review, Rule};

/// A shortcoming of this year is one of last year's said again.
pub const REPEATED: Rule = Rule {
    id: "han-che-lap-lai",
    summary: "hạn chế, khuyết điểm năm nay không lặp lại hạn chế của kỳ kiểm điểm trước mà mục III chưa nêu là đang hoặc chưa khắc phục (so sánh gần đúng, bỏ qua dấu câu, chữ hoa và hư từ)",
    regimes: ALL_REGIMES,
    source: |_| "Công văn 4264-CV/BTCTW (hạn chế, khuyết điểm khắc phục chưa triệt để hoặc tái xảy ra)",
    check: repeated,
};

/// Every shortcoming of the previous review has a status in this year's section III.
pub const UNANSWERED: Rule = Rule {
    id: "khac-phuc-chua-neu",
    summary: "mục III nêu kết quả khắc phục của từng hạn chế, khuyết điểm kỳ trước: đã khắc phục, đang khắc phục (mức độ) hoặc chưa khắc phục",
    regimes: ALL_REGIMES,
    source: |regime| match regime {
        Regime::R2025 => "Hướng dẫn 43-HD/BTCTW, các mẫu 01, 2A, 2B, 2C, mục III",
        Regime::R2023 => "Hướng dẫn 25-HD/BTCTW (các mẫu kèm theo), mục III",
        Regime::R2019 => "Hướng dẫn 21-HD/BTCTW (các mẫu kèm theo), mục III",
    },
    check: unanswered,
};

/// A text of this year's review is last year's, word for word.
pub const COPIED: Rule = Rule {
    id: "chep-nam-truoc",
    summary: "nội dung tự kiểm điểm năm nay không chép nguyên văn của kỳ kiểm điểm trước",
    regimes: ALL_REGIMES,
    source: |_| "Kế hoạch kiểm điểm của Đảng ủy Khối năm 2022 (kiểm điểm năm sau giống năm trước)",
    check: copied,
};

/// The share of earlier shortcomings remedied agrees with section III.
pub const REMEDIED_SHARE: Rule = Rule {
    id: "ty-le-khac-phuc",
    summary: "tỷ lệ hạn chế kỳ trước đã khắc phục (ket_qua_nhiem_vu.khac_phuc_han_che) khớp với kết quả từng điểm ở mục III; không ghi tỷ lệ thì hoso tính từ mục III",
    regimes: ALL_REGIMES,
    source: |regime| match regime {
        Regime::R2025 => "Quy định 366-QĐ/TW, Điều 11 khoản 1 (khắc phục 100% hạn chế kỳ trước)",
        Regime::R2023 => "Hướng dẫn 25-HD/BTCTW (các mẫu kèm theo), mục III",
        Regime::R2019 => "Hướng dẫn 21-HD/BTCTW (các mẫu kèm theo), mục III",
    },
    check: remedied_share,
};

/// The reviews of the unit: the collective's, then each reviewed member's, with how findings
/// name them.
fn reviews(dossier: &Dossier) -> Vec<(Whose<'_>, String)> {
    let mut all = vec![(Whose::Collective, "Tập thể".to_string())];
    all.extend(
        dossier
            .members
            .iter()
            .filter(|member| dossier.reviews(member))
            .map(|member| (Whose::Member(member), format!("Đồng chí {}", member.name))),
    );
    all
}

/// "«…»", with a long text cut at a word boundary.
fn quoted(text: &str) -> String {
    const MOST: usize = 90;
    if text.chars().count() <= MOST {
        return format!("«{text}»");
    }
    let cut: String = text.chars().take(MOST).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("«{cut}…»")
}

fn repeated(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    for (whose, name) in reviews(dossier) {
        let earlier = history::earlier(dossier, whose);
        let answers = history::section_three(dossier, whose);
        for now in history::this_year(dossier, whose) {
            let best = earlier
                .iter()
                .map(|before| (history::similarity(&now.text, &before.text), before))
                .filter(|(score, _)| *score >= history::SAME_SHORTCOMING)
                .max_by(|(a, _), (b, _)| a.total_cmp(b));
            let Some((score, before)) = best else {
                continue;
            };
            let status = answers
                .iter()
                .find(|point| {
                    point.han_che == before.text && point.earlier.as_ref() == Some(&before.place)
                })
                .and_then(|point| point.tinh_trang);
            let verdict = match status {
                // Section III already says it is not remedied yet: the repetition is stated.
                Some(RemedyStatus::InProgress | RemedyStatus::NotYet) => continue,
                Some(RemedyStatus::Done) => {
                    "mục III lại ghi đã khắc phục: khuyết điểm tái diễn, cần nêu đúng kết quả khắc phục"
                }
                None => "nêu ở mục III vì sao chưa khắc phục triệt để",
            };
            report.located(
                Level::Warning,
                &now.place,
                Some(before.place.clone()),
                format!(
                    "{name}: hạn chế năm {} {} giống hạn chế năm {} {} (giống {:.0}%); {verdict}",
                    now.year,
                    quoted(&now.text),
                    before.year,
                    quoted(&before.text),
                    score * 100.0
                ),
            );
        }
    }
}

fn unanswered(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    for (whose, name) in reviews(dossier) {
        let Some(texts) = whose.texts_path(dossier) else {
            continue;
        };
        for point in history::section_three(dossier, whose) {
            if point.tinh_trang.is_some() {
                continue;
            }
            let path = match point.entry {
                Some(index) => format!("{texts}.han_che_ky_truoc[{index}].tinh_trang"),
                None => format!("{texts}.han_che_ky_truoc"),
            };
            let place = dossier.place(&path, 0);
            report.located(
                Level::Warning,
                &place,
                point.earlier,
                format!(
                    "{name}: hạn chế năm {} {} chưa có kết quả khắc phục năm nay (tinh_trang: da_khac_phuc, dang_khac_phuc hoặc chua_khac_phuc); mục III sẽ in ô để đánh dấu tay",
                    point.nam,
                    quoted(&point.han_che)
                ),
            );
        }
    }
}

fn copied(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    for (whose, name) in reviews(dossier) {
        let Some(previous) = history::previous_review(dossier, whose) else {
            continue;
        };
        let (Some(now), Some(before)) = (texts(dossier, whose), texts(previous, whose)) else {
            continue;
        };
        let mut copies: Vec<(Place, Place)> = now
            .iter()
            .filter_map(|(path, text)| {
                let (earlier_path, _) = before
                    .iter()
                    .find(|(_, earlier)| history::copied(text, earlier))?;
                Some((dossier.place(path, 0), previous.place(earlier_path, 0)))
            })
            .collect();
        // In the order of the file.
        copies.sort_by_key(|(place, _)| place.line);
        for (place, earlier) in copies {
            let message = format!(
                "{name}: phần {} năm {} chép nguyên văn phần {} năm {}: tự kiểm điểm cần viết theo kết quả của năm nay",
                key_of(&place.path),
                dossier.year,
                key_of(&earlier.path),
                previous.year
            );
            report.located(Level::Warning, &place, Some(earlier), message);
        }
    }
}

fn remedied_share(review: &Review<'_>, report: &mut Report) {
    let dossier = review.dossier;
    for (whose, name) in reviews(dossier) {
        let results = match whose {
            Whose::Collective => dossier.collective.ket_qua_nhiem_vu,
            Whose::Member(member) => member.results,
        };
        let Some(path) = whose.path(dossier) else {
            continue;
        };
        let path = format!("{path}.ket_qua_nhiem_vu.khac_phuc_han_che");
        let given = results.and_then(|r| r.khac_phuc_han_che);
        let (Some(given), Some(counted)) = (given, history::remedied_share(dossier, whose)) else {
            continue;
        };
        if given != counted {
            report.warning(
                path,
                format!(
                    "{name}: ghi đã khắc phục {given} hạn chế kỳ trước nhưng mục III ghi đã khắc phục {counted} ({} điểm)",
                    history::section_three(dossier, whose).len()
                ),
            );
        }
    }
}

/// The last key of a field path.
fn key_of(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// Every text of `whose` review in `dossier` with its field path, in the order of the data
/// model.
fn texts(dossier: &Dossier, whose: Whose<'_>) -> Option<Vec<(String, String)>> {
    let path = whose.texts_path(dossier)?;
    let value = match whose {
        Whose::Collective => serde_json::to_value(&dossier.collective),
        Whose::Member(member) => {
            let member = dossier.member(&member.id.value)?;
            serde_json::to_value(&member.self_review)
        }
    }
    .ok()?;
    let fields = value.as_object()?;
    Some(
        fields
            .iter()
            .filter_map(|(key, value)| Some((format!("{path}.{key}"), value.as_str()?.to_string())))
            .collect(),
    )
}
