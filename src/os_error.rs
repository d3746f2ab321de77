//! What the operating system says when a file cannot be read or written, in Vietnamese.

use std::io::{Error, ErrorKind};

/// `err` as a clerk can read it: the common cases in Vietnamese, with the system's own words
/// after them; anything else in the system's words.
pub fn vietnamese(err: &Error) -> String {
    let said = match err.kind() {
        ErrorKind::NotFound => "không có tệp hoặc thư mục này",
        ErrorKind::PermissionDenied => "không có quyền truy cập",
        ErrorKind::AlreadyExists => "đã có tệp trùng tên",
        ErrorKind::IsADirectory => "đây là một thư mục, không phải tệp",
        ErrorKind::NotADirectory => "một phần của đường dẫn là tệp, không phải thư mục",
        ErrorKind::StorageFull => "ổ đĩa đã đầy",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        ErrorKind::InvalidFilename => {
            "tên tệp không hợp lệ (quá dài hoặc có ký tự không được phép)"
        }
        ErrorKind::InvalidData => "tệp không phải văn bản UTF-8",
        _ => return err.to_string(),
    };
    format!("{said} ({err})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_errors_are_told_in_vietnamese() {
        let missing = std::fs::read("/khong-co/tep.yaml").unwrap_err();
        assert!(vietnamese(&missing).starts_with("không có tệp hoặc thư mục này"));
        let folder = std::fs::read_to_string(std::env::temp_dir()).unwrap_err();
        assert!(
            vietnamese(&folder).starts_with("đây là một thư mục"),
            "{}",
            vietnamese(&folder)
        );
    }
}
