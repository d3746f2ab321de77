//! The YAML parser's and serde's messages in the Vietnamese a clerk reads.

/// The YAML parser's message, in Vietnamese where the wording is known.
pub(super) fn syntax_vi(message: &str) -> String {
    let known = [
        ("unclosed quote", "dấu ngoặc kép chưa được đóng"),
        (
            "mapping values are not allowed in this context",
            "dấu «:» không được phép ở đây (giá trị có dấu «:» cần đặt trong ngoặc kép)",
        ),
        (
            "did not find expected key",
            "không tìm thấy khóa (thụt lề sai?)",
        ),
        (
            "found character that cannot start any token",
            "gặp ký tự không được đứng đầu giá trị",
        ),
        ("did not find expected node content", "thiếu giá trị"),
    ];
    known
        .iter()
        .find(|(english, _)| message.contains(english))
        .map(|(_, vietnamese)| vietnamese.to_string())
        .unwrap_or_else(|| message.to_string())
}

/// A scalar type as a clerk knows it.
pub(super) fn scalar_vi(ty: &str) -> &str {
    match ty {
        "boolean" => "true hoặc false",
        ty if ty.starts_with('i') || ty.starts_with('u') => "một số nguyên",
        ty if ty.starts_with('f') => "một số",
        other => other,
    }
}

/// What the parser expected, in Vietnamese where the wording is known.
pub(super) fn expected_vi(expected: &str) -> &str {
    match expected {
        "string scalar" => "một chuỗi chữ",
        "sequence start" => "một danh sách (các dòng bắt đầu bằng «- »)",
        "mapping start" => "các cặp «khóa: giá trị»",
        other => other,
    }
}
