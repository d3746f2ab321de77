//! Every command-line definition of hoso, with help and usage errors in Vietnamese.

use std::path::PathBuf;

use clap::error::{ContextKind, ErrorKind};
use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

/// The layout of every help page: Vietnamese headings instead of clap's English ones.
const HELP: &str = "{about}\n\nCách dùng: {usage}\n\n{all-args}";

/// hoso — hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng: từ một tệp YAML ra PDF và DOCX.
#[derive(Debug, Parser)]
#[command(
    name = "hoso",
    version,
    about,
    help_template = HELP,
    subcommand_help_heading = "Lệnh",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    override_usage = "hoso <LỆNH> [TÙY CHỌN]"
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    /// In hướng dẫn này.
    #[arg(short, long, action = ArgAction::Help, global = true, help_heading = "Tùy chọn")]
    help: Option<bool>,
    /// In phiên bản của hoso.
    #[arg(short = 'V', long, action = ArgAction::Version, help_heading = "Tùy chọn")]
    version: Option<bool>,
    /// Dùng các mẫu đã tùy biến trong thư mục này (bố cục như hoso forms export ghi ra) thay cho mẫu có sẵn.
    #[arg(long, value_name = "THƯ_MỤC", global = true, help_heading = "Tùy chọn")]
    pub forms: Option<PathBuf>,
    /// Số luồng vẽ văn bản cùng lúc (mặc định: mỗi nhân CPU một luồng).
    #[arg(
        short = 'j',
        long,
        value_name = "SỐ",
        global = true,
        help_heading = "Tùy chọn"
    )]
    pub jobs: Option<std::num::NonZeroUsize>,
}

