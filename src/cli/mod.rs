//! The command line: parsing, dispatch, and how errors reach the user.

mod args;
mod check;
mod convert;
mod copy;
mod forms;
mod nhap;
mod packet;
mod render;
mod rollup;
#[cfg(feature = "trang")]
mod serve;
mod terminal;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use miette::Diagnostic;
use thiserror::Error;

use args::{Cli, Command};

/// Everything a command can fail with, each with its exit code.
#[derive(Debug, Error, Diagnostic)]
#[non_exhaustive]
pub enum CliError {
    /// The data file is unreadable or wrong.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Load(#[from] hoso::dossier::LoadError),
    /// The form is unknown or could not be filled.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Form(#[from] hoso::forms::FormError),
    /// `--member` named nobody in the data.
    #[error("không có đảng viên mã «{id}» trong {file}; các mã có: {known}")]
    UnknownMember {
        /// The id given.
        id: String,
        /// The data file.
        file: String,
        /// The ids in the data.
        known: String,
    },
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// `hoso chuyen-ma` could not read, convert or write the file: it is left as it was.
    #[error("{0}")]
    Convert(String),
    /// The unit files or folders given cannot make a run.
    #[error(transparent)]
    Units(#[from] hoso::packet::UnitsError),
    /// `--strict`, and the data holds characters the PDF cannot draw.
    #[error("có {0} ký tự không in được (xem cảnh báo ở trên); bỏ --strict để vẫn ghi tệp")]
    Strict(usize),
    /// The data breaks rating rules (listed before this message).
    #[error(
        "dữ liệu có {0} lỗi theo quy định đánh giá, xếp loại (xem ở trên): không ghi tệp nào; sửa dữ liệu, hoặc thêm --force để vẫn in"
    )]
    RulesBroken(usize),
    /// `hoso check` found errors (listed before this message).
    #[error("có {0} lỗi theo quy định đánh giá, xếp loại")]
    CheckFailed(usize),
    /// `hoso forms check` found errors in an edited folder of forms (listed before this message).
    #[error("các mẫu trong {folder} có {count} lỗi (xem ở trên)")]
    FormsBroken {
        /// How many errors.
        count: usize,
        /// The folder of forms.
        folder: String,
    },
    /// The roll-up's files could not be written.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rollup(#[from] hoso::rollup::RollupError),
    /// Rendering or writing the files failed.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Packet(#[from] hoso::packet::PacketError),
    /// The copies could not be made.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Copy(#[from] hoso::copy::CopyError),
    /// A list could not be read in.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Import(#[from] hoso::import::ImportError),
}

impl CliError {
    /// 1: the data is wrong; 2: the command line is wrong; 3: output could not be written;
    /// 4: a fault of hoso itself.
    fn exit_code(&self) -> u8 {
        use hoso::copy::CopyError;
        use hoso::forms::FormError;
        use hoso::import::ImportError;
        use hoso::packet::PacketError;
        if self.in_users_form() {
            return 1;
        }
        match self {
            CliError::Load(_)
            | CliError::UnknownMember { .. }
            | CliError::Strict(_)
            | CliError::RulesBroken(_)
            | CliError::CheckFailed(_)
            | CliError::Convert(_)
            | CliError::FormsBroken { .. }
            | CliError::Copy(CopyError::Sections { .. } | CopyError::Pdf { .. }) => 1,
            CliError::Import(ImportError::NotWritten { .. }) => 3,
            CliError::Import(_) => 1,
            CliError::Form(
                FormError::Unknown { .. }
                | FormError::NoRegime { .. }
                | FormError::RollupOnly { .. },
            )
            | CliError::Usage(_)
            | CliError::Units(_) => 2,
            CliError::Packet(PacketError::Write(_))
            | CliError::Copy(CopyError::Packet(PacketError::Write(_)))
            | CliError::Rollup(_) => 3,
            CliError::Form(_) | CliError::Packet(_) | CliError::Copy(_) => 4,
        }
    }
}

impl CliError {
    /// Whether the error is in a form of the user's own (`--forms`), however deep in the work
    /// it was met: the user's to fix, not a fault of hoso.
    fn in_users_form(&self) -> bool {
        use hoso::copy::CopyError;
        use hoso::forms::FormError;
        use hoso::packet::PacketError;
        use hoso::rollup::RollupError;
        matches!(
            self,
            CliError::Form(FormError::Custom(_))
                | CliError::Packet(PacketError::Form(FormError::Custom(_)))
                | CliError::Copy(CopyError::Packet(PacketError::Form(FormError::Custom(_))))
                | CliError::Rollup(RollupError::Packet(PacketError::Form(FormError::Custom(_))))
        )
    }
}

