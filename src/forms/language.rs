//! The language of form bodies, for those who edit a form (`hoso forms export`): every name a
//! template reads (with the values hoso computes, `forms/computed.rs`), every filter, every
//! directive, the signature roles and the tables, each with what it does in Vietnamese and an
//! example. `forms/README.md` is generated from this registry, and the tests check it against
//! the engine, the directives and the assembly of a Document.

use super::computed::{self, Field};

/// One word of the language: its name, what it is, and an example of its use.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// The name as a template writes it.
    pub name: &'static str,
    /// What it is, in Vietnamese.
    pub what: &'static str,
    /// An example, as a template writes it.
    pub example: &'static str,
}

const fn word(name: &'static str, what: &'static str, example: &'static str) -> Word {
    Word {
        name,
        what,
        example,
    }
}

/// The names every template reads (`forms/assemble.rs`).
pub const VARIABLES: &[Word] = &[
    word("nam", "năm được kiểm điểm", "năm {{ nam }}"),
    word(
        "che_do",
        "quy định áp dụng theo năm: \"2019\", \"2023\" hoặc \"2025\"",
        "{% if che_do == \"2025\" %}…{% endif %}",
    ),
    word(
        "to_chuc",
        "tổ chức đảng (khóa to_chuc của tệp dữ liệu: ten, cap_tren, dia_danh…)",
        "{{ to_chuc.ten }}",
    ),
    word(
        "hoi_nghi",
        "hội nghị kiểm điểm (khóa hoi_nghi: ngay, bat_dau, dia_diem, khach_moi, dien_bien, tai_lieu…)",
        "{{ hoi_nghi.ngay | ngay_dai }}",
    ),
    word(
        "tt",
        "báo cáo của tập thể (khóa tap_the: nguyen_tac, han_che, diem, de_xuat, phu_luc…)",
        "{{ tt.han_che | doan }}",
    ),
    word(
        "in_phan_danh_gia",
        "đơn vị có yêu cầu in phần nhận xét của chi ủy trên mẫu cá nhân năm 2025 không",
        "{% if in_phan_danh_gia %}…{% endif %}",
    ),
    word(
        "dv",
        "đảng viên của mẫu cá nhân (một mục của dang_vien: ho_ten, tu_kiem_diem, danh_gia…); không có ở mẫu của tập thể",
        "{{ dv.ho_ten | dien }}",
    ),
    word(
        "la_lanh_dao",
        "đảng viên là Bí thư hoặc giữ chức vụ lãnh đạo, quản lý (đăng ký nêu gương, đột phá theo cách của người lãnh đạo)",
        "{% if la_lanh_dao %}…{% endif %}",
    ),
    word(
        "kq",
        "kết quả hội nghị do hoso tính từ dữ liệu, chỉ có ở văn bản của đơn vị: số đảng viên, người có mặt, vắng mặt, chủ trì, thư ký, hình thức biểu quyết, từng dòng biểu quyết (dong); các tên ở mục «Kết quả hội nghị» dưới đây",
        "{{ kq.so_bieu_quyet }} đồng chí",
    ),
    word(
        "muc_iii",
        "mục III của bản kiểm điểm hoặc báo cáo: các hạn chế kỳ trước từng điểm (ky_truoc) và phần tự viết (loi)",
        "{% if muc_iii.ky_truoc %}…{% endif %}",
    ),
    word(
        "th",
        "kết quả tổng hợp nhiều đơn vị, chỉ có ở báo cáo tổng hợp: từng đơn vị (don_vi), số ở mỗi mức, năm trước; các tên ở mục «Kết quả tổng hợp» dưới đây",
        "{{ th.so_dang_vien }}",
    ),
];

