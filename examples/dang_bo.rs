//! A generator of synthetic đảng bộ for benchmarks: one fictional đảng bộ (a Party committee of a
//! provincial department, "Đảng bộ Sở …") with many chi bộ, each written as one complete YAML unit
//! like `data-samples/chi-bo-mau-2026.yaml`: the organisation, the review meeting with its minutes,
//! the collective's report, and every member's self-review with points, votes and the chair's
//! conclusion. Everything is fictional and in Vietnamese (NFC).
//!
//! ```sh
//! cargo run --release --example dang_bo -- --chi-bo 10 --dang-vien 300 --nam 2026 --seed 1 -o /tmp/db300
//! target/release/hoso check /tmp/db300/chi-bo-01.yaml
//! target/release/hoso packet /tmp/db300 -o /tmp/db300-out
//! ```
//!
//! It writes `DIR/chi-bo-01.yaml` … `DIR/chi-bo-NN.yaml` (numbers padded to the width of N) and
//! prints one line saying what it wrote. The same arguments always give the same bytes: one seeded
//! PRNG per chi bộ, no clock, no hash-map order.
//!
//! The data keeps the rules `hoso check` enforces: adults at admission, twelve months of probation
//! (dự bị members admitted in the first half of the review year, so no one is too new to be
//! reviewed), points in the band of the level proposed (2025), the conditions of each level in
//! `ket_qua_nhiem_vu`, at most a fifth as many "Hoàn thành xuất sắc" as "Hoàn thành tốt", the
//! secretary not above the collective, votes only by the full members present with the level
//! proposed adopted by more than half, a conclusion for every vote, and every part each form
//! prints filled. `--nam 2024` writes the 2023 regime (Mẫu 02A/02B, with the graded items and the
//! civil-servant level, and no members outside the political system, whom those forms do not
//! provide for).
//!
//! About a third of the members hold a leadership post (Mẫu 2A), a tenth are retired or work in
//! a private business (2C), the rest file 2B. A chi bộ of more than 15 members is a trung tâm or
//! ban with rooms, one of up to 15 a phòng; a unit has at most 20 leadership posts, so chi bộ of
//! more than about 60 members have fewer leaders than a third. When the agency's units run out,
//! a unit gets a second chi bộ ("Chi bộ … số 2").

use std::collections::BTreeMap;
use std::fmt::{self, Display};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use fastrand::Rng;

/// Generates synthetic đảng bộ data (one YAML file per chi bộ) for benchmarks.
#[derive(Parser)]
#[command(name = "dang_bo")]
struct Args {
    /// Number of chi bộ.
    #[arg(long = "chi-bo", default_value_t = 10)]
    chi_bo: usize,
    /// Members across all chi bộ, split as evenly as possible (at least 3 per chi bộ).
    #[arg(long = "dang-vien", default_value_t = 300)]
    dang_vien: usize,
    /// The review year: 2025 and later use the 2025 rules, 2023–2024 the 2023 rules.
    #[arg(long, default_value_t = 2026)]
    nam: i32,
    /// Seed of the pseudo-random choices.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write into (created when missing).
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
}

// ---------------------------------------------------------------------------------------- places

/// A province or city whose name did not change in the 2025 reorganisation, so that one name
/// serves every review year.
struct Place {
    /// As printed before the date: "Thanh Hóa".
    short: &'static str,
    /// As written after an agency: "tỉnh Thanh Hóa".
    full: &'static str,
}

const PLACES: &[Place] = &[
    Place {
        short: "Thanh Hóa",
        full: "tỉnh Thanh Hóa",
    },
    Place {
        short: "Nghệ An",
        full: "tỉnh Nghệ An",
    },
    Place {
        short: "Hà Tĩnh",
        full: "tỉnh Hà Tĩnh",
    },
    Place {
        short: "Quảng Ninh",
        full: "tỉnh Quảng Ninh",
    },
    Place {
        short: "Lạng Sơn",
        full: "tỉnh Lạng Sơn",
    },
    Place {
        short: "Cao Bằng",
        full: "tỉnh Cao Bằng",
    },
    Place {
        short: "Sơn La",
        full: "tỉnh Sơn La",
    },
    Place {
        short: "Điện Biên",
        full: "tỉnh Điện Biên",
    },
    Place {
        short: "Lai Châu",
        full: "tỉnh Lai Châu",
    },
    Place {
        short: "Hà Nội",
        full: "thành phố Hà Nội",
    },
];

/// A unit of the agency that has its own chi bộ, and the field it works in.
struct UnitSpec {
    /// "Phòng Quản lý xây dựng", "Trung tâm Kiểm định chất lượng xây dựng".
    name: &'static str,
    /// What it does, to fit in "về {linh_vuc}": "quản lý xây dựng".
    field: &'static str,
}

/// A provincial department whose đảng bộ is generated, with its units.
struct Agency {
    /// "Sở Xây dựng".
    name: &'static str,
    /// Small units (phòng): 3 to 4 leaders at most.
    departments: &'static [UnitSpec],
    /// Large units (trung tâm, ban) with their own rooms and room heads.
    centres: &'static [UnitSpec],
    /// The rooms of a large unit.
    rooms: &'static [&'static str],
}

const fn spec(name: &'static str, field: &'static str) -> UnitSpec {
    UnitSpec { name, field }
}

const AGENCIES: &[Agency] = &[
    Agency {
        name: "Sở Xây dựng",
        departments: &[
            spec("Phòng Quản lý xây dựng", "quản lý hoạt động xây dựng"),
            spec(
                "Phòng Quản lý chất lượng công trình",
                "quản lý chất lượng công trình",
            ),
            spec("Phòng Quy hoạch - Kiến trúc", "quy hoạch, kiến trúc"),
            spec("Phòng Phát triển đô thị", "phát triển đô thị"),
            spec(
                "Phòng Quản lý nhà và thị trường bất động sản",
                "quản lý nhà ở",
            ),
            spec("Phòng Kinh tế và Vật liệu xây dựng", "kinh tế xây dựng"),
            spec("Phòng Kế hoạch - Tài chính", "kế hoạch, tài chính"),
            spec("Phòng Hạ tầng kỹ thuật", "hạ tầng kỹ thuật đô thị"),
        ],
        centres: &[
            spec(
                "Trung tâm Kiểm định chất lượng xây dựng",
                "kiểm định chất lượng xây dựng",
            ),
            spec("Trung tâm Quy hoạch xây dựng", "lập quy hoạch xây dựng"),
            spec(
                "Trung tâm Đăng kiểm phương tiện thủy bộ",
                "đăng kiểm phương tiện",
            ),
            spec(
                "Trung tâm Thông tin và Dữ liệu xây dựng",
                "dữ liệu ngành xây dựng",
            ),
            spec(
                "Trung tâm Đào tạo, sát hạch lái xe",
                "đào tạo, sát hạch lái xe",
            ),
            spec(
                "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng",
                "quản lý dự án dân dụng",
            ),
            spec(
                "Ban Quản lý dự án đầu tư xây dựng công trình giao thông",
                "quản lý dự án giao thông",
            ),
            spec("Ban Quản lý bảo trì đường bộ", "bảo trì đường bộ"),
            spec("Trung tâm Quản lý nhà ở công vụ", "quản lý nhà ở công vụ"),
            spec(
                "Trung tâm Tư vấn thiết kế hạ tầng",
                "tư vấn thiết kế hạ tầng",
            ),
        ],
        rooms: &[
            "Hành chính - Tổng hợp",
            "Kế hoạch - Tài chính",
            "Kỹ thuật",
            "Nghiệp vụ",
            "Thẩm định",
            "Điều hành dự án 1",
            "Điều hành dự án 2",
            "Thông tin - Dữ liệu",
        ],
    },
    Agency {
        name: "Sở Y tế",
        departments: &[
            spec("Phòng Nghiệp vụ Y", "quản lý khám bệnh, chữa bệnh"),
            spec("Phòng Nghiệp vụ Dược", "quản lý dược, mỹ phẩm"),
            spec("Phòng Tổ chức cán bộ", "tổ chức cán bộ ngành y tế"),
            spec(
                "Phòng Kế hoạch - Tài chính",
                "kế hoạch, tài chính ngành y tế",
            ),
            spec("Phòng Quản lý hành nghề", "quản lý hành nghề y, dược"),
            spec("Phòng Bảo trợ xã hội", "bảo trợ xã hội"),
            spec("Phòng Dân số", "công tác dân số"),
            spec("Phòng Y tế dự phòng", "y tế dự phòng"),
        ],
        centres: &[
            spec("Trung tâm Kiểm soát bệnh tật", "phòng, chống dịch bệnh"),
            spec("Trung tâm Giám định y khoa", "giám định y khoa"),
            spec("Trung tâm Pháp y", "giám định pháp y"),
            spec(
                "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm",
                "kiểm nghiệm thuốc, thực phẩm",
            ),
            spec("Trung tâm Cấp cứu 115", "cấp cứu ngoài bệnh viện"),
            spec(
                "Trung tâm Vận chuyển cấp cứu và Điều phối",
                "điều phối cấp cứu",
            ),
            spec(
                "Trung tâm Chăm sóc sức khỏe sinh sản",
                "chăm sóc sức khỏe sinh sản",
            ),
            spec(
                "Trung tâm Truyền thông giáo dục sức khỏe",
                "truyền thông giáo dục sức khỏe",
            ),
            spec(
                "Trung tâm Sức khỏe lao động và Môi trường",
                "sức khỏe nghề nghiệp",
            ),
            spec(
                "Trung tâm Điều dưỡng và Phục hồi chức năng",
                "phục hồi chức năng",
            ),
        ],
        rooms: &[
            "Hành chính - Tổng hợp",
            "Kế hoạch - Tài chính",
            "Kế hoạch - Nghiệp vụ",
            "Điều dưỡng",
            "Xét nghiệm",
            "Truyền thông",
            "Kiểm soát nhiễm khuẩn",
            "Công nghệ thông tin",
        ],
    },
    Agency {
        name: "Sở Khoa học và Công nghệ",
        departments: &[
            spec("Phòng Quản lý khoa học", "quản lý khoa học"),
            spec(
                "Phòng Quản lý công nghệ và thị trường công nghệ",
                "quản lý công nghệ",
            ),
            spec(
                "Phòng Quản lý chuyên ngành",
                "sở hữu trí tuệ, an toàn bức xạ",
            ),
            spec("Phòng Kế hoạch - Tài chính", "kế hoạch, tài chính khoa học"),
            spec("Phòng Chuyển đổi số", "chuyển đổi số"),
            spec("Phòng Bưu chính, Viễn thông", "bưu chính, viễn thông"),
            spec("Phòng Đổi mới sáng tạo", "đổi mới sáng tạo"),
            spec(
                "Phòng Tiêu chuẩn - Đo lường - Chất lượng",
                "tiêu chuẩn, đo lường, chất lượng",
            ),
        ],
        centres: &[
            spec(
                "Trung tâm Thông tin và Thống kê khoa học và công nghệ",
                "thông tin, thống kê khoa học",
            ),
            spec(
                "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
                "ứng dụng tiến bộ kỹ thuật",
            ),
            spec(
                "Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng",
                "kiểm định, hiệu chuẩn",
            ),
            spec(
                "Trung tâm Công nghệ thông tin và Truyền thông",
                "hạ tầng công nghệ thông tin",
            ),
            spec(
                "Trung tâm Giám sát an toàn không gian mạng",
                "an toàn thông tin",
            ),
            spec(
                "Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo",
                "hỗ trợ khởi nghiệp",
            ),
            spec("Trung tâm Dữ liệu số", "quản lý dữ liệu số"),
            spec(
                "Ban Quản lý dự án công nghệ số",
                "quản lý dự án công nghệ số",
            ),
            spec("Trung tâm Phân tích và Thử nghiệm", "phân tích, thử nghiệm"),
            spec("Trung tâm Đo lường và Thử nghiệm", "đo lường, thử nghiệm"),
        ],
        rooms: &[
            "Hành chính - Tổng hợp",
            "Kế hoạch - Tài chính",
            "Kỹ thuật",
            "Nghiệp vụ",
            "Dịch vụ",
            "Thông tin - Dữ liệu",
            "Thử nghiệm",
            "Phát triển ứng dụng",
        ],
    },
];

/// A unit with more members than this is given a trung tâm or ban, which has rooms and so
/// enough leadership posts for about a third of its members.
const SMALL_UNIT: usize = 15;

// ----------------------------------------------------------------------------------------- names

/// Family names with their weight (per mille, roughly their share of the population).
const FAMILY_NAMES: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 50),
    ("Huỳnh", 18),
    ("Phan", 45),
    ("Vũ", 39),
    ("Võ", 30),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 16),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
];

const MIDDLE_MEN: &[(&str, u32)] = &[
    ("Văn", 30),
    ("Đức", 8),
    ("Minh", 8),
    ("Quốc", 6),
    ("Hữu", 6),
    ("Thanh", 5),
    ("Công", 5),
    ("Xuân", 4),
    ("Đình", 5),
    ("Ngọc", 4),
    ("Quang", 5),
    ("Anh", 3),
    ("Hoàng", 3),
    ("Trọng", 4),
    ("Tiến", 3),
    ("Mạnh", 3),
    ("Duy", 3),
    ("Thế", 3),
    ("Bá", 2),
    ("Trung", 2),
    ("Gia", 2),
    ("Đăng", 2),
    ("Việt", 2),
    ("Hải", 2),
];

const MIDDLE_WOMEN: &[(&str, u32)] = &[
    ("Thị", 40),
    ("Thị Thu", 6),
    ("Thị Thanh", 5),
    ("Thị Ngọc", 4),
    ("Thị Minh", 3),
    ("Thị Hồng", 3),
    ("Thị Kim", 3),
    ("Thị Bích", 2),
    ("Thu", 5),
    ("Thanh", 4),
    ("Ngọc", 4),
    ("Minh", 3),
    ("Thùy", 3),
    ("Phương", 3),
    ("Hồng", 3),
    ("Kim", 2),
    ("Bích", 2),
    ("Hải", 2),
    ("Khánh", 2),
    ("Diệu", 2),
    ("Quỳnh", 2),
    ("Hoài", 2),
];

const GIVEN_MEN: &[&str] = &[
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Đức",
    "Giang",
    "Hải",
    "Hiếu",
    "Hòa",
    "Hoàng",
    "Hùng",
    "Huy",
    "Khánh",
    "Khoa",
    "Kiên",
    "Lâm",
    "Long",
    "Lợi",
    "Mạnh",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quang",
    "Quân",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thành",
    "Thịnh",
    "Tiến",
    "Toàn",
    "Trung",
    "Tuấn",
    "Tùng",
    "Việt",
    "Vinh",
    "Vũ",
    "Hưng",
    "Lực",
    "Công",
    "Hậu",
    "Khôi",
    "Trường",
];

