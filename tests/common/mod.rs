//! Helpers shared by the end-to-end tests: run the real binary, read its output with real readers.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample unit every form uses.
pub fn sample() -> PathBuf {
    root().join("data-samples/chi-bo-mau.yaml")
}

/// Runs `hoso` with `args`.
pub fn hoso<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(args)
        .output()
        .expect("the hoso binary runs")
}

/// Runs an external reader and returns its standard output; fails the test when it is missing
/// or fails (install the readers with `bash tests/run.sh`).
pub fn tool<I, S>(program: &str, args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is needed by the tests ({e}); run `bash tests/run.sh`")
        });
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The Python that has the test requirements (`tests/requirements.txt`).
pub fn python() -> PathBuf {
    std::env::var_os("HOSO_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".venv/bin/python"))
}

/// Runs the Python `script` with `args` (`python -c SCRIPT ARGS…`), which must succeed; its
/// standard output.
pub fn run_python<I, S>(script: &str, args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut all = vec![
        OsStr::new("-c").to_os_string(),
        OsStr::new(script).to_os_string(),
    ];
    all.extend(args.into_iter().map(|arg| arg.as_ref().to_os_string()));
    tool(python().to_str().expect("a UTF-8 path"), all)
}

/// Checks `unit` with `hoso check`, which must find no error (warnings may be); what it said.
pub fn assert_checks(unit: &Path) -> String {
    let check = hoso(["check".as_ref(), unit.as_os_str()]);
    let said = String::from_utf8_lossy(&check.stdout).into_owned();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{said}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    said
}

/// Runs `hoso render DATA -o OUT ARGS…`.
pub fn run_render(data: &Path, out: &Path, args: &[&str]) -> Output {
    let mut all = vec![
        OsStr::new("render"),
        data.as_os_str(),
        OsStr::new("-o"),
        out.as_os_str(),
    ];
    all.extend(args.iter().map(OsStr::new));
    hoso(all)
}

/// Runs `hoso render DATA -o OUT ARGS…`, which must succeed; returns the files in `out`, sorted.
pub fn render(data: &Path, out: &Path, args: &[&str]) -> Vec<PathBuf> {
    let output = run_render(data, out, args);
    assert!(
        output.status.success(),
        "render failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    files_in(out)
}

/// Renders `form` for every member of `data` who files it into `out`; returns the files in
/// `out`, sorted.
pub fn render_all(form: &str, data: &Path, out: &Path) -> Vec<PathBuf> {
    render(data, out, &["--form", form, "--all"])
}

/// The 2025-regime sample unit (review year 2026).
pub fn sample_2026() -> PathBuf {
    root().join("data-samples/chi-bo-mau-2026.yaml")
}

/// Copies the unit file `from` to `to`, with the previous review its `ky_truoc` names placed at
/// the same path beside the copy, as a clerk moving a year's folder would.
pub fn copy_unit(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap();
    copy_linked(from, to);
}

/// Places the previous review that the unit file `from` links (`ky_truoc`) beside `to`, at the
/// same relative path.
fn copy_linked(from: &Path, to: &Path) {
    let text = std::fs::read_to_string(from).unwrap();
    let linked = text
        .lines()
        .find_map(|line| line.strip_prefix("ky_truoc:"))
        .map(str::trim);
    if let Some(linked) = linked {
        let target = to.parent().unwrap().join(linked);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(from.parent().unwrap().join(linked), target).unwrap();
    }
}

/// The documents of the unit itself, printed once each.
pub const COLLECTIVE: [&str; 3] = ["tap-the", "bien-ban", "tong-hop"];

/// The forms of each sample's regime: the unit's own documents first, then the personal forms.
pub fn forms_of(data: &Path) -> &'static [&'static str] {
    if data == sample_2026() {
        &[
            "tap-the",
            "bien-ban",
            "tong-hop",
            "ca-nhan",
            "ca-nhan-lanh-dao",
            "ca-nhan-ngoai-htct",
            "neu-guong",
            "dot-pha",
        ]
    } else {
        &[
            "tap-the",
            "bien-ban",
            "tong-hop",
            "ca-nhan",
            "ca-nhan-lanh-dao",
            "neu-guong",
            "dot-pha",
        ]
    }
}

/// How many documents a sample's whole unit makes: the unit's own, each reviewed member's
/// self-review, and the registrations: those the data gives, and those of the secretary and of
/// every member with a leadership post (blank when the data gives none).
pub fn documents_of(data: &Path) -> usize {
    COLLECTIVE.len()
        + names_in(data).len()
        + registering(data, "cam_ket_neu_guong")
        + registering(data, "viec_dot_pha")
}

/// The members of a sample, read with a YAML reader, and the unit.
fn members_of(data: &Path) -> (serde_json::Value, Vec<serde_json::Value>) {
    let yaml = std::fs::read_to_string(data).expect("sample readable");
    let unit: serde_json::Value = serde_saphyr::from_str(&yaml).expect("sample parses");
    let members = unit["dang_vien"].as_array().expect("members").clone();
    (unit, members)
}

/// How many members of a sample give each key at their top level, read with a YAML reader.
pub fn members_giving(data: &Path, key: &str) -> usize {
    let (_, members) = members_of(data);
    members
        .iter()
        .filter(|member| member.get(key).is_some())
        .count()
}

/// How many members of a sample file the registration whose data is `key`: those who give it,
/// the secretary, and those with a leadership post (`lanh_dao_quan_ly: true`, or a
/// `chuc_vu_chinh_quyen` when that key is absent).
pub fn registering(data: &Path, key: &str) -> usize {
    let (unit, members) = members_of(data);
    let secretary = unit["to_chuc"]["bi_thu"].as_str();
    members
        .iter()
        .filter(|member| {
            let leader = match member.get("lanh_dao_quan_ly") {
                Some(flag) => flag.as_bool() == Some(true),
                None => member.get("chuc_vu_chinh_quyen").is_some(),
            };
            member.get(key).is_some() || leader || member["id"].as_str() == secretary
        })
        .count()
}

/// Renders every form of `data`'s regime (the report once, each personal form for the members
/// who file it) into `out`; returns the files in `out`, sorted.
pub fn render_every_form(data: &Path, out: &Path) -> Vec<PathBuf> {
    for form in forms_of(data) {
        if COLLECTIVE.contains(form) {
            render(data, out, &["--form", form]);
        } else {
            render_all(form, data, out);
        }
    }
    files_in(out)
}

/// The files in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.expect("entry").path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// The files of `files` with extension `ext`.
pub fn with_extension(files: &[PathBuf], ext: &str) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|f| f.extension() == Some(OsStr::new(ext)))
        .cloned()
        .collect()
}

