//! hoso used as a library by another program: read a unit, check it against the rating rules
//! of its year, and write its whole packet — the same functions the command line calls.
//!
//! Run with `cargo run --release --example thu_vien -- UNIT.yaml OUT_DIR`; a program that does
//! not need the local page depends on hoso with `default-features = false`.

use std::path::PathBuf;

use hoso::forms::Catalogue;
use hoso::packet::{UnitPacket, render_packets};
use hoso::rules::{self, Level};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [unit, out] = args.as_slice() else {
        return Err("cách dùng: thu_vien <TỆP_DỮ_LIỆU> <THƯ_MỤC>".into());
    };
    let catalogue = Catalogue::builtin()?;
    let dossier = hoso::dossier::load_linked(unit, None)?;
    let findings = rules::check(&dossier, &catalogue);
    for finding in &findings {
        println!(
            "{}: {}: {}",
            finding.level.label_vi(),
            finding.path,
            finding.message
        );
    }
    if findings.iter().any(|f| f.level == Level::Error) {
        return Err("dữ liệu phạm quy định: không ghi hồ sơ".into());
    }
    let units = [UnitPacket {
        dossier: &dossier,
        dir: out.clone(),
    }];
    let packets = render_packets(&catalogue, &units, &|_, _| {})?;
    for packet in packets {
        println!(
            "{} văn bản, {} trang để in, {} tệp",
            packet.documents,
            packet.pages,
            packet.files.len()
        );
    }
    Ok(())
}
