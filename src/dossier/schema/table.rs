//! The fields, in the order a unit file writes them. A group that stands in several places (a
//! signer, the results of the year's tasks, the annex of tasks) is written once and put under
//! each of its places.

use std::sync::LazyLock;

use super::{Field, Kind, YES_NO};
use crate::dossier::choice::Options;
use crate::dossier::{
    Discipline, Grade, HigherVotes, OrganisationKind, Outside, QuotaBase, RemedyStatus, Rounding,
    SmallUnit, VotingMethod,
};
use crate::regime::Regime;

/// The personal self-review forms of every regime.
const SELF_REVIEWS: &[&str] = &["ca-nhan", "ca-nhan-lanh-dao", "ca-nhan-ngoai-htct"];
/// The self-review forms of members in the political system.
const IN_SYSTEM: &[&str] = &["ca-nhan", "ca-nhan-lanh-dao"];
/// The self-review form of leaders and managers.
const LEADERS: &[&str] = &["ca-nhan-lanh-dao"];
/// Every form a member files.
const PERSONAL: &[&str] = &[
    "ca-nhan",
    "ca-nhan-lanh-dao",
    "ca-nhan-ngoai-htct",
    "neu-guong",
    "dot-pha",
];
/// The collective's report.
const REPORT: &[&str] = &["tap-the"];
/// The minutes of the meeting.
const MINUTES: &[&str] = &["bien-ban"];

/// Every field of the data, built once.
pub fn fields() -> &'static [Field] {
    static FIELDS: LazyLock<Vec<Field>> = LazyLock::new(table);
    &FIELDS
}

/// `group`'s fields, their paths put under `prefix`, every one printed by `forms`.
fn under(prefix: &str, group: Vec<Field>, forms: &'static [&'static str]) -> Vec<Field> {
    group
        .into_iter()
        .map(|field| Field {
            path: format!("{prefix}.{}", field.path),
            forms: if field.forms.is_empty() {
                forms
            } else {
                field.forms
            },
            ..field
        })
        .collect()
}

/// A shortcoming of an earlier review and how far it is remedied (section III).
fn earlier_shortcomings() -> Vec<Field> {
    vec![
        Field::new("han_che", "Hạn chế đã được chỉ ra", Kind::Text).required(),
        Field::new("nam", "Năm kiểm điểm chỉ ra hạn chế", Kind::Year).hidden(),
        Field::new(
            "tinh_trang",
            "Kết quả",
            Kind::Choice(Options::of::<RemedyStatus>()),
        )
        .unset("(để trống: in ô đánh dấu)"),
        Field::new("muc_do", "Mức độ khắc phục", Kind::Line),
        Field::new("kho_khan", "Khó khăn, vướng mắc", Kind::Line),
    ]
}

/// The 2025 points of part B.
fn points() -> Vec<Field> {
    vec![
        Field::new(
            "nhom_chung",
            "Điểm nhóm tiêu chí chung (tối đa 30)",
            Kind::Points,
        ),
        Field::new(
            "nhom_nhiem_vu",
            "Điểm nhóm tiêu chí kết quả nhiệm vụ (tối đa 70)",
            Kind::Points,
        ),
    ]
}

/// One task of the annex that evidences the 2025 points.
fn tasks() -> Vec<Field> {
    vec![
        Field::new("ten", "Nhiệm vụ", Kind::Line).required(),
        Field::new("san_pham", "Sản phẩm", Kind::Line),
        Field::new("tien_do", "Tiến độ", Kind::Line),
        Field::new("chat_luong", "Chất lượng", Kind::Line),
    ]
}

/// How the year's tasks went, in shares.
fn task_results() -> Vec<Field> {
    vec![
        Field::new("hoan_thanh", "Tỷ lệ nhiệm vụ hoàn thành (%)", Kind::Percent),
        Field::new("vuot_muc", "Tỷ lệ nhiệm vụ vượt mức (%)", Kind::Percent),
        Field::new(
            "cham_tien_do",
            "Tỷ lệ nhiệm vụ chậm tiến độ (%)",
            Kind::Percent,
        ),
        Field::new(
            "khac_phuc_han_che",
            "Tỷ lệ hạn chế kỳ trước đã khắc phục (%)",
            Kind::Percent,
        ),
    ]
}