/// The text of a PDF in content order, pages separated by form feeds (pdftotext -raw).
pub fn pdf_text(pdf: &Path) -> String {
    tool(
        "pdftotext",
        [
            OsStr::new("-raw"),
            OsStr::new("-enc"),
            OsStr::new("UTF-8"),
            pdf.as_os_str(),
            OsStr::new("-"),
        ],
    )
}

/// The number of pages of a PDF (pdfinfo).
pub fn pdf_pages(pdf: &Path) -> usize {
    tool("pdfinfo", [pdf])
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// Text compared "up to whitespace and line breaks": no whitespace, and no dotted leaders (the
/// PDF draws them as runs of dots, the DOCX as tab leaders). Runs are cut line by line, so the
/// full stop that ends a line before a line of dots is kept.
pub fn comparable(text: &str) -> String {
    text.lines()
        .flat_map(|line| {
            let mut kept = String::with_capacity(line.len());
            let mut dots = 0;
            for c in line.chars().chain(std::iter::once('\n')) {
                if c == '.' {
                    dots += 1;
                    continue;
                }
                if dots == 1 {
                    kept.push('.');
                }
                dots = 0;
                if !c.is_whitespace() {
                    kept.push(c);
                }
            }
            kept.chars().collect::<Vec<_>>()
        })
        .collect()
}

/// The names of the members of a sample who file a self-review, read with a YAML reader (not
/// through hoso's loader).
pub fn names_in(data: &Path) -> Vec<String> {
    let yaml = std::fs::read_to_string(data).expect("sample readable");
    let unit: serde_json::Value = serde_saphyr::from_str(&yaml).expect("sample parses");
    let ymd = |value: &serde_json::Value| -> (i64, i64, i64) {
        let parts: Vec<i64> = value
            .as_str()
            .expect("an ISO date")
            .split('-')
            .map(|part| part.parse().expect("a number"))
            .collect();
        (parts[0], parts[1], parts[2])
    };
    let meeting = ymd(&unit["hoi_nghi"]["ngay"]);
    // From the 2025 review on, a member admitted less than six months before the meeting is
    // not reviewed and files nothing.
    let scored_rules = unit["nam"].as_i64().expect("a year") >= 2025;
    let is_new = |member: &serde_json::Value| {
        let Some(admitted) = member.get("ngay_vao_dang").map(ymd) else {
            return false;
        };
        let months = (meeting.0 - admitted.0) * 12 + (meeting.1 - admitted.1)
            - i64::from(meeting.2 < admitted.2);
        months < 6
    };
    unit["dang_vien"]
        .as_array()
        .expect("members")
        .iter()
        .filter(|member| !(scored_rules && is_new(member)))
        .map(|member| member["ho_ten"].as_str().expect("a name").to_string())
        .collect()
}

/// What python-docx reads from a DOCX (`tests/tools/docx_facts.py`).
#[derive(serde::Deserialize)]
pub struct DocxFacts {
    /// Every paragraph of the body in reading order, table cells included.
    pub paragraphs: Vec<String>,
    /// The paragraphs of the body kept on the page of the next one (`w:keepNext`).
    pub kept_with_next: Vec<String>,
    /// Page size and margins of the first section.
    pub page: Page,
    /// Core property: title.
    pub title: String,
    /// Core property: author.
    pub author: String,
    /// Core property: creation date, ISO 8601.
    pub created: String,
    /// The default language of runs.
    pub language: Option<String>,
    /// Every font family named by runs and the document defaults.
    pub fonts: Vec<String>,
    /// The text of each table row that repeats as a header on every page.
    pub header_rows: Vec<String>,
}

/// Page size and margins, in millimetres.
#[derive(serde::Deserialize)]
pub struct Page {
    pub width_mm: f64,
    pub height_mm: f64,
    pub top_mm: f64,
    pub bottom_mm: f64,
    pub left_mm: f64,
    pub right_mm: f64,
}

/// Reads `docx` with python-docx, after checking that every XML part of it parses.
pub fn docx_facts(docx: &Path) -> DocxFacts {
    assert_docx_xml_parses(docx);
    let script = root().join("tests/tools/docx_facts.py");
    let json = tool(
        python().to_str().unwrap(),
        [script.as_os_str(), docx.as_os_str()],
    );
    serde_json::from_str(&json).expect("docx_facts prints JSON")
}

/// One line of text of a PDF page, as PyMuPDF reads it (`tests/tools/pdf_lines.py`).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PdfLine {
    /// The words, single-spaced; dotted leaders as "…".
    pub text: String,
    /// The baseline's distance from the top of the page, in points.
    pub baseline: f64,
    /// The left edge, in points.
    pub left: f64,
}

