//! hoso turns one YAML file of a Party unit's annual review (kiểm điểm, đánh giá, xếp loại chất
//! lượng) into the documents of its packet, each as PDF and DOCX.
//!
//! The flow: [`dossier`] reads the data → [`forms`] fills a form's template → [`document`] is the
//! one format-neutral model → [`render`] draws it as PDF (typst) and DOCX (docx-rs) →
//! [`output`] writes the files; [`packet`] decides which documents a run makes and for whom.
//! [`rules`] check the data before anything is printed; [`history`] links a unit's previous review.
//! [`copy`] makes certified copies of hoso's documents and of existing PDFs; [`serve`] is the
//! local web page over a unit file.

#![warn(missing_docs)]

pub mod copy;
pub mod date;
pub mod document;
pub mod dossier;
pub mod forms;
pub mod history;
pub mod import;
pub mod init;
pub mod input;
pub mod nearest;
pub mod old_text;
pub mod os_error;
pub mod output;
pub mod packet;
pub mod parallel;
pub mod regime;
pub mod render;
pub mod rollup;
pub mod rules;
#[cfg(feature = "trang")]
pub mod serve;
pub mod tally;
