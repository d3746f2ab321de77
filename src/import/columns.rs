//! A member list's columns, known by their titles whatever their order: accents, case, spacing,
//! a note in brackets and the common abbreviations aside ("Họ và tên", "HỌ TÊN", "Họ tên ĐV").

/// What a column of a member list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The row's number in the list (STT): not data.
    Ordinal,
    /// Full name.
    Name,
    /// Date of birth.
    Birth,
    /// Day of admission to the Party.
    Admitted,
    /// Day the member became full.
    Official,
    /// Party card number.
    Card,
    /// The chi bộ the member is in.
    Branch,
    /// Post in the Party.
    PartyPost,
    /// Post in the administration.
    GovernmentPost,
    /// Post in a mass organisation.
    UnionPost,
    /// Workplace.
    Workplace,
    /// Sex, ethnicity and religion in one cell ("Nam, Kinh, Không"), as Mẫu 7-HSĐV writes them:
    /// the data has no place for them.
    Personal,
    /// A column the data has no place for, though its title is known (sex, ethnicity, home
    /// town…).
    NoPlace,
}

impl Column {
    /// The data's key the column fills, if any.
    pub fn key(self) -> Option<&'static str> {
        match self {
            Column::Name => Some("ho_ten"),
            Column::Birth => Some("ngay_sinh"),
            Column::Admitted => Some("ngay_vao_dang"),
            Column::Card => Some("so_the"),
            Column::PartyPost => Some("chuc_vu_dang"),
            Column::GovernmentPost => Some("chuc_vu_chinh_quyen"),
            Column::UnionPost => Some("chuc_vu_doan_the"),
            Column::Workplace => Some("don_vi_cong_tac"),
            _ => None,
        }
    }

    /// Whether the column holds a date.
    pub fn is_date(self) -> bool {
        matches!(self, Column::Birth | Column::Admitted | Column::Official)
    }
}

/// Titles, written as [`normalised`] makes them, and what each column holds.
const TITLES: &[(&str, Column)] = &[
    ("stt", Column::Ordinal),
    ("tt", Column::Ordinal),
    ("so tt", Column::Ordinal),
    ("so thu tu", Column::Ordinal),
    ("ho va ten", Column::Name),
    ("ho ten", Column::Name),
    ("ho va ten dang vien", Column::Name),
    ("ho ten dang vien", Column::Name),
    ("ten dang vien", Column::Name),
    ("ngay sinh", Column::Birth),
    ("sinh ngay", Column::Birth),
    ("ngay thang nam sinh", Column::Birth),
    ("nam sinh", Column::Birth),
    ("ngay vao dang", Column::Admitted),
    ("ngay ket nap", Column::Admitted),
    ("ngay ket nap dang", Column::Admitted),
    ("ngay ket nap vao dang", Column::Admitted),
    ("ngay vao dang du bi", Column::Admitted),
    ("ngay chinh thuc", Column::Official),
    ("ngay vao dang chinh thuc", Column::Official),
    ("ngay cong nhan chinh thuc", Column::Official),
    ("ngay cong nhan dang vien chinh thuc", Column::Official),
    ("ngay dang vien chinh thuc", Column::Official),
    ("so the", Column::Card),
    ("so the dang", Column::Card),
    ("so the dang vien", Column::Card),
    ("chi bo", Column::Branch),
    ("ten chi bo", Column::Branch),
    ("chi bo sinh hoat", Column::Branch),
    ("sinh hoat tai chi bo", Column::Branch),
    ("chuc vu dang", Column::PartyPost),
    ("chuc vu trong dang", Column::PartyPost),
    ("chuc vu chinh quyen", Column::GovernmentPost),
    ("chuc vu chuyen mon", Column::GovernmentPost),
    ("chuc vu doan the", Column::UnionPost),
    ("don vi cong tac", Column::Workplace),
    ("noi cong tac", Column::Workplace),
    ("co quan cong tac", Column::Workplace),
    ("co quan don vi cong tac", Column::Workplace),
    ("gioi tinh dan toc ton giao", Column::Personal),
    ("gioi tinh", Column::NoPlace),
    ("nam nu", Column::NoPlace),
    ("dan toc", Column::NoPlace),
    ("ton giao", Column::NoPlace),
    ("que quan", Column::NoPlace),
    ("noi sinh", Column::NoPlace),
    ("noi o hien nay", Column::NoPlace),
    ("cho o hien nay", Column::NoPlace),
    ("trinh do", Column::NoPlace),
    ("ghi chu", Column::NoPlace),
];

/// Short forms of words in titles, spelt out.
const ABBREVIATIONS: &[(&str, &str)] =
    &[("dv", "dang vien"), ("cv", "chuc vu"), ("ns", "ngay sinh")];

/// A title as the list compares titles: without accents or case, a note in brackets dropped,
/// punctuation as spaces, abbreviations spelt out, single spaces.
pub fn normalised(title: &str) -> String {
    let mut kept = String::new();
    let mut depth = 0usize;
    for c in title.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    // "Đ" has no decomposition: deunicode gives "D".
    let plain = deunicode::deunicode(&kept).to_lowercase();
    let spaced: String = plain
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    spaced
        .split_whitespace()
        .map(|word| {
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == word)
                .map_or(word, |(_, long)| long)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the column titled `title` holds, or `None` when hoso does not know the title.
pub fn column_of(title: &str) -> Option<Column> {
    let title = normalised(title);
    TITLES
        .iter()
        .find(|(known, _)| *known == title)
        .map(|(_, column)| *column)
}

/// Whether a title says only "Chức vụ", which could be a post in the Party or in the
/// administration: the clerk names it, hoso does not guess.
pub fn is_ambiguous_post(title: &str) -> bool {
    matches!(
        normalised(title).as_str(),
        "chuc vu" | "chuc vu chuc danh" | "chuc danh"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_known_whatever_their_accents_case_spacing_and_notes() {
        for (title, column) in [
            ("Họ và tên", Column::Name),
            ("HỌ VÀ TÊN", Column::Name),
            ("Họ  tên", Column::Name),
            ("Họ tên ĐV", Column::Name),
            ("Ngày sinh (ngày/tháng/năm)", Column::Birth),
            ("Ngày, tháng, năm sinh", Column::Birth),
            ("Ngày kết nạp", Column::Admitted),
            ("Ngày vào Đảng", Column::Admitted),
            ("Số thẻ ĐV", Column::Card),
            ("Số thẻ đảng viên", Column::Card),
            ("Giới tính, dân tộc, tôn giáo", Column::Personal),
            ("Chức vụ Đảng", Column::PartyPost),
            ("STT", Column::Ordinal),
        ] {
            assert_eq!(column_of(title), Some(column), "{title}");
        }
        assert_eq!(column_of("Điểm thi đua"), None);
        assert!(is_ambiguous_post("Chức vụ"));
        assert!(column_of("Chức vụ").is_none());
    }
}
