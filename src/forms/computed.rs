//! The values hoso computes, as the templates name them: the meeting's results (`kq`, from the
//! tally) and the roll-up of many units (`th`), in Vietnamese like the keys of the data. The
//! structs keep their own serialised names, which machine output (`--format json`) reads; the
//! templates read a copy renamed by the tables here. The English names of earlier versions
//! still answer, for one version, so that an edited form folder keeps working: they are not
//! listed, and `forms/README.md` marks them as going.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ValueKind};

/// One computed value: its Vietnamese name, the English name it had, what it is, and the names
/// inside it (of each item, for a list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The name as a template writes it.
    pub name: &'static str,
    /// The name of earlier versions, still read for one version.
    pub old: &'static str,
    /// What it is, in Vietnamese.
    pub what: &'static str,
    /// The names inside it, or inside each of its items; empty for a plain value or a list of
    /// them.
    pub inner: &'static [Field],
    /// Whether it is a list of maps, each named by `inner`.
    pub list: bool,
}

const fn field(name: &'static str, old: &'static str, what: &'static str) -> Field {
    group(name, old, what, &[])
}

const fn group(
    name: &'static str,
    old: &'static str,
    what: &'static str,
    inner: &'static [Field],
) -> Field {
    Field {
        name,
        old,
        what,
        inner,
        list: false,
    }
}

const fn list(
    name: &'static str,
    old: &'static str,
    what: &'static str,
    inner: &'static [Field],
) -> Field {
    Field {
        list: true,
        ..group(name, old, what, inner)
    }
}

/// How many stand at each level, named by the level's key in the data.
const LEVELS: &[Field] = &[
    field(
        "hoan_thanh_xuat_sac",
        "excellent",
        "số ở mức Hoàn thành xuất sắc nhiệm vụ",
    ),
    field("hoan_thanh_tot", "good", "số ở mức Hoàn thành tốt nhiệm vụ"),
    field("hoan_thanh", "completed", "số ở mức Hoàn thành nhiệm vụ"),
    field(
        "khong_hoan_thanh",
        "not_completed",
        "số ở mức Không hoàn thành nhiệm vụ",
    ),
];

/// The later sitting that rated a member away from the meeting.
const LATER: &[Field] = &[
    field(
        "ngay_dai",
        "date",
        "ngày họp viết đủ: \"ngày 15 tháng 12 năm 2026\"",
    ),
    field("ngay_so", "short", "ngày họp viết số: \"15/12/2026\""),
    field(
        "so_bieu_quyet",
        "voters",
        "số đảng viên chính thức tham gia biểu quyết ở phiên họp đó",
    ),
];

/// One row of the tally.
const TALLY_ROW: &[Field] = &[
    field(
        "doi_tuong",
        "subject",
        "\"Tập thể chi ủy\" (tập thể) hoặc họ tên đảng viên",
    ),
    field("de_xuat", "proposed", "mức tự đề xuất, như in"),
    field(
        "de_xuat_viet_tat",
        "proposed_abbreviation",
        "mức tự đề xuất, viết tắt: \"HTTNV\"",
    ),
    field(
        "tong_diem",
        "points",
        "tổng điểm tự chấm (chế độ 2025), như in: \"89,5\"",
    ),
    field("da_bieu_quyet", "voted", "hội nghị đã biểu quyết chưa"),
    field(
        "phieu",
        "votes",
        "số phiếu ở mỗi mức, từ cao xuống: phieu[0] là Hoàn thành xuất sắc nhiệm vụ, phieu[3] là Không hoàn thành nhiệm vụ",
    ),
    field(
        "ty_le",
        "shares",
        "tỷ lệ số phiếu ở mỗi mức trên số biểu quyết, từ cao xuống: \"83,3%\"",
    ),
    field(
        "muc_thong_qua",
        "adopted",
        "mức được thông qua (khi có mức đủ số phiếu), như in",
    ),
    field(
        "muc_thong_qua_viet_tat",
        "adopted_abbreviation",
        "mức được thông qua, viết tắt",
    ),
    field("ket_luan", "conclusion", "kết luận của đồng chí chủ trì"),
    field(
        "vang_mat",
        "absent",
        "đảng viên vắng mặt tại hội nghị (được đánh giá, xếp loại sau)",
    ),
    group(
        "phien_sau",
        "later",
        "phiên họp sau đã đánh giá, xếp loại đảng viên vắng mặt, khi dữ liệu ghi (danh_gia.phien_sau)",
        LATER,
    ),
];

