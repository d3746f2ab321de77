//! The typst World of hoso: it serves only what is embedded in the binary (the fonts and the style
//! library) and the one document being drawn, as JSON. No file system, no network, no clock.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The style library that draws a Document: typst source that only defines, reading the
/// layout's `/layout.json`.
pub const STYLE: &str = include_str!("hoso.typ");

/// The main file: it reads the document's `/document.json` and draws it with [`STYLE`], which
/// typst so evaluates once for all the documents of a run.
pub const MAIN: &str = include_str!("main.typ");

/// Where the main file, the style library and the JSON live in the virtual file system.
const MAIN_PATH: &str = "/main.typ";
const STYLE_PATH: &str = "/hoso.typ";
const DATA_PATH: &str = "/document.json";
const LAYOUT_PATH: &str = "/layout.json";

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a constant absolute path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

static MAIN_ID: LazyLock<FileId> = LazyLock::new(|| file_id(MAIN_PATH));
static STYLE_ID: LazyLock<FileId> = LazyLock::new(|| file_id(STYLE_PATH));
static DATA_ID: LazyLock<FileId> = LazyLock::new(|| file_id(DATA_PATH));
static LAYOUT_ID: LazyLock<FileId> = LazyLock::new(|| file_id(LAYOUT_PATH));

/// How many documents are drawn between two sweeps of typst's memo cache.
const SWEEP_EVERY: usize = 8;
/// How many sweeps a memoized result survives without being used again. With [`SWEEP_EVERY`],
/// what the last 8 to 16 documents used stays (the style library, the fonts' shaping), and the
/// rest goes: memory stays flat however long the run (about 3 MB of cache per document kept;
/// sweeping after every document costs 10% more time for half the memory).
const SWEEPS_KEPT: usize = 1;

/// What every compilation shares: the standard library, the fonts, the parsed main file and
/// style library.
/// Built once per process ([`Engine::shared`]) and used by every thread.
pub struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    style: Source,
    /// Documents drawn so far, to sweep the memo cache every [`SWEEP_EVERY`].
    drawn: AtomicUsize,
}

static SHARED: LazyLock<Engine> = LazyLock::new(Engine::new);

impl Engine {
    /// Loads the fonts and the style library.
    pub fn new() -> Engine {
        let fonts: Vec<Font> = crate::render::fonts::bundled().to_vec();
        Engine {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(*MAIN_ID, MAIN.to_string()),
            style: Source::new(*STYLE_ID, STYLE.to_string()),
            drawn: AtomicUsize::new(0),
        }
    }

    /// The process's engine, loaded on first use.
    pub fn shared() -> &'static Engine {
        &SHARED
    }

    /// Counts one more document drawn, and sweeps typst's memo cache when its turn comes.
    pub(super) fn after_document(&self) {
        if (self.drawn.fetch_add(1, Ordering::Relaxed) + 1).is_multiple_of(SWEEP_EVERY) {
            typst::comemo::evict(SWEEPS_KEPT);
        }
    }

    /// A World in which `/document.json` holds `data` and `/layout.json` holds `layout`.
    pub fn world(&self, data: Bytes, layout: Bytes) -> DocumentWorld<'_> {
        DocumentWorld {
            engine: self,
            data,
            layout,
        }
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

/// The World of one compilation.
pub struct DocumentWorld<'a> {
    engine: &'a Engine,
    data: Bytes,
    layout: Bytes,
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.book
    }

    fn main(&self) -> FileId {
        *MAIN_ID
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN_ID {
            Ok(self.engine.main.clone())
        } else if id == *STYLE_ID {
            Ok(self.engine.style.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA_ID {
            Ok(self.data.clone())
        } else if id == *LAYOUT_ID {
            Ok(self.layout.clone())
        } else if id == *MAIN_ID || id == *STYLE_ID {
            Ok(Bytes::from_string(self.source(id)?))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