/// The lines of every page of `pdf`, top to bottom.
pub fn pdf_lines(pdf: &Path) -> Vec<Vec<PdfLine>> {
    let script = root().join("tests/tools/pdf_lines.py");
    let json = tool(
        python().to_str().unwrap(),
        [script.as_os_str(), pdf.as_os_str()],
    );
    serde_json::from_str(&json).expect("pdf_lines prints JSON")
}

/// Converts every DOCX of `docxs` to PDF with LibreOffice into `out`; returns the PDFs in the
/// order of `docxs`.
pub fn libreoffice_pdfs(docxs: &[PathBuf], out: &Path) -> Vec<PathBuf> {
    libreoffice_convert(docxs, "pdf", out);
    docxs
        .iter()
        .map(|docx| {
            let pdf = out.join(docx.file_stem().unwrap()).with_extension("pdf");
            assert!(pdf.exists(), "LibreOffice did not convert {docx:?}");
            pdf
        })
        .collect()
}

/// Converts `files` with LibreOffice (`soffice --convert-to TO`, `to` a format such as `pdf`,
/// `ods` or `docx:MS Word 2007 XML`) into `out`, with a profile of its own under `out`.
pub fn libreoffice_convert(files: &[PathBuf], to: &str, out: &Path) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        out.join("lo-profile").display()
    );
    let mut args = vec![
        profile.into(),
        "--headless".into(),
        "--convert-to".into(),
        to.into(),
        "--outdir".into(),
        out.as_os_str().to_owned(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    tool::<_, std::ffi::OsString>("soffice", args);
}

/// Writes the sample unit into `dir` as `name`, with `from` replaced by `to` (which must occur).
pub fn sample_with(dir: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    edited(&sample(), dir, name, from, to)
}

/// Writes `data` into `dir` as `name`, with `from` replaced by `to` (which must occur).
pub fn edited(data: &Path, dir: &Path, name: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(data).expect("sample readable");
    assert!(text.contains(from), "the sample has no «{from}»");
    let path = dir.join(name);
    std::fs::write(&path, text.replacen(from, to, 1)).expect("temporary file written");
    copy_linked(data, &path);
    path
}

/// The name of each file of `files`.
pub fn file_names(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// Parses every XML part of `docx` (quick-xml, to the end); panics naming the part that is not
/// well-formed.
pub fn assert_docx_xml_parses(docx: &Path) {
    let bytes = std::fs::read(docx).expect("DOCX readable");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("DOCX is a zip");
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        let name = part.name().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut text = String::new();
        std::io::Read::read_to_string(&mut part, &mut text)
            .unwrap_or_else(|e| panic!("{docx:?} {name}: not UTF-8: {e}"));
        let mut reader = quick_xml::Reader::from_str(&text);
        reader.config_mut().check_end_names = true;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Text(t)) => {
                    let raw: String = t.as_ref().to_string();
                    if let Some(c) = raw.chars().find(|c| {
                        !matches!(*c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
                    }) {
                        panic!("{docx:?} {name}: U+{:04X} is not an XML 1.0 character", u32::from(c));
                    }
                }
                Ok(_) => {}
                Err(e) => panic!("{docx:?} {name}: not well-formed XML: {e}"),
            }
        }
    }
}

