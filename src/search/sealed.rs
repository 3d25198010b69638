//! The search index of an encrypted case, encrypted on disk: a tantivy
//! [`Directory`] whose every file is XChaCha20-Poly1305 in 64 KiB chunks,
//! decrypted a chunk at a time as tantivy reads ranges of it — memory holds
//! what a search touches, never the whole index, and no plaintext is written.
//!
//! File layout: `HECHAIX1` · nonce prefix (16, fresh per file), then chunks
//! of ciphertext + tag (16). Chunk *i*'s nonce is the prefix followed by *i*
//! (u64 LE, top bit set on the last chunk); the associated data is the header
//! and the file's name, so chunks cannot be reordered, dropped, appended to
//! or moved to another file unnoticed. The key is the case's (see
//! `store::crypto`), never stored.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, OwnedBytes, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};
use tantivy::HasLen;

const MAGIC: &[u8; 8] = b"HECHAIX1";
const HEADER: usize = 8 + 16;
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const LAST: u64 = 1 << 63;

/// An index directory whose files are encrypted under one key.
#[derive(Clone)]
pub struct SealedDirectory {
    root: PathBuf,
    cipher: Arc<XChaCha20Poly1305>,
}

impl std::fmt::Debug for SealedDirectory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SealedDirectory({})", self.root.display())
    }
}

fn bad_data(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

fn nonce(prefix: &[u8], index: u64, last: bool) -> XNonce {
    let mut n = [0u8; 24];
    n[..16].copy_from_slice(prefix);
    n[16..].copy_from_slice(&(index | if last { LAST } else { 0 }).to_le_bytes());
    XNonce::from(n)
}

/// Associated data of a file's chunks: its header and name.
fn aad(header: &[u8], name: &Path) -> Vec<u8> {
    let mut a = header.to_vec();
    a.extend_from_slice(name.to_string_lossy().as_bytes());
    a
}

/// Chunks and plaintext length of an encrypted file of `size` bytes.
fn layout(size: u64) -> io::Result<(u64, usize)> {
    let body = size
        .checked_sub(HEADER as u64)
        .filter(|b| *b >= TAG as u64)
        .ok_or_else(|| bad_data("index file too short"))?;
    let stride = (CHUNK + TAG) as u64;
    let chunks = body.div_ceil(stride);
    let last = body - (chunks - 1) * stride;
    if last < TAG as u64 {
        return Err(bad_data("index file truncated"));
    }
    let len = (chunks - 1) * CHUNK as u64 + (last - TAG as u64);
    Ok((
        chunks,
        usize::try_from(len).map_err(|_| bad_data("index file too large"))?,
    ))
}

impl SealedDirectory {
    /// The directory at `root` (created if missing) with this 32-byte key.
    pub fn open(root: &Path, key: &[u8; 32]) -> io::Result<SealedDirectory> {
        std::fs::create_dir_all(root)?;
        Ok(SealedDirectory {
            root: root.to_path_buf(),
            cipher: Arc::new(XChaCha20Poly1305::new(key.into())),
        })
    }

    fn full(&self, path: &Path) -> PathBuf {
        self.root.join(path)
    }

    /// Writes `data` as an encrypted file at `target` named `name`.
    fn write_whole(&self, target: &Path, name: &Path, data: &[u8]) -> io::Result<()> {
        let f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(target)?;
        let mut w = SealedWriter::new(f, name, self.cipher.clone())?;
        w.write_all(data)?;
        w.finish()
    }

    fn read_whole(&self, path: &Path) -> io::Result<Vec<u8>> {
        let h = SealedFile::open(&self.full(path), path, self.cipher.clone())?;
        h.read(0..h.len).map(|b| b.as_slice().to_vec())
    }
}

/// An open encrypted file, read a chunk at a time.
struct SealedFile {
    file: Mutex<File>,
    cipher: Arc<XChaCha20Poly1305>,
    prefix: [u8; 16],
    aad: Vec<u8>,
    chunks: u64,
    len: usize,
    /// The chunk read last (tantivy often reads neighbouring ranges).
    cache: Mutex<Option<(u64, Arc<Vec<u8>>)>>,
}

impl std::fmt::Debug for SealedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SealedFile({} bytes)", self.len)
    }
}

impl SealedFile {
    fn open(full: &Path, name: &Path, cipher: Arc<XChaCha20Poly1305>) -> io::Result<SealedFile> {
        let mut file = File::open(full)?;
        let size = file.metadata()?.len();
        let mut header = [0u8; HEADER];
        file.read_exact(&mut header)
            .map_err(|_| bad_data("index file too short"))?;
        if &header[..8] != MAGIC {
            return Err(bad_data("not an encrypted index file"));
        }
        let (chunks, len) = layout(size)?;
        let mut prefix = [0u8; 16];
        prefix.copy_from_slice(&header[8..]);
        Ok(SealedFile {
            file: Mutex::new(file),
            cipher,
            prefix,
            aad: aad(&header, name),
            chunks,
            len,
            cache: Mutex::new(None),
        })
    }

