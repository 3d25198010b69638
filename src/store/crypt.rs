//! Case files encrypted by hecha's first scheme, and private RAM folders.
//!
//! Cases are now encrypted by DuckDB itself ([`super::crypto`]); a file of
//! the first scheme is still read here, to migrate it. That scheme encrypted
//! the whole case file: XChaCha20-Poly1305 over 1 MiB chunks, with a key derived from
//! the passphrase by Argon2id. While a case is open its plaintext lives only in
//! a private directory on a RAM-backed file system (tmpfs), with DuckDB's spill
//! files and the search index beside it; every committed change is encrypted
//! back into the case file (write to a temporary file, fsync, rename).
//!
//! File layout: `HECHAENC` · version (1) · KDF id (1 = Argon2id) · memory KiB,
//! passes, lanes (u32 LE each) · salt (16) · nonce prefix (16), then chunks of
//! `u32 LE length · ciphertext`. Chunk *i*'s nonce is the prefix followed by
//! *i* (u64 LE) with the top bit set on the last chunk; the header is the
//! associated data of every chunk, so reordering, truncation, appending and
//! header edits all fail authentication. The nonce prefix is fresh on every
//! save.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use super::StoreError;
use crate::error::{Error, Result};

pub const MAGIC: &[u8; 8] = b"HECHAENC";
const VERSION: u8 = 1;
const KDF_ARGON2ID: u8 = 1;
const HEADER_LEN: usize = 8 + 1 + 1 + 12 + 16 + 16;
const CHUNK: usize = 1 << 20;
const TAG: usize = 16;
const LAST: u64 = 1 << 63;
/// Argon2id cost: 64 MiB, 3 passes, 1 lane (about a third of a second here).
const M_KIB: u32 = 64 * 1024;
const T_COST: u32 = 3;
const P_COST: u32 = 1;
/// Shortest passphrase accepted for a new encrypted case.
pub const MIN_PASSPHRASE: usize = 8;

/// A derived key, wiped from memory when dropped.
pub struct Key([u8; 32]);

impl Drop for Key {
    fn drop(&mut self) {
        for b in self.0.iter_mut() {
            // SAFETY: a plain write through a valid &mut u8; volatile so the
            // wipe is not optimised away.
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

/// The key-derivation parameters kept in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kdf {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
    pub salt: [u8; 16],
}

impl Key {
    pub(in crate::store) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl Kdf {
    /// hecha's parameters with this salt.
    pub(in crate::store) fn with_salt(salt: [u8; 16]) -> Kdf {
        Kdf {
            m_kib: M_KIB,
            t: T_COST,
            p: P_COST,
            salt,
        }
    }

    /// New parameters with a fresh random salt.
    pub fn new() -> Result<Kdf> {
        let mut salt = [0u8; 16];
        random(&mut salt)?;
        Ok(Kdf {
            m_kib: M_KIB,
            t: T_COST,
            p: P_COST,
            salt,
        })
    }

    /// Derives the key for `passphrase`.
    pub fn derive(&self, passphrase: &str) -> Result<Key> {
        let params = argon2::Params::new(self.m_kib, self.t, self.p, Some(32)).map_err(|e| {
            Error::from(StoreError::Damaged {
                detail: e.to_string(),
            })
        })?;
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut key = Key([0u8; 32]);
        argon
            .hash_password_into(passphrase.as_bytes(), &self.salt, &mut key.0)
            .map_err(|e| {
                Error::from(StoreError::Damaged {
                    detail: e.to_string(),
                })
            })?;
        Ok(key)
    }
}

fn random(buf: &mut [u8]) -> Result<()> {
    getrandom::getrandom(buf).map_err(|e| {
        Error::from(StoreError::NoRandom {
            detail: e.to_string(),
        })
    })
}

fn header(kdf: &Kdf, prefix: &[u8; 16]) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER_LEN);
    h.extend_from_slice(MAGIC);
    h.push(VERSION);
    h.push(KDF_ARGON2ID);
    h.extend_from_slice(&kdf.m_kib.to_le_bytes());
    h.extend_from_slice(&kdf.t.to_le_bytes());
    h.extend_from_slice(&kdf.p.to_le_bytes());
    h.extend_from_slice(&kdf.salt);
    h.extend_from_slice(prefix);
    h
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut x = [0u8; 4];
    x.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(x)
}

/// Parses a header: the KDF parameters and the nonce prefix.
fn parse_header(h: &[u8], path: &Path) -> Result<(Kdf, [u8; 16])> {
    let damaged = |detail: &str| {
        Error::from(StoreError::DamagedFile {
            path: path.to_path_buf(),
            detail: detail.to_string(),
        })
    };
    if h.len() < HEADER_LEN || &h[..8] != MAGIC {
        return Err(damaged("header"));
    }
    if h[8] != VERSION || h[9] != KDF_ARGON2ID {
        return Err(StoreError::UnknownVersion {
            path: path.to_path_buf(),
            version: h[8],
        }
        .into());
    }
    let kdf = Kdf {
        m_kib: u32_at(h, 10),
        t: u32_at(h, 14),
        p: u32_at(h, 18),
        salt: h[22..38].try_into().map_err(|_| damaged("salt"))?,
    };
    // Refuse absurd costs from a hostile header before deriving anything.
    if kdf.m_kib > 4 * 1024 * 1024 || kdf.t > 64 || kdf.p > 64 || kdf.p == 0 {
        return Err(damaged("key-derivation parameters"));
    }
    let prefix: [u8; 16] = h[38..54].try_into().map_err(|_| damaged("nonce"))?;
    Ok((kdf, prefix))
}

fn nonce(prefix: &[u8; 16], index: u64, last: bool) -> XNonce {
    let mut n = [0u8; 24];
    n[..16].copy_from_slice(prefix);
    let counter = index | if last { LAST } else { 0 };
    n[16..].copy_from_slice(&counter.to_le_bytes());
    XNonce::from(n)
}

/// True when the file starts with the encrypted-case magic.
pub fn is_encrypted(path: &Path) -> bool {
    let mut m = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut m))
        .is_ok()
        && &m == MAGIC
}