/// A PDF's text on one line (pdftotext), no-break spaces as spaces, whitespace single.
pub fn flat_text(pdf: &Path) -> String {
    pdf_text(pdf)
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The PDF's text without the page numbers that head pages 2 and later.
pub fn pdf_body_text(pdf: &Path) -> String {
    pdf_text(pdf)
        .split('\u{c}')
        .enumerate()
        .map(|(index, page)| {
            let number = (index + 1).to_string();
            match page.split_once('\n') {
                Some((first, rest)) if index > 0 && first.trim() == number => rest.to_string(),
                _ => page.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The PDF's body text on one line, words parted by single spaces, without page numbers.
pub fn flat_body_text(pdf: &Path) -> String {
    pdf_body_text(pdf)
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Panics unless every one of `needles` is in `text`, each after the one before; `what` names
/// the document in the message.
pub fn in_order<S: AsRef<str>>(what: &str, text: &str, needles: &[S]) {
    let mut from = 0;
    for needle in needles {
        let needle = needle.as_ref();
        let at = text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{what}: «{needle}» missing or out of order in:\n{text}"));
        from += at + needle.len();
    }
}

/// The author a PDF names (pdfinfo): the person whose document it is, or the unit.
pub fn pdf_author(pdf: &Path) -> String {
    tool("pdfinfo", [pdf])
        .lines()
        .find_map(|line| line.strip_prefix("Author:"))
        .map(|author| author.trim().to_string())
        .unwrap_or_default()
}

/// The level keys, best first.
pub const LEVEL_KEYS: [&str; 4] = [
    "hoan_thanh_xuat_sac",
    "hoan_thanh_tot",
    "hoan_thanh",
    "khong_hoan_thanh",
];

/// The index in [`LEVEL_KEYS`] of the level that `votes` (a `phieu` mapping) adopt among
/// `voters`: the best one that, with the votes for the levels above it, has more than half.
pub fn adopted(votes: &serde_json::Value, voters: u64) -> Option<usize> {
    let mut so_far = 0;
    LEVEL_KEYS.iter().position(|key| {
        so_far += votes[key].as_u64().unwrap_or(0);
        so_far * 2 > voters
    })
}

/// A page as grey pixels.
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Reads a PNG as grey pixels.
pub fn read_png(path: &Path) -> Image {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "{path:?}");
    let samples = info.color_type.samples();
    let colours = samples.min(3);
    let grey = pixels[..info.buffer_size()]
        .chunks(samples)
        .map(|pixel| {
            let sum: u32 = pixel[..colours].iter().map(|&c| u32::from(c)).sum();
            (sum / colours as u32) as u8
        })
        .collect();
    Image {
        width: info.width,
        height: info.height,
        pixels: grey,
    }
}

/// Share of pixels whose grey level differs by more than a quarter of the range.
pub fn difference(a: &Image, b: &Image) -> f64 {
    if (a.width, a.height) != (b.width, b.height) {
        return 1.0;
    }
    let differing = a
        .pixels
        .iter()
        .zip(&b.pixels)
        .filter(|(x, y)| x.abs_diff(**y) > 64)
        .count();
    differing as f64 / a.pixels.len() as f64
}

/// Draws page `page` of `pdf` at 60 dpi in grey (the README shows these images) and compares it
/// with `tests/reference/<name>-trang-<page>.png`. A missing reference is written when
/// HOSO_UPDATE_REFERENCES=1; a changed page leaves the new image beside the reference and is an
/// error naming both.
pub fn page_image_matches(pdf: &Path, page: u32, name: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("trang");
    tool(
        "pdftoppm",
        [
            OsStr::new("-r"),
            OsStr::new("60"),
            OsStr::new("-gray"),
            OsStr::new("-png"),
            OsStr::new("-f"),
            OsStr::new(&page.to_string()),
            OsStr::new("-l"),
            OsStr::new(&page.to_string()),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    );
    let rendered: PathBuf = dir.path().join(format!("trang-{page}.png"));
    let reference = root()
        .join("tests/reference")
        .join(format!("{name}-trang-{page}.png"));
    let update = std::env::var_os("HOSO_UPDATE_REFERENCES").is_some_and(|v| v == "1");
    if update {
        std::fs::copy(&rendered, &reference).unwrap();
    }
    assert!(
        reference.exists(),
        "no reference image {reference:?}; run with HOSO_UPDATE_REFERENCES=1"
    );
    let share = difference(&read_png(&rendered), &read_png(&reference));
    if share > 0.002 {
        let new = reference.with_extension("new.png");
        std::fs::copy(&rendered, &new).unwrap();
        return Err(format!(
            "page {page} changed ({:.2}% of pixels): compare {new:?} with {reference:?}; if the change is wanted, run with HOSO_UPDATE_REFERENCES=1",
            share * 100.0
        ));
    }
    Ok(())
}

/// Every file under `dir`, by its path relative to `dir` with `/` between folders, with its
/// bytes, sorted by path.
pub fn folder_contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// Runs `hoso tong-hop --don-vi <the sample đảng ủy> EXTRA… UNIT -o OUT`, which must succeed:
/// the upper committee's roll-up of `unit`; returns what it printed.
pub fn rollup_by_sample_committee(unit: &Path, out: &Path, extra: &[&str]) -> Output {
    let issuer = root().join("data-samples/tong-hop/dang-uy-so-xay-dung.yaml");
    let mut args: Vec<&OsStr> = vec![OsStr::new("tong-hop")];
    args.extend(extra.iter().map(OsStr::new));
    args.extend([
        OsStr::new("--don-vi"),
        issuer.as_os_str(),
        unit.as_os_str(),
        OsStr::new("-o"),
        out.as_os_str(),
    ]);
    let output = hoso(args);
    assert!(output.status.success(), "{output:?}");
    output
}