/// The meeting's results (`kq`), computed from the data.
pub const MEETING: &[Field] = &[
    field("so_dang_vien", "members", "tổng số đảng viên của đơn vị"),
    field("chinh_thuc", "full", "số đảng viên chính thức"),
    field("du_bi", "probationary", "số đảng viên dự bị"),
    field("co_mat", "present", "số đảng viên có mặt"),
    field(
        "so_bieu_quyet",
        "voters",
        "số đảng viên chính thức có mặt: những người biểu quyết",
    ),
    field(
        "du_bi_co_mat",
        "probationary_present",
        "số đảng viên dự bị có mặt (không biểu quyết)",
    ),
    field(
        "vang_mat",
        "absent",
        "những người vắng mặt, mỗi người \"Họ tên (lý do)\"",
    ),
    field("chu_tri", "chair", "người chủ trì: \"Họ tên, chức vụ\""),
    field(
        "thu_ky",
        "minute_taker",
        "người ghi biên bản: \"Họ tên, chức vụ\"",
    ),
    field(
        "hinh_thuc_bieu_quyet",
        "method",
        "hình thức biểu quyết, như biên bản ghi",
    ),
    field(
        "da_ghi",
        "recorded",
        "dữ liệu đã ghi hội nghị chưa (chủ trì, thư ký, giờ họp, người vắng, phiếu…); chưa thì biên bản để dòng chấm viết tay",
    ),
    list(
        "dong",
        "rows",
        "các dòng biểu quyết: tập thể trước, rồi từng đảng viên được kiểm điểm",
        TALLY_ROW,
    ),
];

/// A member the roll-up does not rate.
const NOT_RATED: &[Field] = &[
    field("ho_ten", "name", "họ tên đảng viên"),
    field("ly_do", "why", "lý do chưa xếp loại"),
];

/// One unit of the roll-up.
const UNIT: &[Field] = &[
    field("ten", "unit", "tên đơn vị, như văn bản của đơn vị in"),
    field("tep", "file", "tệp dữ liệu của đơn vị"),
    field("nam", "year", "năm được kiểm điểm"),
    field(
        "xep_loai_to_chuc",
        "organisation",
        "mức xếp loại tổ chức đảng do cấp trên quyết định (to_chuc.xep_loai), khi đã có",
    ),
    field(
        "xep_loai_tap_the",
        "collective",
        "mức hội nghị biểu quyết cho tập thể lãnh đạo, khi đã biểu quyết",
    ),
    field("so_dang_vien", "members", "số đảng viên của đơn vị"),
    group(
        "dang_vien",
        "levels",
        "số đảng viên ở mỗi mức (theo biểu quyết của hội nghị, không thì theo đề xuất của chi bộ)",
        LEVELS,
    ),
    list(
        "chua_xep_loai",
        "not_rated",
        "những đảng viên chưa được xếp loại",
        NOT_RATED,
    ),
    field(
        "dang_vien_xuat_sac",
        "excellent",
        "họ tên những đảng viên được xếp loại Hoàn thành xuất sắc nhiệm vụ",
    ),
];

/// The roll-up of many units (`th`).
pub const ROLLUP: &[Field] = &[
    list("don_vi", "units", "từng đơn vị, theo thứ tự đã cho", UNIT),
    group(
        "dang_vien",
        "members",
        "số đảng viên ở mỗi mức, mọi đơn vị cộng lại",
        LEVELS,
    ),
    group(
        "to_chuc",
        "organisations",
        "số tổ chức đảng ở mỗi mức, do cấp trên xếp loại",
        LEVELS,
    ),
    group(
        "tap_the",
        "collectives",
        "số tập thể lãnh đạo (chi ủy, ban chấp hành) ở mỗi mức, do hội nghị biểu quyết",
        LEVELS,
    ),
    field(
        "so_dang_vien",
        "member_count",
        "tổng số đảng viên của các đơn vị",
    ),
    field(
        "so_chua_xep_loai",
        "not_rated",
        "tổng số đảng viên chưa được xếp loại",
    ),
    group(
        "nam_truoc",
        "previous",
        "số đảng viên ở mỗi mức năm trước, ở các đơn vị có tệp kỳ trước (ky_truoc); không có thì trống",
        LEVELS,
    ),
    field(
        "so_don_vi_nam_truoc",
        "previous_units",
        "số đơn vị có số liệu năm trước",
    ),
];

/// `value`, as serialised, with the names of `fields`: each map's keys renamed, inside it and in
/// each item of a list, and the old names still read.
pub fn named(value: Value, fields: &'static [Field]) -> Value {
    match value.kind() {
        ValueKind::Map if !fields.is_empty() => {
            let entries = value
                .try_iter()
                .into_iter()
                .flatten()
                .map(|key| {
                    let item = value.get_item(&key).unwrap_or_default();
                    match fields.iter().find(|f| key.as_str() == Some(f.old)) {
                        Some(field) => (Value::from(field.name), named(item, field.inner)),
                        None => (key, item),
                    }
                })
                .collect();
            Value::from_object(Named { entries, fields })
        }
        ValueKind::Seq if !fields.is_empty() => value
            .try_iter()
            .into_iter()
            .flatten()
            .map(|item| named(item, fields))
            .collect(),
        _ => value,
    }
}

