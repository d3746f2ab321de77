//! The `hoso` command.

mod cli;

/// mimalloc: typst allocates and frees many small objects per document from every thread at
/// once, where glibc's allocator spends a tenth of a run in the kernel returning memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