/// The commands of hoso.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// In văn bản của đơn vị (PDF và DOCX): một mẫu cho một hoặc nhiều đảng viên, hoặc tất cả.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso render [--form <MÃ_MẪU>] [--member <MÃ>... | --all] [--format pdf|docx|both] [--pdf-a] -o <THƯ_MỤC> <TỆP_DỮ_LIỆU>"
    )]
    Render(RenderArgs),
    /// Kiểm tra dữ liệu và quy định xếp loại của chế độ đang áp dụng, không in văn bản nào.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso check [--format text|json] [--previous <TỆP>] <TỆP_DỮ_LIỆU>"
    )]
    Check(CheckArgs),
    /// In cả hồ sơ của đơn vị vào một thư mục: văn bản của tập thể, thư mục của từng đảng viên,
    /// danh mục hồ sơ và một tệp PDF gộp để in hai mặt. Nhiều đơn vị (nhiều tệp, hoặc một thư mục
    /// các tệp) thì mỗi đơn vị một thư mục con mang tên tệp dữ liệu.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso packet [--force] [--previous <TỆP>] [--pdf-a] -o <THƯ_MỤC> <TỆP_DỮ_LIỆU | THƯ_MỤC_DỮ_LIỆU>..."
    )]
    Packet(PacketArgs),
    /// Tổng hợp kết quả xếp loại của nhiều đơn vị (nhiều tệp, hoặc thư mục các tệp): từng đơn vị
    /// và toàn bộ, tỷ lệ xuất sắc tính chung; ghi báo cáo (PDF, DOCX) và bảng (CSV, XLSX).
    #[command(
        name = "tong-hop",
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso tong-hop [--don-vi <TỆP>] [--format text|json] [--force] [--pdf-a] -o <THƯ_MỤC> <TỆP_DỮ_LIỆU | THƯ_MỤC_DỮ_LIỆU>..."
    )]
    Rollup(RollupArgs),
    /// Làm bản sao (sao y bản chính, sao lục, trích sao) của văn bản hoso in hoặc của tệp PDF có
    /// sẵn, có khối thể thức bản sao; nhiều bản gốc thì đánh số bản sao liên tiếp.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso copy --ban-sao <TỆP> [--hinh-thuc sao_y|sao_luc|trich_sao] [--so <SỐ>] [--muc <MỤC,…>] [--form <MÃ_MẪU> [--member <MÃ>... | --all]] [--cuoi-trang] [--khong-pdf-a] -o <THƯ_MỤC> <BẢN_GỐC>..."
    )]
    Copy(CopyArgs),
    /// Mở trang trên máy này (127.0.0.1) để điền dữ liệu đơn vị và bản kiểm điểm của từng đảng
    /// viên, xem kiểm tra ngay khi gõ, xem trước và tải hồ sơ; tệp YAML vẫn là bản gốc.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso serve [--port <CỔNG>] [--khong-mo] [<TỆP_DỮ_LIỆU> | <THƯ_MỤC>]"
    )]
    #[cfg(feature = "trang")]
    Serve(ServeArgs),
    /// Liệt kê các mẫu theo chế độ; ghi các tệp của một mẫu ra để tùy biến.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        subcommand_help_heading = "Lệnh",
        override_usage = "hoso forms [check <THƯ_MỤC> [TỆP_DỮ_LIỆU]... | export <MÃ_MẪU> <THƯ_MỤC>]"
    )]
    Forms(FormsArgs),
    /// Tạo tệp dữ liệu mẫu don-vi.yaml cho năm đang kiểm điểm, mọi trường có chú thích tiếng Việt.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso init [--from <TỆP_NĂM_TRƯỚC>] <THƯ_MỤC>"
    )]
    Init(InitArgs),
    /// Ghi lược đồ JSON (JSON Schema) của tệp dữ liệu đơn vị: trình soạn thảo (VS Code có phần mở
    /// rộng YAML) gợi ý khóa kèm tên tiếng Việt và báo khóa viết sai.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso schema [-o <TỆP>]"
    )]
    Schema(SchemaArgs),
    /// Nhập dữ liệu đơn vị đã có: danh sách đảng viên từ bảng tính (.xlsx, .xls, .ods, .csv),
    /// bản kiểm điểm đảng viên viết bằng Word (.docx).
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        subcommand_help_heading = "Lệnh",
        override_usage = "hoso nhap danh-sach <TỆP>... --vao <TỆP_DỮ_LIỆU> [--ghi-de] [--kiem-tra] [--format text|json]\n       hoso nhap ban-kiem-diem <TỆP.docx>... --vao <TỆP_DỮ_LIỆU> [--dang-vien <MÃ>] [--ghi-de] [--kiem-tra] [--format text|json]"
    )]
    Nhap(NhapArgs),
    /// Chuyển sang Unicode các trường gõ bằng bảng mã cũ (TCVN3/ABC, VNI) của tệp dữ liệu, ngay
    /// trong tệp: chú thích, thứ tự và cách viết giữ nguyên, chỉ các giá trị đó thay đổi.
    #[command(
        name = "chuyen-ma",
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso chuyen-ma [--kiem-tra] <TỆP_DỮ_LIỆU>"
    )]
    ChuyenMa(ConvertArgs),
}

/// Arguments of `hoso nhap`.
#[derive(Debug, Args)]
pub struct NhapArgs {
    /// What to read in.
    #[command(subcommand)]
    pub what: NhapWhat,
}

