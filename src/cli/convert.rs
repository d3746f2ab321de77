//! `hoso chuyen-ma`: the values of a data file typed in an old encoding (TCVN3, VNI) listed and
//! rewritten in Unicode in place, by `old_text::yaml`.

use hoso::old_text::yaml::convert_file;

use super::args::ConvertArgs;
use super::{CliError, terminal};

/// Runs `hoso chuyen-ma`: exit 0 when done or nothing is to convert, 1 when the file cannot be
/// read or written.
pub fn run(args: &ConvertArgs) -> Result<(), CliError> {
    let file = args.data.display().to_string();
    let found = convert_file(&args.data, args.dry_run).map_err(|err| CliError::Convert(err.0))?;
    if found.is_empty() {
        terminal::out(&format!(
            "{file}: không có trường nào gõ bằng bảng mã cũ (TCVN3, VNI); tệp giữ nguyên"
        ));
        return Ok(());
    }
    for item in &found {
        terminal::out(&format!(
            "{file}:{}: {} ({}): «{}» → «{}»",
            item.line,
            item.path,
            item.detected.encoding.label_vi(),
            one_line(&item.value),
            one_line(&item.detected.text)
        ));
    }
    if args.dry_run {
        terminal::out(&format!(
            "{} trường sẽ được chuyển sang Unicode (--kiem-tra: chưa ghi gì); bỏ --kiem-tra để ghi",
            found.len()
        ));
    } else {
        terminal::out(&format!(
            "Đã chuyển {} trường của {file} sang Unicode",
            found.len()
        ));
    }
    Ok(())
}

/// `text` on one line, cut to 80 characters.
fn one_line(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}
