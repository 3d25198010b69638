//! DuckDB's own database encryption (AES-256-GCM, block by block), with
//! hecha's crypto provider: `provider.cpp` installs it on each database hecha
//! opens, and calls back here for the cipher and the random bytes.
//!
//! The bundled DuckDB can read but not write encrypted databases with its
//! built-in module (its random numbers are not cryptographic) unless the
//! httpfs extension's OpenSSL is loaded (docs/SECURITY.md). Here AES comes
//! from the `aes` crate (AES-NI when the processor has it), GHASH from
//! `ghash` (carry-less multiply), random bytes from the operating system.
//! GCM is assembled from the two in a streaming form, because DuckDB hands
//! over the data before the tag: [`Gcm`], checked against the `aes-gcm`
//! crate in the tests.

use aes::cipher::{BlockEncrypt, KeyInit, KeyIvInit, StreamCipher};
use aes::Aes256;
use ghash::universal_hash::UniversalHash;
use ghash::GHash;

type Ctr = ctr::Ctr32BE<Aes256>;
const BLOCK: usize = 16;

/// One AES-256-GCM operation in progress (encrypting or decrypting), fed the
/// data in any number of pieces.
pub struct Gcm {
    active: Option<Active>,
}

struct Active {
    encrypt: bool,
    ctr: Ctr,
    ghash: GHash,
    /// E(K, J0): masks the GHASH into the tag.
    mask: [u8; BLOCK],
    aad_len: u64,
    text_len: u64,
    /// Ciphertext not yet a whole block for GHASH.
    partial: [u8; BLOCK],
    partial_len: usize,
}

/// Why a GCM call was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum GcmError {
    /// Not AES-256, or an empty nonce.
    BadParameters,
    /// Called before `init` (or after `finish`).
    NotStarted,
    /// Decryption: the data or the key is not what was encrypted.
    TagMismatch,
}

impl Default for Gcm {
    fn default() -> Self {
        Gcm::new()
    }
}

impl Gcm {
    pub fn new() -> Gcm {
        Gcm { active: None }
    }

    /// Starts an operation with a 256-bit key and a nonce of any length
    /// (12 bytes is GCM's own; others go through GHASH as the standard says).
    pub fn init(
        &mut self,
        encrypt: bool,
        key: &[u8],
        iv: &[u8],
        aad: &[u8],
    ) -> Result<(), GcmError> {
        if key.len() != 32 || iv.is_empty() {
            return Err(GcmError::BadParameters);
        }
        let cipher = Aes256::new_from_slice(key).map_err(|_| GcmError::BadParameters)?;
        let mut h = ghash::Block::default();
        cipher.encrypt_block(&mut h);
        let mut j0 = [0u8; BLOCK];
        if iv.len() == 12 {
            j0[..12].copy_from_slice(iv);
            j0[15] = 1;
        } else {
            let mut g = GHash::new(&h);
            g.update_padded(iv);
            let mut lens = [0u8; BLOCK];
            lens[8..].copy_from_slice(&((iv.len() as u64) * 8).to_be_bytes());
            g.update(&[lens.into()]);
            j0.copy_from_slice(&g.finalize());
        }
        let mut mask = ghash::Block::from(j0);
        cipher.encrypt_block(&mut mask);
        let mut first = j0;
        let counter = u32::from_be_bytes([j0[12], j0[13], j0[14], j0[15]]).wrapping_add(1);
        first[12..].copy_from_slice(&counter.to_be_bytes());
        let ctr = Ctr::new_from_slices(key, &first).map_err(|_| GcmError::BadParameters)?;
        let mut ghash = GHash::new(&h);
        ghash.update_padded(aad);
        self.active = Some(Active {
            encrypt,
            ctr,
            ghash,
            mask: mask.into(),
            aad_len: aad.len() as u64,
            text_len: 0,
            partial: [0; BLOCK],
            partial_len: 0,
        });
        Ok(())
    }

