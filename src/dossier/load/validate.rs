//! The checks serde cannot make on the data as read: ids and their references, points within
//! their groups, and dates that parse but cannot be right.

use super::LoadError;
use super::located::{Located, position_of};
use crate::date::Date;
use crate::dossier::{ADULT_AGE, Dossier, Score};
use crate::regime::Regime;

/// How late in the next year the review of a year may still be held or signed: through March.
const LAST_MONTH_OF_NEXT_YEAR: u32 = 3;

/// Dates that parse but cannot be right: a meeting or a signature outside the review period, a
/// member too young to be one.
pub(super) fn check_dates(dossier: &Dossier, located: &Located<'_>) -> Result<(), LoadError> {
    let year = dossier.year;
    let known = Regime::known_years(Date::today().year());
    if !known.contains(&year) {
        return Err(located.at_path(
            "nam",
            format!(
                "năm đánh giá {year} nằm ngoài các năm hoso có quy định: từ {} đến {}",
                known.start(),
                known.end()
            ),
        ));
    }
    let first = Date::from_ymd(year, 1, 1);
    let last = Date::from_ymd(year + 1, LAST_MONTH_OF_NEXT_YEAR + 1, 1)
        .and_then(|d| d.0.pred_opt().map(Date));
    let (Some(first), Some(last)) = (first, last) else {
        return Err(located.at_path("nam", format!("năm đánh giá {year} không hợp lệ")));
    };
    let in_period = |date: Date, path: String, what: &str| {
        if (first..=last).contains(&date) {
            Ok(())
        } else {
            Err(located.at_path(
                &path,
                format!(
                    "{what} {} nằm ngoài kỳ đánh giá năm {year}: cần từ {} đến {}",
                    date.short_vi(),
                    first.short_vi(),
                    last.short_vi()
                ),
            ))
        }
    };
    in_period(
        dossier.meeting.date,
        "hoi_nghi.ngay".into(),
        "ngày hội nghị",
    )?;
    for (index, member) in dossier.members.iter().enumerate() {
        if let Some(signed) = member.signed_on {
            in_period(signed, format!("dang_vien[{index}].ngay_ky"), "ngày ký")?;
        }
        if let Some(departure) = &member.departure
            && departure.ngay <= dossier.meeting.date
        {
            return Err(located.at_path(
                &format!("dang_vien[{index}].chuyen_di.ngay"),
                format!(
                    "ngày chuyển đi {} không sau ngày hội nghị {}: đảng viên đã chuyển đi trước hội nghị thì kiểm điểm ở nơi mới; bỏ đồng chí này khỏi danh sách",
                    departure.ngay.short_vi(),
                    dossier.meeting.date.short_vi()
                ),
            ));
        }
        if member.birth_date.year() > year - i32::from(ADULT_AGE) {
            return Err(located.at_path(
                &format!("dang_vien[{index}].ngay_sinh"),
                format!(
                    "{} không hợp lý: đảng viên phải đủ {} tuổi, tức sinh từ năm {} trở về trước",
                    member.birth_date.said_vi(),
                    ADULT_AGE,
                    year - i32::from(ADULT_AGE)
                ),
            ));
        }
    }
    Ok(())
}