    fn chunk(&self, i: u64) -> io::Result<Arc<Vec<u8>>> {
        if let Ok(c) = self.cache.lock() {
            if let Some((at, data)) = c.as_ref() {
                if *at == i {
                    return Ok(data.clone());
                }
            }
        }
        let last = i + 1 == self.chunks;
        let plain_len = if last {
            self.len - (self.chunks as usize - 1) * CHUNK
        } else {
            CHUNK
        };
        let mut ct = vec![0u8; plain_len + TAG];
        {
            let mut f = self.file.lock().map_err(|_| bad_data("index file lock"))?;
            f.seek(SeekFrom::Start(HEADER as u64 + i * (CHUNK + TAG) as u64))?;
            f.read_exact(&mut ct)?;
        }
        let plain = self
            .cipher
            .decrypt(
                &nonce(&self.prefix, i, last),
                Payload {
                    msg: &ct,
                    aad: &self.aad,
                },
            )
            .map_err(|_| bad_data("index file damaged or not of this case"))?;
        let plain = Arc::new(plain);
        if let Ok(mut c) = self.cache.lock() {
            *c = Some((i, plain.clone()));
        }
        Ok(plain)
    }

    fn read(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end > self.len {
            return Err(bad_data("read past the end of an index file"));
        }
        if range.is_empty() {
            return Ok(OwnedBytes::empty());
        }
        let first = (range.start / CHUNK) as u64;
        let last = ((range.end - 1) / CHUNK) as u64;
        if first == last {
            let c = self.chunk(first)?;
            let at = range.start - first as usize * CHUNK;
            return Ok(OwnedBytes::new(c[at..at + range.len()].to_vec()));
        }
        let mut out = Vec::with_capacity(range.len());
        for i in first..=last {
            let c = self.chunk(i)?;
            let base = i as usize * CHUNK;
            let from = range.start.max(base) - base;
            let to = range.end.min(base + c.len()) - base;
            out.extend_from_slice(&c[from..to]);
        }
        Ok(OwnedBytes::new(out))
    }
}

impl HasLen for SealedFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for SealedFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        self.read(range)
    }
}

/// Writes an encrypted file a chunk at a time.
struct SealedWriter {
    file: io::BufWriter<File>,
    cipher: Arc<XChaCha20Poly1305>,
    prefix: [u8; 16],
    aad: Vec<u8>,
    /// Plaintext not yet written; a full chunk waits until more comes, since
    /// only then is it known not to be the last.
    buf: Vec<u8>,
    index: u64,
    done: bool,
}

impl SealedWriter {
    fn new(file: File, name: &Path, cipher: Arc<XChaCha20Poly1305>) -> io::Result<SealedWriter> {
        let mut prefix = [0u8; 16];
        getrandom::getrandom(&mut prefix).map_err(|e| io::Error::other(e.to_string()))?;
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&prefix);
        let mut file = io::BufWriter::with_capacity(CHUNK + TAG, file);
        file.write_all(&header)?;
        Ok(SealedWriter {
            file,
            cipher,
            prefix,
            aad: aad(&header, name),
            buf: Vec::with_capacity(CHUNK * 2),
            index: 0,
            done: false,
        })
    }

    fn seal(&mut self, len: usize, last: bool) -> io::Result<()> {
        let ct = self
            .cipher
            .encrypt(
                &nonce(&self.prefix, self.index, last),
                Payload {
                    msg: &self.buf[..len],
                    aad: &self.aad,
                },
            )
            .map_err(|_| io::Error::other("index encryption failed"))?;
        self.file.write_all(&ct)?;
        self.buf.drain(..len);
        self.index += 1;
        Ok(())
    }

    /// Writes the last chunk and makes the file durable.
    fn finish(&mut self) -> io::Result<()> {
        if self.done {
            return Ok(());
        }
        let n = self.buf.len();
        self.seal(n, true)?;
        self.file.flush()?;
        self.file.get_ref().sync_all()?;
        self.done = true;
        Ok(())
    }
}

impl Write for SealedWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.done {
            return Err(io::Error::other("index file already finished"));
        }
        self.buf.extend_from_slice(data);
        while self.buf.len() > CHUNK {
            self.seal(CHUNK, false)?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // Chunks are written whole; the tail waits for `terminate`.
        Ok(())
    }
}

impl TerminatingWrite for SealedWriter {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        self.finish()
    }
}

