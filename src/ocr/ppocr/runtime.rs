//! ONNX Runtime, loaded at run time from an absolute path (`ort` with
//! `load-dynamic`): one process-wide environment, and a pool of model sets
//! (det + cls + rec sessions), one per page being read at once.

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use ort::environment::Environment;
use ort::session::Session;
use ort::value::Tensor;

use crate::ocr::OcrError;

/// The process's ONNX Runtime environment (ort allows one), made on first
/// use from the library at `lib`. A library that fails to load is not
/// remembered, so a later call may try another path.
fn environment(lib: &Path) -> Result<Environment, OcrError> {
    static ENV: Mutex<Option<Environment>> = Mutex::new(None);
    let mut env = ENV.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(e) = env.as_ref() {
        return Ok(e.clone());
    }
    let lib_err = |d: String| OcrError::Library {
        path: lib.to_path_buf(),
        detail: d,
    };
    let made = ort::init_from(lib)
        .map_err(|e| lib_err(e.to_string()))?
        .with_name("hecha")
        .with_telemetry(false)
        .build()
        .map_err(|e| lib_err(e.to_string()))?;
    *env = Some(made.clone());
    Ok(made)
}

/// One model's session and the names of its only input and output.
pub struct Net {
    session: Session,
    input: String,
    output: String,
}

impl Net {
    fn open(env: &Environment, path: &Path, threads: usize) -> Result<Net, OcrError> {
        let fail = |e: String| OcrError::Runtime {
            detail: format!("{}: {e}", path.display()),
        };
        let session = Session::builder(env)
            .map_err(|e| fail(e.to_string()))?
            .with_intra_threads(threads)
            .map_err(|e| fail(e.to_string()))?
            .with_inter_threads(1)
            .map_err(|e| fail(e.to_string()))?
            .commit_from_file(path)
            .map_err(|e| fail(e.to_string()))?;
        let input = session.inputs().first().map(|i| i.name().to_string());
        let output = session.outputs().first().map(|o| o.name().to_string());
        match (input, output) {
            (Some(input), Some(output)) => Ok(Net {
                session,
                input,
                output,
            }),
            _ => Err(fail("no input or output".into())),
        }
    }

    /// Runs the model on a `shape` tensor and hands `read` the output's
    /// shape and values.
    pub fn run<R>(
        &mut self,
        shape: [usize; 4],
        data: Vec<f32>,
        read: impl FnOnce(&[usize], &[f32]) -> R,
    ) -> Result<R, OcrError> {
        let dims: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
        let tensor = Tensor::from_array((dims, data)).map_err(OcrError::runtime)?;
        let outputs = self
            .session
            .run(ort::inputs![self.input.as_str() => tensor])
            .map_err(OcrError::runtime)?;
        let value = outputs
            .get(self.output.as_str())
            .ok_or_else(|| OcrError::runtime(format!("no output {}", self.output)))?;
        let (oshape, values) = value
            .try_extract_tensor::<f32>()
            .map_err(OcrError::runtime)?;
        let oshape: Vec<usize> = oshape.iter().map(|&d| d.max(0) as usize).collect();
        Ok(read(&oshape, values))
    }
}

/// The three models of one worker.
pub struct Models {
    pub det: Net,
    pub cls: Net,
    pub rec: Net,
}

/// Where the model files are.
#[derive(Debug, Clone)]
pub struct ModelPaths {
    pub det: PathBuf,
    pub cls: PathBuf,
    pub rec: PathBuf,
}

/// Model sets made on demand up to `max`, handed to one page at a time.
pub struct Pool {
    env: Environment,
    paths: ModelPaths,
    threads: usize,
    max: usize,
    state: Mutex<(Vec<Models>, usize)>,
    freed: Condvar,
}

impl Pool {
    /// Loads the library and makes the first model set (so a broken
    /// installation shows when the engine is opened, not on the first page).
    pub fn open(lib: &Path, paths: ModelPaths, workers: usize) -> Result<Pool, OcrError> {
        let env = environment(lib)?;
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let threads = (cores / workers.max(1)).max(1);
        let first = Self::make(&env, &paths, threads)?;
        Ok(Pool {
            env,
            paths,
            threads,
            max: workers.max(1),
            state: Mutex::new((vec![first], 1)),
            freed: Condvar::new(),
        })
    }

    fn make(env: &Environment, p: &ModelPaths, threads: usize) -> Result<Models, OcrError> {
        Ok(Models {
            det: Net::open(env, &p.det, threads)?,
            cls: Net::open(env, &p.cls, threads)?,
            rec: Net::open(env, &p.rec, threads)?,
        })
    }

    /// Runs `f` with a model set of its own.
    pub fn with<R>(
        &self,
        f: impl FnOnce(&mut Models) -> Result<R, OcrError>,
    ) -> Result<R, OcrError> {
        let mut models = self.take()?;
        let out = f(&mut models);
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        st.0.push(models);
        self.freed.notify_one();
        out
    }

    fn take(&self) -> Result<Models, OcrError> {
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            if let Some(m) = st.0.pop() {
                return Ok(m);
            }
            if st.1 < self.max {
                st.1 += 1;
                drop(st);
                let made = Self::make(&self.env, &self.paths, self.threads);
                if made.is_err() {
                    let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
                    st.1 -= 1;
                }
                return made;
            }
            st = self.freed.wait(st).unwrap_or_else(|p| p.into_inner());
        }
    }
}
