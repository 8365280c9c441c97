//! The test session of `testdata/workbench/entries.json`: figures with their file, sentence
//! and period, as the page holds them.

use super::Entry;
use super::context::Context;
use crate::model::Figure;
use serde::Deserialize;

#[derive(Deserialize)]
struct Item {
    file: String,
    before: String,
    after: String,
    period: Option<String>,
    figure: Figure,
}

pub struct Fixture {
    items: Vec<(Item, Context)>,
}

impl Fixture {
    pub fn load() -> Fixture {
        let items: Vec<Item> =
            serde_json::from_str(include_str!("../../testdata/workbench/entries.json")).expect("entries.json reads");
        let items = items
            .into_iter()
            .map(|i| {
                let c = Context { before: i.before.clone(), after: i.after.clone() };
                (i, c)
            })
            .collect();
        Fixture { items }
    }

    pub fn entries(&self) -> Vec<Entry<'_>> {
        self.items
            .iter()
            .map(|(i, c)| Entry { period: i.period.as_deref(), ..Entry::of(&i.file, &i.figure, c) })
            .collect()
    }
}