/// An organ and its signer who approve or confirm a registration.
fn signer() -> Vec<Field> {
    vec![
        Field::new("co_quan", "Cơ quan", Kind::Line),
        Field::new("quyen_han", "Thẩm quyền ký (T/M …)", Kind::Line),
        Field::new("chuc_vu", "Chức vụ người ký", Kind::Line),
        Field::new("ho_ten", "Họ và tên người ký", Kind::Line),
    ]
}

/// What the meeting voted and concluded on a collective or a member.
fn verdict() -> Vec<Field> {
    vec![
        Field::new("phieu", "Số phiếu biểu quyết từng mức", Kind::Votes).printed_by(MINUTES),
        Field::new("ket_luan", "Kết luận của chủ trì", Kind::Text).printed_by(MINUTES),
    ]
}

fn table() -> Vec<Field> {
    let mut fields = vec![
        Field::new(
            "nam",
            "Năm kiểm điểm (quyết định mẫu và quy định được áp dụng)",
            Kind::Year,
        )
        .required(),
        Field::new(
            "che_do",
            "Quy định áp dụng",
            Kind::Choice(Options::of::<Regime>()),
        )
        .unset("Theo năm kiểm điểm"),
        Field::new("ky_truoc", "Tệp dữ liệu kỳ kiểm điểm trước", Kind::Path),
        Field::new("pdf_a", "Ghi PDF theo chuẩn lưu trữ PDF/A-2b", YES_NO),
        Field::new(
            "in_phan_danh_gia",
            "In phần nhận xét, đánh giá của chi ủy ở cuối bản kiểm điểm (2025)",
            YES_NO,
        ),
        Field::new(
            "quy_tac",
            "Cách tính ở những chỗ văn bản trung ương không quy định",
            Kind::Group,
        ),
        Field::new(
            "quy_tac.ty_le_tren",
            "Tỷ lệ xuất sắc tính trên",
            Kind::Choice(Options::of::<QuotaBase>()),
        ),
        Field::new(
            "quy_tac.lam_tron",
            "Làm tròn số được xếp loại xuất sắc",
            Kind::Choice(Options::of::<Rounding>()),
        ),
        Field::new(
            "quy_tac.don_vi_nho",
            "Đơn vị có dưới 05 đảng viên Hoàn thành tốt nhiệm vụ",
            Kind::Choice(Options::of::<SmallUnit>()),
        ),
        Field::new(
            "quy_tac.phieu_muc_tren",
            "Phiếu cho mức cao hơn",
            Kind::Choice(Options::of::<HigherVotes>()),
        ),
        Field::new("to_chuc", "Tổ chức đảng", Kind::Group).required(),
        Field::new("to_chuc.cap_tren", "Tổ chức đảng cấp trên", Kind::Line).required(),
        Field::new("to_chuc.ten", "Tên", Kind::Line).required(),
        Field::new("to_chuc.dia_danh", "Địa danh", Kind::Line).required(),
        Field::new("to_chuc.co_chi_uy", "Có chi ủy", YES_NO),
        Field::new(
            "to_chuc.loai",
            "Loại tổ chức đảng",
            Kind::Choice(Options::of::<OrganisationKind>()),
        ),
        Field::new("to_chuc.bi_thu", "Bí thư", Kind::MemberId),
        Field::new("to_chuc.pho_bi_thu", "Phó Bí thư", Kind::MemberId),
        Field::new(
            "to_chuc.xep_loai",
            "Mức xếp loại của tổ chức đảng (cấp trên quyết định)",
            Kind::Level,
        ),
        Field::new(
            "to_chuc.ty_le_xuat_sac",
            "Tỷ lệ tối đa Hoàn thành xuất sắc nhiệm vụ (%)",
            Kind::Percent,
        ),
        Field::new("hoi_nghi", "Hội nghị kiểm điểm", Kind::Group).required(),
        Field::new("hoi_nghi.ngay", "Ngày", Kind::Date).required(),
        Field::new("hoi_nghi.so", "Số, ký hiệu", Kind::Line),
        Field::new("hoi_nghi.bat_dau", "Bắt đầu (giờ)", Kind::Clock),
        Field::new("hoi_nghi.ket_thuc", "Kết thúc (giờ)", Kind::Clock),
        Field::new("hoi_nghi.dia_diem", "Địa điểm", Kind::Line),
        Field::new("hoi_nghi.chu_tri", "Chủ trì", Kind::MemberId),
        Field::new("hoi_nghi.thu_ky", "Thư ký", Kind::MemberId),
        Field::new(
            "hoi_nghi.khach_moi",
            "Khách mời (mỗi dòng một người, kèm chức vụ)",
            Kind::Lines,
        ),
        Field::new(
            "hoi_nghi.tai_lieu",
            "Tài liệu sử dụng trong hội nghị (mỗi dòng một tài liệu)",
            Kind::Lines,
        ),
        Field::new(
            "hoi_nghi.thong_tin_khac",
            "Thông tin khác (nếu có)",
            Kind::Line,
        ),
        Field::new(
            "hoi_nghi.hinh_thuc_bieu_quyet",
            "Hình thức biểu quyết",
            Kind::Choice(Options::of::<VotingMethod>()),
        )
        .unset("(chưa ghi)"),
        Field::new("hoi_nghi.vang_mat", "Đảng viên vắng mặt", Kind::Rows),
        Field::new("hoi_nghi.vang_mat[].id", "Mã đảng viên", Kind::MemberId).required(),
        Field::new("hoi_nghi.vang_mat[].ly_do", "Lý do", Kind::Line),
        Field::new("hoi_nghi.dien_bien", "Diễn biến hội nghị", Kind::Rows),
        Field::new("hoi_nghi.dien_bien[].nguoi", "Người phát biểu", Kind::Line).required(),
        Field::new("hoi_nghi.dien_bien[].y_kien", "Ý kiến", Kind::Text).required(),
        Field::new("hoi_nghi.han_nop", "Hạn nộp hồ sơ", Kind::Date),
        Field::new("tap_the", "Tập thể: báo cáo kiểm điểm", Kind::Group),
        Field::new("tap_the.so", "Số, ký hiệu", Kind::Line).printed_by(&["tap-the", "bien-ban"]),
        Field::new("tap_the.ngay", "Ngày", Kind::Date),
        Field::new(
            "tap_the.nguyen_tac",
            "Chấp hành nguyên tắc tổ chức và hoạt động",
            Kind::Text,
        )
        .printed_by(REPORT),
        Field::new("tap_the.ket_qua", "Kết quả thực hiện nhiệm vụ", Kind::Text).printed_by(REPORT),
        Field::new(
            "tap_the.xay_dung_dang",
            "Công tác xây dựng Đảng",
            Kind::Text,
        )
        .printed_by(REPORT),
        Field::new(
            "tap_the.trach_nhiem_lanh_dao",
            "Trách nhiệm của tập thể lãnh đạo, quản lý",
            Kind::Text,
        )
        .printed_by(REPORT),
        Field::new("tap_the.han_che", "Hạn chế, khuyết điểm", Kind::Text).printed_by(REPORT),
        Field::new("tap_the.nguyen_nhan", "Nguyên nhân", Kind::Text).printed_by(REPORT),
        Field::new(
            "tap_the.khac_phuc",
            "Kết quả khắc phục hạn chế kỳ trước",
            Kind::Text,
        )
        .printed_by(REPORT),
        Field::new(
            "tap_the.han_che_ky_truoc",
            "Kết quả khắc phục từng hạn chế kỳ trước",
            Kind::Rows,
        )
        .printed_by(REPORT),
    ];
    fields.extend(under(
        "tap_the.han_che_ky_truoc[]",
        earlier_shortcomings(),
        REPORT,
    ));
    fields.extend([
        Field::new(
            "tap_the.giai_trinh",
            "Giải trình vấn đề được gợi ý",
            Kind::Text,
        )
        .printed_by(REPORT),
        Field::new(
            "tap_the.trach_nhiem",
            "Trách nhiệm của tập thể, cá nhân",
            Kind::Text,
        )
        .printed_by(REPORT),
        Field::new(
            "tap_the.phuong_huong",
            "Phương hướng, biện pháp khắc phục",
            Kind::Text,
        )
        .printed_by(REPORT),
        Field::new("tap_the.diem", "Điểm tự chấm (2025)", Kind::Group),
    ]);
    fields.extend(under("tap_the.diem", points(), REPORT));
    fields.push(
        Field::new(
            "tap_the.phu_luc",
            "Phụ lục: nhiệm vụ làm minh chứng cho điểm",
            Kind::Rows,
        )
        .printed_by(REPORT),
    );
    fields.extend(under("tap_the.phu_luc[]", tasks(), REPORT));
    fields.extend([
        Field::new(
            "tap_the.de_xuat",
            "Đề xuất xếp loại mức chất lượng của tập thể",
            Kind::Level,
        )
        .printed_by(REPORT),
        Field::new(
            "tap_the.noi_nhan",
            "Nơi nhận (mỗi dòng một nơi; dòng cuối là nơi lưu)",
            Kind::Lines,
        ),
        Field::new(
            "tap_the.ket_qua_nhiem_vu",
            "Kết quả thực hiện nhiệm vụ trong năm (tỷ lệ)",
            Kind::Group,
        ),
    ]);
    fields.extend(under("tap_the.ket_qua_nhiem_vu", task_results(), &[]));
    fields.extend([
        Field::new(
            "tap_the.vi_pham",
            "Trường hợp xếp loại Không hoàn thành nhiệm vụ",
            Kind::Group,
        ),
        Field::new(
            "tap_the.vi_pham.sai_pham_can_bo",
            "Sai phạm trong công tác cán bộ",
            YES_NO,
        ),
        Field::new(
            "tap_the.vi_pham.mat_doan_ket",
            "Mất đoàn kết nội bộ",
            YES_NO,
        ),
        Field::new(
            "tap_the.vi_pham.thanh_vien_bi_ky_luat",
            "Thành viên bị kỷ luật do vi phạm trong thực hiện nhiệm vụ",
            YES_NO,
        ),
        Field::new(
            "tap_the.vi_pham.thanh_vien_suy_thoai",
            "Thành viên bị kết luận suy thoái",
            YES_NO,
        ),
        Field::new(
            "tap_the.danh_gia",
            "Biểu quyết của hội nghị về tập thể",
            Kind::Group,
        ),
    ]);
    fields.extend(under("tap_the.danh_gia", verdict(), MINUTES));
    fields.extend(member());
    fields
}