const GIVEN_WOMEN: &[&str] = &[
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng", "Huệ", "Hương",
    "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
    "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thơ", "Thủy", "Trang", "Tuyết", "Uyên", "Vân",
    "Yến", "Hường", "Lụa", "Nhàn", "Duyên", "Thoa",
];

// ------------------------------------------------------------------------------ the self-review
//
// Sentences are composed from these banks. Placeholders: {nam}, {nam_truoc}, {nam_sau}, {don_vi},
// {co_quan}, {linh_vuc}, {chuc_vu}, {chuc_vu_dang}, {cap_uy}, {Cap_uy}, {vo_chong}, {noi_lam},
// {vuot_muc}, {cham_tien_do}, {khac_phuc}, {han_che_tap_the}, {n:A-B} (a number, two digits below
// ten) and {a|b|c} (one of the alternatives).

const PHAM_CHAT: &[&str] = &[
    "Bản thân luôn kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, mục tiêu độc lập dân tộc gắn liền với chủ nghĩa xã hội; tuyệt đối trung thành với lợi ích của Đảng, của Tổ quốc và Nhân dân.",
    "Bản thân có lập trường tư tưởng chính trị vững vàng; chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của cơ quan.",
    "Tham gia đầy đủ các buổi học tập, quán triệt nghị quyết, chỉ thị của Đảng; viết bài thu hoạch đạt yêu cầu và liên hệ vào thực tiễn công tác.",
    "Giữ gìn phẩm chất đạo đức, lối sống giản dị, trung thực, khiêm tốn; không vi phạm những điều đảng viên không được làm.",
    "Không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\".",
    "Chấp hành nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; giữ gìn đoàn kết nội bộ, thẳng thắn đóng góp ý kiến xây dựng chi bộ.",
    "Tích cực tham gia đấu tranh phản bác các quan điểm sai trái, thù địch, nhất là trên không gian mạng.",
    "Tác phong làm việc khoa học, cẩn thận, chu đáo; chấp hành tốt giờ giấc làm việc và nội quy, quy chế của cơ quan.",
    "Thực hiện tốt việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; đóng đảng phí đầy đủ, đúng quy định.",
    "Gia đình và bản thân chấp hành tốt các quy định của địa phương nơi cư trú; giữ mối liên hệ thường xuyên với chi ủy nơi cư trú.",
    "Luôn giữ gìn đoàn kết, sẵn sàng giúp đỡ đồng nghiệp; quan hệ đúng mực với tổ chức, công dân đến liên hệ công tác.",
];

const PHAM_CHAT_NGOAI: &[&str] = &[
    "Bản thân luôn giữ vững phẩm chất chính trị, tin tưởng vào sự lãnh đạo của Đảng; chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.",
    "Gương mẫu chấp hành các quy định của địa phương nơi cư trú; xây dựng gia đình văn hóa, đoàn kết với bà con lối xóm.",
    "Giữ gìn đạo đức, lối sống lành mạnh, giản dị; không vi phạm những điều đảng viên không được làm.",
    "Không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\".",
    "Tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng quy định; thẳng thắn góp ý xây dựng chi bộ.",
    "Thường xuyên theo dõi thông tin thời sự; không chia sẻ, bình luận thông tin sai sự thật trên mạng xã hội.",
];

const NHIEM_VU_LANH_DAO: &[&str] = &[
    "Trên cương vị {chuc_vu}, bản thân chủ trì tham mưu lãnh đạo {co_quan} ban hành {n:3-12} văn bản chỉ đạo, hướng dẫn về {linh_vuc}.",
    "Chỉ đạo giải quyết {n:40-180} hồ sơ, công việc thuộc lĩnh vực {linh_vuc} theo đúng quy trình, bảo đảm chất lượng.",
    "Trực tiếp chủ trì {n:3-9} đợt kiểm tra, hướng dẫn nghiệp vụ tại cơ sở; kịp thời chấn chỉnh những tồn tại được phát hiện.",
    "Chủ trì xây dựng kế hoạch công tác năm {nam} của {don_vi}, phân công rõ người, rõ việc, rõ thời hạn, rõ kết quả.",
    "Tham mưu tổ chức {n:2-5} hội nghị tập huấn về {linh_vuc} cho cán bộ cấp xã với trên {n:120-300} lượt người tham dự.",
    "Chỉ đạo đẩy mạnh chuyển đổi số, đưa {n:3-8} quy trình giải quyết công việc về {linh_vuc} lên môi trường mạng.",
    "Tham gia ý kiến vào {n:10-40} dự thảo văn bản của các sở, ngành về các nội dung liên quan đến {linh_vuc}.",
];

const NHIEM_VU: &[&str] = &[
    "Được phân công theo dõi một phần công việc thuộc lĩnh vực {linh_vuc}, trong năm bản thân đã trực tiếp giải quyết {n:20-90} hồ sơ, công việc được giao.",
    "Tham mưu dự thảo {n:5-25} văn bản về {linh_vuc} trình lãnh đạo {don_vi} xem xét, ban hành.",
    "Tham gia {n:2-8} đoàn kiểm tra, khảo sát tại cơ sở; tổng hợp báo cáo kết quả kiểm tra trung thực, khách quan.",
    "Phối hợp với đồng nghiệp xây dựng báo cáo định kỳ 6 tháng và năm {nam} của {don_vi}.",
    "Cập nhật đầy đủ dữ liệu về {linh_vuc} trên hệ thống phần mềm dùng chung của {co_quan}.",
    "Tích cực tự học nâng cao trình độ chuyên môn; tham gia đầy đủ các lớp bồi dưỡng nghiệp vụ do {co_quan} tổ chức.",
    "Tiếp nhận, hướng dẫn {n:30-150} lượt tổ chức, công dân đến liên hệ công việc đúng quy định.",
    "Ngoài ra, thực hiện các nhiệm vụ khác do lãnh đạo {don_vi} phân công.",
];

const NHIEM_VU_HUU_TRI: &[&str] = &[
    "Tích cực tham gia các hoạt động của tổ dân phố, Hội Cựu chiến binh, Hội Người cao tuổi nơi cư trú.",
    "Vận động gia đình và khu dân cư thực hiện tốt các phong trào thi đua của địa phương.",
    "Tham gia hòa giải {n:1-4} vụ việc mâu thuẫn ở khu dân cư, góp phần giữ gìn đoàn kết cộng đồng.",
    "Đóng góp ý kiến xây dựng Đảng, xây dựng chính quyền qua các đợt lấy ý kiến Nhân dân ở địa phương.",
    "Tham gia đầy đủ sinh hoạt chi bộ; hoàn thành nhiệm vụ chi bộ phân công về tuyên truyền, vận động Nhân dân nơi cư trú.",
];

const NHIEM_VU_DOANH_NGHIEP: &[&str] = &[
    "Hoàn thành tốt công việc tại {noi_lam}; tuyên truyền, vận động người lao động chấp hành chính sách, pháp luật.",
    "Tham gia đầy đủ sinh hoạt chi bộ; hoàn thành nhiệm vụ chi bộ phân công về tuyên truyền an toàn lao động trong doanh nghiệp.",
    "Tích cực tham gia các hoạt động xã hội, từ thiện do chi bộ và địa phương phát động.",
    "Gương mẫu thực hiện nghĩa vụ nộp thuế, bảo hiểm xã hội cho người lao động theo quy định.",
];

const XUAT_SAC_THEM: &[&str] = &[
    "Sáng kiến \"{Số hóa quy trình tiếp nhận hồ sơ|Bảng theo dõi tiến độ nhiệm vụ dùng chung|Quy trình kiểm tra hồ sơ theo bảng kiểm|Cẩm nang hướng dẫn nghiệp vụ cho cán bộ cơ sở}\" do bản thân chủ trì được Hội đồng sáng kiến cấp cơ sở công nhận và áp dụng.",
    "Được {Giám đốc|lãnh đạo} {co_quan} tặng Giấy khen vì thành tích xuất sắc trong thực hiện nhiệm vụ năm {nam}.",
    "Nhiều nhiệm vụ hoàn thành trước thời hạn, được lãnh đạo {co_quan} ghi nhận, đánh giá cao.",
];

const LANH_DAO_QUAN_LY: &[&str] = &[
    "Trên cương vị {chuc_vu}, bản thân quản lý, phân công, đôn đốc {n:4-15} công chức, viên chức; tập thể hoàn thành tốt các chỉ tiêu công tác năm {nam}.",
    "Duy trì giao ban hằng tuần, kịp thời tháo gỡ vướng mắc trong thực hiện nhiệm vụ; nội bộ đoàn kết, thống nhất.",
    "Không có công chức, viên chức thuộc quyền quản lý vi phạm kỷ luật.",
    "Thực hiện nghiêm quy chế dân chủ ở cơ sở; công khai các tiêu chí đánh giá, phân loại công chức, viên chức hằng tháng.",
    "Quan tâm bồi dưỡng, tạo điều kiện cho công chức, viên chức trẻ học tập nâng cao trình độ; giới thiệu quần chúng ưu tú để chi bộ xem xét, bồi dưỡng kết nạp.",
];

const TRACH_NHIEM: &[&str] = &[
    "Có tinh thần trách nhiệm cao, dám nghĩ, dám làm, dám chịu trách nhiệm trước lãnh đạo {co_quan} về kết quả công tác được giao.",
    "Chủ động đề xuất cải tiến quy trình giải quyết công việc về {linh_vuc}, rút ngắn thời gian xử lý từ {n:15-20} xuống còn {n:7-12} ngày làm việc.",
    "Không né tránh, đùn đẩy những việc khó, phức tạp; trực tiếp xử lý các vụ việc có vướng mắc, kịp thời báo cáo, đề xuất hướng giải quyết.",
    "Trong chỉ đạo, điều hành luôn đặt lợi ích chung lên trên lợi ích cá nhân; nói đi đôi với làm.",
    "Quan tâm kiểm soát quyền lực, phòng, chống tiêu cực trong phạm vi phụ trách; công khai quy trình, thời hạn giải quyết công việc.",
    "Tích cực ứng dụng công nghệ thông tin, thúc đẩy chuyển đổi số trong hoạt động của {don_vi}.",
];

const NEU_GUONG: &[&str] = &[
    "Gương mẫu thực hiện trách nhiệm nêu gương theo quy định của Trung ương; kê khai tài sản, thu nhập trung thực, đầy đủ, đúng thời hạn.",
    "Không để người thân, người quen lợi dụng chức vụ, quyền hạn của mình để trục lợi; kiên quyết từ chối mọi hình thức quà biếu liên quan đến việc giải quyết công việc.",
    "Lãnh đạo thực hiện nghiêm công tác phòng, chống tham nhũng, lãng phí, tiêu cực trong phạm vi phụ trách; thực hành tiết kiệm trong sử dụng kinh phí, tài sản công.",
    "Được đảng viên, công chức, viên chức tin tưởng, tín nhiệm; thường xuyên lắng nghe, nắm bắt tâm tư, nguyện vọng của người lao động.",
    "Gia đình gương mẫu chấp hành các quy định của địa phương nơi cư trú; {vo_chong} và các con không kinh doanh trong lĩnh vực bản thân phụ trách.",
    "Giữ mối liên hệ thường xuyên với chi ủy và Nhân dân nơi cư trú; thực hiện nghiêm việc đăng ký và báo cáo kết quả thực hiện nêu gương.",
];

const CAM_KET: &[&str] = &[
    "Thực hiện đầy đủ, nghiêm túc các nội dung đã đăng ký trong bản cam kết tu dưỡng, rèn luyện, phấn đấu năm {nam}.",
    "Đã thực hiện tốt các nội dung cam kết tu dưỡng, rèn luyện, phấn đấu năm {nam}; hoàn thành các chỉ tiêu chuyên môn đã đăng ký.",
    "Thực hiện đầy đủ bản cam kết năm {nam}, trong đó hoàn thành chương trình bồi dưỡng {lý luận chính trị trung cấp|kiến thức quản lý nhà nước ngạch chuyên viên chính|kỹ năng chuyển đổi số|ngoại ngữ} theo kế hoạch đã đăng ký.",
];

const CAM_KET_CHUA_DU: &[&str] = &[
    "Thực hiện cơ bản các nội dung cam kết năm {nam}; còn nội dung về tự học nâng cao trình độ chưa hoàn thành đúng thời hạn.",
    "Thực hiện được phần lớn các nội dung đã cam kết năm {nam}; việc hoàn thành nhiệm vụ đúng tiến độ chưa đạt như đăng ký.",
];

const CAM_KET_NGOAI: &[&str] = &[
    "Thực hiện đầy đủ các nội dung cam kết năm {nam}; gương mẫu chấp hành quy định nơi cư trú.",
    "Thực hiện tốt các nội dung đã cam kết tu dưỡng, rèn luyện năm {nam}, tham gia đầy đủ sinh hoạt chi bộ.",
];

// Shortcomings, each with its cause.

const HAN_CHE: &[(&str, &str)] = &[
    (
        "Có lúc chưa dành nhiều thời gian nghiên cứu các văn bản mới về {linh_vuc}.",
        "Bản thân chưa sắp xếp thời gian hợp lý cho việc tự học, tự nghiên cứu.",
    ),
    (
        "Việc đóng góp ý kiến trong sinh hoạt chi bộ có lúc chưa sâu.",
        "Chưa thật sự chủ động nghiên cứu tài liệu trước khi sinh hoạt.",
    ),
    (
        "Kỹ năng sử dụng phần mềm chuyên ngành mới triển khai còn hạn chế.",
        "Phần mềm mới đưa vào sử dụng, bản thân chưa dành nhiều thời gian tìm hiểu.",
    ),
    (
        "Có thời điểm tổng hợp, báo cáo kết quả công việc gửi lãnh đạo chưa kịp thời.",
        "Thời gian đi công tác cơ sở nhiều nên việc tổng hợp có lúc chậm.",
    ),
    (
        "Việc tự học ngoại ngữ chưa thường xuyên.",
        "Bản thân chưa xây dựng kế hoạch tự học cụ thể.",
    ),
];

