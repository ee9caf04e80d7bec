//! Build script: copies the word lists of `src/lexicon/` into `OUT_DIR` without their
//! comment lines, so that the provenance headers stay in the repository but do not ship in
//! the binary (they cost about 4 KB of the gzipped wasm).

#![forbid(unsafe_code)]

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new("src/lexicon");
    println!("cargo:rerun-if-changed=src/lexicon");
    let entries = fs::read_dir(dir).expect("src/lexicon is readable");
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("a lexicon is UTF-8 text");
            let kept: String = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .flat_map(|l| [l, "\n"])
                .collect();
            let name = path.file_name().expect("a file name");
            fs::write(Path::new(&out).join(name), kept).expect("OUT_DIR is writable");
        }
    }
}
