//! Filling a form with the data: the Frame from metadata, the body from the template.

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::blanks::{FieldRead, Reads};
use super::computed::{self, MEETING, ROLLUP};
use super::directives::DataDirectives;
use super::index::IndexRow;
use super::{Catalogue, Form, FormError, RolledUp, Subject};
use crate::date::Date;
use crate::document::{
    Document, Frame, Metadata, PARTY_NAME, Subtitle, blocks_from_markdown, lines_of, one_line,
    sentence_case,
};
use crate::dossier::{Dossier, Member};
use crate::history::{self, Whose};
use crate::tally::Tally;

impl Catalogue {
    /// The Document of personal `form` for `member` of `dossier`.
    pub fn personal_document(
        &self,
        form: &Form,
        dossier: &Dossier,
        member: &Member,
    ) -> Result<Document, FormError> {
        self.document(form, dossier, Some(member), &[], None)
    }

    /// The Document of collective `form` (the unit's report) of `dossier`.
    pub fn collective_document(
        &self,
        form: &Form,
        dossier: &Dossier,
    ) -> Result<Document, FormError> {
        self.document(form, dossier, None, &[], None)
    }

    /// The Document of the packet's index `form`, listing `rows`.
    pub fn index_document(
        &self,
        form: &Form,
        dossier: &Dossier,
        rows: &[IndexRow],
    ) -> Result<Document, FormError> {
        self.document(form, dossier, None, rows, None)
    }

    /// The Document of roll-up `form`: the results of `rollup`, issued by the upper organisation
    /// `issuer`.
    pub fn rollup_document(
        &self,
        form: &Form,
        issuer: &Dossier,
        rollup: &dyn RolledUp,
    ) -> Result<Document, FormError> {
        self.document(form, issuer, None, &[], Some(rollup))
    }

    /// The fields of the data that `form` reads for `member` (or for the unit, when `member` is
    /// `None`), each with whether it is blank and so prints as lines or boxes to fill by hand.
    pub fn fields_read(
        &self,
        form: &Form,
        dossier: &Dossier,
        member: Option<&Member>,
    ) -> Result<Vec<FieldRead>, FormError> {
        check_subject(form, member, None)?;
        let reads = Reads::default();
        let data = template_data(dossier, member, None, Some(&reads));
        self.engine
            .get_template(&form.body_template())
            .and_then(|template| template.render(data))
            .map_err(|err| self.located(err))?;
        Ok(reads.into_fields())
    }

    fn document(
        &self,
        form: &Form,
        dossier: &Dossier,
        member: Option<&Member>,
        index: &[IndexRow],
        rollup: Option<&dyn RolledUp>,
    ) -> Result<Document, FormError> {
        check_subject(form, member, rollup)?;
        let data = template_data(dossier, member, rollup, None);
        let render_meta = |template: &Option<String>| -> Result<Option<String>, FormError> {
            let Some(template) = template else {
                return Ok(None);
            };
            let text = self
                .engine
                .render_str(template, data.clone())
                .map_err(|err| self.meta_located(form, err))?;
            Ok(Some(text).filter(|text| !text.trim().is_empty()))
        };
        let fallback_date = match member {
            Some(member) => member.signed_on,
            None => dossier.collective.ngay,
        }
        .unwrap_or(dossier.meeting.date);
        let date = render_meta(&form.meta.ngay)?
            .and_then(|text| Date::parse(&text))
            .unwrap_or(fallback_date);
        let number_text = render_meta(&form.meta.so)?;
        let subtitles = form
            .meta
            .dong_phu
            .iter()
            .map(|line| {
                let text = self
                    .engine
                    .render_str(line, data.clone())
                    .map_err(|err| self.meta_located(form, err))?;
                Ok(Subtitle::new(text))
            })
            .collect::<Result<Vec<_>, FormError>>()?;
        let organisation = &dossier.organisation;
        let number = form.meta.ky_hieu.as_ref().map(|kind| match &number_text {
            Some(number) => format!("Số {}", one_line(number)),
            None => format!("Số …-{kind}/…"),
        });
        let frame = Frame {
            form_code: form.meta.ma_mau.clone(),
            superior: lines_of(&organisation.superior.to_uppercase()),
            issuer: lines_of(&organisation.issuing_organ().to_uppercase()),
            number,
            party: PARTY_NAME.to_string(),
            place_date: format!("{}, {}", one_line(&organisation.place), date.long_vi()),
            title: form.meta.ten_loai.clone(),
            subtitles,
        };
        let markdown = self
            .engine
            .get_template(&form.body_template())
            .and_then(|template| template.render(data))
            .map_err(|err| self.located(err))?;
        let body = blocks_from_markdown(
            &markdown,
            &DataDirectives {
                dossier,
                member,
                index,
                rollup,
            },
        )
        .map_err(|err| self.owned_by(&form.body_template(), FormError::Markup(err)))?;
        let author = match member {
            Some(member) => one_line(&member.name),
            None => one_line(&organisation.name),
        };
        let meta = Metadata {
            title: format!(
                "{} năm {} - {author}",
                sentence_case(&form.meta.ten_loai),
                dossier.year,
            ),
            author,
            date,
        };
        Ok(Document {
            meta,
            frame: Some(frame),
            body,
        })
    }
}

