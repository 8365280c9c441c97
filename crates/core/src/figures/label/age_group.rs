//! `65歲及以上人士的勞動參與率為12.1%`, `15-19歲人士的失業率`, `65岁以上老年人`: an age
//! written before the words that close a group of people (以上, 以下, 人士, 者, 年龄, 组)
//! names that group; it measures nothing (labels.md rule 7: no noun names a counted
//! thing; the training gold gives such an age band no label). It is then no count whose
//! words run into the metric of the next figure (`shared_run`), which would cut
//! `勞動` off `勞動參與率`.

use super::{Doc, Own};
use crate::figures::units::starts_with_any;
use crate::model::{Figure, Kind};

/// Words after an age that make it the name of a group (simplified chars).
const GROUP_AFTER: &[&str] =
    &["及以上", "及以下", "或以上", "或以下", "以上", "以下", "人士", "者", "年龄", "组", "的人", "群组"];

impl Doc<'_> {
    /// An age that names a group has no label (see the module notes).
    pub(super) fn age_group(&self, f: &Figure, own: &mut Own) {
        if f.kind != Kind::Quantity || !matches!(f.unit.as_deref(), Some("岁" | "周岁")) || own.label.is_none() {
            return;
        }
        if starts_with_any(self.chars, f.end, GROUP_AFTER).is_some() {
            own.label = None;
            own.after = false;
        }
    }
}
