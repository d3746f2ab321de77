//! `hoso serve` end to end, in headless Chromium driven by Playwright
//! (`tests/tools/serve_e2e.py`): a secretary starts from an empty unit, adds two members, fills
//! a review while the check panel follows, is told of a wrong date beside its field, previews a
//! PDF and downloads the packet, which is `hoso packet` of the saved file, file for file and
//! byte for byte; a file changed on disk while its page is open is never written over.

#![cfg(feature = "trang")]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::*;

/// A running `hoso serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    /// Starts `hoso serve` over `data` on a free port and waits for its address.
    fn start(data: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
            .args(["serve", "--port", "0", "--khong-mo"])
            .arg(data)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("hoso serve starts");
        let stdout = child.stdout.take().unwrap();
        let line = BufReader::new(stdout)
            .lines()
            .next()
            .expect("hoso serve says where it listens")
            .unwrap();
        let address = line
            .split_whitespace()
            .find(|word| word.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no address in «{line}»"))
            .to_string();
        Server { child, address }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a scenario of `tests/tools/serve_e2e.py`; its standard output.
fn scenario(name: &str, server: &Server, unit: &Path, out: &Path) -> String {
    let script = root().join("tests/tools/serve_e2e.py");
    let output = Command::new(python())
        .arg(script)
        .args([name, &server.address])
        .args([unit, out])
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "{name}: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Every file of a zip, by path, with its bytes.
fn unzipped(zip: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let mut files = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        files.push((entry.name().to_string(), bytes));
    }
    files.sort();
    files
}

/// Keeps the page screenshots the README shows when asked (HOSO_UPDATE_REFERENCES=1).
fn keep_screenshots(out: &Path) {
    if std::env::var_os("HOSO_UPDATE_REFERENCES").is_some_and(|v| v == "1") {
        for entry in std::fs::read_dir(out).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("trang-") && name.ends_with(".png") {
                std::fs::copy(&path, root().join("tests/reference/serve").join(&name)).unwrap();
            }
        }
    }
}

#[test]
fn a_secretary_fills_a_new_unit_and_downloads_the_packet_hoso_packet_makes() {
    let dir = tempfile::tempdir().unwrap();
    let (unit_dir, out) = (dir.path().join("chi-bo"), dir.path().join("ra"));
    std::fs::create_dir_all(&unit_dir).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let unit = unit_dir.join("don-vi.yaml");
    {
        let server = Server::start(&unit_dir);
        assert!(unit.exists(), "started from hoso init's template");
        scenario("fill", &server, &unit, &out);
    }
    // The files are the page's: the unit file and one per member, with what was typed.
    let mut text = std::fs::read_to_string(&unit).unwrap();
    for member in ["pham-thu-ha", "le-quang-vinh"] {
        let file = unit_dir.join(format!("members/{member}.yaml"));
        text.push_str(&std::fs::read_to_string(file).unwrap());
    }
    for typed in [
        "Phạm Thu Hà",
        "Lê Quang Vinh",
        "Có lúc chậm cập nhật hồ sơ.",
        "<b>đậm</b>",
    ] {
        assert!(text.contains(typed), "«{typed}» in:\n{text}");
    }
    // The preview is what `hoso render` prints for that member.
    let preview = pdf_text(&out.join("xem-truoc.pdf"));
    assert!(
        preview.contains("Phạm Thu Hà") && preview.contains("<b>đậm</b>"),
        "{preview}"
    );
    // The packet downloaded is `hoso packet` of the saved files: same files, same bytes; split
    // into one file per member, the unit prints the same.
    let first = unzipped(&out.join("ho-so.zip"));
    assert!(first.len() > 6);
    assert!(
        first == unzipped(&out.join("ho-so-tach.zip")),
        "split, the same packet"
    );
    let packet = dir.path().join("ho-so");
    let output = hoso([
        "packet".as_ref(),
        unit.as_os_str(),
        "-o".as_ref(),
        packet.as_os_str(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let downloaded = unzipped(&out.join("ho-so-cuoi.zip"));
    let written = folder_contents(&packet);
    let names = |files: &[(String, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&downloaded), names(&written));
    assert!(downloaded == written, "the same bytes as hoso packet");
    let member = unit_dir.join("members/le-quang-vinh.yaml");
    assert!(
        std::fs::read_to_string(&member)
            .unwrap()
            .contains("Chưa chủ động")
    );
    // The wrong date the page refused, written in the member's own file: the command line
    // names that file and line, with the message the page showed beside the field.
    let shown = std::fs::read_to_string(out.join("loi-ngay-sinh.txt")).unwrap();
    let member = unit_dir.join("members/pham-thu-ha.yaml");
    let text = std::fs::read_to_string(&member).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("ngay_sinh:"))
        .unwrap()
        + 1;
    std::fs::write(
        &member,
        text.replacen("ngay_sinh: 1985-04-12", "ngay_sinh: 31/02/1985", 1),
    )
    .unwrap();
    let output = hoso(["check".as_ref(), unit.as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let named = format!("members/pham-thu-ha.yaml:{line}:");
    assert!(stderr.contains(&named), "{named} in:\n{stderr}");
    assert!(stderr.contains(shown.trim()), "«{shown}» in:\n{stderr}");
    keep_screenshots(&out);
}

/// A scenario run on a copy of the hand-written 2026 sample: the folder, the unit file, the
/// folder of what the scenario wrote, and what it printed. The server is stopped when it ends.
fn on_the_sample(name: &str) -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let out = dir.path().join("ra");
    std::fs::create_dir_all(&out).unwrap();
    let server = Server::start(&unit);
    let printed = scenario(name, &server, &unit, &out);
    (dir, unit, out, printed)
}

#[test]
fn a_list_and_three_reviews_dropped_on_the_import_page_are_shown_then_saved() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let out = dir.path().join("ra");
    for (form, member) in [
        ("ca-nhan", "mai-thanh-son"),
        ("ca-nhan-ngoai-htct", "hoang-anh-tu"),
    ] {
        render(
            &unit,
            &out.join("trong"),
            &["--form", form, "--member", member, "--format", "docx"],
        );
    }
    let before = std::fs::read_to_string(&unit).unwrap();
    {
        let server = Server::start(&unit);
        scenario("nhap", &server, &unit, &out);
    }
    let data: serde_json::Value =
        serde_saphyr::from_str(&std::fs::read_to_string(&unit).unwrap()).unwrap();
    let member = |id: &str| {
        data["dang_vien"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .unwrap_or_else(|| panic!("no member {id}"))
            .clone()
    };
    let pham_chat = |id: &str| {
        member(id)["tu_kiem_diem"]["pham_chat"]
            .as_str()
            .unwrap_or_default()
            .trim_end()
            .to_string()
    };
    assert_eq!(member("mai-thanh-son")["so_the"], "093456");
    assert_eq!(
        pham_chat("mai-thanh-son"),
        "Luôn giữ gìn phẩm chất, gương mẫu."
    );
    assert_eq!(member("le-van-cuong")["ho_ten"], "Lê Văn Cường");
    assert_eq!(
        pham_chat("le-van-cuong"),
        "Đảng viên mới, nhiệt tình với công việc."
    );
    // The part the file already held differently is kept.
    let held: serde_json::Value = serde_saphyr::from_str(&before).unwrap();
    let held = held["dang_vien"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "hoang-anh-tu")
        .unwrap()["tu_kiem_diem"]["pham_chat"]
        .clone();
    assert_eq!(member("hoang-anh-tu")["tu_kiem_diem"]["pham_chat"], held);
    // The file before the save is kept beside it, as every save of the page keeps it.
    let backup = dir.path().join("don-vi.yaml.bak");
    assert_eq!(std::fs::read_to_string(backup).unwrap(), before);
    assert_checks(&unit);
    keep_screenshots(&out);
}

#[test]
fn a_field_typed_in_tcvn3_is_rewritten_in_unicode_by_the_pages_button() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let workplace =
        "don_vi_cong_tac: Phòng Quản lý chất lượng công trình, Sở Xây dựng thành phố Hải Phòng";
    // "Phòng Tổ chức" in TCVN3 (ABC): ò is 0xDF, ổ 0xE6, ứ 0xF8 in the .VnTime font.
    let typed = "don_vi_cong_tac: Ph\u{DF}ng T\u{E6} ch\u{F8}c";
    let before = std::fs::read_to_string(&unit)
        .unwrap()
        .replacen(workplace, typed, 1);
    std::fs::write(&unit, &before).unwrap();
    {
        let server = Server::start(&unit);
        scenario("chuyen-ma", &server, &unit, &dir.path().join("ra"));
    }
    let after = std::fs::read_to_string(&unit).unwrap();
    assert_eq!(
        after,
        before.replacen(typed, "don_vi_cong_tac: Phòng Tổ chức", 1)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("don-vi.yaml.bak")).unwrap(),
        before
    );
}

#[test]
fn a_file_changed_on_disk_while_its_page_is_open_is_never_written_over() {
    let (_dir, _, out, field) = on_the_sample("conflict");
    assert!(field.trim().starts_with("dang_vien[0]."), "{field}");
    keep_screenshots(&out);
}

#[test]
fn last_years_shortcomings_and_the_chi_uys_comments_are_edited_and_printed() {
    let (_dir, unit, out, member) = on_the_sample("records");
    let member = member.trim();
    assert!(member.starts_with("dang_vien["), "{member}");
    // The form the preview showed prints section III from what was chosen on the page: the
    // status of last year's shortcoming instead of boxes, and the new one with its own, the
    // markup typed printed as text.
    let preview = pdf_text(&out.join("xem-truoc.pdf")).replace('\n', " ");
    for printed in [
        "Kết quả: Đang khắc phục; mức độ khắc phục: đọc xong 3 trong 5 chuyên đề",
        "Chưa tham gia đủ buổi sinh hoạt {{ tổ }} #2",
        "Kết quả: Chưa khắc phục",
    ] {
        assert!(preview.contains(printed), "«{printed}» in:\n{preview}");
    }
    // The data reads back as typed, through the command line's own reader.
    let output = hoso(["check".as_ref(), unit.as_os_str()]);
    assert!(output.status.success(), "{output:?}");
    let text = std::fs::read_to_string(&unit).unwrap();
    for written in [
        "      nhan_xet_chi_uy: 'Đồng chí <i>gương mẫu</i>, nhiệt tình.'\n",
        "        - han_che: 'Tuổi cao, việc nghiên cứu tài liệu còn hạn chế'\n          tinh_trang: dang_khac_phuc\n          muc_do: đọc xong 3 trong 5 chuyên đề\n",
        "        - han_che: 'Chưa tham gia đủ buổi sinh hoạt {{ tổ }} #2'\n          tinh_trang: chua_khac_phuc\n",
        "    - han_che: Sinh hoạt chuyên đề chưa thu hút nhiều ý kiến của đảng viên\n      tinh_trang: da_khac_phuc\n  giai_trinh:",
    ] {
        assert!(text.contains(written), "«{written}» in:\n{text}");
    }
    keep_screenshots(&out);
}

#[test]
fn the_server_answers_only_its_own_address_and_forms_with_its_token() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("don-vi.yaml");
    copy_unit(&sample_2026(), &unit);
    let before = std::fs::read(&unit).unwrap();
    let server = Server::start(&unit);
    let port = server
        .address
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .unwrap()
        .to_string();
    let status = |args: &[&str]| {
        let output = Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}"])
            .args(args)
            .output()
            .expect("curl runs");
        String::from_utf8(output.stdout).unwrap()
    };
    let page = format!("http://127.0.0.1:{port}/");
    assert_eq!(status(&[&page]), "200");
    // A member who registers nêu gương edits the pledges one per line.
    let get = |path: &str| {
        let output = Command::new("curl")
            .args(["-s", &format!("{page}{path}")])
            .output()
            .expect("curl runs");
        String::from_utf8(output.stdout).unwrap()
    };
    // The year, which decides the forms and the rules, is a field of the unit's page.
    let unit_page = get("");
    assert!(
        unit_page.contains(r#"name="f.nam" value="2026""#),
        "{unit_page}"
    );
    let body = get("dang-vien/tran-quoc-khanh");
    assert!(
        body.contains(r#"name="f.dang_vien[0].cam_ket_neu_guong[]""#),
        "{body}"
    );
    // Every finding of the "Kiểm tra" panel links to an element of the page it names.
    let links: Vec<String> = body
        .split(r#"<a href=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&#x2f;", "/"))
        .filter(|href| href.contains('#'))
        .collect();
    assert!(links.len() >= 3, "{links:?}");
    for link in &links {
        let (path, anchor) = link.split_once('#').unwrap();
        let target = get(path.trim_start_matches('/'));
        assert!(
            target.contains(&format!(r#"id="{anchor}""#)),
            "{link}: no element «{anchor}»"
        );
    }
    // Another name for this machine (DNS rebinding), and a form without this start's token.
    assert_eq!(
        status(&["-H", &format!("Host: hoso.example:{port}"), &page]),
        "403"
    );
    let save = format!("{page}luu");
    assert_eq!(
        status(&["--data", "token=doan&version=x&f.to_chuc.ten=Khac", &save]),
        "403"
    );
    // What such a form carried is shown back as text, to be typed again on a fresh page.
    let refused = Command::new("curl")
        .args(["-s", "--data-urlencode", "token=doan"])
        .args(["--data-urlencode", "f.to_chuc.ten=Chi bộ <b>mới</b>", &save])
        .output()
        .expect("curl runs");
    let refused = String::from_utf8_lossy(&refused.stdout);
    assert!(
        refused.contains("to_chuc.ten") && refused.contains("Chi bộ &lt;b&gt;mới&lt;&#x2f;b&gt;"),
        "{refused}"
    );
    // Pasted text goes through the data's checks: a control character is refused beside its
    // field, with the command line's message, and nothing is written.
    let hidden = |name: &str| {
        let key = format!(r#"name="{name}" value=""#);
        let start = body.find(&key).unwrap() + key.len();
        body[start..].split('"').next().unwrap().to_string()
    };
    let (token, version) = (hidden("token"), hidden("version"));
    let refused = Command::new("curl")
        .args(["-s", "--data-urlencode", &format!("token={token}")])
        .args(["--data-urlencode", &format!("version={version}")])
        .args([
            "--data-urlencode",
            "f.to_chuc.ten=Chi bộ \u{7} chuông",
            &save,
        ])
        .output()
        .expect("curl runs");
    let refused = String::from_utf8_lossy(&refused.stdout);
    let beside = r#"<p class="bao-loi" id="loi-to_chuc.ten">ký tự điều khiển U+0007"#;
    assert!(refused.contains(beside), "{refused}");
    // A body past the cap is refused unread.
    let big = format!("token=x&f.to_chuc.ten={}", "a".repeat(3 * 1024 * 1024));
    let body = dir.path().join("lon.txt");
    std::fs::write(&body, big).unwrap();
    assert_eq!(
        status(&["--data-binary", &format!("@{}", body.display()), &save]),
        "413"
    );
    assert_eq!(std::fs::read(&unit).unwrap(), before, "nothing written");
}
