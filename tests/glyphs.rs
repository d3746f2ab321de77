//! Characters the fonts cannot draw are reported, never dropped in silence; those the fallback
//! font draws print.

mod common;

use common::*;

const SYMBOLS: &str = "Biểu tượng 👍 中文 ① → ½ € № ✓ hết.";

fn with_symbols(dir: &std::path::Path) -> std::path::PathBuf {
    sample_with(
        dir,
        "ky-hieu.yaml",
        "      giai_trinh: |\n        Không có.",
        &format!("      giai_trinh: \"{SYMBOLS}\""),
    )
}

#[test]
fn symbols_the_fallback_font_draws_print_and_the_others_are_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let data = with_symbols(dir.path());
    let out = dir.path().join("ra");
    let output = run_render(
        &data,
        &out,
        &["--form", "ca-nhan-lanh-dao", "--member", "nguyen-van-an"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let pdf = with_extension(&files_in(&out), "pdf").remove(0);
    let text = pdf_text(&pdf);
    assert!(text.contains("① → ½ € № ✓"), "{text}");
    let fonts = tool("pdffonts", [&pdf]);
    assert!(
        fonts.contains("DejaVuSans"),
        "the fallback font is embedded:\n{fonts}"
    );
    for (code, character) in [("U+1F44D", "👍"), ("U+4E2D", "中"), ("U+6587", "文")] {
        let warning =
            format!("trường dang_vien[0].tu_kiem_diem.giai_trinh: ký tự {code} «{character}»");
        assert_eq!(
            stderr.matches(&warning).count(),
            1,
            "«{warning}» once in:\n{stderr}"
        );
    }
    assert_eq!(
        stderr.matches("không có trong phông chữ của hoso").count(),
        3,
        "{stderr}"
    );
    for drawn in ["①", "→", "½", "€", "№", "✓"] {
        assert!(
            !stderr.contains(&format!("«{drawn}»")),
            "{drawn} is drawn: {stderr}"
        );
    }
    assert!(
        stderr.contains("ky-hieu.yaml:"),
        "the warning names the file and line: {stderr}"
    );
}

#[test]
fn strict_turns_the_warnings_into_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = with_symbols(dir.path());
    let out = dir.path().join("ra");
    let output = run_render(
        &data,
        &out,
        &["--strict", "--form", "ca-nhan-lanh-dao", "--all"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("có 3 ký tự không in được"), "{stderr}");
    assert!(files_in(&out).is_empty());
}
