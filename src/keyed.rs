//! The hash of every table: foldhash, with a secret seed.
//!
//! Some tables are filled by the page's own text (its capitalised words, its surnames, its
//! actors' keys). With a fixed hash, a page could fill them with names chosen offline to
//! collide (for FNV-1a they are cheap: the low bits of its state depend only on the low
//! bits, so colliding blocks chain), and every insertion would walk one long probe chain:
//! time quadratic in the number of names. So the tables hash with foldhash, seeded from the
//! system's random source once per process (in WebAssembly, `crypto.getRandomValues`,
//! through js-sys) and differently for each table, and no page can know which of its names
//! collide. The word lists' tables use it too: one hasher, one copy of the table code in
//! the wasm. Nothing iterates over a table, so the output never depends on the seed.

use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use foldhash::fast::{FoldHasher, SeedableRandomState};
use foldhash::SharedSeed;

/// The hasher of [`Map`](crate::lexicon::Map) and [`Set`](crate::lexicon::Set): foldhash
/// with the process's secret seed and a seed of its own. `Keyed::default()` gives a new
/// seed each time.
///
/// ```
/// use std::hash::BuildHasher;
/// use whosaid::keyed::Keyed;
/// use whosaid::lexicon::Set;
///
/// let mut surnames: Set<&str> = Set::default(); // a `HashSet` with a `Keyed` hasher
/// surnames.insert("Brandt");
/// assert!(surnames.contains("Brandt"));
///
/// // Two tables hash alike only by a chance of one in 2^64.
/// let (a, b) = (Keyed::default(), Keyed::default());
/// assert_ne!(a.hash_one("Brandt"), b.hash_one("Brandt"));
/// assert_eq!(a.hash_one("Brandt"), a.hash_one("Brandt"));
/// ```
#[derive(Clone, Debug)]
pub struct Keyed(SeedableRandomState);

impl Default for Keyed {
    fn default() -> Self {
        let (shared, base) = secret();
        // each table its own seed: the process's secret, stirred by a counter
        let n = TABLES.fetch_add(1, Ordering::Relaxed);
        Keyed(SeedableRandomState::with_seed(mix(base ^ mix(n)), shared))
    }
}

impl BuildHasher for Keyed {
    type Hasher = FoldHasher<'static>;

    fn build_hasher(&self) -> Self::Hasher {
        self.0.build_hasher()
    }
}

/// How many tables have been seeded in this process.
static TABLES: AtomicU64 = AtomicU64::new(0);

/// The process's secret: foldhash's shared seed and a base for each table's seed, read
/// once from the system's random source.
fn secret() -> (&'static SharedSeed, u64) {
    static SECRET: OnceLock<(SharedSeed, u64)> = OnceLock::new();
    let (shared, base) = SECRET.get_or_init(|| {
        let mut bytes = [0u8; 16];
        if !random(&mut bytes) {
            // (no random source at all: a seed that still differs between processes and
            // runs, from the address space's layout and the clock where there is one)
            let here = &bytes as *const _ as u64;
            bytes[..8].copy_from_slice(&(here ^ clock()).to_le_bytes());
        }
        let [a, b] = [&bytes[..8], &bytes[8..]]
            .map(|half| u64::from_le_bytes(half.try_into().unwrap_or_default()));
        (SharedSeed::from_u64(a), b)
    });
    (shared, *base)
}

/// Fills `bytes` from the system's random source; false when there is none.
#[cfg(not(target_arch = "wasm32"))]
fn random(bytes: &mut [u8]) -> bool {
    getrandom::getrandom(bytes).is_ok()
}

/// Fills `bytes` from `crypto.getRandomValues` (browsers, their workers, Node 19 and
/// later); false when the global `crypto` has none.
#[cfg(target_arch = "wasm32")]
fn random(bytes: &mut [u8]) -> bool {
    use js_sys::{Function, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    let Ok(crypto) = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")) else {
        return false;
    };
    let Ok(fill) = Reflect::get(&crypto, &JsValue::from_str("getRandomValues")) else {
        return false;
    };
    let Some(fill) = fill.dyn_ref::<Function>() else {
        return false;
    };
    let array = Uint8Array::new_with_length(bytes.len() as u32);
    if fill.call1(&crypto, &array).is_err() {
        return false;
    }
    array.copy_to(bytes);
    true
}

/// Nanoseconds of the system clock, where there is one (0 in WebAssembly without one).
fn clock() -> u64 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    }
    #[cfg(target_arch = "wasm32")]
    {
        0
    }
}

/// SplitMix64's finaliser: every bit of the output depends on every bit of the input.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn each_table_hashes_the_same_key_differently() {
        let (a, b) = (Keyed::default(), Keyed::default());
        let word = "Zarif";
        assert_eq!(
            a.hash_one(word),
            a.hash_one(word),
            "a table hashes a key one way"
        );
        assert_ne!(a.hash_one(word), b.hash_one(word), "two tables, two seeds");
    }

    #[test]
    fn a_set_finds_what_was_put_in() {
        let mut set: crate::lexicon::Set<&str> = Default::default();
        set.extend(["Khamenei", "Craft", "Zarif"]);
        assert!(set.contains("Craft") && !set.contains("craft"));
    }
}