    /// Encrypts or decrypts `data` in place (the next piece of the stream).
    pub fn process(&mut self, data: &mut [u8]) -> Result<(), GcmError> {
        let a = self.active.as_mut().ok_or(GcmError::NotStarted)?;
        if a.encrypt {
            a.ctr.apply_keystream(data);
            a.absorb(data);
        } else {
            a.absorb(data);
            a.ctr.apply_keystream(data);
        }
        a.text_len += data.len() as u64;
        Ok(())
    }

    /// Ends the operation: writes the tag (encrypting) or checks it
    /// (decrypting; at least 12 bytes).
    pub fn finish(&mut self, tag: &mut [u8]) -> Result<(), GcmError> {
        let mut a = self.active.take().ok_or(GcmError::NotStarted)?;
        if tag.is_empty() || tag.len() > BLOCK || (!a.encrypt && tag.len() < 12) {
            return Err(GcmError::BadParameters);
        }
        if a.partial_len > 0 {
            let n = a.partial_len;
            a.ghash.update_padded(&a.partial[..n]);
        }
        let mut lens = [0u8; BLOCK];
        lens[..8].copy_from_slice(&(a.aad_len * 8).to_be_bytes());
        lens[8..].copy_from_slice(&(a.text_len * 8).to_be_bytes());
        a.ghash.update(&[lens.into()]);
        let mut full: [u8; BLOCK] = a.ghash.finalize().into();
        for (f, m) in full.iter_mut().zip(a.mask) {
            *f ^= m;
        }
        let n = tag.len();
        if a.encrypt {
            tag.copy_from_slice(&full[..n]);
            return Ok(());
        }
        // Constant time: every byte compared whatever the first difference.
        let diff = full[..n]
            .iter()
            .zip(tag.iter())
            .fold(0u8, |d, (x, y)| d | (x ^ y));
        if diff == 0 {
            Ok(())
        } else {
            Err(GcmError::TagMismatch)
        }
    }
}

impl Active {
    /// Feeds ciphertext to GHASH, whole blocks at a time.
    fn absorb(&mut self, mut data: &[u8]) {
        if self.partial_len > 0 {
            let take = (BLOCK - self.partial_len).min(data.len());
            self.partial[self.partial_len..self.partial_len + take].copy_from_slice(&data[..take]);
            self.partial_len += take;
            data = &data[take..];
            if self.partial_len < BLOCK {
                return;
            }
            let block = self.partial;
            self.ghash.update(&[block.into()]);
            self.partial_len = 0;
        }
        let whole = data.len() / BLOCK * BLOCK;
        if whole > 0 {
            // Whole blocks only: nothing is padded.
            self.ghash.update_padded(&data[..whole]);
        }
        let rest = &data[whole..];
        self.partial[..rest.len()].copy_from_slice(rest);
        self.partial_len = rest.len();
    }
}

// ---- called from provider.cpp -------------------------------------------
//
// SAFETY (all of them): DuckDB passes pointers to buffers of the lengths it
// gives, valid for the call; `state` is a pointer `hecha_gcm_new` returned and
// `hecha_gcm_free` has not freed. Nothing here panics across the boundary:
// every error is a return code.

#[no_mangle]
pub extern "C" fn hecha_gcm_new() -> *mut Gcm {
    Box::into_raw(Box::new(Gcm::new()))
}

/// # Safety
/// `state` from [`hecha_gcm_new`], not freed before.
#[no_mangle]
pub unsafe extern "C" fn hecha_gcm_free(state: *mut Gcm) {
    if !state.is_null() {
        drop(unsafe { Box::from_raw(state) });
    }
}

