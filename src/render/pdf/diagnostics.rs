//! What typst said when it refused a document: its errors, or the warnings hoso treats as errors,
//! each with its hints and the place in typst's virtual files it points at.

use std::fmt;

use typst::World;
use typst::WorldExt;
use typst::diag::{HintedString, Severity, SourceDiagnostic};

/// One diagnostic typst gave for a document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TypstDiagnostic {
    /// typst's message.
    pub message: String,
    /// typst's hints, as it gave them.
    pub hints: Vec<String>,
    /// The file it points at, in typst's virtual file system (`/hoso.typ`, the style library, or
    /// `/document.json`, the document's data), when it points into one.
    pub file: Option<String>,
    /// The 1-based line in `file`, when known.
    pub line: Option<usize>,
    /// A warning rather than an error (hoso refuses a document typst warns about).
    pub warning: bool,
}

impl TypstDiagnostic {
    /// A diagnostic with a message only: no hints, no place.
    pub fn new(message: impl Into<String>) -> TypstDiagnostic {
        TypstDiagnostic {
            message: message.into(),
            hints: Vec::new(),
            file: None,
            line: None,
            warning: false,
        }
    }
}

/// The diagnostics typst gave for a document it refused, in its order. Shown as their messages
/// joined by `; `.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TypstDiagnostics {
    /// Each diagnostic.
    pub diagnostics: Vec<TypstDiagnostic>,
}

impl TypstDiagnostics {
    /// `diagnostics`, as they stand.
    pub fn new(diagnostics: Vec<TypstDiagnostic>) -> TypstDiagnostics {
        TypstDiagnostics { diagnostics }
    }

    /// typst's diagnostics of one compilation in `world`, their places resolved to file and line.
    pub(super) fn of(world: &dyn World, diagnostics: &[SourceDiagnostic]) -> TypstDiagnostics {
        TypstDiagnostics::new(
            diagnostics
                .iter()
                .map(|diagnostic| {
                    let file = diagnostic.span.id();
                    let line = file.and_then(|id| {
                        let start = world.range(diagnostic.span)?.start;
                        match world.source(id) {
                            Ok(source) => source.lines().byte_to_line(start).map(|line| line + 1),
                            Err(_) => {
                                let bytes = world.file(id).ok()?;
                                let before = bytes.as_slice().get(..start)?;
                                Some(before.iter().filter(|b| **b == b'\n').count() + 1)
                            }
                        }
                    });
                    TypstDiagnostic {
                        message: diagnostic.message.to_string(),
                        hints: diagnostic.hints.iter().map(|h| h.v.to_string()).collect(),
                        file: file.map(|id| id.get().vpath().get_with_slash().to_string()),
                        line,
                        warning: diagnostic.severity == Severity::Warning,
                    }
                })
                .collect(),
        )
    }

    /// typst's refusal of an option, with its hints.
    pub(super) fn hinted(refusal: &HintedString) -> TypstDiagnostics {
        let mut diagnostic = TypstDiagnostic::new(refusal.message().to_string());
        diagnostic.hints = refusal.hints().iter().map(ToString::to_string).collect();
        TypstDiagnostics::new(vec![diagnostic])
    }
}

impl fmt::Display for TypstDiagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.diagnostics.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            f.write_str(&diagnostic.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for TypstDiagnostics {}