/// The members and every field of one.
fn member() -> Vec<Field> {
    let mut fields = vec![
        Field::new("dang_vien", "Đảng viên", Kind::Rows).required(),
        Field::new("dang_vien[].id", "Mã đảng viên", Kind::MemberId).required(),
        Field::new("dang_vien[].ho_ten", "Họ và tên", Kind::Line)
            .required()
            .carried()
            .printed_by(PERSONAL),
        Field::new("dang_vien[].ngay_sinh", "Ngày sinh", Kind::BirthDate)
            .required()
            .carried()
            .printed_by(PERSONAL),
        Field::new("dang_vien[].so_the", "Số thẻ đảng viên", Kind::Line).carried(),
        Field::new("dang_vien[].ngay_vao_dang", "Ngày vào Đảng", Kind::Date)
            .carried()
            .printed_by(&["neu-guong", "dot-pha"]),
        Field::new(
            "dang_vien[].du_bi",
            "Đảng viên",
            Kind::Flag {
                no: "Chính thức",
                yes: "Dự bị",
            },
        )
        .carried(),
        Field::new("dang_vien[].chuc_vu_dang", "Chức vụ Đảng", Kind::Line)
            .carried()
            .printed_by(IN_SYSTEM),
        Field::new(
            "dang_vien[].chuc_vu_chinh_quyen",
            "Chức vụ chính quyền",
            Kind::Line,
        )
        .carried()
        .printed_by(&["ca-nhan", "ca-nhan-lanh-dao", "neu-guong", "dot-pha"]),
        Field::new(
            "dang_vien[].chuc_vu_doan_the",
            "Chức vụ đoàn thể",
            Kind::Line,
        )
        .carried()
        .printed_by(IN_SYSTEM),
        Field::new("dang_vien[].don_vi_cong_tac", "Đơn vị công tác", Kind::Line)
            .carried()
            .printed_by(PERSONAL),
        Field::new(
            "dang_vien[].lanh_dao_quan_ly",
            "Giữ chức vụ lãnh đạo, quản lý",
            YES_NO,
        )
        .unset("Theo chức vụ chính quyền")
        .carried(),
        Field::new(
            "dang_vien[].ngoai_he_thong_chinh_tri",
            "Công tác",
            Kind::Choice(Options::of::<Outside>()),
        )
        .unset("Trong hệ thống chính trị")
        .carried(),
        Field::new(
            "dang_vien[].nghi_om_thang",
            "Số tháng nghỉ ốm trong năm",
            Kind::Count,
        ),
        Field::new(
            "dang_vien[].nghi_thai_san",
            "Nghỉ thai sản trong năm",
            YES_NO,
        ),
        Field::new(
            "dang_vien[].chuyen_den",
            "Chuyển sinh hoạt đến trong năm",
            Kind::Group,
        ),
        Field::new("dang_vien[].chuyen_den.ngay", "Ngày chuyển đến", Kind::Date).required(),
        Field::new(
            "dang_vien[].chuyen_den.noi_cu",
            "Nơi sinh hoạt trước",
            Kind::Line,
        )
        .required(),
        Field::new(
            "dang_vien[].chuyen_den.nhan_xet_noi_cu",
            "Nhận xét của nơi sinh hoạt trước",
            Kind::Text,
        ),
        Field::new(
            "dang_vien[].sinh_hoat_tam_thoi",
            "Sinh hoạt tạm thời",
            Kind::Group,
        ),
        Field::new(
            "dang_vien[].sinh_hoat_tam_thoi.noi",
            "Chi bộ sinh hoạt tạm thời",
            Kind::Line,
        )
        .required(),
        Field::new(
            "dang_vien[].sinh_hoat_tam_thoi.nhan_xet",
            "Nhận xét của chi bộ sinh hoạt tạm thời",
            Kind::Text,
        ),
        Field::new(
            "dang_vien[].ket_qua_nhiem_vu",
            "Kết quả thực hiện nhiệm vụ trong năm (tỷ lệ)",
            Kind::Group,
        ),
    ];
    fields.extend(under("dang_vien[].ket_qua_nhiem_vu", task_results(), &[]));
    fields.extend([
        Field::new(
            "dang_vien[].vi_pham",
            "Trường hợp xếp loại Không hoàn thành nhiệm vụ",
            Kind::Group,
        ),
        Field::new(
            "dang_vien[].vi_pham.ky_luat",
            "Hình thức kỷ luật trong năm",
            Kind::Choice(Options::of::<Discipline>()),
        )
        .unset("Không bị kỷ luật"),
        Field::new(
            "dang_vien[].vi_pham.suy_thoai",
            "Bị kết luận suy thoái",
            YES_NO,
        ),
        Field::new(
            "dang_vien[].vi_pham.dieu_cam",
            "Vi phạm những điều đảng viên không được làm",
            YES_NO,
        ),
        Field::new(
            "dang_vien[].vi_pham.neu_guong",
            "Vi phạm quy định về trách nhiệm nêu gương",
            YES_NO,
        ),
        Field::new(
            "dang_vien[].vi_pham.tin_nhiem_thap",
            "Tỷ lệ phiếu tín nhiệm thấp (%)",
            Kind::Percent,
        ),
        Field::new(
            "dang_vien[].cam_ket_neu_guong",
            "Nội dung đăng ký nêu gương (mỗi dòng một nội dung)",
            Kind::Lines,
        )
        .printed_by(&["neu-guong"]),
        Field::new(
            "dang_vien[].viec_dot_pha",
            "Việc đột phá, sáng tạo đăng ký",
            Kind::Rows,
        )
        .printed_by(&["dot-pha"]),
        Field::new("dang_vien[].viec_dot_pha[].ten", "Tên việc", Kind::Line).required(),
        Field::new(
            "dang_vien[].viec_dot_pha[].noi_dung",
            "Nội dung",
            Kind::Text,
        ),
        Field::new(
            "dang_vien[].viec_dot_pha[].muc_tieu",
            "Mục tiêu",
            Kind::Line,
        ),
        Field::new(
            "dang_vien[].viec_dot_pha[].thoi_gian",
            "Thời gian",
            Kind::Line,
        ),
        Field::new(
            "dang_vien[].phe_duyet",
            "Cấp phê duyệt việc đột phá",
            Kind::Group,
        ),
    ]);
    fields.extend(under("dang_vien[].phe_duyet", signer(), &["dot-pha"]));
    fields.push(Field::new(
        "dang_vien[].lanh_dao_don_vi",
        "Lãnh đạo cơ quan, đơn vị xác nhận bản đăng ký nêu gương",
        Kind::Group,
    ));
    fields.extend(under(
        "dang_vien[].lanh_dao_don_vi",
        signer(),
        &["neu-guong"],
    ));
    fields.push(
        Field::new(
            "dang_vien[].phu_luc",
            "Phụ lục: nhiệm vụ làm minh chứng cho điểm",
            Kind::Rows,
        )
        .printed_by(SELF_REVIEWS),
    );
    fields.extend(under("dang_vien[].phu_luc[]", tasks(), SELF_REVIEWS));
    fields.extend([
        Field::new(
            "dang_vien[].chuyen_di",
            "Chuyển sinh hoạt đi sau kỳ kiểm điểm",
            Kind::Group,
        ),
        Field::new("dang_vien[].chuyen_di.ngay", "Ngày chuyển đi", Kind::Date).required(),
        Field::new(
            "dang_vien[].chuyen_di.noi_den",
            "Nơi chuyển đến",
            Kind::Line,
        ),
        Field::new("dang_vien[].ngay_ky", "Ngày ký bản kiểm điểm", Kind::Date),
    ]);
    fields.extend(self_review());
    fields.extend(assessment());
    fields
}

