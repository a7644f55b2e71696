//! The report's JSON Schema, derived from the record types.
//!
//! The records derive `JsonSchema` (with the `schema` feature); the values
//! that serialise themselves describe what their `Serialize` writes: those
//! of the annotation and decision layers here (colours, flags, names,
//! references), those of the PDF layer in `pdf::schema`. The schema is
//! generated for the serialising side: every key is required, because
//! every key is always written (`null` when absent).

use crate::annotation::{Color, Flags, Icon, Intent, Reference, State, StateModel, Subtype};
use crate::decision::SightingRef;
use crate::pdf::schema::schema_of;
use crate::report::{Report, SCHEMA_VERSION};

/// The JSON Schema (draft 2020-12) of a [`Report`] as kantlijn writes it:
/// `schema/report-v1.json` in the repository, and
/// [`REPORT_SCHEMA`](crate::REPORT_SCHEMA) in the crate.
pub fn report_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Report>();
    schema.insert(
        "title".to_owned(),
        format!("kantlijn report, schema_version {SCHEMA_VERSION}").into(),
    );
    schema.to_value()
}

schema_of! {
    Color {
        "description": "A colour as `#rrggbb` (gray and CMYK converted).",
        "type": "string",
        "pattern": "^#[0-9a-f]{6}$"
    },
    Flags {
        "description": "The names of the set annotation flags (`Print`, `Hidden`, `NoZoom`, …; an undefined bit n as `Bitn`), lowest bit first.",
        "type": "array",
        "items": { "type": "string" }
    },
    Reference {
        "description": "An object reference, `\"12 0 R\"`; an annotation written inline in `/Annots` is `\"inline:<page>:<index>\"`.",
        "type": "string",
        "pattern": "^(\\d+ \\d+ R|inline:\\d+:\\d+)$"
    },
    SightingRef {
        "description": "Where a statement was seen: an annotation's reference (`\"12 0 R\"`, `\"inline:1:0\"`), `\"comment:<index>\"` for an entry of the report's `comments`, `\"line:<n>\"` for a line of page text.",
        "type": "string",
        "pattern": "^(\\d+ \\d+ R|inline:\\d+:\\d+|comment:\\d+|line:\\d+)$"
    },
    // Names of the spec that a file may extend: any name is data.
    Subtype { "description": "`/Subtype` as written (`Text`, `FreeText`, `Highlight`, …; an unknown name as is).", "type": "string" },
    Intent { "description": "`/IT` as written (`FreeTextTypeWriter`, `LineArrow`, …).", "type": "string" },
    Icon { "description": "`/Name`: the icon as written (`Comment`, `Approved`, `PushPin`, …).", "type": "string" },
    State { "description": "`/State` as written (`Accepted`, `Rejected`, `Marked`, …).", "type": "string" },
    StateModel { "description": "`/StateModel` as written (`Review`, `Marked`).", "type": "string" },
}
