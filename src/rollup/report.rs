//! The roll-up as its report's form reads it: the results for the template, and the table of
//! the units.

use minijinja::Value;
use minijinja::value::Serde;

use super::{Levels, Rollup};
use crate::document::{Block, Column, numbered_rows};
use crate::dossier::Rating;
use crate::forms::RolledUp;

impl RolledUp for Rollup {
    fn template_value(&self) -> Value {
        Value::from(Serde(self))
    }

    fn units_table(&self) -> Block {
        units_table(self)
    }
}

/// The units of a roll-up, one row each and a row of totals: the members, those at each level
/// (headed by the level's short name, which breaks between words in a narrow column), those not
/// rated, the level of the organisation as the level above rated it, and the level its meeting
/// voted for the collective.
fn units_table(rollup: &Rollup) -> Block {
    let counts = |members: usize, levels: &Levels, not_rated: usize| {
        let mut cells = vec![members.to_string()];
        cells.extend(Rating::ALL.map(|rating| levels.at(rating).to_string()));
        cells.push(not_rated.to_string());
        cells
    };
    let mut rows = numbered_rows(&rollup.units, |unit| {
        let mut cells = vec![unit.unit.clone()];
        cells.extend(counts(unit.members, &unit.levels, unit.not_rated.len()));
        for level in [unit.organisation, unit.collective] {
            cells.push(level.map(Rating::short_vi).unwrap_or_default().to_string());
        }
        cells
    });
    let mut total = vec![String::new(), "Tổng cộng".to_string()];
    total.extend(counts(
        rollup.member_count,
        &rollup.members,
        rollup.units.iter().map(|u| u.not_rated.len()).sum(),
    ));
    total.extend([String::new(), String::new()]);
    rows.push(total);
    Block::Table {
        title: Vec::new(),
        columns: [
            ("STT", 5),
            ("Tổ chức đảng", 9),
            ("Số đảng viên", 5),
            ("Xuất sắc", 5),
            ("Tốt", 4),
            ("Hoàn thành", 6),
            ("Không hoàn thành", 7),
            ("Chưa xếp loại", 5),
            ("Tổ chức (cấp trên)", 6),
            ("Tập thể (hội nghị)", 6),
        ]
        .map(|(header, share)| Column::new(header, share))
        .to_vec(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::Catalogue;
    use crate::forms::computed::ROLLUP;
    use crate::forms::computed::tests::{assert_every_key_named, units};
    use crate::rollup::unit_results;

    #[test]
    fn the_template_names_every_key_of_the_roll_up() {
        let catalogue = Catalogue::builtin().unwrap();
        let mut results: Vec<_> = units()
            .iter()
            .map(|unit| unit_results(unit, "don-vi.yaml", &catalogue, &[]))
            .collect();
        // Last year's counts, which the samples do not link.
        results[0].previous = Some(Levels::default());
        let rollup = serde_json::to_value(Rollup::of(results)).unwrap();
        assert_every_key_named(ROLLUP, &[rollup]);
    }
}