/// The member's self-review.
fn self_review() -> Vec<Field> {
    let at = |key: &str| format!("dang_vien[].tu_kiem_diem.{key}");
    let text = |key: &str, label: &'static str, forms: &'static [&'static str]| {
        Field::new(&at(key), label, Kind::Text).printed_by(forms)
    };
    let mut fields = vec![
        Field::new("dang_vien[].tu_kiem_diem", "Bản tự kiểm điểm", Kind::Group),
        text(
            "pham_chat",
            "Tư tưởng chính trị, phẩm chất đạo đức, lối sống",
            SELF_REVIEWS,
        ),
        text(
            "thuc_hien_nhiem_vu",
            "Thực hiện chức trách, nhiệm vụ được giao",
            SELF_REVIEWS,
        ),
        text("lanh_dao_quan_ly", "Năng lực lãnh đạo, quản lý", LEADERS),
        text(
            "trach_nhiem",
            "Trách nhiệm trong công việc; đổi mới sáng tạo, dám nghĩ, dám làm",
            LEADERS,
        ),
        text("neu_guong", "Việc nêu gương", LEADERS),
        text(
            "cam_ket",
            "Thực hiện cam kết tu dưỡng, rèn luyện",
            SELF_REVIEWS,
        ),
        text("han_che", "Hạn chế, khuyết điểm", SELF_REVIEWS),
        text("nguyen_nhan", "Nguyên nhân", SELF_REVIEWS),
        text(
            "khac_phuc",
            "Kết quả khắc phục hạn chế kỳ trước",
            SELF_REVIEWS,
        ),
        Field::new(
            &at("han_che_ky_truoc"),
            "Kết quả khắc phục từng hạn chế kỳ trước",
            Kind::Rows,
        )
        .printed_by(SELF_REVIEWS),
    ];
    fields.extend(under(
        &at("han_che_ky_truoc[]"),
        earlier_shortcomings(),
        SELF_REVIEWS,
    ));
    fields.extend([
        text("giai_trinh", "Giải trình vấn đề được gợi ý", SELF_REVIEWS),
        text(
            "trach_nhiem_tap_the",
            "Trách nhiệm với hạn chế của tập thể",
            SELF_REVIEWS,
        ),
        text(
            "phuong_huong",
            "Phương hướng, biện pháp khắc phục",
            SELF_REVIEWS,
        ),
        Field::new(&at("cap_do"), "Tự đánh giá từng mục (2023)", Kind::Group),
    ]);
    let grade = |key: &str, label: &'static str, forms: &'static [&'static str]| {
        Field::new(
            &at(&format!("cap_do.{key}")),
            label,
            Kind::Choice(Options::of::<Grade>()),
        )
        .unset("(để trống: in ô đánh dấu)")
        .printed_by(forms)
    };
    fields.extend([
        grade("pham_chat", "Mức tự đánh giá mục phẩm chất", IN_SYSTEM),
        grade(
            "thuc_hien_nhiem_vu",
            "Mức tự đánh giá mục thực hiện nhiệm vụ",
            IN_SYSTEM,
        ),
        grade(
            "lanh_dao_quan_ly",
            "Mức tự đánh giá mục lãnh đạo, quản lý",
            LEADERS,
        ),
        grade("trach_nhiem", "Mức tự đánh giá mục trách nhiệm", LEADERS),
        grade("neu_guong", "Mức tự đánh giá mục nêu gương", LEADERS),
        grade("khac_phuc", "Mức tự đánh giá mục khắc phục", IN_SYSTEM),
        Field::new(&at("diem"), "Điểm tự chấm (2025)", Kind::Group),
    ]);
    fields.extend(under(&at("diem"), points(), SELF_REVIEWS));
    fields.extend([
        Field::new(
            &at("tu_xep_loai_can_bo"),
            "Tự xếp loại cán bộ, công chức, viên chức",
            Kind::Level,
        )
        .printed_by(IN_SYSTEM),
        Field::new(
            &at("tu_xep_loai_dang_vien"),
            "Tự xếp loại đảng viên",
            Kind::Level,
        )
        .printed_by(SELF_REVIEWS),
    ]);
    fields
}