/// What `hoso nhap` reads in.
#[derive(Debug, Subcommand)]
pub enum NhapWhat {
    /// Danh sách đảng viên từ bảng tính: cột nhận theo tiêu đề, đảng viên đã có nhận theo số thẻ
    /// rồi theo họ tên và ngày sinh, chỉ điền trường còn trống.
    #[command(
        name = "danh-sach",
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso nhap danh-sach <TỆP>... --vao <TỆP_DỮ_LIỆU> [--ghi-de] [--kiem-tra] [--format text|json]"
    )]
    DanhSach {
        /// Bảng tính danh sách đảng viên (.xlsx, .xls, .ods, .csv).
        #[arg(value_name = "TỆP", required = true, help_heading = "Tham số")]
        lists: Vec<PathBuf>,
        /// Tệp dữ liệu đơn vị để ghi vào.
        #[arg(long = "vao", value_name = "TỆP_DỮ_LIỆU")]
        unit: PathBuf,
        /// Ghi đè giá trị trong tệp khi bảng tính ghi khác.
        #[arg(long = "ghi-de")]
        overwrite: bool,
        /// Chỉ báo những gì sẽ thay đổi, không ghi tệp.
        #[arg(long = "kiem-tra")]
        dry_run: bool,
        /// How the outcome is printed.
        #[command(flatten)]
        report: ReportArg,
    },
    /// Bản kiểm điểm đảng viên viết bằng Word (trên bản DOCX hoso in, hoặc mẫu tự gõ): từng phần
    /// nhận theo đề mục của mẫu, đảng viên nhận theo họ tên và ngày sinh, chỉ điền trường còn
    /// trống.
    #[command(
        name = "ban-kiem-diem",
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso nhap ban-kiem-diem <TỆP.docx>... --vao <TỆP_DỮ_LIỆU> [--dang-vien <MÃ>] [--ghi-de] [--kiem-tra] [--format text|json]"
    )]
    BanKiemDiem {
        /// Bản kiểm điểm (.docx), một hoặc nhiều tệp.
        #[arg(value_name = "TỆP.docx", required = true, help_heading = "Tham số")]
        files: Vec<PathBuf>,
        /// Tệp dữ liệu đơn vị để ghi vào.
        #[arg(long = "vao", value_name = "TỆP_DỮ_LIỆU")]
        unit: PathBuf,
        /// Mã đảng viên viết bản kiểm điểm, khi bản không ghi rõ họ tên (chỉ dùng với một tệp).
        #[arg(long = "dang-vien", value_name = "MÃ")]
        member: Option<String>,
        /// Ghi đè phần đã có trong tệp khi bản kiểm điểm viết khác.
        #[arg(long = "ghi-de")]
        overwrite: bool,
        /// Chỉ báo những gì sẽ thay đổi, không ghi tệp.
        #[arg(long = "kiem-tra")]
        dry_run: bool,
        /// How the outcome is printed.
        #[command(flatten)]
        report: ReportArg,
    },
}

/// Arguments of `hoso chuyen-ma`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Tệp dữ liệu YAML (của đơn vị, hoặc tệp riêng của một đảng viên).
    #[arg(value_name = "TỆP_DỮ_LIỆU", help_heading = "Tham số")]
    pub data: PathBuf,
    /// Chỉ liệt kê các trường sẽ chuyển, không ghi gì.
    #[arg(long = "kiem-tra")]
    pub dry_run: bool,
}

/// Arguments of `hoso schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Tệp ghi lược đồ (ví dụ hoso.schema.json); bỏ trống thì in ra màn hình.
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<PathBuf>,
}

/// Arguments of `hoso init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Thư mục ghi tệp don-vi.yaml (tạo mới nếu chưa có).
    #[arg(value_name = "THƯ_MỤC", help_heading = "Tham số")]
    pub dir: PathBuf,
    /// Bắt đầu từ tệp dữ liệu năm trước: giữ đơn vị, đảng viên còn sinh hoạt và chức vụ; hạn chế
    /// năm trước ghi sẵn vào mục III.
    #[arg(long, value_name = "TỆP")]
    pub from: Option<PathBuf>,
}

/// Arguments of `hoso forms`.
#[derive(Debug, Args)]
pub struct FormsArgs {
    /// What to do; the list of forms when absent.
    #[command(subcommand)]
    pub action: Option<FormsAction>,
}

/// What `hoso forms` can do beside listing.
#[derive(Debug, Subcommand)]
pub enum FormsAction {
    /// Thử một thư mục mẫu đã sửa: điền mọi mẫu cho các đơn vị (mặc định hai đơn vị mẫu có sẵn),
    /// báo mọi lỗi kèm tệp và dòng.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso forms check <THƯ_MỤC> [TỆP_DỮ_LIỆU]..."
    )]
    Check {
        /// Thư mục mẫu đã sửa (như --forms).
        #[arg(value_name = "THƯ_MỤC", help_heading = "Tham số")]
        dir: PathBuf,
        /// Tệp dữ liệu đơn vị để thử; không có thì dùng hai đơn vị mẫu.
        #[arg(value_name = "TỆP_DỮ_LIỆU", help_heading = "Tham số")]
        data: Vec<PathBuf>,
    },
    /// Ghi các tệp của một mẫu (mọi chế độ) và các phần dùng chung ra thư mục để tùy biến.
    #[command(
        help_template = HELP,
        next_help_heading = "Tùy chọn",
        override_usage = "hoso forms export <MÃ_MẪU> <THƯ_MỤC>"
    )]
    Export {
        /// Mã mẫu, ví dụ bien-ban.
        #[arg(value_name = "MÃ_MẪU", help_heading = "Tham số")]
        id: String,
        /// Thư mục ghi ra.
        #[arg(value_name = "THƯ_MỤC", help_heading = "Tham số")]
        dir: PathBuf,
    },
}