/// A personal form needs a member, a collective form none, a roll-up form the roll-up.
fn check_subject(
    form: &Form,
    member: Option<&Member>,
    rollup: Option<&dyn RolledUp>,
) -> Result<(), FormError> {
    let fits = match form.meta.doi_tuong {
        Subject::Member => member.is_some(),
        Subject::Collective => member.is_none() && rollup.is_none(),
        Subject::Units => member.is_none() && rollup.is_some(),
    };
    if fits {
        Ok(())
    } else {
        Err(FormError::Subject {
            id: form.id.clone(),
            subject: form.meta.doi_tuong,
        })
    }
}

/// The names a form's template reads; with `reads`, the collective and the member note every
/// field read from them.
fn template_data(
    dossier: &Dossier,
    member: Option<&Member>,
    rollup: Option<&dyn RolledUp>,
    reads: Option<&Reads>,
) -> Value {
    let named = |value: Value, name: &str| match reads {
        Some(reads) => reads.traced(value, name),
        None => value,
    };
    context! {
        nam => dossier.year,
        che_do => dossier.regime().key(),
        to_chuc => Value::from(Serde(&dossier.organisation)),
        hoi_nghi => Value::from(Serde(&dossier.meeting)),
        tt => named(Value::from(Serde(&dossier.collective)), "tt"),
        in_phan_danh_gia => dossier.print_assessment,
        dv => member.map(|m| named(Value::from(Serde(m)), "dv")),
        // Whether the member registers as a leader: the secretary or a member with a
        // leadership or management post.
        la_lanh_dao => member.is_some_and(|m| dossier.registers_as_leader(m)),
        // The meeting's counts, named in Vietnamese, for the unit's documents only: a member's
        // form never reads them, and a packet of many members would count them again for each.
        kq => member
            .is_none()
            .then(|| computed::named(Value::from(Serde(&Tally::of(dossier))), MEETING)),
        muc_iii => section_three(dossier, member),
        th => rollup.map(|rollup| computed::named(rollup.template_value(), ROLLUP)),
    }
}

/// Section III of the review the form is about: the earlier shortcomings point by point, and the
/// section's own text.
fn section_three(dossier: &Dossier, member: Option<&Member>) -> Value {
    let (whose, text) = match member {
        Some(member) => (Whose::Member(member), &member.self_review.khac_phuc),
        None => (Whose::Collective, &dossier.collective.khac_phuc),
    };
    context! {
        ky_truoc => Value::from(Serde(history::section_three(dossier, whose))),
        loi => Value::from(Serde(text)),
    }
}
