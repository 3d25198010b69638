//! `hecha ocr status [--json]`: which OCR engine an import would use, and
//! what was found on the way (settings, model files and their checksums,
//! the ONNX Runtime library, Tesseract).

use clap::{Args, Subcommand};

use hecha::ocr::{self, OcrSettings, OcrStatus};
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::output::emit;

#[derive(Subcommand)]
pub enum OcrWhat {
    /// 显示识别引擎及已找到的模型、运行库 / show the engine and what was found
    Status(StatusArgs),
}

#[derive(Args)]
pub struct StatusArgs {
    #[arg(long)]
    json: bool,
}

pub fn run(what: OcrWhat) -> Result<i32> {
    match what {
        OcrWhat::Status(a) => {
            let st = ocr::status(&OcrSettings::load());
            emit(a.json, &st, print);
            Ok(if st.engine.is_some() {
                0
            } else {
                crate::cli::EXIT_FAILED
            })
        }
    }
}

fn print(s: &OcrStatus) {
    match (s.engine, &s.problem) {
        (Some(e), _) => println!("{}", tr!("ocr.status_engine", engine = e)),
        (None, Some(p)) => println!("{}", tr!("ocr.status_none", problem = p)),
        (None, None) => {}
    }
    let setting = serde_json::to_value(s.setting)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    println!(
        "{}",
        tr!("ocr.status_setting", setting = setting, workers = s.workers)
    );
    if let Some(p) = &s.config_file {
        println!("{}", tr!("ocr.status_config", path = p.display()));
    }
    if let Some(e) = &s.config_error {
        println!("{}", tr!("ocr.status_config_error", detail = e));
    }
    if let Some(d) = &s.models_dir {
        println!("{}", tr!("ocr.status_models", path = d.display()));
    }
    for f in &s.models {
        let state = match (f.found, f.verified) {
            (true, true) => tr!("ocr.status_ok"),
            (true, false) => tr!("ocr.status_bad"),
            _ => tr!("ocr.status_absent"),
        };
        println!(
            "{}",
            tr!(
                "ocr.status_model",
                name = f.name,
                state = state,
                path = f.path.display()
            )
        );
    }
    match &s.ort_library {
        Some(p) => println!("{}", tr!("ocr.status_ort", path = p.display())),
        None => {
            let c: Vec<String> = s
                .ort_candidates
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            println!(
                "{}",
                tr!("ocr.status_ort_absent", candidates = c.join(", "))
            );
        }
    }
    match &s.pdfium_library {
        Some(p) => println!("{}", tr!("ocr.status_pdfium", path = p.display())),
        None => println!("{}", tr!("ocr.status_pdfium_absent")),
    }
    match &s.tesseract {
        Some(v) => {
            let chi = if s.tesseract_chi_sim {
                tr!("ocr.yes")
            } else {
                tr!("ocr.no")
            };
            println!(
                "{}",
                tr!("ocr.status_tesseract", version = v, chi_sim = chi)
            );
        }
        None => println!("{}", tr!("ocr.status_tesseract_absent")),
    }
}