/// Arguments of `hoso serve`.
#[cfg(feature = "trang")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Tệp dữ liệu của đơn vị, hoặc thư mục chứa don-vi.yaml; không có thì dùng don-vi.yaml ở thư
    /// mục hiện tại (tạo từ mẫu của hoso init nếu chưa có).
    #[arg(value_name = "TỆP_DỮ_LIỆU", help_heading = "Tham số")]
    pub data: Option<PathBuf>,
    /// Cổng trên 127.0.0.1 (mặc định 8490; 0 để chọn một cổng còn trống).
    #[arg(
        long,
        value_name = "CỔNG",
        default_value_t = 8490,
        hide_default_value = true
    )]
    pub port: u16,
    /// Không tự mở trình duyệt.
    #[arg(long = "khong-mo")]
    pub no_browser: bool,
}

/// Arguments of `hoso copy`.
#[derive(Debug, Args)]
pub struct CopyArgs {
    /// Bản gốc: tệp PDF có sẵn, hoặc tệp dữ liệu YAML của đơn vị (cùng --form) để sao văn bản do
    /// hoso in; nhiều bản gốc thì số bản sao tăng dần theo thứ tự.
    #[arg(value_name = "BẢN_GỐC", help_heading = "Tham số", required = true)]
    pub originals: Vec<PathBuf>,
    /// Tệp dữ liệu bản sao: hinh_thuc, co_quan, so, ngay, nguoi_ky, noi_nhan (xem
    /// data-samples/ban-sao.yaml).
    #[arg(long = "ban-sao", value_name = "TỆP")]
    pub order: PathBuf,
    /// Hình thức sao: sao_y (sao y bản chính), sao_luc, trich_sao; thay khóa hinh_thuc.
    #[arg(
        long = "hinh-thuc",
        value_enum,
        value_name = "HÌNH_THỨC",
        hide_possible_values = true
    )]
    pub kind: Option<CopyKindChoice>,
    /// Số của bản sao đầu tiên; thay khóa so.
    #[arg(long = "so", value_name = "SỐ")]
    pub first_number: Option<u32>,
    /// Ngày sao, ví dụ 2026-12-20 hoặc 20/12/2026; thay khóa ngay.
    #[arg(long = "ngay", value_name = "NGÀY")]
    pub date: Option<String>,
    /// Các mục được trích sao, theo số đề mục, cách nhau bởi dấu phẩy: II, hoặc A.I,A.III; thay
    /// khóa muc.
    #[arg(long = "muc", value_name = "MỤC", value_delimiter = ',')]
    pub sections: Vec<String>,
    /// Mã mẫu của văn bản được sao, khi bản gốc là tệp dữ liệu YAML (xem hoso forms).
    #[arg(long, value_name = "MÃ_MẪU")]
    pub form: Option<String>,
    /// Mã đảng viên có văn bản được sao; nhắc lại để sao cho nhiều người.
    #[arg(long = "member", value_name = "MÃ")]
    pub members: Vec<String>,
    /// Sao văn bản của mọi đảng viên dùng mẫu này.
    #[arg(long, conflicts_with = "members")]
    pub all: bool,
    /// Với bản gốc PDF có sẵn: đặt khối bản sao vào chỗ trống cuối trang cuối khi đủ chỗ, thay
    /// cho một trang riêng; thay khóa cuoi_trang.
    #[arg(long = "cuoi-trang")]
    pub on_last_page: bool,
    /// Ghi PDF thường thay cho PDF/A-2b.
    #[arg(long = "khong-pdf-a")]
    pub plain: bool,
    /// Thư mục ghi bản sao (tạo mới nếu chưa có).
    #[arg(short, long, value_name = "THƯ_MỤC")]
    pub output: PathBuf,
}