const HAN_CHE_LANH_DAO: &[(&str, &str)] = &[
    (
        "Có lúc còn trực tiếp xử lý công việc thay cho cấp dưới, chưa mạnh dạn giao việc.",
        "Bản thân có lúc còn nể nang, ngại giao việc khó cho công chức, viên chức trẻ.",
    ),
    (
        "Việc kiểm tra, đôn đốc tiến độ ở một số nhiệm vụ có lúc chưa thường xuyên.",
        "Khối lượng công việc lớn, nhiều nhiệm vụ phát sinh đột xuất.",
    ),
    (
        "Việc sơ kết, nhân rộng cách làm hay trong {don_vi} có lúc còn chậm.",
        "Bản thân chưa dành đủ thời gian cho công tác tổng kết, rút kinh nghiệm.",
    ),
];

const HAN_CHE_CHUA_DU: &[(&str, &str)] = &[
    (
        "Chất lượng tham mưu một số văn bản chưa cao, phải chỉnh sửa nhiều lần.",
        "Năng lực nghiên cứu, tổng hợp còn hạn chế.",
    ),
    (
        "Ý thức chấp hành giờ giấc làm việc có lúc chưa nghiêm.",
        "Bản thân chưa tự giác, chưa nghiêm khắc với chính mình.",
    ),
    (
        "Chưa tích cực tham gia ý kiến trong sinh hoạt chi bộ.",
        "Còn tâm lý e ngại, chưa chủ động nghiên cứu tài liệu trước khi sinh hoạt.",
    ),
    (
        "Có lúc chưa chủ động báo cáo khi gặp vướng mắc trong giải quyết công việc.",
        "Kinh nghiệm xử lý các việc phức tạp còn ít.",
    ),
];

const HAN_CHE_HUU_TRI: &[(&str, &str)] = &[
    (
        "Do điều kiện sức khỏe, có buổi sinh hoạt chi bộ chưa tham gia đầy đủ.",
        "Tuổi cao, sức khỏe có lúc chưa bảo đảm.",
    ),
    (
        "Việc tham gia các hoạt động của khu dân cư có lúc chưa thường xuyên.",
        "Bản thân chưa sắp xếp thời gian hợp lý.",
    ),
    (
        "Việc cập nhật các văn bản mới của Đảng có lúc chưa kịp thời.",
        "Bản thân chưa chủ động tìm hiểu tài liệu qua các kênh thông tin điện tử.",
    ),
];

const HAN_CHE_DOANH_NGHIEP: &[(&str, &str)] = &[
    (
        "Do tính chất công việc ở doanh nghiệp, có buổi sinh hoạt chi bộ phải xin vắng.",
        "Thời gian làm việc tại doanh nghiệp không cố định, nhiều chuyến công tác xa.",
    ),
    (
        "Việc nghiên cứu, học tập nghị quyết có lúc chưa sâu.",
        "Bản thân chưa sắp xếp thời gian hợp lý cho việc tự học.",
    ),
];

/// Shortcomings of an earlier review, to fit in "về …".
const HAN_CHE_CU: &[&str] = &[
    "việc chậm cập nhật dữ liệu chuyên ngành",
    "việc đóng góp ý kiến trong sinh hoạt chi bộ chưa nhiều",
    "việc tổng hợp báo cáo có lúc chậm",
    "kỹ năng ứng dụng công nghệ thông tin còn hạn chế",
    "việc nghiên cứu văn bản mới chưa thường xuyên",
];

/// Shortcomings of an earlier review of a member outside the political system.
const HAN_CHE_CU_NGOAI: &[&str] = &[
    "việc tham gia sinh hoạt chi bộ chưa đầy đủ",
    "việc nghiên cứu, học tập nghị quyết chưa sâu",
    "việc đóng góp ý kiến trong sinh hoạt chi bộ chưa nhiều",
];

const GIAI_TRINH_TAP_THE: &[&str] = &[
    "Không có vấn đề được gợi ý kiểm điểm.",
    "Không có.",
    "Tập thể {cap_uy} không được cấp trên gợi ý kiểm điểm vấn đề nào.",
];

const GIAI_TRINH: &[&str] = &[
    "Không có vấn đề được gợi ý kiểm điểm.",
    "Không có.",
    "Bản thân không được gợi ý kiểm điểm vấn đề nào.",
    "Không có vấn đề nào được cấp có thẩm quyền gợi ý kiểm điểm.",
];

const PHUONG_HUONG: &[&str] = &[
    "Tiếp tục tu dưỡng, rèn luyện phẩm chất chính trị, đạo đức, lối sống; nâng cao năng lực chuyên môn, nghiệp vụ.",
    "Năm {nam_sau}, phấn đấu hoàn thành 100% nhiệm vụ được giao đúng hoặc trước thời hạn.",
    "Chủ động nghiên cứu tài liệu, tham gia ý kiến tích cực trong sinh hoạt chi bộ.",
    "Tham gia lớp bồi dưỡng {phần mềm chuyên ngành|kỹ năng chuyển đổi số|nghiệp vụ chuyên ngành} trong quý {I|II} năm {nam_sau}.",
    "Khắc phục dứt điểm những hạn chế đã nêu trong bản kiểm điểm trước ngày 30/6/{nam_sau}.",
];

const PHUONG_HUONG_LANH_DAO: &[&str] = &[
    "Tăng cường kiểm tra, đôn đốc tiến độ thực hiện nhiệm vụ của {don_vi}; mạnh dạn giao việc gắn với kiểm tra kết quả.",
    "Chỉ đạo hoàn thành số hóa hồ sơ về {linh_vuc} trong năm {nam_sau}.",
];

const PHUONG_HUONG_NGOAI: &[&str] = &[
    "Tiếp tục giữ gìn phẩm chất chính trị, đạo đức, lối sống; tham gia đầy đủ sinh hoạt chi bộ.",
    "Sắp xếp thời gian hợp lý, tích cực tham gia các hoạt động ở nơi cư trú trong năm {nam_sau}.",
    "Thường xuyên cập nhật các văn bản mới của Đảng qua các nền tảng số.",
];

/// The areas of work a chi ủy viên takes charge of.
const MANG_CHI_UY: &[&str] = &[
    "kiểm tra, giám sát",
    "tổ chức",
    "tuyên giáo",
    "dân vận",
    "công tác đoàn thể",
];

const DOAN_THE: &[&str] = &[
    "Chủ tịch Công đoàn bộ phận",
    "Ủy viên Ban Chấp hành Công đoàn cơ sở",
    "Tổ trưởng Công đoàn",
    "Ủy viên Ban Thanh tra nhân dân",
    "Chi hội trưởng Chi hội Cựu chiến binh cơ quan",
];

// --------------------------------------------------------------------------- the collective

const NGUYEN_TAC: &[&str] = &[
    "Chi bộ duy trì nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; sinh hoạt định kỳ hằng tháng đúng quy định.",
    "Nội dung sinh hoạt chi bộ gắn với nhiệm vụ chính trị của {don_vi}; tổ chức {n:2-4} kỳ sinh hoạt chuyên đề theo hướng dẫn của cấp trên.",
    "Quy chế làm việc của {cap_uy} được rà soát, sửa đổi, bổ sung phù hợp với chức năng, nhiệm vụ của {don_vi}.",
    "Các chủ trương, nghị quyết của chi bộ đều được thảo luận dân chủ, biểu quyết theo đa số.",
    "Đảng viên chấp hành nghiêm sự phân công của tổ chức; không có biểu hiện cục bộ, bè phái.",
];

const KET_QUA: &[&str] = &[
    "Đã tham mưu ban hành {n:5-20} văn bản về {linh_vuc}; giải quyết {n:80-400} hồ sơ, công việc, không có hồ sơ quá hạn.",
    "Tổ chức {n:4-15} đợt kiểm tra tại cơ sở, kiến nghị khắc phục {n:20-120} tồn tại, hạn chế.",
    "Đẩy mạnh chuyển đổi số; {n:85-99}% hồ sơ công việc được xử lý trên môi trường mạng.",
    "Phối hợp tốt với các đơn vị trong và ngoài {co_quan} thực hiện các nhiệm vụ phát sinh, đột xuất.",
];

const XAY_DUNG_DANG: &[&str] = &[
    "Chi bộ tổ chức học tập, quán triệt đầy đủ các nghị quyết, chỉ thị của Đảng cho 100% đảng viên.",
    "Thực hiện tốt công tác kiểm tra, giám sát theo chương trình năm; giám sát chuyên đề {n:2-4} đảng viên, không phát hiện vi phạm.",
    "Không có đảng viên vi phạm kỷ luật, không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\".",
    "Đảng viên thực hiện nghiêm trách nhiệm nêu gương, kê khai tài sản, thu nhập đúng quy định.",
    "Công tác phòng, chống tham nhũng, lãng phí, tiêu cực được quan tâm; công khai, minh bạch trong quản lý tài chính, tài sản.",
];

const TRACH_NHIEM_LANH_DAO: &[&str] = &[
    "{Cap_uy} lãnh đạo thực hiện nghiêm các chủ trương, nghị quyết của cấp trên; cụ thể hóa thành chương trình, kế hoạch sát với nhiệm vụ của {don_vi}.",
    "Phân công rõ người, rõ việc, rõ thời hạn, rõ kết quả; định kỳ kiểm tra, đôn đốc việc thực hiện.",
    "Lãnh đạo đẩy mạnh cải cách hành chính, chuyển đổi số trong lĩnh vực {linh_vuc}.",
    "Phối hợp chặt chẽ với các đoàn thể trong cơ quan thực hiện tốt quy chế dân chủ ở cơ sở.",
];

/// The collective's shortcomings: the sentence, and the phrase the members' reviews take up.
const HAN_CHE_TAP_THE: &[(&str, &str)] = &[
    (
        "Việc ứng dụng phần mềm quản lý hồ sơ còn chậm so với kế hoạch.",
        "việc ứng dụng phần mềm quản lý hồ sơ",
    ),
    (
        "Một số buổi sinh hoạt chuyên đề chưa thu hút nhiều ý kiến của đảng viên.",
        "chất lượng sinh hoạt chuyên đề",
    ),
    (
        "Công tác kiểm tra sau khi giải quyết hồ sơ có lúc chưa thường xuyên.",
        "công tác kiểm tra sau giải quyết hồ sơ",
    ),
    (
        "Việc tổng hợp, báo cáo định kỳ gửi cấp trên có lúc còn chậm.",
        "việc tổng hợp, báo cáo định kỳ",
    ),
    (
        "Công tác tuyên truyền về {linh_vuc} trên cổng thông tin điện tử chưa thường xuyên.",
        "công tác tuyên truyền",
    ),
    (
        "Việc số hóa hồ sơ lưu trữ mới đạt {n:60-85}% kế hoạch.",
        "việc số hóa hồ sơ lưu trữ",
    ),
];

const NGUYEN_NHAN_TAP_THE: &[&str] = &[
    "Khối lượng công việc tăng, nhiều nhiệm vụ phát sinh đột xuất; biên chế còn thiếu so với yêu cầu.",
    "Một số đảng viên chưa chủ động nghiên cứu tài liệu trước khi sinh hoạt.",
    "{Cap_uy} chưa dành nhiều thời gian kiểm tra, đôn đốc việc thực hiện một số nhiệm vụ.",
    "Hạ tầng công nghệ thông tin chưa đồng bộ.",
];

const KHAC_PHUC_TAP_THE: &[&str] = &[
    "Hạn chế được chỉ ra năm {nam_truoc} về việc chậm cập nhật cơ sở dữ liệu đã được khắc phục: 100% hồ sơ trong năm được cập nhật trên hệ thống.",
    "Hạn chế năm {nam_truoc} về phân công nhiệm vụ chưa đồng đều đã được khắc phục; {don_vi} đã ban hành bảng phân công nhiệm vụ theo từng lĩnh vực.",
    "Các hạn chế, khuyết điểm được chỉ ra tại kỳ kiểm điểm năm {nam_truoc} đều đã được khắc phục, được Đảng ủy {co_quan} ghi nhận.",
];

const PHUONG_HUONG_TAP_THE: &[&str] = &[
    "Năm {nam_sau}, tập trung khắc phục hạn chế về {han_che_tap_the}; phấn đấu hoàn thành 100% nhiệm vụ được giao.",
    "Đổi mới nội dung sinh hoạt chuyên đề, giao trước chủ đề cho từng đảng viên chuẩn bị ý kiến.",
    "Tăng cường công tác kiểm tra, giám sát; nâng cao chất lượng đánh giá, xếp loại đảng viên gắn với kết quả thực hiện nhiệm vụ.",
    "Đẩy mạnh chuyển đổi số trong lĩnh vực {linh_vuc}, hoàn thành số hóa hồ sơ trong năm {nam_sau}.",
];

// -------------------------------------------------------------------------------- the meeting

const Y_KIEN_PHO_BI_THU: &[&str] = &[
    "Nhất trí với báo cáo; đề nghị bổ sung kết quả công tác chuyển đổi số và làm rõ nguyên nhân của hạn chế về {han_che_tap_the}.",
    "Điều hành phần kiểm điểm của đồng chí Bí thư; tổng hợp ý kiến góp ý của đảng viên đối với tập thể {cap_uy}.",
    "Nhất trí với các nội dung báo cáo; đề nghị {cap_uy} xây dựng kế hoạch khắc phục hạn chế với thời hạn cụ thể.",
];

const Y_KIEN_DANG_VIEN: &[&str] = &[
    "Đề nghị {cap_uy} giao chủ đề sinh hoạt chuyên đề trước một tuần để đảng viên chuẩn bị ý kiến.",
    "Nhất trí với báo cáo; đề nghị quan tâm hơn đến việc bồi dưỡng nghiệp vụ cho công chức, viên chức trẻ.",
    "Góp ý đồng chí Bí thư cần dành thêm thời gian kiểm tra tiến độ các nhiệm vụ chuyển đổi số.",
    "Đề nghị chi bộ kiến nghị {co_quan} bổ sung trang thiết bị phục vụ công tác {linh_vuc}.",
    "Nhất trí với đánh giá của tập thể; đề nghị biểu dương kịp thời các đảng viên có sáng kiến trong công tác.",
];

const LY_DO_VANG: &[&str] = &[
    "Đi công tác tại cơ sở theo quyết định của {co_quan}",
    "Nghỉ ốm, có đơn xin phép gửi {cap_uy}",
    "Đi học lớp bồi dưỡng {lý luận chính trị|quản lý nhà nước} theo quyết định cử đi học",
    "Có việc gia đình đột xuất, đã báo cáo đồng chí Bí thư chi bộ",
];

const CHUC_VU_KHACH: &[&str] = &[
    "Đảng ủy viên phụ trách chi bộ",
    "Phó Bí thư Đảng ủy {co_quan}",
    "Đảng ủy viên, Phó Chánh Văn phòng Đảng ủy {co_quan}",
    "Ủy viên Ủy ban Kiểm tra Đảng ủy {co_quan}",
];

