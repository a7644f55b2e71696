//! The JSON Schema of the values of this layer that serialise themselves
//! (dates, rectangles, quadrilaterals); the report's schema is put together
//! in `report::schema`. Only with the `schema` feature.

use crate::pdf::date::Timestamp;
use crate::pdf::geometry::{Quad, Rect};

/// A date as `YYYY-MM-DD` (what `date::serialize_iso_date` writes).
pub(crate) struct IsoDate;

/// A local date and time as `YYYY-MM-DDThh:mm:ss`, without an offset (what
/// `date::serialize_iso_date_time` writes).
pub(crate) struct LocalDateTime;

/// Values that serialise themselves, each with the schema of what it
/// writes.
macro_rules! schema_of {
    ($($type:ident { $($schema:tt)* },)*) => {$(
        impl schemars::JsonSchema for $type {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($type).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ $($schema)* })
            }
        }
    )*};
}

pub(crate) use schema_of;

schema_of! {
    IsoDate {
        "description": "A date, ISO 8601 `YYYY-MM-DD`.",
        "type": "string",
        "format": "date"
    },
    LocalDateTime {
        "description": "A local date and time, `YYYY-MM-DDThh:mm:ss`, without a UTC offset.",
        "type": "string",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"
    },
    Timestamp {
        "description": "A PDF date in RFC 3339 form, with the UTC offset when the file gives one and without it when it does not (`2026-06-08T09:11:02+02:00`, `2026-06-08T09:11:02`).",
        "type": "string",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})?$"
    },
    Rect {
        "description": "A rectangle `[x0, y0, x1, y1]` in default user space, normalised so that x0 ≤ x1 and y0 ≤ y1; whole numbers without a fraction.",
        "type": "array",
        "items": { "type": "number" },
        "minItems": 4,
        "maxItems": 4
    },
    Quad {
        "description": "One quadrilateral of `/QuadPoints`: four corners as eight numbers, in the file's order.",
        "type": "array",
        "items": { "type": "number" },
        "minItems": 8,
        "maxItems": 8
    },
}