/// `--hinh-thuc`: the form of copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CopyKindChoice {
    /// Sao y bản chính.
    #[value(name = "sao_y")]
    SaoY,
    /// Sao lục.
    #[value(name = "sao_luc")]
    SaoLuc,
    /// Trích sao.
    #[value(name = "trich_sao")]
    TrichSao,
}

/// Arguments of `hoso packet`.
#[derive(Debug, Args)]
pub struct PacketArgs {
    /// Tệp dữ liệu YAML của đơn vị; nhiều tệp, hoặc thư mục chứa các tệp *.yaml, để in hồ sơ của
    /// nhiều đơn vị cùng lúc.
    #[arg(value_name = "TỆP_DỮ_LIỆU", help_heading = "Tham số", required = true)]
    pub data: Vec<PathBuf>,
    /// The previous review named on the command line.
    #[command(flatten)]
    pub previous: PreviousArg,
    /// PDF/A-2b.
    #[command(flatten)]
    pub archive: ArchiveArg,
    /// Vẫn in khi dữ liệu phạm quy định xếp loại (các lỗi vẫn được báo).
    #[arg(long)]
    pub force: bool,
    /// Thư mục ghi hồ sơ (tạo mới nếu chưa có).
    #[arg(short, long, value_name = "THƯ_MỤC")]
    pub output: PathBuf,
}

/// Arguments of `hoso tong-hop`.
#[derive(Debug, Args)]
pub struct RollupArgs {
    /// Tệp dữ liệu YAML của các đơn vị, hoặc thư mục chứa các tệp *.yaml.
    #[arg(value_name = "TỆP_DỮ_LIỆU", help_heading = "Tham số", required = true)]
    pub data: Vec<PathBuf>,
    /// How findings are printed.
    #[command(flatten)]
    pub report: ReportArg,
    /// Tệp dữ liệu của tổ chức ban hành báo cáo (đảng bộ cấp trên: to_chuc, bi_thu, tap_the.so,
    /// tap_the.noi_nhan); không có thì lấy cấp trên mà các đơn vị ghi, để trống số và người ký.
    #[arg(long = "don-vi", value_name = "TỆP")]
    pub issuer: Option<PathBuf>,
    /// PDF/A-2b.
    #[command(flatten)]
    pub archive: ArchiveArg,
    /// Vẫn ghi báo cáo khi kết quả phạm quy định xếp loại (các lỗi vẫn được báo).
    #[arg(long)]
    pub force: bool,
    /// Thư mục ghi báo cáo và bảng tổng hợp (tạo mới nếu chưa có).
    #[arg(short, long, value_name = "THƯ_MỤC")]
    pub output: PathBuf,
}

/// Arguments of `hoso check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Tệp dữ liệu YAML của đơn vị.
    #[arg(value_name = "TỆP_DỮ_LIỆU", help_heading = "Tham số")]
    pub data: PathBuf,
    /// The previous review named on the command line.
    #[command(flatten)]
    pub previous: PreviousArg,
    /// How findings are printed.
    #[command(flatten)]
    pub report: ReportArg,
}

/// `--format`: how a command prints its findings.
#[derive(Debug, Args)]
pub struct ReportArg {
    /// Cách in kết quả: text (cho người đọc; mặc định) hoặc json (cho chương trình khác).
    #[arg(
        long,
        value_enum,
        value_name = "DẠNG",
        default_value_t = ReportFormat::Text,
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: ReportFormat,
}

/// `--previous`: the unit's previous review, instead of the one its file links.
#[derive(Debug, Args)]
pub struct PreviousArg {
    /// Tệp dữ liệu kỳ kiểm điểm trước của đơn vị, hoặc thư mục các tệp năm trước của đảng bộ (thay
    /// cho khóa ky_truoc trong tệp dữ liệu): hạn chế năm trước được đưa vào mục III và được so với
    /// năm nay.
    #[arg(long = "previous", value_name = "TỆP")]
    pub file: Option<PathBuf>,
}