const KET_LUAN_XUAT_SAC: &[&str] = &[
    "Đồng chí hoàn thành xuất sắc nhiệm vụ, nhiều nhiệm vụ vượt tiến độ; cần tiếp tục phát huy vai trò nêu gương.",
    "Đồng chí gương mẫu, trách nhiệm cao, có nhiều đóng góp cho kết quả chung của {don_vi}; đề nghị tiếp tục phát huy.",
];

const KET_LUAN_TOT: &[&str] = &[
    "Đồng chí hoàn thành tốt nhiệm vụ được giao; cần chủ động hơn trong nghiên cứu, đề xuất giải pháp.",
    "Đồng chí có ý thức trách nhiệm, hoàn thành tốt nhiệm vụ được giao.",
    "Đồng chí hoàn thành tốt nhiệm vụ; cần tiếp tục khắc phục hạn chế đã nêu trong bản kiểm điểm.",
    "Đồng chí chấp hành tốt sự phân công của tổ chức, hoàn thành tốt nhiệm vụ; cần tích cực hơn trong sinh hoạt chi bộ.",
];

const KET_LUAN_HOAN_THANH: &[&str] = &[
    "Đồng chí hoàn thành nhiệm vụ; cần khắc phục tình trạng chậm tiến độ trong giải quyết công việc.",
    "Đồng chí hoàn thành nhiệm vụ được giao; đề nghị khắc phục các hạn chế đã nêu trong bản kiểm điểm.",
];

const KET_LUAN_NGOAI: &[&str] = &[
    "Đồng chí gương mẫu ở nơi cư trú, tham gia sinh hoạt chi bộ đầy đủ.",
    "Đồng chí hoàn thành nhiệm vụ chi bộ phân công; giữ mối liên hệ tốt với chi bộ và nơi cư trú.",
];

/// The 2023 forms' comments of the head of the agency, per level.
const NHAN_XET_THU_TRUONG: [&str; 3] = [
    "Đồng chí có năng lực chuyên môn vững, nhiều nhiệm vụ hoàn thành vượt tiến độ; hoàn thành xuất sắc nhiệm vụ được giao.",
    "Đồng chí tận tụy, có trách nhiệm, tham mưu kịp thời; hoàn thành tốt các nhiệm vụ được giao.",
    "Đồng chí hoàn thành nhiệm vụ được giao; cần khắc phục việc chậm tiến độ ở một số công việc.",
];

/// The 2023 forms' comments of the chi ủy, per level.
const NHAN_XET_CHI_UY: [&str; 3] = [
    "Đồng chí có bản lĩnh chính trị vững vàng, gương mẫu, trách nhiệm cao; hoàn thành xuất sắc nhiệm vụ đảng viên.",
    "Đồng chí chấp hành tốt chủ trương, đường lối của Đảng; đạo đức, lối sống trong sáng; hoàn thành tốt nhiệm vụ.",
    "Đồng chí chấp hành chủ trương, đường lối của Đảng; cần khắc phục những hạn chế đã nêu trong bản kiểm điểm.",
];

// ------------------------------------------------------------------------- the registrations

const NEU_GUONG_DANG_KY: &[&str] = &[
    "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước; nói đi đôi với làm.",
    "Giữ gìn phẩm chất đạo đức, lối sống; kê khai tài sản, thu nhập trung thực, đúng hạn.",
    "Chủ động nhận trách nhiệm về hạn chế của {don_vi}; không né tránh việc khó.",
    "Giữ mối liên hệ thường xuyên với chi ủy và Nhân dân nơi cư trú.",
    "Gương mẫu thực hiện nội quy, quy chế của cơ quan; đi đầu trong chuyển đổi số.",
    "Thực hành tiết kiệm, chống lãng phí trong sử dụng tài sản công, thời gian làm việc.",
    "Không để người thân, người quen lợi dụng chức vụ, quyền hạn của bản thân để trục lợi.",
    "Tích cực tự học, nâng cao trình độ chuyên môn, lý luận chính trị.",
];

/// Breakthrough tasks: name, content, target.
const DOT_PHA: &[(&str, &str, &str)] = &[
    (
        "Số hóa toàn bộ hồ sơ về {linh_vuc}",
        "Chuẩn hóa danh mục hồ sơ; quét và nhập liệu hồ sơ lưu trữ; kết nối với cơ sở dữ liệu dùng chung của {co_quan}.",
        "100% hồ sơ được tra cứu trực tuyến",
    ),
    (
        "Rút ngắn thời gian giải quyết công việc về {linh_vuc}",
        "Rà soát quy trình nội bộ, cắt giảm bước trung gian, áp dụng ký số trong toàn {don_vi}.",
        "Rút ngắn ít nhất {n:20-40}% thời gian giải quyết",
    ),
    (
        "Bộ tài liệu hướng dẫn nghiệp vụ về {linh_vuc}",
        "Tổng hợp quy định hiện hành, câu hỏi thường gặp; đăng tải trên cổng thông tin của {co_quan}.",
        "01 bộ tài liệu được ban hành",
    ),
    (
        "Trợ lý ảo tra cứu văn bản",
        "Thí điểm trợ lý ảo tra cứu quy định về {linh_vuc} cho công chức, viên chức của {don_vi}.",
        "{n:70-90}% công chức, viên chức sử dụng thường xuyên",
    ),
    (
        "Đổi mới nội dung sinh hoạt chuyên đề",
        "Giao chủ đề trước cho từng đảng viên; mời chuyên gia trao đổi về các vấn đề mới của {linh_vuc}.",
        "04 kỳ sinh hoạt chuyên đề có chất lượng",
    ),
    (
        "Bảng theo dõi tiến độ nhiệm vụ trực tuyến",
        "Xây dựng bảng theo dõi dùng chung, cập nhật tiến độ hằng tuần, cảnh báo nhiệm vụ sắp đến hạn.",
        "Không có nhiệm vụ chậm tiến độ",
    ),
];

/// Tasks of the 2025 annex: name and product.
const PHU_LUC: &[(&str, &str)] = &[
    (
        "Tham mưu văn bản hướng dẫn về {linh_vuc}",
        "{n:2-6} văn bản được ban hành",
    ),
    (
        "Kiểm tra, hướng dẫn nghiệp vụ tại cơ sở",
        "{n:4-12} thông báo kết quả kiểm tra",
    ),
    (
        "Giải quyết hồ sơ, công việc thuộc lĩnh vực phụ trách",
        "{n:40-200} hồ sơ được giải quyết",
    ),
    (
        "Xây dựng báo cáo sơ kết 6 tháng năm {nam}",
        "Báo cáo trình lãnh đạo {co_quan}",
    ),
    (
        "Chuyển đổi số trong {don_vi}",
        "{n:3-8} quy trình thực hiện trên môi trường mạng",
    ),
    (
        "Tập huấn nghiệp vụ cho cán bộ cơ sở",
        "{n:2-5} lớp tập huấn, {n:120-300} lượt người tham dự",
    ),
];

const TEN_CONG_TY: &[&str] = &[
    "Công ty TNHH Tư vấn kỹ thuật An Phát",
    "Công ty TNHH Thương mại và Dịch vụ Minh Khang",
    "Công ty cổ phần Công nghệ Hưng Thịnh",
    "Công ty TNHH Thành Đạt",
    "Công ty cổ phần Đầu tư Phúc Lộc",
    "Công ty TNHH Giải pháp phần mềm Việt Tiến",
];

// ------------------------------------------------------------------------------------ the model

/// A quality level; the generator gives no "Không hoàn thành nhiệm vụ". Better levels sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Excellent,
    Good,
    Completed,
}

impl Level {
    /// The YAML key.
    fn key(self) -> &'static str {
        ["hoan_thanh_xuat_sac", "hoan_thanh_tot", "hoan_thanh"][self.index()]
    }

    /// As printed.
    fn label(self) -> &'static str {
        [
            "Hoàn thành xuất sắc nhiệm vụ",
            "Hoàn thành tốt nhiệm vụ",
            "Hoàn thành nhiệm vụ",
        ][self.index()]
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Why a member files Mẫu 2C.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outside {
    Retired,
    Business,
}

/// Which personal form a member files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A leadership or management post: Mẫu 2A (2025), 02B (2023).
    Leader,
    /// Mẫu 2B (2025), 02A (2023).
    Staff,
    /// Outside the political system: Mẫu 2C (2025 only).
    Outside(Outside),
}

/// A member's post in the chi bộ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Secretary,
    Deputy,
    Committee,
    Member,
}

/// A calendar date; days stop at 28 so that every date exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day {
    year: i32,
    month: u32,
    day: u32,
}

impl Day {
    fn new(year: i32, month: u32, day: u32) -> Day {
        Day { year, month, day }
    }

    /// "15/12/2026", as speeches write it.
    fn short(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

impl Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Shares of the year's tasks (`ket_qua_nhiem_vu`), in per cent.
#[derive(Debug, Clone, Copy)]
struct Results {
    beyond: u8,
    late: u8,
    fixed: Option<u8>,
}

/// The results a level needs (Quy định 366-QĐ/TW, Điều 11): everything done; for "xuất sắc" at
/// least 30% beyond, nothing late and every earlier shortcoming fixed; for "tốt" nothing late;
/// for "hoàn thành" at most 20% late.
fn results_for(level: Level, rng: &mut Rng) -> Results {
    match level {
        Level::Excellent => Results {
            beyond: rng.u8(30..=50),
            late: 0,
            fixed: chance(rng, 70).then_some(100),
        },
        Level::Good => Results {
            beyond: if chance(rng, 30) { 0 } else { rng.u8(5..=29) },
            late: 0,
            fixed: chance(rng, 50).then_some(100),
        },
        Level::Completed => Results {
            beyond: 0,
            late: rng.u8(1..=4) * 5,
            fixed: chance(rng, 50).then(|| rng.u8(14..=20) * 5),
        },
    }
}

/// Points of the 2025 review, in tenths: the general group (of 30) and the tasks group (of 70).
#[derive(Debug, Clone, Copy)]
struct Points {
    general: u32,
    tasks: u32,
}

impl Points {
    fn total(self) -> u32 {
        self.general + self.tasks
    }
}

/// Points in tenths as a speech says them: "89,5", "88".
fn points_vi(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

/// Points in tenths as the data writes them: `27` or `"27,5"`.
fn points_yaml(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        points_vi(tenths)
    } else {
        format!("\"{}\"", points_vi(tenths))
    }
}

/// Points in the band of `level`: from 90, 70 to under 90, 50 to under 70 (Điều 11).
fn points_for(level: Level, rng: &mut Rng) -> Points {
    let step = if chance(rng, 70) { 10 } else { 5 };
    let (low, high) = match level {
        Level::Excellent => (900, 975),
        Level::Good if chance(rng, 80) => (760, 895),
        Level::Good => (700, 755),
        Level::Completed => (560, 695),
    };
    let total = rng.u32(low / step..=high / step) * step;
    let general_step = if chance(rng, 75) { 10 } else { 5 };
    let general = (total * 3 / 10 / general_step) * general_step;
    let jitter = rng.u32(0..=4) * general_step;
    let general = (general + jitter)
        .saturating_sub(2 * general_step)
        .min(300)
        .max(total.saturating_sub(700));
    Points {
        general,
        tasks: total - general,
    }
}

/// How many may be rated "xuất sắc" when `good` are rated "tốt": 20%, rounded down, and one
/// in a unit with fewer than five (src/rules/quota.rs).
fn excellent_allowed(good: usize) -> usize {
    let by_share = good * 20 / 100;
    if good < 5 { by_share.max(1) } else { by_share }
}

/// Votes for each level (best first) that adopt `level` among `voters`: the levels above it
/// have at most half, it and the levels above more than half.
fn votes_for(level: Level, voters: u32, rng: &mut Rng) -> [u32; 3] {
    let minority = voters / 5;
    let mut some = |most: u32| {
        if most > 0 && chance(rng, 45) {
            rng.u32(1..=most)
        } else {
            0
        }
    };
    let mut votes = [0; 3];
    let i = level.index();
    let above = if i > 0 {
        some(minority.min(voters / 2))
    } else {
        0
    };
    let below = if i < 2 {
        some(minority.min((voters - 1) / 2))
    } else {
        0
    };
    if i > 0 {
        votes[i - 1] = above;
    }
    if i < 2 {
        votes[i + 1] = below;
    }
    votes[i] = voters - above - below;
    votes
}

/// A member of a chi bộ, as generated.
struct Member {
    id: String,
    name: String,
    female: bool,
    born: Day,
    admitted: Day,
    probation: bool,
    form: Form,
    role: Role,
    party_post: String,
    government_post: Option<String>,
    union_post: Option<String>,
    workplace: String,
    /// The area of work of a chi ủy viên.
    area: Option<&'static str>,
    level: Level,
    points: Points,
    results: Results,
    write_results: bool,
    signed: Day,
    absent: Option<String>,
    /// The later sitting that rated a member away from the meeting: its day and voters.
    rated_later: Option<(Day, u32)>,
    /// The parts of the self-review: key and paragraphs.
    review: Vec<(&'static str, Vec<String>)>,
    /// 2023: the grade of each graded item.
    grades: Vec<(&'static str, &'static str)>,
    annex: Vec<[String; 4]>,
    pledges: Vec<String>,
    breakthroughs: Vec<[String; 4]>,
    votes: [u32; 3],
    conclusion: String,
    /// 2023: the head of the agency's and the chi ủy's comments.
    comments: Option<(String, String)>,
}

impl Member {
    fn is_leader(&self) -> bool {
        self.form == Form::Leader
    }
}

/// One speech of the minutes.
struct Speech {
    who: String,
    said: String,
}

/// One chi bộ, ready to be written.
struct Unit {
    number: usize,
    name: String,
    has_committee: bool,
    meeting: Day,
    report: Day,
    minutes_number: String,
    report_number: String,
    opened: String,
    closed: String,
    venue: String,
    secretary_of_meeting: usize,
    guest: Option<String>,
    secret_ballot: bool,
    speeches: Vec<Speech>,
    collective: Vec<(&'static str, Vec<String>)>,
    collective_level: Level,
    collective_points: Points,
    collective_results: Results,
    collective_votes: [u32; 3],
    collective_conclusion: String,
    recipients: Vec<String>,
    members: Vec<Member>,
}

/// What every chi bộ of the đảng bộ shares.
struct Setting {
    year: i32,
    /// The 2025 rules: points, Mẫu 2A/2B/2C, the annex.
    scored: bool,
    seed: u64,
    units: usize,
    agency: &'static Agency,
    place: &'static Place,
    /// The đảng ủy's deadline for every chi bộ's packet.
    deadline: Day,
    /// Members of the đảng ủy who attend some meetings: name and post.
    guests: Vec<(String, String)>,
}

impl Setting {
    /// "Đảng bộ Sở Y tế tỉnh Thanh Hóa".
    fn superior(&self) -> String {
        format!("Đảng bộ {} {}", self.agency.name, self.place.full)
    }
}

/// Which unit a chi bộ is, and how many members it has.
struct Plan {
    spec: &'static UnitSpec,
    /// 1 for the unit's first chi bộ; from 2 when the units ran out and a unit has several.
    round: usize,
    size: usize,
    large: bool,
}

// ------------------------------------------------------------------------------------ randomness

/// True `percent` times in a hundred.
fn chance(rng: &mut Rng, percent: u32) -> bool {
    rng.u32(0..100) < percent
}

/// One item of a non-empty bank.
fn pick<'a>(rng: &mut Rng, bank: &[&'a str]) -> &'a str {
    bank[rng.usize(..bank.len())]
}

/// From `low` to `high` items of `bank`, in the bank's order.
fn sample<T: Copy>(rng: &mut Rng, bank: &[T], low: usize, high: usize) -> Vec<T> {
    let count = rng.usize(low..=high).min(bank.len());
    let mut chosen = rng.choose_multiple(0..bank.len(), count);
    chosen.sort_unstable();
    chosen.into_iter().map(|i| bank[i]).collect()
}

/// One item by weight.
fn weighted<'a>(rng: &mut Rng, items: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut at = rng.u32(0..total);
    for (item, weight) in items {
        if at < *weight {
            return item;
        }
        at -= weight;
    }
    items[items.len() - 1].0
}