/// The filters (`forms/template.rs`).
pub const FILTERS: &[Word] = &[
    word(
        "dien",
        "giá trị trên một dòng, hoặc dòng chấm để viết tay khi trống",
        "Chức vụ: {{ dv.chuc_vu_dang | dien }}",
    ),
    word(
        "doan",
        "giá trị thành các đoạn văn, hoặc n dòng chấm khi trống (mặc định 3)",
        "{{ tt.giai_trinh | doan(n=2) }}",
    ),
    word(
        "ngay_dai",
        "ngày viết đủ: \"ngày 05 tháng 12 năm 2024\"; chỉ có năm (năm sinh): \"năm 1975\"",
        "{{ hoi_nghi.ngay | ngay_dai }}",
    ),
    word(
        "ngay_so",
        "ngày viết số: \"05/12/2024\"; chỉ có năm (năm sinh): \"1975\"",
        "{{ dv.ngay_sinh | ngay_so }}",
    ),
    word(
        "muc",
        "tên mức xếp loại, hoặc dòng chấm",
        "{{ dv.danh_gia.chi_bo_de_xuat | muc }}",
    ),
    word(
        "cap_do",
        "bốn ô cấp độ thực hiện (Xuất sắc, Tốt, Trung bình, Kém), ô đã chọn được đánh dấu",
        "{{ dv.tu_kiem_diem.cap_do.pham_chat | cap_do }}",
    ),
    word(
        "muc_chon",
        "bốn mức xếp loại thành ô để đánh dấu, mức đã chọn được đánh dấu",
        "{{ tt.de_xuat | muc_chon }}",
    ),
    word(
        "tinh_trang",
        "kết quả khắc phục một hạn chế kỳ trước, hoặc ba ô để đánh dấu tay",
        "{{ diem.tinh_trang | tinh_trang }}",
    ),
    word(
        "diem",
        "điểm trên thang điểm: \"27,5/30\", hoặc \"……/30\" khi trống",
        "{{ tt.diem.nhom_chung | diem(30) }}",
    ),
    word(
        "tong_diem",
        "tổng điểm hai nhóm tiêu chí do hoso cộng: \"89,5/100\"",
        "{{ tt.diem | tong_diem }}",
    ),
    word(
        "bo_dau",
        "giá trị bỏ một chữ ở đầu (không phân biệt hoa thường)",
        "Chi bộ {{ to_chuc.ten | bo_dau(\"Chi bộ \") }}",
    ),
    word(
        "ty_le",
        "tỷ lệ của một số trên tổng, một chữ số thập phân: \"83,3%\"",
        "{{ th.dang_vien.hoan_thanh_tot | ty_le(tong) }}",
    ),
];

/// The directives a body writes as tags (`document/markdown.rs`).
pub const DIRECTIVES: &[Word] = &[
    word("fill", "dòng chấm đến hết dòng", "Ngày: <fill/>"),
    word(
        "fill-lines",
        "n dòng chấm để viết tay",
        "<fill-lines n=\"3\"/>",
    ),
    word(
        "ky",
        "một hàng chữ ký: bên trái và bên phải, mỗi bên một vai ký (dưới đây)",
        "<ky trai=\"noi-nhan\" phai=\"tap-the\"/>",
    ),
    word(
        "o-chon",
        "các ô để đánh dấu, chia cột; chon là số thứ tự ô được đánh dấu",
        "<o-chon cot=\"4\" muc=\"Xuất sắc|Tốt|Trung bình|Kém\" chon=\"2\"/>",
    ),
    word(
        "bang",
        "một bảng lấy từ dữ liệu (dưới đây)",
        "<bang ten=\"phu-luc\"/>",
    ),
    word("sang-trang", "sang trang mới", "<sang-trang/>"),
];

/// The signature roles of `<ky …/>` (`forms/directives.rs`).
pub const ROLES: &[Word] = &[
    word(
        "ca-nhan",
        "người tự kiểm điểm ký, ghi rõ họ tên",
        "<ky phai=\"ca-nhan\"/>",
    ),
    word(
        "thu-truong",
        "thủ trưởng cơ quan, đơn vị ký và đóng dấu",
        "<ky phai=\"thu-truong\"/>",
    ),
    word(
        "chi-bo",
        "T/M chi ủy (chi bộ), Bí thư ký; trên bản của Bí thư thì Phó Bí thư ký",
        "<ky phai=\"chi-bo\"/>",
    ),
    word(
        "nguoi-dang-ky",
        "người đăng ký nêu gương hoặc việc đột phá ký",
        "<ky phai=\"nguoi-dang-ky\"/>",
    ),
    word(
        "xac-nhan-chi-uy",
        "xác nhận của chi ủy (chi bộ)",
        "<ky trai=\"xac-nhan-chi-uy\" phai=\"nguoi-dang-ky\"/>",
    ),
    word(
        "phe-duyet-chi-uy",
        "phê duyệt của chi ủy (chi bộ)",
        "<ky trai=\"phe-duyet-chi-uy\" phai=\"nguoi-dang-ky\"/>",
    ),
    word(
        "phe-duyet",
        "phê duyệt của cấp quản lý đảng viên: người dữ liệu ghi (phe_duyet), mặc định cấp ủy cấp trên với Bí thư và người lãnh đạo, chi ủy với đảng viên khác",
        "<ky trai=\"phe-duyet\" phai=\"nguoi-dang-ky\"/>",
    ),
    word(
        "xac-nhan-lanh-dao",
        "xác nhận của lãnh đạo cơ quan, đơn vị (lanh_dao_don_vi)",
        "<ky trai=\"xac-nhan-chi-uy\" phai=\"xac-nhan-lanh-dao\"/>",
    ),
    word(
        "thu-ky",
        "thư ký (người ghi biên bản) ký",
        "<ky trai=\"thu-ky\" phai=\"chu-tri\"/>",
    ),
    word(
        "chu-tri",
        "chủ trì hội nghị ký",
        "<ky trai=\"thu-ky\" phai=\"chu-tri\"/>",
    ),
    word(
        "tap-the",
        "T/M chi ủy (chi bộ, đảng ủy), Bí thư ký văn bản của đơn vị",
        "<ky trai=\"noi-nhan\" phai=\"tap-the\"/>",
    ),
    word(
        "dang-uy",
        "T/M đảng ủy cấp trên, Bí thư ký và đóng dấu",
        "<ky phai=\"dang-uy\"/>",
    ),
    word(
        "noi-nhan",
        "nơi nhận (tap_the.noi_nhan, hoặc mặc định cấp ủy cấp trên và nơi lưu)",
        "<ky trai=\"noi-nhan\" phai=\"tap-the\"/>",
    ),
];