/// `--pdf-a`: archival PDF files.
#[derive(Debug, Args)]
pub struct ArchiveArg {
    /// Ghi PDF theo chuẩn lưu trữ PDF/A-2b (như khóa pdf_a: true trong tệp dữ liệu).
    #[arg(long = "pdf-a")]
    pub pdf_a: bool,
}

/// How `hoso check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Cho người đọc.
    Text,
    /// JSON, cho chương trình khác.
    Json,
}

/// Arguments of `hoso render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Tệp dữ liệu YAML của đơn vị.
    #[arg(value_name = "TỆP_DỮ_LIỆU", help_heading = "Tham số")]
    pub data: PathBuf,
    /// Mã mẫu: tap-the (báo cáo của tập thể, Mẫu 01), bien-ban, tong-hop, ca-nhan, ca-nhan-lanh-dao,
    /// ca-nhan-ngoai-htct, neu-guong, dot-pha (xem hoso forms); bỏ trống cùng --all để in mọi văn bản
    /// của đơn vị.
    #[arg(long, value_name = "MÃ_MẪU")]
    pub form: Option<String>,
    /// Mã đảng viên (trường `id` trong tệp dữ liệu); nhắc lại để in cho nhiều người.
    #[arg(long = "member", value_name = "MÃ")]
    pub members: Vec<String>,
    /// In cho mọi đảng viên dùng mẫu này (các đồng chí dùng mẫu khác được liệt kê).
    #[arg(long, conflicts_with = "members")]
    pub all: bool,
    /// Định dạng tệp ra: pdf, docx hoặc both (cả hai; mặc định).
    #[arg(
        long,
        value_enum,
        value_name = "ĐỊNH_DẠNG",
        default_value_t = FormatChoice::Both,
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: FormatChoice,
    /// The previous review named on the command line.
    #[command(flatten)]
    pub previous: PreviousArg,
    /// PDF/A-2b.
    #[command(flatten)]
    pub archive: ArchiveArg,
    /// Coi cảnh báo (ký tự không có trong phông chữ) là lỗi: không ghi tệp nào.
    #[arg(long)]
    pub strict: bool,
    /// Vẫn in khi dữ liệu phạm quy định xếp loại (các lỗi vẫn được báo).
    #[arg(long)]
    pub force: bool,
    /// Thư mục ghi tệp ra (tạo mới nếu chưa có).
    #[arg(short, long, value_name = "THƯ_MỤC")]
    pub output: PathBuf,
}

/// Which files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatChoice {
    /// Chỉ PDF.
    Pdf,
    /// Chỉ DOCX.
    Docx,
    /// Cả PDF và DOCX.
    Both,
}

/// A usage error in Vietnamese, or `None` for help and version output, which clap prints itself.
pub fn usage_error_vi(err: &clap::Error) -> Option<String> {
    let context = |kind| {
        err.get(kind)
            .map(|value| value.to_string())
            .unwrap_or_default()
    };
    let message = match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::MissingRequiredArgument => format!(
            "thiếu tham số bắt buộc: {}",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::UnknownArgument => {
            format!("không có tùy chọn «{}»", context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh «{}»; các lệnh có: render, packet, check, tong-hop, copy, serve, forms, init",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue => format!(
            "giá trị «{}» không hợp lệ cho {}; chỉ nhận: {}",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg),
            context(ContextKind::ValidValue)
        ),
        ErrorKind::ArgumentConflict => format!(
            "không dùng {} cùng với {}",
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg)
        ),
        ErrorKind::NoEquals | ErrorKind::ValueValidation | ErrorKind::TooManyValues => {
            format!("tham số không hợp lệ: {}", context(ContextKind::InvalidArg))
        }
        _ => err.to_string(),
    };
    Some(format!(
        "lỗi: {message}\nXem hướng dẫn: hoso --help, hoso render --help, hoso packet --help, hoso check --help"
    ))
}
