//! The one way hoso reads a file it is given: a regular file only, never more than a limit that
//! fits what the file is, so a device, a pipe or a huge file cannot hang hoso or fill memory.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// What a file given to hoso is, which sets how large it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A unit's data file (`don-vi.yaml`), or last year's.
    Unit,
    /// A member's own file (`members/<id>.yaml`).
    Member,
    /// The data of a run of copies (`hoso copy --ban-sao`).
    CopyOrder,
    /// A file of an edited form (`--forms DIR`).
    Form,
    /// An existing PDF to copy (`hoso copy`).
    Pdf,
    /// A spreadsheet or CSV file of members to import (`hoso nhap danh-sach`).
    Sheet,
    /// A member's self-review written in Word, to import (`hoso nhap ban-kiem-diem`).
    Review,
}

/// One mebibyte.
const MIB: u64 = 1024 * 1024;

impl Kind {
    /// The largest file of this kind hoso reads, in bytes: far above any real one (a unit of
    /// 1,000 members with every text written is about 5 MB).
    pub const fn limit(self) -> u64 {
        match self {
            Kind::Unit => 32 * MIB,
            Kind::Member => 4 * MIB,
            Kind::CopyOrder | Kind::Form => MIB,
            Kind::Pdf => 256 * MIB,
            Kind::Sheet | Kind::Review => 64 * MIB,
        }
    }

    /// What the file is, as a message names it.
    pub const fn label(self) -> &'static str {
        match self {
            Kind::Unit => "tệp dữ liệu đơn vị",
            Kind::Member => "tệp đảng viên",
            Kind::CopyOrder => "tệp dữ liệu bản sao",
            Kind::Form => "tệp của mẫu",
            Kind::Pdf => "tệp PDF",
            Kind::Sheet => "bảng tính",
            Kind::Review => "bản kiểm điểm (Word)",
        }
    }
}

/// Why a file was not read, in Vietnamese; the path is the caller's to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// What was wrong, in Vietnamese.
    pub reason: String,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Refused {}

/// The bytes of the file at `path`, a regular file of at most `kind`'s limit.
pub fn read_bytes(path: &Path, kind: Kind) -> Result<Vec<u8>, Refused> {
    let refused = |reason: String| Refused { reason };
    let io = |err: std::io::Error| refused(crate::os_error::vietnamese(&err));
    let file = open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = not_regular(&meta) {
        return Err(refused(format!(
            "đây là {what}, không phải tệp thường: hoso chỉ đọc tệp thường"
        )));
    }
    let limit = kind.limit();
    if meta.len() > limit {
        return Err(too_large(kind, meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte past the limit tells a file that grew while it was read.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(kind, bytes.len() as u64));
    }
    Ok(bytes)
}

/// The text of the file at `path`, as [`read_bytes`] reads it; text that is not UTF-8 is refused.
pub fn read_text(path: &Path, kind: Kind) -> Result<String, Refused> {
    String::from_utf8(read_bytes(path, kind)?).map_err(|_| Refused {
        reason: "tệp không phải văn bản UTF-8".to_string(),
    })
}

/// Opens `path` to read without waiting: opening a pipe no one writes to returns at once, so it
/// can be refused.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a file that is not a regular file is, in Vietnamese, or `None` for a regular file.
fn not_regular(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("một thư mục");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_block_device() {
            return Some("một thiết bị");
        }
        if kind.is_fifo() {
            return Some("một ống dẫn (FIFO)");
        }
        if kind.is_socket() {
            return Some("một socket");
        }
    }
    Some("một tệp đặc biệt")
}

fn too_large(kind: Kind, size: u64) -> Refused {
    let (mut size_text, mut limit_text) = (size_vi(size), size_vi(kind.limit()));
    if size_text == limit_text {
        // Just over: the exact counts tell them apart.
        (size_text, limit_text) = (format!("{size} byte"), format!("{} byte", kind.limit()));
    }
    Refused {
        reason: format!(
            "tệp lớn {size_text}, quá giới hạn {limit_text} của một {}",
            kind.label()
        ),
    }
}

/// A size in bytes as a clerk reads it: "32 MB", "1,5 MB", "800 byte".
pub fn size_vi(bytes: u64) -> String {
    if bytes < 1024 {
        return format!("{bytes} byte");
    }
    let (value, unit) = if bytes < MIB {
        (bytes as f64 / 1024.0, "KB")
    } else if bytes < 1024 * MIB {
        (bytes as f64 / MIB as f64, "MB")
    } else {
        (bytes as f64 / (1024 * MIB) as f64, "GB")
    };
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text).replace('.', ",");
    format!("{text} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "nam: 2026\n").unwrap();
        assert_eq!(read_text(&file, Kind::Unit).unwrap(), "nam: 2026\n");
    }

    #[test]
    fn a_device_a_folder_and_a_pipe_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let device = read_bytes(Path::new("/dev/zero"), Kind::Unit).unwrap_err();
        assert!(device.reason.contains("một thiết bị"), "{device}");
        let folder = read_bytes(dir.path(), Kind::Unit).unwrap_err();
        assert!(folder.reason.contains("một thư mục"), "{folder}");
        let fifo = dir.path().join("ong");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let pipe = read_bytes(&fifo, Kind::Member).unwrap_err();
        assert!(pipe.reason.contains("ống dẫn"), "{pipe}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size_and_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("lon.yaml");
        let big = std::fs::File::create(&file).unwrap();
        big.set_len(Kind::Member.limit() + 1).unwrap();
        let err = read_text(&file, Kind::Member).unwrap_err();
        assert_eq!(
            err.reason,
            "tệp lớn 4194305 byte, quá giới hạn 4194304 byte của một tệp đảng viên"
        );
        assert!(read_bytes(&file, Kind::Unit).is_ok());
    }

    #[test]
    fn sizes_read_in_vietnamese() {
        assert_eq!(size_vi(800), "800 byte");
        assert_eq!(size_vi(1536), "1,5 KB");
        assert_eq!(size_vi(32 * MIB), "32 MB");
        assert_eq!(size_vi(3 * 1024 * MIB), "3 GB");
    }
}
