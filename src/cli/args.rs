//! Every command-line definition of hoso.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// hoso — hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng: từ một tệp YAML ra PDF và DOCX.
#[derive(Debug, Parser)]
#[command(name = "hoso", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands of hoso.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// In một mẫu cho một hoặc nhiều đảng viên (PDF và DOCX).
    Render(RenderArgs),
}

/// Arguments of `hoso render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Tệp dữ liệu YAML của đơn vị.
    pub data: PathBuf,
    /// Mã mẫu, ví dụ: ca-nhan-lanh-dao (bản kiểm điểm cá nhân giữ chức vụ lãnh đạo, quản lý).
    #[arg(long)]
    pub form: String,
    /// Mã đảng viên (trường `id` trong tệp dữ liệu); nhắc lại để in cho nhiều người.
    #[arg(long = "member", value_name = "ID", required_unless_present = "all")]
    pub members: Vec<String>,
    /// In cho tất cả đảng viên trong tệp.
    #[arg(long, conflicts_with = "members")]
    pub all: bool,
    /// Định dạng tệp ra.
    #[arg(long, value_enum, default_value_t = FormatChoice::Both)]
    pub format: FormatChoice,
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