/// `share` per cent of `n`, rounded up or down at random so that the mean is exact.
fn portion(n: usize, share: usize, rng: &mut Rng) -> usize {
    (n * share + rng.usize(0..100)) / 100
}

/// A 64-bit mix (splitmix64), to give each chi bộ its own stream from the seed.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

// ------------------------------------------------------------------------------------------ text

/// What the placeholders of a sentence stand for.
#[derive(Clone, Default)]
struct Ctx {
    year: i32,
    unit: String,
    agency: String,
    field: String,
    post: String,
    party_post: String,
    committee: &'static str,
    spouse: &'static str,
    workplace: String,
    beyond: u8,
    late: u8,
    fixed: u8,
    flaw: String,
}

impl Ctx {
    fn value(&self, token: &str, rng: &mut Rng) -> String {
        if let Some(range) = token.strip_prefix("n:") {
            let (low, high) = range.split_once('-').expect("{n:A-B}");
            let low: u32 = low.parse().expect("{n:A-B}");
            let high: u32 = high.parse().expect("{n:A-B}");
            return format!("{:02}", rng.u32(low..=high));
        }
        if token.contains('|') {
            let options: Vec<&str> = token.split('|').collect();
            return pick(rng, &options).to_string();
        }
        match token {
            "nam" => self.year.to_string(),
            "nam_truoc" => (self.year - 1).to_string(),
            "nam_sau" => (self.year + 1).to_string(),
            "don_vi" => self.unit.clone(),
            "co_quan" => self.agency.clone(),
            "linh_vuc" => self.field.clone(),
            "chuc_vu" => self.post.clone(),
            "chuc_vu_dang" => self.party_post.clone(),
            "cap_uy" => self.committee.to_string(),
            "Cap_uy" => capitalised(self.committee),
            "vo_chong" => self.spouse.to_string(),
            "noi_lam" => self.workplace.clone(),
            "vuot_muc" => self.beyond.to_string(),
            "cham_tien_do" => self.late.to_string(),
            "khac_phuc" => self.fixed.to_string(),
            "han_che_tap_the" => self.flaw.clone(),
            _ => panic!("unknown placeholder {{{token}}}"),
        }
    }

    /// `template` with its placeholders filled.
    fn fill(&self, template: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("a closed placeholder");
            out.push_str(&self.value(&rest[open + 1..close], rng));
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// From `low` to `high` sentences of `bank`, in the bank's order, filled.
    fn some(&self, bank: &[&str], low: usize, high: usize, rng: &mut Rng) -> Vec<String> {
        sample(rng, bank, low, high)
            .into_iter()
            .map(|sentence| self.fill(sentence, rng))
            .collect()
    }

    /// One sentence of `bank`, filled.
    fn one(&self, bank: &[&str], rng: &mut Rng) -> String {
        self.fill(pick(rng, bank), rng)
    }
}

/// "Chi ủy" from "chi ủy".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Sentences as paragraphs: one, or two when there are three or more and the dice say so.
fn paragraphs(sentences: Vec<String>, rng: &mut Rng) -> Vec<String> {
    if sentences.len() >= 3 && chance(rng, 50) {
        let cut = rng.usize(1..sentences.len());
        vec![sentences[..cut].join(" "), sentences[cut..].join(" ")]
    } else {
        vec![sentences.join(" ")]
    }
}

/// The id of a name: `nguyen-thi-thu-ha`.
fn slug(name: &str) -> String {
    deunicode::deunicode(name)
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

/// A full name: family, middle and given names, the middle name never the given one.
fn full_name(female: bool, rng: &mut Rng) -> String {
    let family = weighted(rng, FAMILY_NAMES);
    loop {
        let (middle, given) = if female {
            (weighted(rng, MIDDLE_WOMEN), pick(rng, GIVEN_WOMEN))
        } else {
            (weighted(rng, MIDDLE_MEN), pick(rng, GIVEN_MEN))
        };
        if !middle.ends_with(given) && family != given {
            return format!("{family} {middle} {given}");
        }
    }
}

// ------------------------------------------------------------------------------------ generation

/// Which unit each chi bộ is: large chi bộ get a trung tâm or ban, small ones a phòng; when the
/// agency runs out of units, a unit has a second chi bộ ("… số 2").
fn plans(setting: &Setting, sizes: &[usize], rng: &mut Rng) -> Vec<Plan> {
    let agency = setting.agency;
    let mut departments: Vec<&'static UnitSpec> = agency.departments.iter().collect();
    let mut centres: Vec<&'static UnitSpec> = agency.centres.iter().collect();
    rng.shuffle(&mut departments);
    rng.shuffle(&mut centres);
    let (mut small_taken, mut large_taken) = (0, 0);
    sizes
        .iter()
        .map(|&size| {
            let large = size > SMALL_UNIT;
            let (pool, taken) = if large {
                (&centres, &mut large_taken)
            } else {
                (&departments, &mut small_taken)
            };
            let spec = pool[*taken % pool.len()];
            let round = *taken / pool.len() + 1;
            *taken += 1;
            Plan {
                spec,
                round,
                size,
                large,
            }
        })
        .collect()
}

/// The leadership posts of a unit, head first, each with its workplace.
fn leader_posts(plan: &Plan, setting: &Setting, rng: &mut Rng) -> Vec<(String, String)> {
    let unit = plan.spec.name;
    let workplace = format!("{unit}, {} {}", setting.agency.name, setting.place.full);
    let mut posts = Vec::new();
    if plan.large {
        posts.push((format!("Giám đốc {unit}"), workplace.clone()));
        for _ in 0..rng.usize(2..=3) {
            posts.push((format!("Phó Giám đốc {unit}"), workplace.clone()));
        }
        let mut rooms = setting.agency.rooms.to_vec();
        rng.shuffle(&mut rooms);
        for head in ["Trưởng phòng", "Phó Trưởng phòng"] {
            for room in &rooms {
                posts.push((
                    format!("{head} {room}, {unit}"),
                    format!("Phòng {room}, {workplace}"),
                ));
            }
        }
    } else {
        let name = unit.strip_prefix("Phòng ").unwrap_or(unit);
        posts.push((format!("Trưởng phòng {name}"), workplace.clone()));
        for _ in 0..3 {
            posts.push((format!("Phó Trưởng phòng {name}"), workplace.clone()));
        }
    }
    if plan.round > 1 {
        // The head of the unit belongs to its first chi bộ.
        posts.remove(0);
    }
    posts
}

/// A day in the year `year - age`.
fn born_at(year: i32, ages: std::ops::RangeInclusive<i32>, rng: &mut Rng) -> Day {
    Day::new(year - rng.i32(ages), rng.u32(1..=12), rng.u32(1..=28))
}

/// Admitted between 20 and 35 years old, and at least thirteen months before December of `year`
/// so that probation is over by the meeting.
fn admitted_after(born: Day, year: i32, rng: &mut Rng) -> Day {
    let last = (born.year + 35).min(year - 1);
    let first = (born.year + 20).min(last);
    Day::new(rng.i32(first..=last), rng.u32(1..=11), rng.u32(1..=28))
}

/// A member with a name, dates, form and posts; levels and texts come later.
fn new_member(
    setting: &Setting,
    form: Form,
    post: Option<&(String, String)>,
    workplace: &str,
    rng: &mut Rng,
) -> Member {
    let year = setting.year;
    let female = chance(rng, if form == Form::Leader { 38 } else { 48 });
    let born = match form {
        Form::Leader if post.is_some_and(|(p, _)| !p.starts_with("Phó")) => {
            born_at(year, 38..=57, rng)
        }
        Form::Leader => born_at(year, 32..=56, rng),
        Form::Staff => born_at(year, 24..=58, rng),
        Form::Outside(Outside::Retired) => born_at(year, 62..=79, rng),
        Form::Outside(Outside::Business) => born_at(year, 27..=50, rng),
    };
    let admitted = admitted_after(born, year, rng);
    let union_post = match form {
        Form::Leader if chance(rng, 40) => Some(pick(rng, DOAN_THE).to_string()),
        Form::Staff if year - born.year < 32 && chance(rng, 15) => Some(
            pick(
                rng,
                &["Bí thư Chi đoàn cơ quan", "Ủy viên Ban Chấp hành Chi đoàn"],
            )
            .to_string(),
        ),
        _ => None,
    };
    let workplace = match form {
        Form::Leader => post.map_or_else(|| workplace.to_string(), |(_, w)| w.clone()),
        Form::Staff => workplace.to_string(),
        Form::Outside(Outside::Retired) => pick(
            rng,
            &[
                "Cán bộ hưu trí, sinh hoạt tại chi bộ",
                "Nghỉ hưu, sinh hoạt tại chi bộ",
            ],
        )
        .to_string(),
        Form::Outside(Outside::Business) => pick(rng, TEN_CONG_TY).to_string(),
    };
    Member {
        id: String::new(),
        name: full_name(female, rng),
        female,
        born,
        admitted,
        probation: false,
        form,
        role: Role::Member,
        party_post: "Đảng viên".to_string(),
        government_post: post.map(|(p, _)| p.clone()),
        union_post,
        workplace,
        area: None,
        level: Level::Good,
        points: Points {
            general: 0,
            tasks: 0,
        },
        results: Results {
            beyond: 0,
            late: 0,
            fixed: None,
        },
        write_results: false,
        signed: Day::new(year, 12, 1),
        absent: None,
        rated_later: None,
        review: Vec::new(),
        grades: Vec::new(),
        annex: Vec::new(),
        pledges: Vec::new(),
        breakthroughs: Vec::new(),
        votes: [0; 3],
        conclusion: String::new(),
        comments: None,
    }
}

/// The members of a chi bộ with their forms, roles and ids: leaders (head first), then staff,
/// then those outside the political system; one probationary member in some chi bộ.
fn members_of(setting: &Setting, plan: &Plan, rng: &mut Rng) -> (Vec<Member>, bool) {
    let n = plan.size;
    let posts = leader_posts(plan, setting, rng);
    let leaders = portion(n, 33, rng).clamp(1, posts.len().max(1)).min(n);
    let outside = if setting.scored {
        portion(n, 10, rng).min(n - leaders)
    } else {
        0
    };
    let staff = n - leaders - outside;
    let workplace = format!(
        "{}, {} {}",
        plan.spec.name, setting.agency.name, setting.place.full
    );
    let mut members: Vec<Member> = (0..n)
        .map(|k| {
            let form = if k < leaders {
                Form::Leader
            } else if k < leaders + staff {
                Form::Staff
            } else if chance(rng, 75) {
                Form::Outside(Outside::Retired)
            } else {
                Form::Outside(Outside::Business)
            };
            let post = posts.get(k).filter(|_| form == Form::Leader);
            new_member(setting, form, post, &workplace, rng)
        })
        .collect();
    members[0].role = Role::Secretary;
    let deputy = if leaders >= 2 || staff == 0 {
        1
    } else {
        leaders
    };
    members[deputy].role = Role::Deputy;
    if n >= 5 && chance(rng, 40) {
        let candidates: Vec<usize> = (0..n)
            .filter(|&k| {
                members[k].role == Role::Member
                    && matches!(
                        members[k].form,
                        Form::Staff | Form::Outside(Outside::Business)
                    )
            })
            .collect();
        if let Some(&k) = candidates.get(rng.usize(..candidates.len().max(1))) {
            let member = &mut members[k];
            member.probation = true;
            member.born = born_at(setting.year, 23..=33, rng);
            member.admitted = Day::new(setting.year, rng.u32(1..=5), rng.u32(1..=28));
            member.union_post = None;
        }
    }
    let full = members.iter().filter(|m| !m.probation).count();
    let has_committee = full >= 9;
    if has_committee {
        let seats = if n >= 20 { 3 } else { 1 };
        let mut candidates: Vec<usize> = (0..n)
            .filter(|&k| {
                let m = &members[k];
                m.role == Role::Member && !m.probation && !matches!(m.form, Form::Outside(_))
            })
            .collect();
        rng.shuffle(&mut candidates);
        for &k in candidates.iter().take(seats) {
            members[k].role = Role::Committee;
            members[k].area = Some(pick(rng, MANG_CHI_UY));
        }
    }
    for member in &mut members {
        member.party_post = match member.role {
            Role::Secretary => "Bí thư chi bộ",
            Role::Deputy => "Phó Bí thư chi bộ",
            Role::Committee => "Chi ủy viên",
            Role::Member if member.probation => "Đảng viên dự bị",
            Role::Member => "Đảng viên",
        }
        .to_string();
    }
    // The secretary and the deputy first, then the others form by form, as units list them.
    let rank = |m: &Member| match m.role {
        Role::Secretary => 0,
        Role::Deputy => 1,
        Role::Committee => 2,
        Role::Member => 3,
    };
    members.sort_by_key(|m| {
        let form = match m.form {
            Form::Leader => 0,
            Form::Staff => 1,
            Form::Outside(_) => 2,
        };
        (rank(m).min(2), form)
    });
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for member in &mut members {
        let base = slug(&member.name);
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        member.id = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
    }
    (members, has_committee)
}

/// The levels: most "tốt", some "hoàn thành", and "xuất sắc" within the quota; the secretary
/// never above the collective, and about one collective in seven "xuất sắc", so that the đảng bộ
/// keeps the quota across its chi bộ too. Returns the collective's level.
fn assign_levels(members: &mut [Member], rng: &mut Rng) -> Level {
    let collective = if chance(rng, 14) {
        Level::Excellent
    } else {
        Level::Good
    };
    for member in members.iter_mut() {
        let lower = match (member.role, member.form) {
            (Role::Secretary | Role::Deputy, _) => 0,
            _ if member.probation => 20,
            (_, Form::Leader) => 6,
            (_, Form::Staff) => 12,
            (_, Form::Outside(_)) => 15,
        };
        member.level = if chance(rng, lower) {
            Level::Completed
        } else {
            Level::Good
        };
    }
    let target = portion(members.len(), rng.usize(8..=18), rng);
    let mut candidates: Vec<(usize, usize)> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.level == Level::Good
                && !m.probation
                && !matches!(m.form, Form::Outside(_))
                && (m.role != Role::Secretary || collective == Level::Excellent)
        })
        .map(|(k, m)| (rng.usize(0..100) + if m.is_leader() { 0 } else { 40 }, k))
        .collect();
    candidates.sort_unstable();
    let mut good = members.iter().filter(|m| m.level == Level::Good).count();
    let mut excellent = 0;
    for (_, k) in candidates {
        if excellent < target && excellent < excellent_allowed(good - 1) {
            members[k].level = Level::Excellent;
            excellent += 1;
            good -= 1;
        }
    }
    collective
}