/// What the chi ủy, the chi bộ, the meeting and the head of the unit wrote of the member.
fn assessment() -> Vec<Field> {
    let at = |key: &str| format!("dang_vien[].danh_gia.{key}");
    let mut fields = vec![
        Field::new(
            "dang_vien[].danh_gia",
            "Nhận xét, đánh giá của chi ủy, chi bộ",
            Kind::Group,
        ),
        Field::new(
            &at("nhan_xet_thu_truong"),
            "Nhận xét của thủ trưởng cơ quan, đơn vị",
            Kind::Text,
        )
        .printed_by(IN_SYSTEM),
        Field::new(
            &at("xep_loai_can_bo"),
            "Xếp loại cán bộ, công chức, viên chức",
            Kind::Level,
        )
        .printed_by(IN_SYSTEM),
        Field::new(
            &at("nhan_xet_chi_uy"),
            "Nhận xét, đánh giá của chi ủy",
            Kind::Text,
        )
        .printed_by(IN_SYSTEM),
        Field::new(
            &at("chi_bo_de_xuat"),
            "Chi bộ đề xuất xếp loại",
            Kind::Level,
        )
        .printed_by(IN_SYSTEM),
    ];
    fields.extend(under("dang_vien[].danh_gia", verdict(), MINUTES));
    fields.extend([
        Field::new(&at("ngay"), "Ngày chi ủy ký nhận xét", Kind::Date),
        Field::new(
            &at("phien_sau"),
            "Phiên đánh giá sau (đảng viên vắng mặt hội nghị)",
            Kind::Group,
        ),
        Field::new(&at("phien_sau.ngay"), "Ngày họp", Kind::Date).required(),
        Field::new(
            &at("phien_sau.so_bieu_quyet"),
            "Số đảng viên chính thức biểu quyết",
            Kind::Count,
        )
        .required(),
    ]);
    fields
}
