//! Open enums of PDF names: every name the spec defines as a variant, and
//! any other name as `Other`, so an unknown name is data, never an error.
//! Each serialises to the name as written in the file and reads back from
//! it.

/// Defines an open enum of names with `from_name`, `name`, `Display`,
/// `Serialize` and `Deserialize`.
macro_rules! open_names {
    (
        $what:literal;
        $(#[$meta:meta])*
        pub enum $enum:ident {
            $($(#[$doc:meta])* $variant:ident = $name:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $enum {
            $($(#[$doc])* $variant,)*
            /// A name the spec does not define, as written in the file.
            Other(String),
        }

        impl $enum {
            /// Every name the specification defines, as written in files,
            /// in the order of its table.
            pub const SPEC_NAMES: &'static [&'static str] = &[$($name,)*];

            /// The value for a name as written in the file.
            pub fn from_name(name: &str) -> Self {
                match name {
                    $($name => Self::$variant,)*
                    other => Self::Other(other.to_owned()),
                }
            }

            /// The name, as the spec (or the file) writes it.
            pub fn name(&self) -> &str {
                match self {
                    $(Self::$variant => $name,)*
                    Self::Other(name) => name,
                }
            }
        }

        impl $enum {
            /// The names the spec defines, in its order.
            pub const NAMES: &'static [&'static str] = &[$($name),*];
        }

        impl std::str::FromStr for $enum {
            type Err = crate::error::UnknownName;

            /// One of the names the spec defines, in any ASCII case
            /// (`"Highlight"`, `"highlight"`); another name is an error.
            /// [`from_name`](Self::from_name) keeps any name as written.
            fn from_str(name: &str) -> Result<Self, Self::Err> {
                $(
                    if name.eq_ignore_ascii_case($name) {
                        return Ok(Self::$variant);
                    }
                )*
                Err(crate::error::UnknownName::new($what, name))
            }
        }

        impl std::fmt::Display for $enum {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl serde::Serialize for $enum {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Ok(Self::from_name(&name))
            }
        }
    };
}

pub(crate) use open_names;

open_names! {
    "intent";
    /// `/IT`: what an annotation is meant as (ISO 32000-2 §12.5.6.4,
    /// 12.5.6.7, 12.5.6.9).
    pub enum Intent {
        /// A text box with a callout line.
        FreeTextCallout = "FreeTextCallout",
        /// A typewriter: text typed straight onto the page.
        FreeTextTypeWriter = "FreeTextTypeWriter",
        /// A line with an arrow head.
        LineArrow = "LineArrow",
        /// A dimension line.
        LineDimension = "LineDimension",
        /// A cloud drawn around an area.
        PolygonCloud = "PolygonCloud",
        /// A measured open polygon.
        PolyLineDimension = "PolyLineDimension",
        /// A measured polygon.
        PolygonDimension = "PolygonDimension",
    }
}

open_names! {
    "icon";
    /// `/Name`: the icon of a sticky note, stamp, file attachment or sound
    /// (ISO 32000-2 §12.5.6.4, 12.5.6.12, 12.5.6.15, 12.5.6.16).
    pub enum Icon {
        /// A sticky note's speech bubble.
        Comment = "Comment",
        /// A sticky note's key.
        Key = "Key",
        /// A sticky note's note (the default).
        Note = "Note",
        /// A sticky note's question mark.
        Help = "Help",
        /// A sticky note's new-paragraph mark.
        NewParagraph = "NewParagraph",
        /// A sticky note's paragraph mark.
        Paragraph = "Paragraph",
        /// A sticky note's insertion mark.
        Insert = "Insert",
        /// The stamp "Approved".
        Approved = "Approved",
        /// The stamp "Experimental".
        Experimental = "Experimental",
        /// The stamp "Not Approved".
        NotApproved = "NotApproved",
        /// The stamp "As Is".
        AsIs = "AsIs",
        /// The stamp "Expired".
        Expired = "Expired",
        /// The stamp "Not For Public Release".
        NotForPublicRelease = "NotForPublicRelease",
        /// The stamp "Confidential".
        Confidential = "Confidential",
        /// The stamp "Final".
        Final = "Final",
        /// The stamp "Sold".
        Sold = "Sold",
        /// The stamp "Departmental".
        Departmental = "Departmental",
        /// The stamp "For Comment".
        ForComment = "ForComment",
        /// The stamp "Top Secret".
        TopSecret = "TopSecret",
        /// The stamp "Draft" (the default).
        Draft = "Draft",
        /// The stamp "For Public Release".
        ForPublicRelease = "ForPublicRelease",
        /// A file attachment's graph.
        Graph = "Graph",
        /// A file attachment's push pin (the default).
        PushPin = "PushPin",
        /// A file attachment's paper clip.
        Paperclip = "Paperclip",
        /// A file attachment's tag.
        Tag = "Tag",
        /// A sound's speaker (the default).
        Speaker = "Speaker",
        /// A sound's microphone.
        Mic = "Mic",
    }
}

open_names! {
    "state";
    /// `/State`: a review or marking state set by a reply (ISO 32000-2
    /// §12.5.6.3, Table 174).
    pub enum State {
        /// Marked (state model `Marked`).
        Marked = "Marked",
        /// Unmarked (state model `Marked`).
        Unmarked = "Unmarked",
        /// Accepted (state model `Review`).
        Accepted = "Accepted",
        /// Rejected (state model `Review`).
        Rejected = "Rejected",
        /// Cancelled (state model `Review`).
        Cancelled = "Cancelled",
        /// Completed (state model `Review`).
        Completed = "Completed",
        /// No review state (state model `Review`): the state was withdrawn.
        None = "None",
    }
}

open_names! {
    "state model";
    /// `/StateModel`: the set a [`State`] belongs to.
    pub enum StateModel {
        /// Marked and unmarked.
        Marked = "Marked",
        /// Accepted, rejected, cancelled, completed or none.
        Review = "Review",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_round_trip() {
        assert_eq!(
            Intent::from_name("FreeTextTypeWriter"),
            Intent::FreeTextTypeWriter
        );
        assert_eq!(Icon::from_name("NotApproved").name(), "NotApproved");
        assert_eq!(State::from_name("None"), State::None);
        assert_eq!(StateModel::from_name("Review").to_string(), "Review");
    }

    #[test]
    fn names_parse_in_any_case() {
        assert_eq!(
            "highlight".parse::<super::super::Subtype>(),
            Ok(super::super::Subtype::Highlight)
        );
        assert_eq!(
            "FREETEXT".parse::<super::super::Subtype>(),
            Ok(super::super::Subtype::FreeText)
        );
        assert_eq!(
            "3d".parse::<super::super::Subtype>(),
            Ok(super::super::Subtype::ThreeD)
        );
        let error = "Higlight".parse::<super::super::Subtype>().unwrap_err();
        assert_eq!(error.to_string(), "unknown subtype \"Higlight\"");
        assert_eq!("notapproved".parse::<Icon>(), Ok(Icon::NotApproved));
        assert!("SBApproved".parse::<Icon>().is_err());
        assert_eq!(StateModel::NAMES, ["Marked", "Review"]);
    }

    #[test]
    fn unknown_names_are_data() {
        let icon = Icon::from_name("SBApproved");
        assert_eq!(icon, Icon::Other("SBApproved".into()));
        assert_eq!(serde_json::to_string(&icon).unwrap(), "\"SBApproved\"");
        let back: Icon = serde_json::from_str("\"SBApproved\"").unwrap();
        assert_eq!(back, icon);
        // Names are compared as written: case is part of a name.
        assert_eq!(
            State::from_name("accepted"),
            State::Other("accepted".into())
        );
    }
}
