//! Embeds the bundled sample case (sample-data/) so `hecha demo` works from any
//! installed binary: generates a table of (relative path, bytes). And compiles
//! hecha's crypto provider for DuckDB's database encryption
//! (src/store/crypto/provider.cpp) against the bundled DuckDB's headers,
//! which libduckdb-sys publishes as `DEP_DUCKDB_INCLUDE`. Nothing is
//! downloaded.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Compiles src/store/crypto/provider.cpp the way libduckdb-sys compiles
/// DuckDB itself, so the classes' layout agrees.
fn crypto_provider() {
    println!("cargo:rerun-if-changed=src/store/crypto/provider.cpp");
    println!("cargo:rerun-if-env-changed=DEP_DUCKDB_INCLUDE");
    let Some(include) = std::env::var_os("DEP_DUCKDB_INCLUDE") else {
        println!("cargo:warning=DEP_DUCKDB_INCLUDE is not set: libduckdb-sys must be built with `bundled`");
        std::process::exit(1);
    };
    let windows = std::env::var("CARGO_CFG_WINDOWS").is_ok();
    let msvc = std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|v| v == "msvc");
    let debug = std::env::var("DEBUG").is_ok_and(|v| v != "false" && v != "0");
    let mut b = cc::Build::new();
    b.cpp(true)
        .file("src/store/crypto/provider.cpp")
        .include(include)
        .flag_if_supported("-std=c++17")
        .flag_if_supported("/std:c++17")
        .flag_if_supported("/utf-8")
        .warnings(false);
    if debug {
        b.define("DEBUG", None);
    } else {
        b.define("NDEBUG", None);
    }
    if windows {
        b.define("DUCKDB_BUILD_LIBRARY", None);
    }
    if msvc {
        b.flag("/EHsc");
    }
    b.compile("hecha_crypto_provider");
}

fn main() {
    crypto_provider();
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = root.join("sample-data");
    println!("cargo:rerun-if-changed=sample-data");
    // Only what `hecha demo` needs: the evidence folders, the case metadata and
    // the register story (stage events of its clues).
    let mut files = vec![
        dir.join("case.toml"),
        dir.join("register.toml"),
        dir.join("README.md"),
    ];
    files.retain(|f| f.is_file());
    for sub in ["letters", "transcripts", "ledgers", "statements"] {
        walk(&dir.join(sub), &mut files);
    }
    let mut src = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(&dir)
            .expect("under sample-data")
            .to_string_lossy()
            .replace('\\', "/");
        src.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            f.display().to_string()
        ));
    }
    src.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("sample_data.rs");
    std::fs::write(out, src).expect("write sample_data.rs");
}