/// The tables of `<bang ten="…"/>` (`forms/directives.rs`).
pub const TABLES: &[Word] = &[
    word(
        "phu-luc",
        "phụ lục kết quả thực hiện nhiệm vụ (phu_luc) của đảng viên hoặc của tập thể",
        "<bang ten=\"phu-luc\"/>",
    ),
    word(
        "dot-pha",
        "các việc đột phá, sáng tạo đăng ký (viec_dot_pha), hai dòng trống khi chưa có",
        "<bang ten=\"dot-pha\"/>",
    ),
    word(
        "tong-hop",
        "tổng hợp kết quả biểu quyết: tập thể và từng đảng viên",
        "<bang ten=\"tong-hop\"/>",
    ),
    word(
        "danh-muc",
        "danh mục các văn bản của hồ sơ theo thứ tự văn bản hướng dẫn",
        "<bang ten=\"danh-muc\"/>",
    ),
    word(
        "don-vi",
        "kết quả từng đơn vị của báo cáo tổng hợp",
        "<bang ten=\"don-vi\"/>",
    ),
];

/// `forms/README.md`: the language, part by part, in Vietnamese.
pub fn reference() -> String {
    let mut out = String::from(
        "# Ngôn ngữ của các mẫu\n\n\
         Tệp này do hoso tạo từ danh mục trong `src/forms/language.rs`; sửa ở đó, không sửa ở đây.\n\n\
         Mỗi mẫu là một thư mục `forms/<mã mẫu>/<chế độ>/` gồm `form.yaml` (tên loại, số, các dòng dưới \
         tên) và `body.md`: Markdown có giới hạn (tiêu đề `##`, `###`, đoạn văn, **đậm**, *nghiêng*, dòng \
         `- `) viết bằng minijinja. Mọi giá trị lấy từ dữ liệu được in đúng như đã ghi, không bao giờ \
         thành định dạng. Phần dùng chung nằm trong `forms/_chung/`. Sửa một mẫu: `hoso forms export \
         MÃ THƯ_MỤC`, rồi `hoso --forms THƯ_MỤC …`.\n",
    );
    words_part(&mut out, "Tên dùng trong mẫu", VARIABLES);
    computed_part(&mut out, "Kết quả hội nghị (`kq`)", "kq", computed::MEETING);
    computed_part(&mut out, "Kết quả tổng hợp (`th`)", "th", computed::ROLLUP);
    let parts: [(&str, &[Word]); 4] = [
        ("Bộ lọc", FILTERS),
        ("Thẻ", DIRECTIVES),
        ("Vai ký của `<ky …/>`", ROLES),
        ("Bảng của `<bang ten=\"…\"/>`", TABLES),
    ];
    for (title, words) in parts {
        words_part(&mut out, title, words);
    }
    out
}

/// The part `title` of the reference: a row for each of `words`.
fn words_part(out: &mut String, title: &str, words: &[Word]) {
    out.push_str(&format!(
        "\n## {title}\n\n| tên | là gì | ví dụ |\n|---|---|---|\n"
    ));
    for word in words {
        out.push_str(&format!(
            "| `{}` | {} | `{}` |\n",
            word.name,
            word.what,
            word.example.replace('|', "\\|")
        ));
    }
}