/// The KDF parameters of an encrypted file (to re-derive nothing on save).
pub fn read_kdf(path: &Path) -> Result<Kdf> {
    let mut h = vec![0u8; HEADER_LEN];
    std::fs::File::open(path)?.read_exact(&mut h)?;
    Ok(parse_header(&h, path)?.0)
}

/// Encrypts `plain` into `out` atomically (temporary file beside `out`, fsync, rename).
pub fn encrypt_file(plain: &Path, out: &Path, key: &Key, kdf: &Kdf) -> Result<()> {
    let mut prefix = [0u8; 16];
    random(&mut prefix)?;
    let head = header(kdf, &prefix);
    let cipher = XChaCha20Poly1305::new((&key.0).into());
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        w.write_all(&head)?;
        let mut src = std::fs::File::open(plain)?;
        let len = src.metadata()?.len();
        let chunks = len.div_ceil(CHUNK as u64).max(1);
        let mut buf = vec![0u8; CHUNK];
        for i in 0..chunks {
            let n = if i + 1 == chunks {
                (len - i * CHUNK as u64) as usize
            } else {
                CHUNK
            };
            src.read_exact(&mut buf[..n])?;
            let ct = cipher
                .encrypt(
                    &nonce(&prefix, i, i + 1 == chunks),
                    Payload {
                        msg: &buf[..n],
                        aad: &head,
                    },
                )
                .map_err(|_| Error::from(StoreError::EncryptFailed))?;
            w.write_all(&(ct.len() as u32).to_le_bytes())?;
            w.write_all(&ct)?;
        }
        // The plaintext buffer held case data: wipe it.
        buf.iter_mut().for_each(|b| *b = 0);
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(out).map_err(|e| Error::from(e.error))?;
    Ok(())
}

/// Decrypts `enc` into `out` (a file in a RAM directory). A wrong passphrase
/// (or a damaged first chunk) is `crypt.bad_passphrase`; a later failure is a
/// damaged file.
pub fn decrypt_file(enc: &Path, out: &Path, passphrase: &str) -> Result<(Key, Kdf)> {
    let mut f = std::io::BufReader::new(std::fs::File::open(enc)?);
    let mut head = vec![0u8; HEADER_LEN];
    f.read_exact(&mut head).map_err(|_| {
        Error::from(StoreError::DamagedFile {
            path: enc.to_path_buf(),
            detail: "header".into(),
        })
    })?;
    let (kdf, prefix) = parse_header(&head, enc)?;
    let key = kdf.derive(passphrase)?;
    let cipher = XChaCha20Poly1305::new((&key.0).into());
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    let damaged = |detail: String| {
        Error::from(StoreError::DamagedFile {
            path: enc.to_path_buf(),
            detail: detail.to_string(),
        })
    };
    let mut i: u64 = 0;
    loop {
        let mut len = [0u8; 4];
        f.read_exact(&mut len)
            .map_err(|_| damaged(format!("chunk {i} missing (truncated file)")))?;
        let len = u32::from_le_bytes(len) as usize;
        if !(TAG..=CHUNK + TAG).contains(&len) {
            return Err(damaged(format!("chunk {i} length {len}")));
        }
        let mut ct = vec![0u8; len];
        f.read_exact(&mut ct)
            .map_err(|_| damaged(format!("chunk {i} cut short")))?;
        // Try as a middle chunk, then as the last one.
        let mut last = false;
        let pt = match cipher.decrypt(
            &nonce(&prefix, i, false),
            Payload {
                msg: &ct,
                aad: &head,
            },
        ) {
            Ok(p) => p,
            Err(_) => match cipher.decrypt(
                &nonce(&prefix, i, true),
                Payload {
                    msg: &ct,
                    aad: &head,
                },
            ) {
                Ok(p) => {
                    last = true;
                    p
                }
                Err(_) if i == 0 => {
                    return Err(StoreError::BadPassphrase {
                        path: enc.to_path_buf(),
                    }
                    .into())
                }
                Err(_) => return Err(damaged(format!("chunk {i} fails authentication"))),
            },
        };
        w.write_all(&pt)?;
        if last {
            let mut extra = [0u8; 1];
            if f.read(&mut extra)? != 0 {
                return Err(damaged("data after the last chunk".into()));
            }
            break;
        }
        i += 1;
    }
    w.flush()?;
    Ok((key, kdf))
}