/// A map renamed by its fields, which still answers to their old names.
#[derive(Debug)]
struct Named {
    entries: Vec<(Value, Value)>,
    fields: &'static [Field],
}

impl Object for Named {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let found = |key: &Value| {
            self.entries
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        found(key).or_else(|| {
            let old = self.fields.iter().find(|f| key.as_str() == Some(f.old))?;
            found(&Value::from(old.name))
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Values(self.entries.iter().map(|(k, _)| k.clone()).collect())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeSet;

    use minijinja::value::Serde;

    use super::*;
    use crate::dossier::Dossier;
    use crate::forms::{SAMPLES, samples};
    use crate::tally::Tally;

    /// Every path of `fields` by their old names: `rows[].later.date`.
    fn paths(fields: &[Field], prefix: &str, out: &mut BTreeSet<String>) {
        for field in fields {
            let path = format!("{prefix}{}", field.old);
            let items = if field.list { "[]" } else { "" };
            paths(field.inner, &format!("{path}{items}."), out);
            out.insert(path);
        }
    }

    /// Every path of the keys of `json`, named like [`paths`].
    fn keys(json: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
        match json {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    let path = format!("{prefix}{key}");
                    let items = if value.is_array() { "[]" } else { "" };
                    keys(value, &format!("{path}{items}."), out);
                    out.insert(path);
                }
            }
            serde_json::Value::Array(items) => {
                items.iter().for_each(|item| keys(item, prefix, out))
            }
            _ => {}
        }
    }

    /// `fields` name every key of `values` as serialised, and each of them is the key of one.
    pub(crate) fn assert_every_key_named(fields: &[Field], values: &[serde_json::Value]) {
        let mut found = BTreeSet::new();
        values.iter().for_each(|value| keys(value, "", &mut found));
        let mut named = BTreeSet::new();
        paths(fields, "", &mut named);
        assert_eq!(found, named);
    }

    /// The samples, and the 2026 sample again with the member away from its meeting rated at a
    /// later sitting.
    pub(crate) fn units() -> Vec<Dossier> {
        let mut units = samples().unwrap();
        let later = crate::dossier::parse(
            &SAMPLES[1].1.replacen(
                "\n  - id: mai-thanh-son\n    ho_ten",
                "\n  - id: mai-thanh-son\n    danh_gia:\n      phieu: {hoan_thanh_tot: 6}\n      phien_sau: {ngay: 2026-12-14, so_bieu_quyet: 7}\n    ho_ten",
                1,
            ),
            "phien-sau.yaml",
        )
        .unwrap();
        units.push(later);
        units
    }

    #[test]
    fn the_template_names_every_key_of_the_tally() {
        let tallies: Vec<_> = units()
            .iter()
            .map(|unit| serde_json::to_value(Tally::of(unit)).unwrap())
            .collect();
        assert_every_key_named(MEETING, &tallies);
    }

    #[test]
    fn names_are_vietnamese_and_unique_in_each_map() {
        fn check(fields: &[Field]) {
            let names: BTreeSet<&str> = fields.iter().map(|f| f.name).collect();
            let olds: BTreeSet<&str> = fields.iter().map(|f| f.old).collect();
            assert_eq!(names.len(), fields.len());
            assert_eq!(olds.len(), fields.len());
            assert!(names.is_disjoint(&olds));
            for field in fields {
                assert!(
                    field
                        .name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{}",
                    field.name
                );
                check(field.inner);
            }
        }
        check(MEETING);
        check(ROLLUP);
    }

    #[test]
    fn templates_read_the_new_names_and_the_old_ones() {
        let kq = named(Value::from(Serde(&Tally::of(&units()[2]))), MEETING);
        let env = minijinja::Environment::new();
        let read = |template: &str| {
            env.render_str(template, minijinja::context! { kq => kq.clone() })
                .unwrap()
        };
        assert_eq!(read("{{ kq.so_bieu_quyet }}"), read("{{ kq.voters }}"));
        assert_eq!(
            read("{% for d in kq.dong %}{{ d.doi_tuong }} {{ d.phien_sau.ngay_so }};{% endfor %}"),
            read("{% for d in kq.rows %}{{ d.subject }} {{ d.later.short }};{% endfor %}"),
        );
        assert_eq!(
            read("{{ kq.dong | map(attribute='phien_sau') | select | list | length }}"),
            "1"
        );
        assert_eq!(read("{{ kq | length }}"), MEETING.len().to_string());
    }
}
