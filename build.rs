//! Rebuilds hoso when a built-in form changes: `include_dir!` embeds `forms/`, and cargo does not
//! watch the files it reads.

fn main() {
    println!("cargo:rerun-if-changed=forms");
}