/// A private directory on a RAM-backed file system, removed when dropped.
#[derive(Debug)]
pub struct RamDir(PathBuf);

impl RamDir {
    /// `$HECHA_RAM_DIR`, `$XDG_RUNTIME_DIR` or `/dev/shm` — the first that is on
    /// tmpfs/ramfs — gets a new `hecha-…` directory readable by this user only.
    /// `HECHA_NO_RAM_DIR` set makes it behave as on a machine without one
    /// (Windows), for the tests.
    pub fn new() -> Result<RamDir> {
        if std::env::var_os("HECHA_NO_RAM_DIR").is_some() {
            return Err(StoreError::NoRamDir.into());
        }
        let candidates: Vec<PathBuf> = ["HECHA_RAM_DIR", "XDG_RUNTIME_DIR"]
            .iter()
            .filter_map(|v| std::env::var_os(v).map(PathBuf::from))
            .chain([PathBuf::from("/dev/shm"), PathBuf::from("/run/shm")])
            .collect();
        for base in candidates {
            if !base.is_dir() || !ram_backed(&base) {
                continue;
            }
            sweep(&base);
            let mut r = [0u8; 8];
            random(&mut r)?;
            let dir = base.join(format!("hecha-{}-{}", std::process::id(), hex::encode(r)));
            let made = {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::DirBuilderExt;
                    std::fs::DirBuilder::new().mode(0o700).create(&dir)
                }
                #[cfg(not(unix))]
                {
                    std::fs::create_dir(&dir)
                }
            };
            if made.is_ok() {
                return Ok(RamDir(dir));
            }
        }
        Err(StoreError::NoRamDir.into())
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for RamDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Removes the RAM directories of hecha processes that are gone (killed
/// before they could clean up), so no decrypted case outlives its process.
fn sweep(base: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix("hecha-")
            .and_then(|r| r.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// True when `dir` is on tmpfs or ramfs (by the longest matching mount point).
fn ram_backed(dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    let Ok(mounts) = std::fs::read_to_string("/proc/mounts") else {
        return false;
    };
    let mut best: Option<(usize, bool)> = None;
    for line in mounts.lines() {
        let mut f = line.split_whitespace();
        let (Some(_dev), Some(mnt), Some(fs)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let mnt = mnt.replace("\\040", " ");
        if dir.starts_with(&mnt) && best.is_none_or(|(len, _)| mnt.len() >= len) {
            best = Some((mnt.len(), matches!(fs, "tmpfs" | "ramfs")));
        }
    }
    best.is_some_and(|(_, ram)| ram)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kdf() -> Kdf {
        // Cheap parameters for tests; the header carries whatever was used.
        Kdf {
            m_kib: 1024,
            t: 1,
            p: 1,
            salt: [7; 16],
        }
    }

    #[test]
    fn round_trip_and_every_kind_of_tampering_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("p");
        let data: Vec<u8> = (0..(CHUNK * 2 + 123))
            .map(|i| (i * 31 % 251) as u8)
            .collect();
        std::fs::write(&plain, &data).unwrap();
        let k = kdf();
        let key = k.derive("correct horse").unwrap();
        let enc = dir.path().join("e");
        encrypt_file(&plain, &enc, &key, &k).unwrap();
        assert!(is_encrypted(&enc));
        let bytes = std::fs::read(&enc).unwrap();
        assert!(!bytes.windows(64).any(|w| w == &data[1000..1064]));
        let out = dir.path().join("o");
        decrypt_file(&enc, &out, "correct horse").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), data);

        let err = |b: &[u8], pass: &str| {
            std::fs::write(&enc, b).unwrap();
            decrypt_file(&enc, &out, pass)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(!err(&bytes, "wrong horse").is_empty());
        // Truncated (last chunk gone), a flipped byte, data appended, header edited.
        let cut = HEADER_LEN + 2 * (4 + CHUNK + TAG);
        assert!(!err(&bytes[..cut], "correct horse").is_empty());
        let mut flipped = bytes.clone();
        flipped[HEADER_LEN + 4 + CHUNK + 100] ^= 1;
        assert!(!err(&flipped, "correct horse").is_empty());
        let mut longer = bytes.clone();
        longer.extend_from_slice(b"x");
        assert!(!err(&longer, "correct horse").is_empty());
        let mut head = bytes.clone();
        head[40] ^= 1;
        assert!(!err(&head, "correct horse").is_empty());
        // An empty plaintext still round-trips.
        std::fs::write(&plain, b"").unwrap();
        encrypt_file(&plain, &enc, &key, &k).unwrap();
        decrypt_file(&enc, &out, "correct horse").unwrap();
        assert!(std::fs::read(&out).unwrap().is_empty());
    }
}
