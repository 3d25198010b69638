//! `hecha encrypt` / `hecha decrypt`: a case file encrypted or decrypted in place.

use std::path::PathBuf;

use clap::Args;
use hecha::case::Case;
use hecha::tr;

use crate::cli::error::Result;
use crate::cli::passphrase::passphrase;

#[derive(Args)]
pub struct CaseArg {
    pub case: PathBuf,
}

pub fn encrypt(a: CaseArg) -> Result<i32> {
    let pass = passphrase(&a.case, true)?;
    Case::encrypt_in_place(&a.case, &pass)?;
    println!("{}", tr!("crypt.encrypted", path = a.case.display()));
    Ok(0)
}

pub fn decrypt(a: CaseArg) -> Result<i32> {
    if !hecha::store::is_encrypted_file(&a.case) {
        // Refused before asking: the file is not encrypted.
        Case::decrypt_in_place(&a.case, "")?;
    }
    let pass = passphrase(&a.case, false)?;
    Case::decrypt_in_place(&a.case, &pass)?;
    println!("{}", tr!("crypt.decrypted", path = a.case.display()));
    Ok(0)
}