/// One chi bộ, complete.
fn generate(setting: &Setting, number: usize, plan: &Plan, rng: &mut Rng) -> Unit {
    let year = setting.year;
    let (mut members, has_committee) = members_of(setting, plan, rng);
    let collective_level = assign_levels(&mut members, rng);
    let name = match plan.round {
        1 => format!("Chi bộ {}", plan.spec.name),
        round => format!("Chi bộ {} số {round}", plan.spec.name),
    };
    let meeting = Day::new(year, 12, rng.u32(3..=setting.deadline.day - 2));
    let report = Day::new(year, 12, meeting.day.saturating_sub(rng.u32(2..=5)).max(1));

    // Who takes the minutes, and who is away.
    let committee_member = members.iter().position(|m| m.role == Role::Committee);
    let plain_full = members.iter().position(|m| {
        m.role == Role::Member && !m.probation && !matches!(m.form, Form::Outside(_))
    });
    let minute_taker = committee_member.or(plain_full).unwrap_or(1);
    if members.len() >= 5 && chance(rng, 40) {
        let away: Vec<usize> = (0..members.len())
            .filter(|&k| k != minute_taker && members[k].role == Role::Member)
            .collect();
        if !away.is_empty() {
            let k = away[rng.usize(..away.len())];
            let ctx = Ctx {
                agency: setting.agency.name.to_string(),
                committee: if has_committee {
                    "chi ủy"
                } else {
                    "chi bộ"
                },
                ..Ctx::default()
            };
            members[k].absent = Some(ctx.one(LY_DO_VANG, rng));
        }
    }
    let voters = members
        .iter()
        .filter(|m| !m.probation && m.absent.is_none())
        .count() as u32;

    let committee: &'static str = if has_committee {
        "chi ủy"
    } else {
        "chi bộ"
    };
    let (flaw_sentence, flaw) = HAN_CHE_TAP_THE[rng.usize(..HAN_CHE_TAP_THE.len())];
    let collective_results = Results {
        beyond: if collective_level == Level::Excellent {
            rng.u8(30..=45)
        } else {
            rng.u8(10..=29)
        },
        late: 0,
        fixed: Some(100),
    };
    let ctx = Ctx {
        year,
        unit: plan.spec.name.to_string(),
        agency: setting.agency.name.to_string(),
        field: plan.spec.field.to_string(),
        committee,
        beyond: collective_results.beyond,
        flaw: flaw.to_string(),
        ..Ctx::default()
    };
    let probationary = members.iter().any(|m| m.probation);
    let collective = collective_texts(&ctx, flaw_sentence, probationary, rng);
    let collective_points = points_for(collective_level, rng);

    for member in &mut members {
        fill_member(setting, &ctx, member, (report, meeting), rng);
        member.votes = votes_for(member.level, voters, rng);
        if member.absent.is_some() {
            // Rated the day after the meeting, by the same full members.
            member.rated_later = Some((Day::new(year, 12, meeting.day + 1), voters));
        }
    }
    let collective_votes = votes_for(collective_level, voters, rng);
    let collective_conclusion = format!(
        "Chi bộ thống nhất đề nghị Đảng ủy {} xếp loại tập thể {committee} {}; {committee} khẩn trương khắc phục hạn chế về {flaw} trong quý I năm {}.",
        setting.agency.name,
        collective_level.label(),
        year + 1
    );
    let guest = chance(rng, 50).then(|| {
        let (name, post) = &setting.guests[rng.usize(..setting.guests.len())];
        format!("Đồng chí {name}, {post}")
    });
    let speeches = speeches(
        setting,
        &ctx,
        &members,
        guest.as_deref(),
        (collective_level, collective_points),
        rng,
    );
    let (opened, closed) = meeting_hours(members.len(), rng);
    let venue = if plan.large {
        format!(
            "{} {}",
            pick(rng, &["Hội trường", "Phòng họp"]),
            plan.spec.name
        )
    } else {
        format!(
            "Phòng họp tầng {}, trụ sở {} {}",
            rng.u32(2..=5),
            setting.agency.name,
            setting.place.full
        )
    };
    let mut recipients = vec![format!("Đảng ủy {}", setting.agency.name)];
    if has_committee {
        recipients.push("Các đồng chí chi ủy viên".to_string());
    }
    recipients.push("Lưu Chi bộ".to_string());
    Unit {
        number,
        name,
        has_committee,
        meeting,
        report,
        minutes_number: format!("{:02}-BB/CB", rng.u32(1..=12)),
        report_number: format!("{:02}-BC/CB", rng.u32(10..=40)),
        opened,
        closed,
        venue,
        secretary_of_meeting: minute_taker,
        guest,
        secret_ballot: chance(rng, 70),
        speeches,
        collective,
        collective_level,
        collective_points,
        collective_results,
        collective_votes,
        collective_conclusion,
        recipients,
        members,
    }
}

/// Opening and closing times: longer meetings for larger chi bộ, a lunch break when a morning
/// meeting runs past half past eleven.
fn meeting_hours(size: usize, rng: &mut Rng) -> (String, String) {
    let length = (120 + 8 * size as u32 + rng.u32(0..=6) * 5) / 5 * 5;
    let start = if length <= 210 {
        pick(rng, &["7:30", "8:00", "13:30", "14:00"])
    } else {
        pick(rng, &["7:30", "8:00"])
    };
    let (hour, minute) = start.split_once(':').expect("h:mm");
    let begin = hour.parse::<u32>().expect("hour") * 60 + minute.parse::<u32>().expect("minute");
    let mut end = begin + length;
    if begin < 690 && end > 690 {
        end += 90;
    }
    let end = end.min(17 * 60 + 30);
    (start.to_string(), format!("{}:{:02}", end / 60, end % 60))
}

/// The speeches of the minutes: the secretary's report, one or two members (the deputy often
/// first), and the guest when there is one.
fn speeches(
    setting: &Setting,
    ctx: &Ctx,
    members: &[Member],
    guest: Option<&str>,
    (level, points): (Level, Points),
    rng: &mut Rng,
) -> Vec<Speech> {
    let secretary = &members[0];
    let score = if setting.scored {
        format!(", tự chấm {} điểm", points_vi(points.total()))
    } else {
        String::new()
    };
    let mut speeches = vec![Speech {
        who: format!("Đồng chí {}, Bí thư chi bộ", secretary.name),
        said: format!(
            "Trình bày báo cáo kiểm điểm của tập thể {} năm {}{score}, đề xuất mức {}; đọc bản kiểm điểm của cá nhân.",
            ctx.committee,
            setting.year,
            level.label()
        ),
    }];
    let mut others = rng.usize(1..=2);
    if let Some(deputy) = members
        .iter()
        .find(|m| m.role == Role::Deputy && m.absent.is_none())
        .filter(|_| chance(rng, 70))
    {
        speeches.push(Speech {
            who: format!("Đồng chí {}, Phó Bí thư chi bộ", deputy.name),
            said: ctx.one(Y_KIEN_PHO_BI_THU, rng),
        });
        others -= 1;
    }
    let present: Vec<&Member> = members
        .iter()
        .filter(|m| matches!(m.role, Role::Member | Role::Committee) && m.absent.is_none())
        .collect();
    let mut said = rng.choose_multiple(0..Y_KIEN_DANG_VIEN.len(), others);
    rng.shuffle(&mut said);
    for (member, sentence) in rng.choose_multiple(present, others).into_iter().zip(said) {
        speeches.push(Speech {
            who: format!("Đồng chí {}", member.name),
            said: ctx.fill(Y_KIEN_DANG_VIEN[sentence], rng),
        });
    }
    if let Some(guest) = guest {
        speeches.push(Speech {
            who: guest.to_string(),
            said: format!(
                "Ghi nhận kết quả của chi bộ; đề nghị chi bộ hoàn thành hồ sơ kiểm điểm gửi Đảng ủy {} trước ngày {}.",
                setting.agency.name,
                setting.deadline.short()
            ),
        });
    }
    speeches
}

// ------------------------------------------------------------------------------------- the texts

/// Parts I–VI of the collective's report.
fn collective_texts(
    ctx: &Ctx,
    flaw_sentence: &str,
    probationary: bool,
    rng: &mut Rng,
) -> Vec<(&'static str, Vec<String>)> {
    let mut results = vec![ctx.fill(
        "{don_vi} hoàn thành 100% chỉ tiêu, nhiệm vụ năm {nam}, trong đó {vuot_muc}% nhiệm vụ hoàn thành vượt tiến độ.",
        rng,
    )];
    results.extend(ctx.some(KET_QUA, 1, 3, rng));
    let mut party = ctx.some(XAY_DUNG_DANG, 2, 4, rng);
    if probationary {
        party.push(
            "Chi bộ kết nạp 01 đảng viên mới, phân công đảng viên chính thức giúp đỡ trong thời gian dự bị."
                .to_string(),
        );
    }
    let mut flaws = vec![ctx.fill(flaw_sentence, rng)];
    if chance(rng, 40) {
        flaws.push(ctx.fill(
            "Một số đảng viên chưa chủ động đề xuất giải pháp đổi mới trong công tác.",
            rng,
        ));
    }
    let members = if ctx.committee == "chi ủy" {
        "chi ủy viên"
    } else {
        "đảng viên"
    };
    vec![
        ("nguyen_tac", paragraphs(ctx.some(NGUYEN_TAC, 2, 4, rng), rng)),
        ("ket_qua", paragraphs(results, rng)),
        ("xay_dung_dang", paragraphs(party, rng)),
        (
            "trach_nhiem_lanh_dao",
            paragraphs(ctx.some(TRACH_NHIEM_LANH_DAO, 1, 3, rng), rng),
        ),
        ("han_che", vec![flaws.join(" ")]),
        (
            "nguyen_nhan",
            vec![ctx.some(NGUYEN_NHAN_TAP_THE, 1, 2, rng).join(" ")],
        ),
        ("khac_phuc", vec![ctx.one(KHAC_PHUC_TAP_THE, rng)]),
        ("giai_trinh", vec![ctx.one(GIAI_TRINH_TAP_THE, rng)]),
        (
            "trach_nhiem",
            vec![ctx.fill(
                &format!("Đồng chí Bí thư chi bộ chịu trách nhiệm chính về hạn chế trong {{han_che_tap_the}}; các đồng chí {members} chịu trách nhiệm theo lĩnh vực được phân công."),
                rng,
            )],
        ),
        (
            "phuong_huong",
            paragraphs(ctx.some(PHUONG_HUONG_TAP_THE, 2, 3, rng), rng),
        ),
    ]
}

/// The sentence that sums up a member's tasks against the level.
fn task_summary(member: &Member, ctx: &Ctx, rng: &mut Rng) -> String {
    let template = match (member.form, member.level) {
        (Form::Outside(_), Level::Completed) => {
            "Hoàn thành các nhiệm vụ chi bộ phân công; có việc thực hiện còn chậm so với yêu cầu."
        }
        (Form::Outside(_), _) => "Hoàn thành tốt các nhiệm vụ chi bộ phân công trong năm {nam}.",
        (_, Level::Excellent) => {
            "Hoàn thành 100% nhiệm vụ được giao, trong đó {vuot_muc}% nhiệm vụ hoàn thành vượt mức, vượt tiến độ."
        }
        (_, Level::Good) if member.results.beyond > 0 => {
            "Hoàn thành 100% nhiệm vụ được giao đúng tiến độ, trong đó {vuot_muc}% nhiệm vụ hoàn thành trước hạn."
        }
        (_, Level::Good) => "Hoàn thành 100% nhiệm vụ được giao đúng tiến độ, bảo đảm chất lượng.",
        (_, Level::Completed) => {
            "Hoàn thành các nhiệm vụ được giao; còn {cham_tien_do}% nhiệm vụ hoàn thành chậm so với kế hoạch."
        }
    };
    ctx.fill(template, rng)
}

/// Item I.2: what the member did in the year.
fn tasks_text(member: &Member, ctx: &Ctx, rng: &mut Rng) -> Vec<String> {
    let mut sentences = Vec::new();
    if member.probation {
        sentences.push(
            "Trong thời gian dự bị, bản thân tích cực học tập, rèn luyện, thực hiện đầy đủ nhiệm vụ đảng viên."
                .to_string(),
        );
    }
    match member.form {
        Form::Outside(Outside::Retired) => sentences.extend(ctx.some(NHIEM_VU_HUU_TRI, 1, 3, rng)),
        Form::Outside(Outside::Business) => {
            sentences.extend(ctx.some(NHIEM_VU_DOANH_NGHIEP, 1, 3, rng));
        }
        Form::Leader => sentences.extend(ctx.some(NHIEM_VU_LANH_DAO, 1, 3, rng)),
        Form::Staff => {
            if let Some(area) = member.area {
                sentences.push(format!(
                    "Là Chi ủy viên phụ trách công tác {area}, bản thân thực hiện đầy đủ nhiệm vụ được chi ủy phân công."
                ));
            }
            sentences.extend(ctx.some(NHIEM_VU, 1, 3, rng));
        }
    }
    sentences.push(task_summary(member, ctx, rng));
    if member.level == Level::Excellent {
        sentences.push(ctx.one(XUAT_SAC_THEM, rng));
    }
    paragraphs(sentences, rng)
}