/// The checks serde cannot make: ids, cross references.
pub(super) fn check(dossier: &Dossier, located: &Located<'_>) -> Result<(), LoadError> {
    let organisation = &dossier.organisation;
    for (field, value) in [
        ("to_chuc.cap_tren", &organisation.superior),
        ("to_chuc.ten", &organisation.name),
        ("to_chuc.dia_danh", &organisation.place),
    ] {
        if value.trim().is_empty() {
            return Err(located.at_path(
                field,
                "không được để trống: tên này in ở đầu mọi văn bản".to_string(),
            ));
        }
    }
    for (index, member) in dossier.members.iter().enumerate() {
        let id = &member.id.value;
        let field = format!("dang_vien[{index}].id");
        if !is_slug(id) {
            return Err(located.at(
                position_of(member.id.referenced),
                Some(field),
                format!(
                    "mã đảng viên «{id}» chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: nguyen-van-an)"
                ),
            ));
        }
        if dossier.members[..index].iter().any(|m| &m.id.value == id) {
            return Err(located.at(
                position_of(member.id.referenced),
                Some(field),
                format!("mã đảng viên «{id}» bị trùng: mỗi đảng viên cần một mã riêng"),
            ));
        }
        if member.name.trim().is_empty() {
            return Err(located.at_path(
                &format!("dang_vien[{index}].ho_ten"),
                "họ và tên không được để trống".to_string(),
            ));
        }
    }
    for (field, reference) in [
        ("to_chuc.bi_thu", &organisation.secretary),
        ("to_chuc.pho_bi_thu", &organisation.deputy),
        ("hoi_nghi.chu_tri", &dossier.meeting.chair),
        ("hoi_nghi.thu_ky", &dossier.meeting.secretary),
    ] {
        if let Some(id) = reference
            && dossier.member(&id.value).is_none()
        {
            return Err(located.at(
                position_of(id.referenced),
                Some(field.to_string()),
                format!(
                    "không có đảng viên mã «{}»; các mã có trong tệp: {}",
                    id.value,
                    crate::nearest::listed(&id.value, &dossier.member_ids())
                ),
            ));
        }
    }
    if let (Some(opened), Some(closed)) = (dossier.meeting.opened, dossier.meeting.closed)
        && closed < opened
    {
        return Err(located.at_path(
            "hoi_nghi.ket_thuc",
            format!(
                "hội nghị kết thúc lúc {closed}, trước giờ bắt đầu {opened} (hoi_nghi.bat_dau): giờ kết thúc phải sau giờ bắt đầu"
            ),
        ));
    }
    if let (Some(secretary), Some(deputy)) = (&organisation.secretary, &organisation.deputy)
        && secretary.value == deputy.value
    {
        return Err(located.at(
            position_of(deputy.referenced),
            Some("to_chuc.pho_bi_thu".to_string()),
            format!(
                "đồng chí «{}» không thể vừa là Bí thư vừa là Phó Bí thư: Phó Bí thư ký phần nhận xét trên bản kiểm điểm của Bí thư",
                deputy.value
            ),
        ));
    }
    for (index, away) in dossier.meeting.absent.iter().enumerate() {
        let field = format!("hoi_nghi.vang_mat[{index}].id");
        let id = &away.id.value;
        if dossier.member(id).is_none() {
            return Err(located.at(
                position_of(away.id.referenced),
                Some(field),
                format!(
                    "không có đảng viên mã «{id}»; các mã có trong tệp: {}",
                    crate::nearest::listed(id, &dossier.member_ids())
                ),
            ));
        }
        if dossier.meeting.absent[..index]
            .iter()
            .any(|earlier| &earlier.id.value == id)
        {
            return Err(located.at(
                position_of(away.id.referenced),
                Some(field),
                format!("đảng viên «{id}» được ghi vắng mặt hai lần"),
            ));
        }
    }
    for (index, member) in dossier.members.iter().enumerate() {
        if let Some(tasks) = &member.breakthroughs
            && !(1..=2).contains(&tasks.len())
        {
            return Err(located.at_path(
                &format!("dang_vien[{index}].viec_dot_pha"),
                format!(
                    "đăng ký {} việc đột phá, sáng tạo: mỗi đồng chí đăng ký 1 hoặc 2 việc",
                    tasks.len()
                ),
            ));
        }
        if let Some(months) = member.sick_leave_months.filter(|&m| m > 12) {
            return Err(located.at_path(
                &format!("dang_vien[{index}].nghi_om_thang"),
                format!("{months} tháng nghỉ ốm nhiều hơn 12 tháng của một năm"),
            ));
        }
    }
    check_score(&dossier.collective.diem, "tap_the.diem", located)?;
    for (index, member) in dossier.members.iter().enumerate() {
        let path = format!("dang_vien[{index}].tu_kiem_diem.diem");
        check_score(&member.self_review.diem, &path, located)?;
    }
    Ok(())
}

/// Points above the most a criteria group allows (Quy định 366-QĐ/TW: 30 and 70).
fn check_score(score: &Score, path: &str, located: &Located<'_>) -> Result<(), LoadError> {
    let groups = [
        (
            score.general,
            Score::GENERAL_MAX,
            "nhom_chung",
            "nhóm tiêu chí chung",
        ),
        (
            score.tasks,
            Score::TASKS_MAX,
            "nhom_nhiem_vu",
            "nhóm tiêu chí về kết quả thực hiện nhiệm vụ",
        ),
    ];
    for (points, max, key, group) in groups {
        if let Some(points) = points
            && points > max
        {
            return Err(located.at_path(
                &format!("{path}.{key}"),
                format!(
                    "{points} điểm vượt quá mức tối đa {max} điểm của {group} (Quy định 366-QĐ/TW)"
                ),
            ));
        }
    }
    Ok(())
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
