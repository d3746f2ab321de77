//! PDF/A-2b, the archival PDF: what a file must say about itself beside its pages. typst writes
//! it for every document it draws; the files hoso assembles from several PDFs (the print file of
//! a packet, a copy of an existing PDF) write it here.

use chrono::Datelike;
use xmp_writer::{DateTime, LangId, XmpWriter};

use crate::date::Date;

/// Which kind of PDF file to write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Conformance {
    /// A plain PDF 1.7.
    #[default]
    Plain,
    /// PDF/A-2b (ISO 19005-2, level B), for archives: fonts embedded, colours defined, the
    /// document's properties in XMP.
    PdfA2b,
}

impl Conformance {
    /// PDF/A-2b when `archival`, plain otherwise.
    pub fn archival(archival: bool) -> Conformance {
        if archival {
            Conformance::PdfA2b
        } else {
            Conformance::Plain
        }
    }
}

/// The sRGB colour profile of the output intent of every PDF/A file (CC0, from Compact ICC
/// Profiles, as typst's PDF writer embeds it).
pub const SRGB_PROFILE: &[u8] = include_bytes!("sRGB-v4.icc");

/// The output condition an archival file declares.
pub const OUTPUT_CONDITION: &str = "sRGB";

/// The name hoso writes as the producer of its files.
pub const PRODUCER: &str = concat!("hoso ", env!("CARGO_PKG_VERSION"));

/// What an archival file says about itself; the document information dictionary says the same.
#[derive(Debug, Clone, Copy)]
pub struct Properties<'a> {
    /// The document's title.
    pub title: &'a str,
    /// Who issued it: the organisation, or the person for a personal form.
    pub author: &'a str,
    /// The document's date, also the file's creation and modification date.
    pub date: Date,
    /// The language of the text, e.g. "vi".
    pub language: &'a str,
}

impl Properties<'_> {
    /// The XMP packet of a PDF/A-2b file with these properties.
    pub fn xmp(&self) -> String {
        let date = xmp_date(self.date);
        let mut xmp = XmpWriter::new();
        xmp.title([(None, self.title)])
            .creator([self.author])
            .language([LangId(self.language)])
            .producer(PRODUCER)
            .creator_tool(PRODUCER)
            .create_date(date)
            .modify_date(date)
            .format("application/pdf")
            .pdfa_part(2)
            .pdfa_conformance("B");
        xmp.finish(None)
    }

    /// The date as the document information dictionary writes it.
    pub fn pdf_date(&self) -> pdf_writer::Date {
        let date = self.date.0;
        pdf_writer::Date::new(u16::try_from(date.year()).unwrap_or_default())
            .month(u8::try_from(date.month()).unwrap_or(1))
            .day(u8::try_from(date.day()).unwrap_or(1))
    }
}

/// The identifier of a file made of `parts`: the same parts give the same identifier.
pub fn file_id<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    use std::hash::{DefaultHasher, Hasher};
    let (mut first, mut second) = (DefaultHasher::new(), DefaultHasher::new());
    second.write(b"hoso");
    for part in parts {
        first.write(part);
        second.write(part);
    }
    [first.finish(), second.finish()]
        .iter()
        .flat_map(|half| half.to_be_bytes())
        .collect()
}

fn xmp_date(date: Date) -> DateTime {
    let date = date.0;
    DateTime::date(
        u16::try_from(date.year()).unwrap_or_default(),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_declares_pdfa_2b_and_keeps_the_title_as_written() {
        let properties = Properties {
            title: "Hồ sơ kiểm điểm năm 2026 - Chi bộ Phòng Quản lý",
            author: "Chi bộ Phòng Quản lý",
            date: Date::from_ymd(2026, 12, 8).unwrap(),
            language: "vi",
        };
        let xmp = properties.xmp();
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
        assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(xmp.contains("Hồ sơ kiểm điểm năm 2026 - Chi bộ Phòng Quản lý"));
        assert!(xmp.contains("2026-12-08"));
    }
}
