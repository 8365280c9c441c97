//! The sample articles bundled into the site.

pub struct Sample {
    pub file: &'static str,
    pub text: &'static str,
}

pub const SAMPLES: [Sample; 5] = [
    Sample {
        file: "000_779206c0961d10cc.txt",
        text: include_str!("../../core/testdata/decode/000_779206c0961d10cc.txt"),
    },
    Sample {
        file: "001_a3a797bd12993cc8.txt",
        text: include_str!("../../core/testdata/decode/001_a3a797bd12993cc8.txt"),
    },
    Sample {
        file: "002_736a2d626d106f43.txt",
        text: include_str!("../../core/testdata/decode/002_736a2d626d106f43.txt"),
    },
    Sample {
        file: "003_d3781b2b04487d6d.txt",
        text: include_str!("../../core/testdata/decode/003_d3781b2b04487d6d.txt"),
    },
    Sample {
        file: "004_b6da46b685f43c6f.txt",
        text: include_str!("../../core/testdata/decode/004_b6da46b685f43c6f.txt"),
    },
];

impl Sample {
    /// The headline: the first non-empty line.
    pub fn title(&self) -> &'static str {
        self.text
            .lines()
            .map(str::trim)
            .find(|l| {
                l.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count() >= 6
                    && !l.contains(['>', '：', ':', '|', '丨'])
            })
            .unwrap_or(self.file)
    }
}