/// Item I.3 of the leader's form: the member's Party post, then the unit they lead.
fn leadership_text(member: &Member, ctx: &Ctx, rng: &mut Rng) -> Vec<String> {
    let mut sentences = Vec::new();
    match member.role {
        Role::Secretary => sentences.push(ctx.fill(
            "Là Bí thư chi bộ, bản thân chủ trì xây dựng và lãnh đạo thực hiện nghị quyết năm {nam} của chi bộ; duy trì sinh hoạt chi bộ định kỳ hằng tháng và sinh hoạt chuyên đề theo hướng dẫn của cấp trên.",
            rng,
        )),
        Role::Deputy => sentences.push(
            "Là Phó Bí thư chi bộ, bản thân giúp Bí thư chuẩn bị nội dung sinh hoạt, theo dõi việc thực hiện nghị quyết của chi bộ."
                .to_string(),
        ),
        Role::Committee => sentences.push(format!(
            "Là Chi ủy viên phụ trách công tác {}, bản thân thực hiện tốt nhiệm vụ được chi ủy phân công.",
            member.area.unwrap_or("tổ chức")
        )),
        Role::Member => {}
    }
    sentences.extend(ctx.some(LANH_DAO_QUAN_LY, 1, 3, rng));
    paragraphs(sentences, rng)
}

/// Parts II.1 and II.2: shortcomings and, in the same order, their causes.
fn shortcomings(member: &Member, ctx: &Ctx, rng: &mut Rng) -> (Vec<String>, Vec<String>) {
    let chosen = match member.form {
        Form::Outside(Outside::Retired) => sample(rng, HAN_CHE_HUU_TRI, 1, 2),
        Form::Outside(Outside::Business) => sample(rng, HAN_CHE_DOANH_NGHIEP, 1, 2),
        _ if member.level == Level::Completed => {
            let mut chosen = vec![(
                "Còn {cham_tien_do}% nhiệm vụ hoàn thành chậm so với kế hoạch.",
                "Bản thân chưa chủ động sắp xếp công việc theo thứ tự ưu tiên.",
            )];
            chosen.extend(sample(rng, HAN_CHE_CHUA_DU, 1, 2));
            chosen
        }
        Form::Leader => {
            let mut chosen = sample(rng, HAN_CHE_LANH_DAO, 1, 1);
            chosen.extend(sample(rng, HAN_CHE, 0, 1));
            chosen
        }
        Form::Staff => sample(rng, HAN_CHE, 1, 2),
    };
    let mut causes = Vec::new();
    if !matches!(member.form, Form::Outside(_)) && chance(rng, 25) {
        causes.push("Nguyên nhân khách quan: khối lượng công việc lớn, thời hạn giải quyết ngắn.");
    }
    causes.extend(chosen.iter().map(|(_, cause)| *cause));
    let flaws: Vec<String> = chosen.iter().map(|(flaw, _)| ctx.fill(flaw, rng)).collect();
    let causes: Vec<String> = causes.into_iter().map(|c| ctx.fill(c, rng)).collect();
    (vec![flaws.join(" ")], vec![causes.join(" ")])
}

/// Part III: the shortcomings of the last review, as `ket_qua_nhiem_vu` counts them.
fn remedy_text(member: &Member, ctx: &Ctx, rng: &mut Rng) -> String {
    let earlier = if matches!(member.form, Form::Outside(_)) {
        pick(rng, HAN_CHE_CU_NGOAI)
    } else {
        pick(rng, HAN_CHE_CU)
    };
    let template = match member.results.fixed {
        _ if member.probation => {
            "Bản thân vào Đảng năm {nam}, chưa có hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước."
                .to_string()
        }
        Some(100) => format!(
            "Hạn chế được chỉ ra tại kỳ kiểm điểm năm {{nam_truoc}} về {earlier} đã được khắc phục."
        ),
        Some(_) => format!(
            "Hạn chế về {earlier} được chỉ ra năm {{nam_truoc}} đã khắc phục được {{khac_phuc}}%; bản thân tiếp tục khắc phục trong năm {{nam_sau}}."
        ),
        None => "Năm {nam_truoc} không có hạn chế, khuyết điểm được chỉ ra phải khắc phục."
            .to_string(),
    };
    ctx.fill(&template, rng)
}

/// Part V: the member's share of the collective's shortcomings.
fn share_of_collective(member: &Member, ctx: &Ctx, rng: &mut Rng) -> String {
    let template = match (member.role, member.form) {
        (Role::Secretary, _) => {
            "Là người đứng đầu chi bộ và {don_vi}, bản thân chịu trách nhiệm chính đối với những hạn chế của tập thể, nhất là {han_che_tap_the}."
        }
        (Role::Deputy | Role::Committee, _) => {
            "Là {chuc_vu_dang}, bản thân cùng chịu trách nhiệm về hạn chế của chi bộ trong {han_che_tap_the}."
        }
        (_, Form::Leader) => {
            "Là {chuc_vu}, bản thân chịu trách nhiệm về hạn chế của tập thể trong lĩnh vực được phân công."
        }
        (_, Form::Staff) => pick(
            rng,
            &[
                "Là đảng viên, bản thân cùng chịu trách nhiệm về những hạn chế của chi bộ, nhất là {han_che_tap_the}.",
                "Bản thân cùng chịu trách nhiệm về các hạn chế của tập thể chi bộ đã nêu trong báo cáo kiểm điểm.",
            ],
        ),
        (_, Form::Outside(_)) => {
            "Bản thân cùng chịu trách nhiệm với tập thể chi bộ về những hạn chế đã nêu trong báo cáo kiểm điểm."
        }
    };
    ctx.fill(template, rng)
}

/// Every part of the self-review the member's form prints, in the order of the form.
fn self_review(member: &Member, ctx: &Ctx, rng: &mut Rng) -> Vec<(&'static str, Vec<String>)> {
    let outside = matches!(member.form, Form::Outside(_));
    // The sentences that open with "Bản thân" come first in each bank: one of them opens the part.
    let (openers, quality) = if outside {
        PHAM_CHAT_NGOAI.split_at(1)
    } else {
        PHAM_CHAT.split_at(2)
    };
    let mut sentences = vec![ctx.one(openers, rng)];
    sentences.extend(ctx.some(quality, 1, 3, rng));
    let mut parts = vec![
        ("pham_chat", paragraphs(sentences, rng)),
        ("thuc_hien_nhiem_vu", tasks_text(member, ctx, rng)),
    ];
    if member.is_leader() {
        parts.push(("lanh_dao_quan_ly", leadership_text(member, ctx, rng)));
        parts.push((
            "trach_nhiem",
            paragraphs(ctx.some(TRACH_NHIEM, 1, 3, rng), rng),
        ));
        parts.push(("neu_guong", paragraphs(ctx.some(NEU_GUONG, 1, 3, rng), rng)));
    }
    let pledge = match member.level {
        _ if outside => CAM_KET_NGOAI,
        Level::Completed => CAM_KET_CHUA_DU,
        _ => CAM_KET,
    };
    parts.push(("cam_ket", vec![ctx.one(pledge, rng)]));
    let (flaws, causes) = shortcomings(member, ctx, rng);
    parts.push(("han_che", flaws));
    parts.push(("nguyen_nhan", causes));
    parts.push(("khac_phuc", vec![remedy_text(member, ctx, rng)]));
    parts.push(("giai_trinh", vec![ctx.one(GIAI_TRINH, rng)]));
    parts.push((
        "trach_nhiem_tap_the",
        vec![share_of_collective(member, ctx, rng)],
    ));
    let mut ahead = if outside {
        ctx.some(PHUONG_HUONG_NGOAI, 1, 2, rng)
    } else if member.is_leader() {
        ctx.some(PHUONG_HUONG_LANH_DAO, 1, 1, rng)
    } else {
        Vec::new()
    };
    if !outside {
        ahead.extend(ctx.some(PHUONG_HUONG, 1, 3, rng));
    }
    parts.push(("phuong_huong", paragraphs(ahead, rng)));
    parts
}

/// The 2023 forms' grade of each graded item, near the member's level.
fn grades(member: &Member, rng: &mut Rng) -> Vec<(&'static str, &'static str)> {
    let mut items = vec!["pham_chat", "thuc_hien_nhiem_vu"];
    if member.is_leader() {
        items.extend(["lanh_dao_quan_ly", "trach_nhiem", "neu_guong"]);
    }
    items.push("khac_phuc");
    items
        .into_iter()
        .map(|item| {
            let grade = match member.level {
                Level::Excellent if chance(rng, 85) => "xuat_sac",
                Level::Excellent => "tot",
                Level::Good if chance(rng, 10) => "xuat_sac",
                Level::Good => "tot",
                Level::Completed if chance(rng, 50) => "trung_binh",
                Level::Completed => "tot",
            };
            (item, grade)
        })
        .collect()
}

/// The 2025 annex: two to four tasks with product, progress and quality.
fn annex(member: &Member, ctx: &Ctx, rng: &mut Rng) -> Vec<[String; 4]> {
    let count = rng.usize(2..=4);
    let mut months = rng.choose_multiple(2..=11u32, count);
    months.sort_unstable();
    rng.choose_multiple(PHU_LUC.iter(), count)
        .into_iter()
        .zip(months)
        .enumerate()
        .map(|(k, ((task, product), month))| {
            let progress = match member.level {
                Level::Excellent if k == 0 => {
                    format!(
                        "Hoàn thành tháng {month}/{}, trước {:02} tháng",
                        ctx.year,
                        rng.u32(1..=2)
                    )
                }
                Level::Completed if k == 0 => format!(
                    "Hoàn thành tháng {month}/{}, chậm {:02} ngày so với kế hoạch",
                    ctx.year,
                    rng.u32(5..=15)
                ),
                _ => format!("Hoàn thành tháng {month}/{}, đúng hạn", ctx.year),
            };
            let quality = match member.level {
                Level::Excellent => ctx.fill(
                    "Được lãnh đạo {co_quan} đánh giá cao, không phải chỉnh sửa",
                    rng,
                ),
                Level::Good => pick(
                    rng,
                    &[
                        "Bảo đảm yêu cầu về chất lượng",
                        "Đạt yêu cầu, được lãnh đạo ghi nhận",
                    ],
                )
                .to_string(),
                Level::Completed => "Đạt yêu cầu, phải chỉnh sửa, bổ sung".to_string(),
            };
            [
                ctx.fill(task, rng),
                ctx.fill(product, rng),
                progress,
                quality,
            ]
        })
        .collect()
}

/// One or two breakthrough tasks for the coming year.
fn breakthroughs(ctx: &Ctx, rng: &mut Rng) -> Vec<[String; 4]> {
    let count = rng.usize(1..=2);
    rng.choose_multiple(DOT_PHA.iter(), count)
        .into_iter()
        .map(|(name, content, target)| {
            let when = if chance(rng, 50) {
                format!(
                    "Quý {} năm {}",
                    pick(rng, &["I", "II", "III", "IV"]),
                    ctx.year + 1
                )
            } else {
                format!("Tháng {} năm {}", rng.u32(3..=12), ctx.year + 1)
            };
            [
                ctx.fill(name, rng),
                ctx.fill(content, rng),
                ctx.fill(target, rng),
                when,
            ]
        })
        .collect()
}

/// The chair's conclusion on a member.
fn conclusion(member: &Member, ctx: &Ctx, rng: &mut Rng) -> String {
    let said = match member.level {
        Level::Completed => ctx.one(KET_LUAN_HOAN_THANH, rng),
        _ if matches!(member.form, Form::Outside(_)) => ctx.one(KET_LUAN_NGOAI, rng),
        _ if member.probation => "Đồng chí hoàn thành tốt nhiệm vụ trong thời gian dự bị; cần tiếp tục rèn luyện, phấn đấu.".to_string(),
        Level::Excellent => ctx.one(KET_LUAN_XUAT_SAC, rng),
        Level::Good => ctx.one(KET_LUAN_TOT, rng),
    };
    match member.absent {
        Some(_) => format!("Đồng chí vắng mặt có lý do, đã gửi bản kiểm điểm đến chi bộ. {said}"),
        None => said,
    }
}

/// Everything of a member that follows from the level: results, points, texts, registrations,
/// the conclusion, and the date of signing between the report and the meeting.
fn fill_member(
    setting: &Setting,
    unit: &Ctx,
    member: &mut Member,
    (report, meeting): (Day, Day),
    rng: &mut Rng,
) {
    member.results = results_for(member.level, rng);
    if member.probation {
        member.results.fixed = None;
    }
    member.points = points_for(member.level, rng);
    member.write_results = setting.scored
        && !matches!(member.form, Form::Outside(_))
        && (member.is_leader() || member.level != Level::Good || chance(rng, 50));
    member.signed = Day::new(setting.year, 12, rng.u32(report.day..=meeting.day));
    let ctx = Ctx {
        post: member
            .government_post
            .clone()
            .unwrap_or_else(|| member.party_post.clone()),
        party_post: member.party_post.clone(),
        spouse: if member.female { "chồng" } else { "vợ" },
        workplace: member.workplace.clone(),
        beyond: member.results.beyond,
        late: member.results.late,
        fixed: member.results.fixed.unwrap_or(0),
        ..unit.clone()
    };
    member.review = self_review(member, &ctx, rng);
    if !setting.scored {
        member.grades = grades(member, rng);
        member.comments = Some((
            NHAN_XET_THU_TRUONG[member.level.index()].to_string(),
            NHAN_XET_CHI_UY[member.level.index()].to_string(),
        ));
    }
    let leads = matches!(member.role, Role::Secretary | Role::Deputy);
    if setting.scored && member.is_leader() && (member.role == Role::Secretary || chance(rng, 40)) {
        member.annex = annex(member, &ctx, rng);
    }
    let registers = leads
        || (member.role == Role::Committee && chance(rng, 50))
        || (member.is_leader() && chance(rng, 20));
    if registers && !member.probation {
        let count = rng.usize(2..=4);
        member.pledges = rng
            .choose_multiple(NEU_GUONG_DANG_KY.iter(), count)
            .into_iter()
            .map(|p| ctx.fill(p, rng))
            .collect();
        member.breakthroughs = breakthroughs(&ctx, rng);
    }
    member.conclusion = conclusion(member, &ctx, rng);
}

// ------------------------------------------------------------------------------------------ YAML

