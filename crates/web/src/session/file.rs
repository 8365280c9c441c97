//! The session file: the whole session as one JSON document, to continue elsewhere (another
//! browser, another day) or to pass results on without a server.

use super::words::StoreError;
use super::{FORMAT, Saved, VERSION};

/// The file's name for a session saved on `date`.
pub fn name(date: &str) -> String {
    format!("shudu-session-{date}.json")
}

pub fn to_json(saved: &Saved) -> String {
    serde_json::to_string(saved).expect("a session always serialises")
}

/// What a session file says it is, read first (the rest of its fields ignored).
#[derive(serde::Deserialize)]
struct Head {
    format: Option<String>,
    version: Option<u32>,
}

/// A session file read back; refused (with the reason) if it is not one this page wrote.
/// (Read twice from the text rather than through `serde_json::Value`: one deserialiser for
/// the session's types in the page's code, shared with the kept session's; see docs/session.md.)
pub fn from_json(text: &str) -> Result<Saved, StoreError> {
    let text = text.trim_start_matches('\u{feff}');
    let head: Head = serde_json::from_str(text).map_err(|e| StoreError::BadFile(e.to_string()))?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(StoreError::NotSession);
    }
    match head.version {
        Some(v) if v <= VERSION => {}
        v => return Err(StoreError::NewerVersion(v.unwrap_or(0))),
    }
    serde_json::from_str(text).map_err(|e| StoreError::BadFile(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{SavedFile, SavedStatus, Settings};
    use crate::state::{Column, View};
    use shudu_core::{Figure, Kind};

    fn sample() -> Saved {
        Saved {
            format: FORMAT.into(),
            version: VERSION,
            text: "全市常住人口1761.48万人。".into(),
            user_dict: "开复工率 n\n".into(),
            settings: Settings {
                view: View::Summary,
                kind: Some(Kind::Count),
                query: "人口".into(),
                sort: Some((Column::Value, false)),
                summary_sort: Some((shudu_core::workbench::summary::SortBy::Files, true)),
                kwic_sort: Some(shudu_core::workbench::concordance::SortBy::Right),
                ..Settings::default()
            },
            files: vec![SavedFile {
                name: "a.txt".into(),
                size: 12,
                status: SavedStatus::Failed(crate::failure::Failure::Binary),
                encoding: Some("GBK".into()),
                text: "增长5%".into(),
                figures: vec![Figure::plain(Kind::Percent, "5%", 2)],
                contexts: Vec::new(),
                words: Default::default(),
            }],
        }
    }

    #[test]
    fn a_session_comes_back_whole() {
        let s = sample();
        assert_eq!(from_json(&to_json(&s)).unwrap(), s);
    }

    #[test]
    fn a_file_of_a_page_that_kept_no_view_orders_still_opens() {
        let json = to_json(&sample()).replace(r#","summary_sort":["Files",true],"kwic_sort":"Right""#, "");
        assert!(!json.contains("kwic_sort"), "{json}");
        let s = from_json(&json).unwrap();
        assert_eq!((s.settings.summary_sort, s.settings.kwic_sort), (None, None));
    }

    #[test]
    fn other_json_is_refused_with_its_reason() {
        assert_eq!(from_json(r#"{"a": 1}"#), Err(StoreError::NotSession));
        assert!(matches!(from_json("not json"), Err(StoreError::BadFile(_))));
        let newer = to_json(&sample()).replace(r#""version":1"#, r#""version":9"#);
        assert_eq!(from_json(&newer), Err(StoreError::NewerVersion(9)));
        let broken = to_json(&sample()).replace(r#""files":["#, r#""files":[1,"#);
        assert!(matches!(from_json(&broken), Err(StoreError::BadFile(_))));
    }
}
