//! Copying objects of hoso's block PDF into the original document under fresh numbers.

use std::collections::{BTreeMap, VecDeque};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Copies objects from a source document into a target document. Each source object reached
/// is copied once, under a number after the target's highest, in the order it is reached.
/// References held by `/Parent` and `/P` are dropped so that a page's tree or an
/// annotation's page is never pulled in.
#[derive(Debug, Default)]
pub(super) struct Graft {
    numbers: BTreeMap<ObjectId, ObjectId>,
}

impl Graft {
    /// A copy of `object` (taken from `source`) whose references point at copies in `target`.
    pub(super) fn copy(
        &mut self,
        source: &Document,
        target: &mut Document,
        object: &Object,
    ) -> Object {
        let mut queue = VecDeque::new();
        let copied = self.remap(object, target, &mut queue);
        while let Some((old, new)) = queue.pop_front() {
            let original = source.objects.get(&old).cloned().unwrap_or(Object::Null);
            let remapped = self.remap(&original, target, &mut queue);
            target.objects.insert(new, remapped);
        }
        copied
    }

    fn remap(
        &mut self,
        object: &Object,
        target: &mut Document,
        queue: &mut VecDeque<(ObjectId, ObjectId)>,
    ) -> Object {
        match object {
            Object::Reference(id) => Object::Reference(self.number(*id, target, queue)),
            Object::Array(items) => Object::Array(
                items
                    .iter()
                    .map(|item| self.remap(item, target, queue))
                    .collect(),
            ),
            Object::Dictionary(dict) => Object::Dictionary(self.remap_dict(dict, target, queue)),
            Object::Stream(stream) => {
                let mut copy = stream.clone();
                copy.dict = self.remap_dict(&stream.dict, target, queue);
                Object::Stream(copy)
            }
            other => other.clone(),
        }
    }

    fn remap_dict(
        &mut self,
        dict: &Dictionary,
        target: &mut Document,
        queue: &mut VecDeque<(ObjectId, ObjectId)>,
    ) -> Dictionary {
        let mut copy = Dictionary::new();
        for (key, value) in dict.iter() {
            let upward = matches!(key.as_slice(), b"Parent" | b"P");
            if upward && matches!(value, Object::Reference(_)) {
                continue;
            }
            copy.set(key.clone(), self.remap(value, target, queue));
        }
        copy
    }

    fn number(
        &mut self,
        id: ObjectId,
        target: &mut Document,
        queue: &mut VecDeque<(ObjectId, ObjectId)>,
    ) -> ObjectId {
        if let Some(&known) = self.numbers.get(&id) {
            return known;
        }
        let fresh = target.new_object_id();
        self.numbers.insert(id, fresh);
        queue.push_back((id, fresh));
        fresh
    }
}