/// A value as a YAML scalar: plain when YAML reads it back as the same string, else quoted.
fn scalar(value: &str) -> String {
    let special = |c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c);
    let plain = !value.is_empty()
        && !value.starts_with(|c: char| c.is_ascii_digit() || c.is_whitespace() || special(c))
        && !value.ends_with(|c: char| c == ':' || c.is_whitespace())
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains('\n')
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
        );
    if plain {
        value.to_string()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// A YAML document written line by line, in the layout of the sample units.
#[derive(Default)]
struct Yaml(String);

impl Yaml {
    fn line(&mut self, indent: usize, text: &str) {
        self.0.extend(std::iter::repeat_n(' ', indent));
        self.0.push_str(text);
        self.0.push('\n');
    }

    fn text(&mut self, indent: usize, key: &str, value: &str) {
        self.line(indent, &format!("{key}: {}", scalar(value)));
    }

    fn raw(&mut self, indent: usize, key: &str, value: impl Display) {
        self.line(indent, &format!("{key}: {value}"));
    }

    /// A text of paragraphs, one a line, as a literal block.
    fn block(&mut self, indent: usize, key: &str, paragraphs: &[String]) {
        self.line(indent, &format!("{key}: |"));
        for paragraph in paragraphs {
            self.line(indent + 2, paragraph);
        }
    }

    fn list(&mut self, indent: usize, key: &str, items: &[String]) {
        self.line(indent, &format!("{key}:"));
        for item in items {
            self.line(indent + 2, &format!("- {}", scalar(item)));
        }
    }

    /// A list of maps whose keys are `keys`, each map's values in order.
    fn table(&mut self, indent: usize, key: &str, keys: [&str; 4], rows: &[[String; 4]]) {
        self.line(indent, &format!("{key}:"));
        for row in rows {
            for (k, (name, value)) in keys.iter().zip(row).enumerate() {
                let dash = if k == 0 { "- " } else { "  " };
                self.line(indent + 2, &format!("{dash}{name}: {}", scalar(value)));
            }
        }
    }

    fn votes(&mut self, indent: usize, votes: [u32; 3]) {
        self.line(indent, "phieu:");
        let levels = [Level::Excellent, Level::Good, Level::Completed];
        for (level, count) in levels.into_iter().zip(votes) {
            if count > 0 {
                self.raw(indent + 2, level.key(), count);
            }
        }
    }

    fn points(&mut self, indent: usize, points: Points) {
        self.line(indent, "diem:");
        self.raw(indent + 2, "nhom_chung", points_yaml(points.general));
        self.raw(indent + 2, "nhom_nhiem_vu", points_yaml(points.tasks));
    }

    fn results(&mut self, indent: usize, results: Results) {
        self.line(indent, "ket_qua_nhiem_vu:");
        self.raw(indent + 2, "hoan_thanh", 100);
        self.raw(indent + 2, "vuot_muc", results.beyond);
        self.raw(indent + 2, "cham_tien_do", results.late);
        if let Some(fixed) = results.fixed {
            self.raw(indent + 2, "khac_phuc_han_che", fixed);
        }
    }
}

/// The unit as a YAML file.
fn unit_yaml(setting: &Setting, unit: &Unit) -> String {
    let mut y = Yaml::default();
    let (sample, regime) = if setting.scored {
        (
            "data-samples/chi-bo-mau-2026.yaml",
            "chế độ 2025: Mẫu 01, 2A, 2B, 2C",
        )
    } else {
        (
            "data-samples/chi-bo-mau.yaml",
            "chế độ 2023: Mẫu 01, 02A, 02B",
        )
    };
    y.line(
        0,
        &format!(
            "# Dữ liệu hư cấu để đo hiệu năng, sinh bằng examples/dang_bo.rs (--nam {} --seed {}):",
            setting.year, setting.seed
        ),
    );
    y.line(
        0,
        &format!(
            "# chi bộ {}/{} của {}, kiểm điểm năm {} ({regime}).",
            unit.number,
            setting.units,
            setting.superior(),
            setting.year
        ),
    );
    y.line(
        0,
        "# Mọi họ tên, ngày sinh, chức vụ và số liệu đều không có thật.",
    );
    y.line(0, &format!("# Cách ghi các khóa: xem {sample}."));
    y.line(0, "");
    y.raw(0, "nam", setting.year);
    y.line(0, "");
    write_organisation(&mut y, setting, unit);
    y.line(0, "");
    write_meeting(&mut y, setting, unit);
    y.line(0, "");
    write_collective(&mut y, setting, unit);
    y.line(0, "");
    y.line(0, "dang_vien:");
    let mut last_form = None;
    for member in &unit.members {
        let form = form_code(setting, member.form);
        if last_form != Some(form) {
            if last_form.is_some() {
                y.line(0, "");
            }
            y.line(2, &format!("# {} {}", "-".repeat(66), form));
            last_form = Some(form);
        }
        write_member(&mut y, setting, member);
    }
    y.0
}

/// The printed code of a form: "Mẫu 2A".
fn form_code(setting: &Setting, form: Form) -> &'static str {
    match (setting.scored, form) {
        (true, Form::Leader) => "Mẫu 2A",
        (true, Form::Staff) => "Mẫu 2B",
        (true, Form::Outside(_)) => "Mẫu 2C",
        (false, Form::Leader) => "Mẫu 02B",
        (false, _) => "Mẫu 02A",
    }
}

fn write_organisation(y: &mut Yaml, setting: &Setting, unit: &Unit) {
    y.line(0, "to_chuc:");
    y.text(2, "cap_tren", &setting.superior());
    y.text(2, "ten", &unit.name);
    y.text(2, "dia_danh", setting.place.short);
    y.raw(2, "co_chi_uy", unit.has_committee);
    y.raw(2, "bi_thu", &unit.members[0].id);
    let deputy = unit.members.iter().find(|m| m.role == Role::Deputy);
    if let Some(deputy) = deputy {
        y.raw(2, "pho_bi_thu", &deputy.id);
    }
}

fn write_meeting(y: &mut Yaml, setting: &Setting, unit: &Unit) {
    y.line(0, "hoi_nghi:");
    y.raw(2, "ngay", unit.meeting);
    y.text(2, "so", &unit.minutes_number);
    y.text(2, "bat_dau", &unit.opened);
    y.text(2, "ket_thuc", &unit.closed);
    y.text(2, "dia_diem", &unit.venue);
    y.raw(2, "chu_tri", &unit.members[0].id);
    y.raw(2, "thu_ky", &unit.members[unit.secretary_of_meeting].id);
    if let Some(guest) = &unit.guest {
        y.list(2, "khach_moi", std::slice::from_ref(guest));
    }
    let method = if unit.secret_ballot {
        "phieu_kin"
    } else {
        "gio_tay"
    };
    y.raw(2, "hinh_thuc_bieu_quyet", method);
    y.line(2, "dien_bien:");
    for speech in &unit.speeches {
        y.line(4, &format!("- nguoi: {}", scalar(&speech.who)));
        y.text(6, "y_kien", &speech.said);
    }
    y.raw(2, "han_nop", setting.deadline);
    let away: Vec<&Member> = unit.members.iter().filter(|m| m.absent.is_some()).collect();
    if !away.is_empty() {
        y.line(2, "vang_mat:");
        for member in away {
            y.line(4, &format!("- id: {}", member.id));
            y.text(6, "ly_do", member.absent.as_deref().unwrap_or_default());
        }
    }
}

fn write_collective(y: &mut Yaml, setting: &Setting, unit: &Unit) {
    y.line(0, "tap_the:");
    y.text(2, "so", &unit.report_number);
    y.raw(2, "ngay", unit.report);
    for (key, paragraphs) in &unit.collective {
        y.block(2, key, paragraphs);
    }
    if setting.scored {
        y.points(2, unit.collective_points);
    }
    y.raw(2, "de_xuat", unit.collective_level.key());
    if setting.scored {
        y.results(2, unit.collective_results);
    }
    y.line(2, "danh_gia:");
    y.votes(4, unit.collective_votes);
    y.text(4, "ket_luan", &unit.collective_conclusion);
    y.list(2, "noi_nhan", &unit.recipients);
}

fn write_member(y: &mut Yaml, setting: &Setting, member: &Member) {
    y.line(2, &format!("- id: {}", member.id));
    y.text(4, "ho_ten", &member.name);
    y.raw(4, "ngay_sinh", member.born);
    y.raw(4, "ngay_vao_dang", member.admitted);
    if member.probation {
        y.raw(4, "du_bi", true);
    }
    match member.form {
        Form::Outside(Outside::Retired) => y.raw(4, "ngoai_he_thong_chinh_tri", "huu_tri"),
        Form::Outside(Outside::Business) => {
            y.raw(4, "ngoai_he_thong_chinh_tri", "doanh_nghiep_tu_nhan");
        }
        _ => {}
    }
    y.text(4, "chuc_vu_dang", &member.party_post);
    if let Some(post) = &member.government_post {
        y.text(4, "chuc_vu_chinh_quyen", post);
    }
    if let Some(post) = &member.union_post {
        y.text(4, "chuc_vu_doan_the", post);
    }
    y.text(4, "don_vi_cong_tac", &member.workplace);
    y.raw(4, "ngay_ky", member.signed);
    y.line(4, "tu_kiem_diem:");
    for (key, paragraphs) in &member.review {
        y.block(6, key, paragraphs);
    }
    if setting.scored {
        y.points(6, member.points);
    } else {
        y.line(6, "cap_do:");
        for (item, grade) in &member.grades {
            y.raw(8, item, grade);
        }
        y.raw(6, "tu_xep_loai_can_bo", member.level.key());
    }
    y.raw(6, "tu_xep_loai_dang_vien", member.level.key());
    if !member.annex.is_empty() {
        let keys = ["ten", "san_pham", "tien_do", "chat_luong"];
        y.table(4, "phu_luc", keys, &member.annex);
    }
    if member.write_results {
        y.results(4, member.results);
    }
    if !member.pledges.is_empty() {
        y.list(4, "cam_ket_neu_guong", &member.pledges);
    }
    if !member.breakthroughs.is_empty() {
        let keys = ["ten", "noi_dung", "muc_tieu", "thoi_gian"];
        y.table(4, "viec_dot_pha", keys, &member.breakthroughs);
    }
    y.line(4, "danh_gia:");
    if let Some((head, committee)) = &member.comments {
        y.text(6, "nhan_xet_thu_truong", head);
        y.raw(6, "xep_loai_can_bo", member.level.key());
        y.text(6, "nhan_xet_chi_uy", committee);
        y.raw(6, "chi_bo_de_xuat", member.level.key());
    }
    if let Some((day, voters)) = member.rated_later {
        y.line(6, "phien_sau:");
        y.raw(8, "ngay", day);
        y.raw(8, "so_bieu_quyet", voters);
    }
    y.votes(6, member.votes);
    y.text(6, "ket_luan", &member.conclusion);
    y.line(0, "");
}

// ------------------------------------------------------------------------------------------ main

/// How many members file each form, in the order of `form_code`.
#[derive(Default)]
struct Counts {
    members: usize,
    leader: usize,
    staff: usize,
    outside: usize,
}

fn run(args: &Args) -> Result<String, String> {
    let started = Instant::now();
    if args.chi_bo == 0 {
        return Err("--chi-bo phải từ 1 trở lên".to_string());
    }
    if args.dang_vien < 3 * args.chi_bo {
        return Err(format!(
            "--dang-vien {} quá ít: mỗi chi bộ cần ít nhất 3 đảng viên, tức ít nhất {} cho {} chi bộ",
            args.dang_vien,
            3 * args.chi_bo,
            args.chi_bo
        ));
    }
    if !(2023..=2100).contains(&args.nam) {
        return Err(format!(
            "--nam {}: chỉ sinh dữ liệu theo chế độ 2023 (năm 2023, 2024) hoặc 2025 (từ năm 2025)",
            args.nam
        ));
    }
    let mut rng = Rng::with_seed(args.seed);
    let agency = &AGENCIES[rng.usize(..AGENCIES.len())];
    let place = &PLACES[rng.usize(..PLACES.len())];
    let mut posts = CHUC_VU_KHACH.to_vec();
    rng.shuffle(&mut posts);
    let ctx = Ctx {
        agency: agency.name.to_string(),
        ..Ctx::default()
    };
    let guests = posts
        .iter()
        .take(3)
        .map(|post| {
            (
                full_name(chance(&mut rng, 40), &mut rng),
                ctx.fill(post, &mut rng),
            )
        })
        .collect();
    let setting = Setting {
        year: args.nam,
        scored: args.nam >= 2025,
        seed: args.seed,
        units: args.chi_bo,
        agency,
        place,
        deadline: Day::new(args.nam, 12, rng.u32(18..=24)),
        guests,
    };
    let sizes: Vec<usize> = (0..args.chi_bo)
        .map(|i| args.dang_vien / args.chi_bo + usize::from(i < args.dang_vien % args.chi_bo))
        .collect();
    let plans = plans(&setting, &sizes, &mut rng);
    fs::create_dir_all(&args.output)
        .map_err(|e| format!("không tạo được thư mục {}: {e}", args.output.display()))?;
    let width = args.chi_bo.to_string().len();
    let mut counts = Counts::default();
    let mut names = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        let mut unit_rng = Rng::with_seed(mix(args.seed) ^ mix(i as u64 + 1));
        let unit = generate(&setting, i + 1, plan, &mut unit_rng);
        for member in &unit.members {
            counts.members += 1;
            match member.form {
                Form::Leader => counts.leader += 1,
                Form::Staff => counts.staff += 1,
                Form::Outside(_) => counts.outside += 1,
            }
        }
        let name = format!("chi-bo-{:0width$}.yaml", i + 1);
        write(&args.output.join(&name), &unit_yaml(&setting, &unit))?;
        names.push(name);
    }
    let forms = if setting.scored {
        format!(
            "Mẫu 2A: {}, 2B: {}, 2C: {}",
            counts.leader, counts.staff, counts.outside
        )
    } else {
        format!("Mẫu 02B: {}, 02A: {}", counts.leader, counts.staff)
    };
    Ok(format!(
        "Đã ghi {} tệp {}/{} … {} ({}, năm {}, seed {}): {} đảng viên ({forms}) trong {} ms.",
        names.len(),
        args.output.display(),
        names[0],
        names[names.len() - 1],
        setting.superior(),
        setting.year,
        setting.seed,
        counts.members,
        started.elapsed().as_millis()
    ))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("không ghi được {}: {e}", path.display()))
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("lỗi: {message}");
            ExitCode::from(2)
        }
    }
}