/// Runs the command the user asked for, with the forms they chose.
fn run(cli: &Cli) -> Result<(), CliError> {
    hoso::parallel::set_threads(cli.jobs);
    // A command that draws PDFs readies typst while it reads and checks the data.
    let draws_pdf = match &cli.command {
        Command::Render(args) => !matches!(args.format, args::FormatChoice::Docx),
        Command::Packet(_) => true,
        _ => false,
    };
    if draws_pdf {
        hoso::render::pdf::warm_up(&hoso::render::layout::PARTY);
    }
    let catalogue = match &cli.forms {
        Some(dir) => hoso::forms::Catalogue::with_local(dir)?,
        None => hoso::forms::Catalogue::builtin()?,
    };
    match &cli.command {
        Command::Render(args) => {
            render::run(args, &catalogue).map(|paths| terminal::report_written(&paths))
        }
        Command::Check(args) => check::run(args, &catalogue),
        Command::Packet(args) => packet::run(args, &catalogue),
        Command::Rollup(args) => rollup::run(args, &catalogue),
        Command::Copy(args) => copy::run(args, &catalogue),
        #[cfg(feature = "trang")]
        Command::Serve(args) => serve::run(args, catalogue),
        Command::Forms(args) => forms::run(args, &catalogue),
        Command::Init(args) => init(&args.dir, args.from.as_deref()),
        Command::Schema(args) => schema(args.output.as_deref()),
        Command::Nhap(args) => nhap::run(args, &catalogue),
        Command::ChuyenMa(args) => convert::run(args),
    }
}

/// `hoso schema`: the unit file's JSON Schema, on the screen or into `output` (whole or not at
/// all).
fn schema(output: Option<&std::path::Path>) -> Result<(), CliError> {
    let mut text =
        serde_json::to_string_pretty(&hoso::dossier::schema::json_schema()).unwrap_or_default();
    text.push('\n');
    let Some(file) = output else {
        // A reader that stops early (`| head`) is no fault.
        let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
        return Ok(());
    };
    let dir = file
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    let Some(name) = name else {
        return Err(CliError::Usage(format!(
            "không ghi được lược đồ vào {}: cần tên một tệp",
            file.display()
        )));
    };
    let written = hoso::output::Staging::new(dir).and_then(|staging| {
        hoso::output::Sink::add(&staging, &name, text.as_bytes())?;
        staging.commit()
    });
    written.map_err(hoso::packet::PacketError::from)?;
    terminal::out(&format!("Đã ghi lược đồ dữ liệu vào {}", file.display()));
    Ok(())
}

/// `hoso init`: the starting data file for the review being held, or for the year after the
/// review in `from`.
fn init(dir: &std::path::Path, from: Option<&std::path::Path>) -> Result<(), CliError> {
    let written = match from {
        Some(file) => {
            let previous = hoso::dossier::load(file)?;
            let year = previous.year + 1;
            hoso::init::write_next_year(dir, &previous, file).map(|path| (path, year))
        }
        None => {
            let year = hoso::init::review_year(hoso::date::Date::today());
            hoso::init::write_starter(dir, year).map(|path| (path, year))
        }
    };
    let (path, year) = written.map_err(|err| {
        CliError::Usage(format!(
            "không tạo được {}: {}",
            dir.join(hoso::init::FILE_NAME).display(),
            hoso::os_error::vietnamese(&err)
        ))
    })?;
    terminal::out(&format!(
        "Đã tạo {} cho năm {year}: sửa dữ liệu mẫu, rồi chạy hoso check {}",
        path.display(),
        path.display()
    ));
    Ok(())
}

/// Parses the command line, runs the command and reports the outcome.
pub fn main() -> ExitCode {
    // Messages wrap to the terminal's width; piped into a file or another program, they keep one
    // line each so they can be searched. An error's message already says what its cause said, so
    // the chain of causes is not listed again under it.
    let wrap = std::io::stderr().is_terminal();
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .wrap_lines(wrap)
                .without_cause_chain()
                .build(),
        )
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            return match args::usage_error_vi(&err) {
                Some(message) => {
                    eprintln!("{message}");
                    ExitCode::from(2)
                }
                None => {
                    let _ = err.print();
                    ExitCode::from(if err.use_stderr() { 2 } else { 0 })
                }
            };
        }
    };
    let result = run(&cli);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let code = err.exit_code();
            terminal::error(&format!("{:?}", miette::Report::new(err)));
            ExitCode::from(code)
        }
    }
}