/// # Safety
/// See the note above.
#[no_mangle]
pub unsafe extern "C" fn hecha_gcm_init(
    state: *mut Gcm,
    encrypt: i32,
    key: *const u8,
    key_len: usize,
    iv: *const u8,
    iv_len: usize,
    aad: *const u8,
    aad_len: usize,
) -> i32 {
    let Some(g) = (unsafe { state.as_mut() }) else {
        return 2;
    };
    if key.is_null() || iv.is_null() {
        return 2;
    }
    let key = unsafe { std::slice::from_raw_parts(key, key_len) };
    let iv = unsafe { std::slice::from_raw_parts(iv, iv_len) };
    let aad = if aad.is_null() || aad_len == 0 {
        &[][..]
    } else {
        unsafe { std::slice::from_raw_parts(aad, aad_len) }
    };
    match g.init(encrypt != 0, key, iv, aad) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

/// # Safety
/// See the note above; `input` and `output` may be the same buffer.
#[no_mangle]
pub unsafe extern "C" fn hecha_gcm_process(
    state: *mut Gcm,
    input: *const u8,
    output: *mut u8,
    len: usize,
) -> i32 {
    let Some(g) = (unsafe { state.as_mut() }) else {
        return 2;
    };
    if len == 0 {
        return 0;
    }
    if input.is_null() || output.is_null() {
        return 2;
    }
    if !std::ptr::eq(input, output) {
        // `copy` allows the two to overlap.
        unsafe { std::ptr::copy(input, output, len) };
    }
    let data = unsafe { std::slice::from_raw_parts_mut(output, len) };
    match g.process(data) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

/// 0: done; 1: the tag does not match; 2: not started or a bad tag length.
///
/// # Safety
/// See the note above.
#[no_mangle]
pub unsafe extern "C" fn hecha_gcm_finish(state: *mut Gcm, tag: *mut u8, tag_len: usize) -> i32 {
    let Some(g) = (unsafe { state.as_mut() }) else {
        return 2;
    };
    if tag.is_null() {
        return 2;
    }
    let tag = unsafe { std::slice::from_raw_parts_mut(tag, tag_len) };
    match g.finish(tag) {
        Ok(()) => 0,
        Err(GcmError::TagMismatch) => 1,
        Err(_) => 2,
    }
}

/// # Safety
/// `out` points to `len` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn hecha_os_random(out: *mut u8, len: usize) -> i32 {
    if len == 0 {
        return 0;
    }
    if out.is_null() {
        return 1;
    }
    let buf = unsafe { std::slice::from_raw_parts_mut(out, len) };
    match getrandom::getrandom(buf) {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

extern "C" {
    fn hecha_install_crypto(database: duckdb::ffi::duckdb_database) -> i32;
}

// ---- case files ---------------------------------------------------------

use std::ffi::{CStr, CString};
use std::path::Path;

use duckdb::{ffi, Connection};
use sha2::{Digest, Sha256};

use super::views::literal;
use super::StoreError;
use crate::error::{Error, Result};

/// The name an encrypted case file is attached under.
pub(in crate::store) const CASE_DB: &str = "hecha_case";

/// Argon2id's salt for encrypted case files. DuckDB mixes each file's random
/// identifier (its header) into the key it derives from ours, so the block
/// keys of two cases never coincide; the salt cannot be per file, because
/// the identifier is only made when the file is (docs/SECURITY.md).
const KDF_SALT: &[u8; 16] = b"hecha.case.key.2";

/// The keys of an encrypted case, from its passphrase; wiped when dropped.
pub struct CaseKeys {
    /// For DuckDB's `ENCRYPTION_KEY` (hex).
    duckdb: String,
    /// For the search index (its sealed directory).
    index: [u8; 32],
}

impl Drop for CaseKeys {
    fn drop(&mut self) {
        // SAFETY: plain writes through valid &mut bytes; volatile so the wipe
        // stays. Hex digits stay valid UTF-8 when zeroed.
        unsafe {
            for b in self.duckdb.as_bytes_mut() {
                std::ptr::write_volatile(b, b'0');
            }
        }
        for b in self.index.iter_mut() {
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

impl CaseKeys {
    /// Argon2id (64 MiB, 3 passes) of the passphrase, split into the two keys.
    pub fn derive(passphrase: &str) -> Result<CaseKeys> {
        let kdf = super::crypt::Kdf::with_salt(*KDF_SALT);
        let master = kdf.derive(passphrase)?;
        let part = |label: &[u8]| -> [u8; 32] {
            let mut h = Sha256::new();
            h.update(label);
            h.update(master.bytes());
            h.finalize().into()
        };
        Ok(CaseKeys {
            duckdb: hex::encode(part(b"hecha/duckdb/2")),
            index: part(b"hecha/index/2"),
        })
    }

    pub fn index_key(&self) -> &[u8; 32] {
        &self.index
    }
}

/// True when `path` is a DuckDB database file encrypted by DuckDB (the
/// encrypted flag of its main header).
pub fn is_sealed(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 28];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    if f.read_exact(&mut head).is_err() || &head[8..12] != b"DUCK" {
        return false;
    }
    let mut flags = [0u8; 8];
    flags.copy_from_slice(&head[20..28]);
    u64::from_le_bytes(flags) & 1 == 1
}

/// A DuckDB database opened through the C API with hecha's crypto provider;
/// closed when dropped, which must come after every connection to it.
pub(in crate::store) struct RawDb(ffi::duckdb_database);

// SAFETY: a DuckDB database handle may be used and closed from any thread.
unsafe impl Send for RawDb {}

impl Drop for RawDb {
    fn drop(&mut self) {
        // SAFETY: opened by `open_raw`, closed only here.
        unsafe { ffi::duckdb_close(&mut self.0) };
    }
}

/// An in-memory DuckDB with these settings and hecha's crypto provider, and
/// a connection to it.
pub(in crate::store) fn open_raw(settings: &[(&str, &str)]) -> Result<(Connection, RawDb)> {
    let failed = |detail: String| Error::from(StoreError::Damaged { detail });
    // SAFETY: the C API used as documented: the config is created, filled
    // and destroyed here; the error string is freed with duckdb_free.
    unsafe {
        let mut config: ffi::duckdb_config = std::ptr::null_mut();
        if ffi::duckdb_create_config(&mut config) != ffi::DuckDBSuccess {
            return Err(failed("duckdb_create_config".into()));
        }
        for (name, value) in settings {
            let (n, v) = (
                CString::new(*name).map_err(|e| failed(e.to_string()))?,
                CString::new(*value).map_err(|e| failed(e.to_string()))?,
            );
            if ffi::duckdb_set_config(config, n.as_ptr(), v.as_ptr()) != ffi::DuckDBSuccess {
                ffi::duckdb_destroy_config(&mut config);
                return Err(failed(format!("setting {name}")));
            }
        }
        let mut db: ffi::duckdb_database = std::ptr::null_mut();
        let mut err: *mut std::os::raw::c_char = std::ptr::null_mut();
        let state = ffi::duckdb_open_ext(c":memory:".as_ptr(), &mut db, config, &mut err);
        ffi::duckdb_destroy_config(&mut config);
        if state != ffi::DuckDBSuccess {
            let detail = if err.is_null() {
                "duckdb_open_ext".to_string()
            } else {
                let d = CStr::from_ptr(err).to_string_lossy().into_owned();
                ffi::duckdb_free(err.cast());
                d
            };
            return Err(failed(detail));
        }
        let raw = RawDb(db);
        if hecha_install_crypto(raw.0) != 0 {
            return Err(failed("installing the crypto provider".into()));
        }
        let conn = Connection::open_from_raw(raw.0)?;
        Ok((conn, raw))
    }
}

/// The statement attaching the encrypted case file at `path` as `name`.
pub(in crate::store) fn attach_sql(
    path: &Path,
    name: &str,
    keys: &CaseKeys,
    read_only: bool,
) -> String {
    format!(
        "ATTACH {} AS {} (ENCRYPTION_KEY {}, ENCRYPTION_CIPHER 'GCM'{})",
        literal(&path.to_string_lossy()),
        name,
        literal(&keys.duckdb),
        if read_only { ", READ_ONLY" } else { "" }
    )
}

/// The statement attaching a plain database file read-only as `name`.
pub(in crate::store) fn attach_plain_sql(path: &Path, name: &str) -> String {
    format!(
        "ATTACH {} AS {} (READ_ONLY)",
        literal(&path.to_string_lossy()),
        name
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use aes_gcm::aead::AeadInPlace;

    /// A deterministic byte stream for the tests.
    fn bytes(seed: u64, n: usize) -> Vec<u8> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn streaming_gcm_equals_the_aes_gcm_crate_in_any_pieces() {
        let key = bytes(1, 32);
        for (n, len) in [0usize, 1, 15, 16, 17, 31, 32, 100, 4096, 262_144 + 8]
            .into_iter()
            .enumerate()
        {
            for iv_len in [12usize, 16] {
                let iv = bytes(n as u64 + 7, iv_len);
                let aad = bytes(n as u64 + 3, n * 5);
                let plain = bytes(n as u64 + 11, len);
                // Reference.
                let mut want = plain.clone();
                let want_tag = if iv_len == 12 {
                    let c = aes_gcm::Aes256Gcm::new_from_slice(&key).unwrap();
                    c.encrypt_in_place_detached(iv.as_slice().into(), &aad, &mut want)
                        .unwrap()
                } else {
                    let c =
                        aes_gcm::AesGcm::<aes::Aes256, aes_gcm::aead::consts::U16>::new_from_slice(
                            &key,
                        )
                        .unwrap();
                    c.encrypt_in_place_detached(iv.as_slice().into(), &aad, &mut want)
                        .unwrap()
                };
                // Ours, fed in uneven pieces.
                let mut got = plain.clone();
                let mut g = Gcm::new();
                g.init(true, &key, &iv, &aad).unwrap();
                let mut at = 0;
                let mut step = 1;
                while at < got.len() {
                    let end = (at + step).min(got.len());
                    g.process(&mut got[at..end]).unwrap();
                    at = end;
                    step = step * 3 + 1;
                }
                let mut tag = [0u8; 16];
                g.finish(&mut tag).unwrap();
                assert_eq!(got, want, "ciphertext, {len} bytes, iv {iv_len}");
                assert_eq!(
                    tag.as_slice(),
                    want_tag.as_slice(),
                    "tag, {len} bytes, iv {iv_len}"
                );
                // And back, in one piece; a flipped bit anywhere is refused.
                let mut g = Gcm::new();
                g.init(false, &key, &iv, &aad).unwrap();
                let mut back = got.clone();
                g.process(&mut back).unwrap();
                g.finish(&mut tag).unwrap();
                assert_eq!(back, plain);
                if len > 0 {
                    let mut bad = got.clone();
                    bad[len / 2] ^= 4;
                    g.init(false, &key, &iv, &aad).unwrap();
                    g.process(&mut bad).unwrap();
                    assert_eq!(g.finish(&mut tag), Err(GcmError::TagMismatch));
                }
            }
        }
    }

    #[test]
    fn misuse_is_refused_not_a_crash() {
        let mut g = Gcm::new();
        assert_eq!(g.process(&mut [0u8; 4]), Err(GcmError::NotStarted));
        assert_eq!(g.finish(&mut [0u8; 16]), Err(GcmError::NotStarted));
        assert_eq!(
            g.init(true, &[0u8; 16], &[0u8; 12], &[]),
            Err(GcmError::BadParameters)
        );
        assert_eq!(
            g.init(true, &[0u8; 32], &[], &[]),
            Err(GcmError::BadParameters)
        );
    }
}