impl Directory for SealedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let full = self.full(path);
        if !full.exists() {
            return Err(OpenReadError::FileDoesNotExist(path.to_path_buf()));
        }
        SealedFile::open(&full, path, self.cipher.clone())
            .map(|f| Arc::new(f) as Arc<dyn FileHandle>)
            .map_err(|e| OpenReadError::wrap_io_error(e, path.to_path_buf()))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        match std::fs::remove_file(self.full(path)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Err(DeleteError::FileDoesNotExist(path.to_path_buf()))
            }
            Err(e) => Err(DeleteError::IoError {
                io_error: Arc::new(e),
                filepath: path.to_path_buf(),
            }),
        }
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        Ok(self.full(path).exists())
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let full = self.full(path);
        let f = match OpenOptions::new().write(true).create_new(true).open(&full) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(OpenWriteError::FileAlreadyExists(path.to_path_buf()))
            }
            Err(e) => return Err(OpenWriteError::wrap_io_error(e, path.to_path_buf())),
        };
        let w = SealedWriter::new(f, path, self.cipher.clone())
            .map_err(|e| OpenWriteError::wrap_io_error(e, path.to_path_buf()))?;
        Ok(io::BufWriter::new(Box::new(w)))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        if !self.full(path).exists() {
            return Err(OpenReadError::FileDoesNotExist(path.to_path_buf()));
        }
        self.read_whole(path)
            .map_err(|e| OpenReadError::wrap_io_error(e, path.to_path_buf()))
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let full = self.full(path);
        let mut tmp = full.as_os_str().to_owned();
        tmp.push(format!(".{}.tmp", uuid::Uuid::new_v4().simple()));
        let tmp = PathBuf::from(tmp);
        if let Err(e) = self.write_whole(&tmp, path, data) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        std::fs::rename(&tmp, &full)
    }

    fn sync_directory(&self) -> io::Result<()> {
        #[cfg(unix)]
        {
            File::open(&self.root)?.sync_all()?;
        }
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        // One writer per case already (the case file's own lock); the lock
        // file only has to exist while held.
        let full = self.full(&lock.filepath);
        let _ = std::fs::remove_file(&full);
        File::create(&full).map_err(LockError::wrap_io_error)?;
        Ok(DirectoryLock::from(Box::new(LockFile(full))))
    }

    fn watch(&self, _: WatchCallback) -> tantivy::Result<WatchHandle> {
        // Readers reload by hand (ReloadPolicy::Manual).
        Ok(WatchHandle::empty())
    }
}

/// A lock file, removed when the lock is dropped.
struct LockFile(PathBuf);

impl Drop for LockFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> (tempfile::TempDir, SealedDirectory) {
        let t = tempfile::tempdir().unwrap();
        let d = SealedDirectory::open(t.path(), &[7u8; 32]).unwrap();
        (t, d)
    }

    #[test]
    fn files_of_any_length_read_back_by_range_and_hold_no_plaintext() {
        let (t, d) = dir();
        for len in [0usize, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17] {
            let name = PathBuf::from(format!("f{len}.idx"));
            let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let mut w = d.open_write(&name).unwrap();
            w.write_all(&data).unwrap();
            w.terminate().unwrap();
            let h = d.get_file_handle(&name).unwrap();
            assert_eq!(h.len(), len);
            assert_eq!(h.read_bytes(0..len).unwrap().as_slice(), &data[..]);
            if len > 10 {
                let r = len / 3..len - 3;
                assert_eq!(h.read_bytes(r.clone()).unwrap().as_slice(), &data[r]);
            }
        }
        d.atomic_write(Path::new("meta.json"), "索引元数据 secret".as_bytes())
            .unwrap();
        assert_eq!(
            d.atomic_read(Path::new("meta.json")).unwrap(),
            "索引元数据 secret".as_bytes()
        );
        for e in std::fs::read_dir(t.path()).unwrap() {
            let bytes = std::fs::read(e.unwrap().path()).unwrap();
            assert!(!bytes.windows(6).any(|w| w == b"secret"));
        }
        assert!(matches!(
            d.open_write(Path::new("meta.json")),
            Err(OpenWriteError::FileAlreadyExists(_))
        ));
    }

    #[test]
    fn tampering_renaming_truncating_or_another_key_is_refused() {
        let (t, d) = dir();
        let data = vec![42u8; 2 * CHUNK + 5];
        let mut w = d.open_write(Path::new("a")).unwrap();
        w.write_all(&data).unwrap();
        w.terminate().unwrap();
        let a = t.path().join("a");
        // Another key.
        let other = SealedDirectory::open(t.path(), &[8u8; 32]).unwrap();
        assert!(other
            .get_file_handle(Path::new("a"))
            .unwrap()
            .read_bytes(0..10)
            .is_err());
        // Renamed: the name is authenticated.
        std::fs::copy(&a, t.path().join("b")).unwrap();
        assert!(d
            .get_file_handle(Path::new("b"))
            .unwrap()
            .read_bytes(0..10)
            .is_err());
        // A flipped byte in the second chunk: that chunk is refused, the first still reads.
        let good = std::fs::read(&a).unwrap();
        let mut bytes = good.clone();
        bytes[HEADER + CHUNK + TAG + 3] ^= 1;
        std::fs::write(&a, &bytes).unwrap();
        let h = d.get_file_handle(Path::new("a")).unwrap();
        assert!(h.read_bytes(0..10).is_ok());
        assert!(h.read_bytes(CHUNK + 1..CHUNK + 10).is_err());
        // Truncated to a chunk boundary: the last chunk is then not marked last.
        std::fs::write(&a, &good[..HEADER + 2 * (CHUNK + TAG)]).unwrap();
        let r = d.get_file_handle(Path::new("a")).unwrap();
        assert!(r.read_bytes(CHUNK..CHUNK + 10).is_err());
    }
}