/// The part `title` of the reference: the values hoso computes under `root`, a row for each
/// with the old name that still answers.
fn computed_part(out: &mut String, title: &str, root: &str, fields: &'static [Field]) {
    let items = fields
        .iter()
        .find(|field| field.list)
        .and_then(|list| Some((list.name, list.inner.first()?.name)))
        .map(|(list, item)| {
            format!(
                " `[]` là từng mục của một danh sách, đọc trong vòng lặp: \
                 `{{% for d in {root}.{list} %}}{{{{ d.{item} }}}}{{% endfor %}}`."
            )
        })
        .unwrap_or_default();
    out.push_str(&format!(
        "\n## {title}\n\n\
         Do hoso tính từ dữ liệu, không ghi trong tệp dữ liệu.{items} Tên cũ (tiếng Anh, của các \
         phiên bản trước) vẫn đọc được ở phiên bản này để các mẫu đã sửa không hỏng, nhưng sẽ bỏ ở \
         phiên bản sau: mẫu đã sửa nên đổi sang tên mới.\n\n\
         | tên | là gì | tên cũ, sắp bỏ |\n|---|---|---|\n"
    ));
    let mut listed = Vec::new();
    computed_rows(out, &mut listed, (root, root), fields);
}

/// A row for each of `fields` under `parents` (the new path and the old one), and for the names
/// inside each the first time their table is met; `listed` holds the tables met and where.
fn computed_rows(
    out: &mut String,
    listed: &mut Vec<(&'static [Field], String)>,
    parents: (&str, &str),
    fields: &'static [Field],
) {
    for field in fields {
        let path = format!("{}.{}", parents.0, field.name);
        let old = format!("{}.{}", parents.1, field.old);
        let same = listed
            .iter()
            .find(|(inner, _)| !field.inner.is_empty() && *inner == field.inner)
            .map(|(_, path)| format!(" (các tên bên trong như ở `{path}`)"))
            .unwrap_or_default();
        out.push_str(&format!("| `{path}` | {}{same} | `{old}` |\n", field.what));
        if same.is_empty() && !field.inner.is_empty() {
            let items = if field.list { "[]" } else { "" };
            listed.push((field.inner, path.clone()));
            computed_rows(
                out,
                listed,
                (&format!("{path}{items}"), &format!("{old}{items}")),
                field.inner,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn names(words: &[Word]) -> BTreeSet<&'static str> {
        words.iter().map(|w| w.name).collect()
    }

    /// The strings between `before` and the next `"` after it, in `source`.
    fn quoted_after<'s>(source: &'s str, before: &str) -> BTreeSet<&'s str> {
        source
            .match_indices(before)
            .filter_map(|(at, _)| {
                let rest = &source[at + before.len()..];
                rest.find('"').map(|end| &rest[..end])
            })
            .collect()
    }

    #[test]
    fn every_filter_of_the_engine_is_described() {
        let source = include_str!("template.rs");
        assert_eq!(quoted_after(source, "env.add_filter(\""), names(FILTERS));
    }

    #[test]
    fn every_directive_role_and_table_is_described() {
        let markdown = include_str!("../document/markdown.rs");
        let directives: BTreeSet<&str> = markdown
            .lines()
            .filter_map(|line| {
                let line = line.trim();
                line.strip_suffix("\" => {")?.strip_prefix('"')
            })
            .collect();
        assert_eq!(directives, names(DIRECTIVES));
        let source = include_str!("directives.rs");
        let roles_part = &source[source.find("fn for_role").unwrap()..];
        let roles_part = &roles_part[..roles_part.find("\n}\n").unwrap()];
        let roles: BTreeSet<&str> = roles_part
            .lines()
            .map(str::trim)
            .filter(|line| line.starts_with('"') && line.contains("=>"))
            .flat_map(|line| {
                let arms = &line[..line.find("=>").unwrap()];
                arms.split('|').map(|arm| arm.trim().trim_matches('"'))
            })
            .filter(|role| *role != "other")
            .collect();
        assert_eq!(roles, names(ROLES));
        let tables_part = &source[source.find("fn table(").unwrap()..];
        let tables_part = &tables_part[..tables_part.find("\n    }\n").unwrap()];
        let tables: BTreeSet<&str> = tables_part
            .lines()
            .map(str::trim)
            .filter(|line| line.starts_with("(\""))
            .filter_map(|line| line[2..].split('"').next())
            .collect();
        assert_eq!(tables, names(TABLES));
    }

    #[test]
    fn every_name_a_template_reads_is_described() {
        let source = include_str!("assemble.rs");
        let context = &source[source.find("context! {").unwrap()..];
        let context = &context[..context.find("\n    }\n").unwrap()];
        let variables: BTreeSet<&str> = context
            .lines()
            .filter_map(|line| line.trim().split_once(" =>").map(|(name, _)| name))
            .collect();
        assert_eq!(variables, names(VARIABLES));
    }

    #[test]
    fn the_forms_readme_is_the_registry() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/forms/README.md");
        if std::env::var_os("HOSO_UPDATE_REFERENCES").is_some_and(|v| v == "1") {
            std::fs::write(path, reference()).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap_or_default(),
            reference(),
            "forms/README.md differs from src/forms/language.rs; run with HOSO_UPDATE_REFERENCES=1"
        );
    }
}
