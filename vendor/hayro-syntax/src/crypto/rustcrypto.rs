//! AES and the SHA-2 hashes through the crates `aes` and `sha2`,
//! with the interface of this crate's own ports: chosen under the `unsafe`
//! feature, as flate2 and memchr are. Those crates use the processor's AES
//! and SHA instructions where it has them (detected when the program runs)
//! and constant-time code where it does not.
//!
//! Reading an encrypted document decrypts every string and stream it
//! reads, and opening one of revision 6 hashes the password at least three
//! times (Algorithm 2.B: 64 rounds or more, each encrypting and hashing a
//! few kilobytes). The ports work a byte at a time: a few milliseconds per
//! megabyte decrypted, and about 20 ms to open any AES-256 document.

use aes::cipher::consts::U16;
use aes::cipher::{Array, BlockCipherDecrypt, BlockCipherEncrypt, BlockSizeUser, KeyInit};
use alloc::vec::Vec;

/// An AES cipher, `C` being `aes::Aes128` or `aes::Aes256`.
#[derive(Clone)]
pub(crate) struct Cipher<C>(C);

pub(crate) type AES128Cipher = Cipher<aes::Aes128>;
pub(crate) type AES256Cipher = Cipher<aes::Aes256>;

impl<C> Cipher<C>
where
    C: KeyInit + BlockCipherEncrypt + BlockCipherDecrypt + BlockSizeUser<BlockSize = U16>,
{
    /// `None` when `key` is not the cipher's key length.
    pub(crate) fn new(key: &[u8]) -> Option<Self> {
        C::new_from_slice(key).ok().map(Self)
    }

    /// `data` encrypted in CBC mode from `iv`, padded first to whole
    /// blocks as PKCS #7 pads (a whole block of padding when `data` is
    /// already whole blocks).
    pub(crate) fn encrypt_cbc(&self, data: &[u8], iv: &[u8; 16]) -> Vec<u8> {
        let pad_len = 16 - data.len() % 16;
        let mut result = Vec::with_capacity(data.len() + pad_len);
        result.extend_from_slice(data);
        #[allow(clippy::cast_possible_truncation, reason = "at most 16")]
        result.resize(data.len() + pad_len, pad_len as u8);
        let mut previous = *iv;
        for block in result.as_chunks_mut::<16>().0 {
            xor(block, &previous);
            self.0.encrypt_block(Array::cast_from_core_mut(block));
            previous = *block;
        }
        result
    }

    /// `data` decrypted in CBC mode from `iv`; a last piece shorter than a
    /// block is left out. With `unpad`, PKCS #7 padding is taken off when
    /// the last block ends in a valid one (else the blocks are kept whole).
    pub(crate) fn decrypt_cbc(&self, data: &[u8], iv: &[u8; 16], unpad: bool) -> Vec<u8> {
        let blocks = data.as_chunks::<16>().0;
        let mut result = blocks.as_flattened().to_vec();
        let plain = result.as_chunks_mut::<16>().0;
        // Every block is decrypted at once (the cipher works on several
        // side by side), then chained: each is XORed with the cipher block
        // before it.
        self.0
            .decrypt_blocks(Array::cast_slice_from_core_mut(plain));
        let previous = core::iter::once(iv).chain(blocks);
        for (block, previous) in plain.iter_mut().zip(previous) {
            xor(block, previous);
        }
        if unpad
            && let Some(&pad_len) = result.last()
            && (1..=16).contains(&pad_len)
            && let Some(start) = result.len().checked_sub(usize::from(pad_len))
            && result
                .get(start..)
                .is_some_and(|pad| pad.iter().all(|&b| b == pad_len))
        {
            result.truncate(start);
        }
        result
    }
}

fn xor(block: &mut [u8; 16], with: &[u8; 16]) {
    for (byte, other) in block.iter_mut().zip(with) {
        *byte ^= other;
    }
}

macro_rules! hash {
    ($module:ident, $hasher:ty, $len:literal) => {
        pub(crate) mod $module {
            use sha2::Digest;

            pub(crate) fn calculate(data: &[u8]) -> [u8; $len] {
                <$hasher>::digest(data).into()
            }
        }
    };
}

hash!(sha256, sha2::Sha256, 32);
hash!(sha384, sha2::Sha384, 48);
hash!(sha512, sha2::Sha512, 64);
