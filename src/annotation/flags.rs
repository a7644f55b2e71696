//! Annotation flags, `/F` (ISO 32000-2 §12.5.3, Table 167).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The set bits of an annotation's `/F`. Serialises to the list of their spec
/// names (`["Print", "NoZoom"]`); a bit the spec does not define appears as
/// `"Bit11"` (1-based, as the spec counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flags(u32);

const NAMES: [&str; 10] = [
    "Invisible",
    "Hidden",
    "Print",
    "NoZoom",
    "NoRotate",
    "NoView",
    "ReadOnly",
    "Locked",
    "ToggleNoView",
    "LockedContents",
];

impl Flags {
    /// Bit 1: do not show an annotation of an unknown subtype.
    pub const INVISIBLE: Self = Self(1);
    /// Bit 2: neither shown nor printed.
    pub const HIDDEN: Self = Self(1 << 1);
    /// Bit 3: printed with the page.
    pub const PRINT: Self = Self(1 << 2);
    /// Bit 6: not shown on screen.
    pub const NO_VIEW: Self = Self(1 << 5);

    /// The flags of a raw `/F` value.
    pub fn from_bits(bits: u32) -> Self {
        Self(bits)
    }

    /// The raw `/F` value.
    pub fn bits(&self) -> u32 {
        self.0
    }

    /// Whether every bit of `other` is set.
    pub fn contains(&self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// The names of the set bits, in bit order.
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        (0..32u32)
            .filter(|bit| self.0 & (1 << bit) != 0)
            .map(|bit| {
                NAMES
                    .get(bit as usize)
                    .map_or_else(|| format!("Bit{}", bit + 1), |name| (*name).to_owned())
            })
    }
}

impl Serialize for Flags {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.names())
    }
}

impl<'de> Deserialize<'de> for Flags {
    /// Reads the list of names [`Flags::names`] writes.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let names = <Vec<std::borrow::Cow<'de, str>>>::deserialize(deserializer)?;
        let mut bits = 0_u32;
        for name in names {
            let bit = NAMES
                .iter()
                .position(|known| *known == name)
                .or_else(|| {
                    let number: usize = name.strip_prefix("Bit")?.parse().ok()?;
                    number.checked_sub(1).filter(|bit| *bit < 32)
                })
                .ok_or_else(|| serde::de::Error::custom(format!("unknown flag {name:?}")))?;
            bits |= 1 << bit;
        }
        Ok(Self(bits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        let flags = Flags::from_bits(0b100_0000_0100 | (1 << 31));
        let json = serde_json::to_string(&flags).unwrap();
        assert_eq!(json, "[\"Print\",\"Bit11\",\"Bit32\"]");
        assert_eq!(serde_json::from_str::<Flags>(&json).unwrap(), flags);
        assert!(serde_json::from_str::<Flags>("[\"Bit33\"]").is_err());
        assert!(serde_json::from_str::<Flags>("[\"Printed\"]").is_err());
    }

    #[test]
    fn print_and_no_zoom() {
        let flags = Flags::from_bits(4 | 8);
        assert_eq!(flags.names().collect::<Vec<_>>(), ["Print", "NoZoom"]);
        assert!(flags.contains(Flags::PRINT));
        assert!(!flags.contains(Flags::HIDDEN));
    }

    #[test]
    fn undefined_bit_named_by_number() {
        let flags = Flags::from_bits(1 << 10 | 1);
        assert_eq!(
            serde_json::to_string(&flags).unwrap(),
            r#"["Invisible","Bit11"]"#
        );
    }

    #[test]
    fn empty() {
        assert_eq!(serde_json::to_string(&Flags::default()).unwrap(), "[]");
    }
}
